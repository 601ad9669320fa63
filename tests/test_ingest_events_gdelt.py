"""GDELT import: layouts told row by row, compressed inputs, origin kept, bad rows located, filters."""

import gzip
import zipfile

import pytest
from ingest_cases import EXCERPT, SAMPLE, by_id, excerpt_rows, gdelt_row, to_v2, write_rows

from relgraph.dataset import load
from relgraph.errors import EventDataError
from relgraph.ingest.events import import_events


def test_57_and_58_column_rows_of_one_file_are_both_read(tmp_path):
    summary = import_events("gdelt", [EXCERPT], tmp_path / "out")
    assert summary.layouts == {"GDELT 1.0 (58 columns)": 12, "GDELT 1.0 (57 columns, no SOURCEURL)": 6}
    assert summary.rows == 18 and summary.bad == 0
    relations = by_id(tmp_path / "out")
    # 1982, 57 columns: no SOURCEURL, so the citation is the GDELT database itself
    old = relations["gdelt:1552839"]
    assert (old["source"], old["type"], old["target"], old["sign"], old["date"]) == (
        "canada", "threatens", "poland", -1, "1982-01-02")
    assert old["sources"][0]["ref"] == "gdelt:event-database"


def test_each_event_keeps_its_record_id_and_cites_the_record_source(tmp_path):
    import_events("gdelt", [EXCERPT], tmp_path / "out")
    data = load(tmp_path / "out")
    rel = data.relations["gdelt:564442662"]  # TURGOV -> RUS, CAMEO 044, Goldstein 2.5
    assert (rel.source, rel.type, rel.target, rel.sign, str(rel.date)) == ("turkey", "meets", "russia", 1,
                                                                          "2016-07-28")
    (citation,) = rel.sources
    assert citation.source.url.startswith("http")
    row = next(r for r in excerpt_rows() if r[0] == "564442662")
    assert citation.source.url == row[57]
    assert "GDELT event 564442662" in citation.evidence and "CAMEO 044" in citation.evidence
    assert "TURGOV -> RUS" in rel.notes
    assert data.actors["russia"].wikidata == "Q159" and data.actors["turkey"].country == "TUR"


def test_gdelt_2_rows_have_61_columns(tmp_path):
    rows = [to_v2(r) for r in excerpt_rows() if len(r) == 58]
    summary = import_events("gdelt", [write_rows(tmp_path / "v2.tsv", rows)], tmp_path / "v2")
    assert summary.layouts == {"GDELT 2.0 (61 columns)": 12} and summary.bad == 0
    import_events("gdelt", [EXCERPT], tmp_path / "v1")
    v1 = {k: v for k, v in by_id(tmp_path / "v1").items() if v["date"] > "2000"}
    v2 = by_id(tmp_path / "v2")
    assert v2.keys() == v1.keys()
    assert [v2[k]["sources"] for k in v2] == [v1[k]["sources"] for k in v2]
    assert "added 20160728000000" in v2["gdelt:564442662"]["notes"]


