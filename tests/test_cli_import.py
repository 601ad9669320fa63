"""relgraph import on the command line, and an imported folder in Neo4j."""

from ingest_cases import ACLED_API, EXCERPT, ICEWS

from relgraph.dataset import load


def test_import_prints_what_it_read_skipped_and_wrote(run, tmp_path):
    result = run("import", "gdelt", str(EXCERPT), "--output", "out", "--country", "RUS")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == ("Read 18 rows from 1 file (6 GDELT 1.0 (57 columns, no SOURCEURL), "
                                             "12 GDELT 1.0 (58 columns))")
    assert result.output.splitlines()[-1] == ("Wrote out: 5 relations (5 events), 4 actors, 4 sources, "
                                              "3 declared types")
    assert run("validate", "out").exit_code == 0


def test_import_with_aggregate_and_codes(run, tmp_path):
    result = run("import", "gdelt", str(EXCERPT), "-o", "out", "--aggregate", "month", "--codes", "04,05")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("Wrote out: ")
    assert all(r.type in ("cooperates", "interacts-with", "hostile-to", "fights")
               for r in load(tmp_path / "out").relations.values())


def test_import_errors_are_one_line(run):
    result = run("import", "icews", str(ICEWS), "-o", "out", "--min-sources", "2")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == ("Error: icews records do not count sources or mentions: "
                                              "--min-sources and --min-mentions are for gdelt")
    result = run("import", "acled", "missing.csv", "-o", "out")
    assert (result.exit_code, result.output.splitlines()[-1]) == (1, "Error: missing.csv: no such file")
    result = run("import", "acled", str(ACLED_API), "-o", "out", "--from", "2020-05-10", "--to", "2020-05-09")
    assert result.exit_code == 2 and "Invalid value for '--to': 2020-05-09 is before --from 2020-05-10" in result.output
    result = run("import", "cameo", str(ACLED_API), "-o", "out")
    assert result.exit_code == 2 and "'cameo' is not one of 'gdelt', 'icews', 'acled'" in result.output


def test_an_imported_folder_loads_into_neo4j(run, tmp_path, neo4j_store, neo4j_target):
    assert run("import", "acled", str(ACLED_API), "-o", "acled").exit_code == 0
    result = run("load", "acled", env=neo4j_target.env)
    assert result.exit_code == 0, result.output
    again = run("load", "acled", env=neo4j_target.env)
    assert again.exit_code == 0, again.output
    stored = neo4j_store.read()
    assert stored.relations == load(tmp_path / "acled").relations
    assert stored.relations["acled:syr12345"].sources[0].source.title == "Syrian Observatory for Human Rights"