def test_plain_gzipped_and_zipped_files_give_the_same_dataset(tmp_path):
    raw = EXCERPT.read_bytes()
    gz = tmp_path / "events.tsv.gz"
    gz.write_bytes(gzip.compress(raw))
    zipped = tmp_path / "events.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("20160728.export.CSV", raw)
    outputs = []
    for i, source in enumerate((EXCERPT, gz, zipped)):
        import_events("gdelt", [source], tmp_path / f"out{i}")
        outputs.append({name: (tmp_path / f"out{i}" / name).read_bytes()
                        for name in ("actors.jsonl", "relations.jsonl", "sources.jsonl", "types.jsonl")})
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_reimport_writes_the_same_files(tmp_path):
    out = tmp_path / "out"
    import_events("gdelt", [SAMPLE], out)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    import_events("gdelt", [SAMPLE], out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    assert load(out).relations  # and it is a valid dataset


def test_the_same_record_in_two_files_is_one_relation(tmp_path):
    summary = import_events("gdelt", [EXCERPT, EXCERPT], tmp_path / "out")
    once = import_events("gdelt", [EXCERPT], tmp_path / "once")
    assert summary.duplicates == once.events and summary.events == once.events
    assert (tmp_path / "out" / "relations.jsonl").read_bytes() == (tmp_path / "once" / "relations.jsonl").read_bytes()


def test_bad_rows_are_counted_and_located_and_the_rest_is_imported(tmp_path):
    good = excerpt_rows()
    lines = ["\t".join(good[5]), "", "\t".join(good[6][:20]), "\t".join([*good[7], "extra"])]
    bad_date = list(good[8])
    bad_date[1] = "20161345"
    lines.append("\t".join(bad_date))
    text = "\n".join(lines).encode() + b"\n"
    not_utf8 = "\t".join(good[9]).encode().replace(b"USA", b"US\xff", 1)
    text += not_utf8 + b"\n" + "\t".join(good[10]).encode() + b"\n"
    bad_id = list(good[11])
    bad_id[0] = "12x"
    text += ("\t".join(bad_id) + "\n").encode()
    path = tmp_path / "bad.tsv"
    path.write_bytes(text)
    summary = import_events("gdelt", [path], tmp_path / "out")
    assert [str(p) for p in summary.problems] == [
        f"{path}:3: warning: has 20 tab-separated columns; GDELT 1.0 has 57 or 58, 2.0 has 61; row skipped",
        f"{path}:4: warning: has 59 tab-separated columns; GDELT 1.0 has 57 or 58, 2.0 has 61; row skipped",
        f"{path}:5: warning: field 'SQLDATE': '20161345' is not a date; row skipped",
        f"{path}:6: warning: bytes that are not UTF-8; row skipped",
        f"{path}:8: warning: field 'GLOBALEVENTID': '12x' is not a number; row skipped",
    ]
    # a blank line is no row, but it is a line
    assert summary.rows == 7 and summary.bad == 5
    assert set(by_id(tmp_path / "out")) == {f"gdelt:{good[5][0]}", f"gdelt:{good[10][0]}"}


def test_rows_without_two_actors_are_counted_with_the_reason(tmp_path):
    rows = [gdelt_row(1, "20160801", "RUS", "", "040", 1.0),
            gdelt_row(2, "20160801", "", "TUR", "040", 1.0),
            gdelt_row(3, "20160801", "REB", "TUR", "190", -10),
            gdelt_row(4, "20160801", "RUSGOV", "RUSMIL", "040", 1.0),
            gdelt_row(5, "20160801", "MEA", "RUS", "040", 1.0),
            gdelt_row(6, "20160801", "RUS", "TUR", "999", 1.0),
            gdelt_row(7, "20160801", "RUS", "TUR", "040", 1.0)]
    summary = import_events("gdelt", [write_rows(tmp_path / "e.tsv", rows)], tmp_path / "out")
    assert summary.skipped == {"no actor 2": 1, "no actor 1": 1, "actor 1: no country or known group": 1,
                               "both sides are the same actor": 1, "actor 1: a region or place, not a state": 1,
                               "event code not in the mapping": 1}
    assert summary.examples["actor 1: no country or known group"] == ["REB"]
    assert summary.events == 1 and list(by_id(tmp_path / "out")) == ["gdelt:7"]


def test_filters_country_dates_sources_mentions_and_codes(tmp_path):
    rows = [gdelt_row(1, "20160701", "RUS", "TUR", "040", 1.9, sources=1, mentions=1),
            gdelt_row(2, "20160715", "USA", "IRN", "111", -2.0, sources=3, mentions=9),
            gdelt_row(3, "20160801", "TUR", "SYRREB", "190", -10.0, sources=5, mentions=20),
            gdelt_row(4, "20160901", "IRN", "SYRGOV", "0732", 8.3, sources=2, mentions=4)]
    path = write_rows(tmp_path / "e.tsv", rows)

    def ids(**options):
        out = tmp_path / f"o{len(list(tmp_path.iterdir()))}"
        import_events("gdelt", [path], out, **options)
        return sorted(by_id(out))

    assert ids(country=("Turkey",)) == ["gdelt:1", "gdelt:3"]
    assert ids(country=("SYR", "USA")) == ["gdelt:2", "gdelt:3", "gdelt:4"]
    from datetime import date
    assert ids(start=date(2016, 7, 15), end=date(2016, 8, 1)) == ["gdelt:2", "gdelt:3"]
    assert ids(min_sources=3) == ["gdelt:2", "gdelt:3"]
    assert ids(min_mentions=10) == ["gdelt:3"]
    assert ids(codes=("19", "07")) == ["gdelt:3", "gdelt:4"]
    assert ids(codes=("0732",)) == ["gdelt:4"]


def test_rebels_are_their_own_actor_and_the_state_stands_for_its_government(tmp_path):
    rows = [gdelt_row(1, "20160801", "SYRGOV", "SYRREB", "190", -10.0),
            gdelt_row(2, "20160801", "SYRMIL", "SYROPP", "173", -5.0)]
    import_events("gdelt", [write_rows(tmp_path / "e.tsv", rows)], tmp_path / "out")
    relations = by_id(tmp_path / "out")
    assert (relations["gdelt:1"]["source"], relations["gdelt:1"]["target"]) == ("syria", "syria-rebels")
    assert (relations["gdelt:2"]["source"], relations["gdelt:2"]["target"]) == ("syria", "syria-opposition")
    actors = by_id(tmp_path / "out", "actors")
    assert actors["syria-rebels"] == {"record": "actor", "id": "syria-rebels", "name": "Rebels (Syria)",
                                      "kind": "armed-group", "country": "SYR"}
    assert actors["syria-opposition"]["kind"] == "coalition"


def test_unusable_input_is_one_clear_error(tmp_path):
    with pytest.raises(EventDataError, match="no such file"):
        import_events("gdelt", [tmp_path / "missing.tsv"], tmp_path / "out")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "curated.yaml").write_text("actors: []\n", encoding="utf-8")
    with pytest.raises(EventDataError, match="holds other dataset files"):
        import_events("gdelt", [EXCERPT], tmp_path / "out")
    with pytest.raises(EventDataError, match="unknown country 'Atlantis'"):
        import_events("gdelt", [EXCERPT], tmp_path / "o2", country=("Atlantis",))
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    with pytest.raises(EventDataError, match="cannot read the zip archive"):
        import_events("gdelt", [tmp_path / "broken.zip"], tmp_path / "o3")


def test_the_shared_sample_imports_into_a_valid_dataset(tmp_path):
    summary = import_events("gdelt", [SAMPLE], tmp_path / "out")
    data = load(tmp_path / "out")
    assert len(data.relations) == summary.relations == summary.events > 0
    assert summary.rows == len(SAMPLE.read_text(encoding="utf-8").splitlines())
    assert all(r.id.startswith("gdelt:") and r.sources for r in data.relations.values())


def test_of_a_record_repeated_in_one_file_the_first_row_is_kept(tmp_path):
    rows = [gdelt_row(7, "20160801", "RUS", "TUR", "040", 1.0), gdelt_row(8, "20160801", "RUS", "IRN", "040", 1.0),
            gdelt_row(7, "20160802", "RUS", "USA", "190", -10.0)]
    summary = import_events("gdelt", [write_rows(tmp_path / "e.tsv", rows)], tmp_path / "out")
    assert summary.duplicates == 1
    assert (by_id(tmp_path / "out")["gdelt:7"]["target"], by_id(tmp_path / "out")["gdelt:7"]["date"]) == (
        "turkey", "2016-08-01")
