"""What extraction relies on that needs no server: the lexicon against CAMEO, actor names, the
server's set-up checks, candidates files, merging and scoring."""

import ipaddress
import os
from pathlib import Path

import pycountry
import pytest
import yaml

from relgraph.dataset import load, read
from relgraph.ingest.articles import server as corenlp_server
from relgraph.ingest.articles.actors import Resolver, _data
from relgraph.ingest.articles.lexicon import load_lexicon
from relgraph.ingest.articles.score import Fact, score
from relgraph.ingest.review import merge
from relgraph.model import BUILTIN_TYPES, Actor, Dataset, Relation

CAMEO = Path(__file__).resolve().parents[2] / "shared" / "data" / "cameo"


def cameo_table(name):
    if not CAMEO.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("the CAMEO tables are missing from ../shared/data/cameo", pytrace=False)
        pytest.skip("no ../shared/data/cameo beside the repository")
    lines = (CAMEO / name).read_text(encoding="latin-1").splitlines()[1:]
    return dict(line.split("\t")[:2] for line in lines if "\t" in line)


def test_every_lexicon_code_and_goldstein_value_is_cameos():
    codes, goldstein = cameo_table("CAMEO.eventcodes.txt"), cameo_table("CAMEO.goldsteinscale.txt")
    for entry in load_lexicon().entries:
        if entry.cameo is None:
            continue
        assert entry.cameo in codes, entry.type
        assert float(goldstein[entry.cameo]) == entry.goldstein, entry.type


def test_every_lexicon_type_is_declared_and_custom_signs_follow_goldstein():
    lex = load_lexicon()
    for entry in lex.entries:
        rtype = lex.relation_type(entry.type)
        if entry.type in lex.custom_types and entry.goldstein:
            assert rtype.sign == (1 if entry.goldstein > 0 else -1)
    assert not set(lex.custom_types) & set(BUILTIN_TYPES)


def test_places_are_iso_countries_and_cameo_groups_have_known_kinds():
    for code in _data("places.yaml"):
        assert pycountry.countries.get(alpha_3=code) is not None, code
    assert {g["kind"] for g in _data("cameo-groups.yaml").values()} == {"armed-group", "organisation"}


@pytest.mark.parametrize(("text", "actor"), [
    ("Ankara", "turkey"), ("Turkish", "turkey"), ("Türkiye", "turkey"), ("the Kremlin", "russia"),
    ("Russian Federation", "russia"), ("Emirati", "united-arab-emirates"), ("US", "united-states"),
    ("the White House", "united-states"), ("Hezbollah", "hezbollah"), ("NATO", "north-atlantic-treaty-organization"),
])
def test_names_capitals_demonyms_institutions_and_groups(text, actor):
    assert Resolver().lookup(text).id == actor


def test_the_datasets_own_names_come_first_and_case_matters_where_it_should():
    known = Dataset(actors={"nato": Actor("nato", "NATO", "organisation", ("the alliance",)),
                            "moscow-city": Actor("moscow-city", "Moscow city council", "organisation", ("Moscow",))})
    r = Resolver(known)
    assert (r.lookup("NATO").id, r.lookup("Moscow").id, r.lookup("the alliance").id) == ("nato", "moscow-city", "nato")
    assert r.lookup("us") is None and r.lookup("turkey") is None


def test_the_server_answers_loopback_only():
    blocked = [ipaddress.ip_network(n) for n in corenlp_server.NOT_LOOPBACK]
    loopback = ipaddress.ip_network("127.0.0.0/8")
    assert not any(n.overlaps(loopback) for n in blocked)
    assert sum(n.num_addresses for n in blocked) + loopback.num_addresses == 2 ** 32


def test_missing_java_and_a_bad_heap_size_are_one_line(run, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = run("nlp", "start", "--dir", str(tmp_path / "i"), "--memory", "4g")
    assert (out.exit_code, out.output) == (1, "Error: java is not installed: install Java 8 or later (Debian: "
                                              "apt-get install openjdk-17-jre-headless), or run CoreNLP with "
                                              "Docker (docker/compose.yml) and set CORENLP_URL\n")
    monkeypatch.undo()
    out = run("nlp", "start", "--dir", str(tmp_path / "i"), "--memory", "lots")
    assert out.output == "Error: 'lots' is not a heap size: use a number and m or g, e.g. 4g\n"


def test_status_of_a_folder_without_an_instance(run, tmp_path):
    assert corenlp_server.status(tmp_path) is None
    out = run("nlp", "status", "--dir", str(tmp_path))
    assert (out.exit_code, out.output) == (4, f"No CoreNLP instance in {tmp_path}\n")


CANDIDATES = """
sources:
  - {id: article, title: An article, published: 2016-12-20}
actors:
  - {id: russia, name: Russia, kind: state}
  - {id: turkey, name: Turkey, kind: state}
relations:
  - source: turkey
    type: shoots-down
    target: russia
    date: 2016-12-19
    confidence: 0.8
    review: %s
    sources:
      - {ref: article, quote: Turkish jets shot down a Russian warplane., offsets: [0, 42]}
"""


def test_validate_accepts_candidates_and_names_a_bad_review_or_offsets(write):
    assert read(write(CANDIDATES % "pending")).problems == []
    path = write(CANDIDATES % "maybe")
    problems = [str(p) for p in read(path).problems]
    assert problems == [f"{path}:12: error: relation 1 (turkey shoots-down russia), field 'review': "
                        "'maybe' is not one of: pending, accepted, rejected"]
    bad = (CANDIDATES % "pending").replace("offsets: [0, 42]", "offsets: [42, 0]")
    assert [p.field for p in read(write(bad)).problems] == ["offsets"]


def test_quote_and_review_survive_a_round_trip(write, tmp_path):
    from relgraph.dataset import write as save

    data = load(write(CANDIDATES % "accepted"))
    for name in ("again.yaml", "again.jsonl"):
        save(data, tmp_path / name)
        again = load(tmp_path / name)
        (rel,) = again.relations.values()
        assert (rel.review, rel.sources[0].quote, rel.sources[0].offsets) == (
            "accepted", "Turkish jets shot down a Russian warplane.", (0, 42))


def test_merge_adds_accepted_only_reports_duplicates_and_keeps_curated_files(run, write, tmp_path):
    write(CANDIDATES % "accepted", "candidates.yaml")
    write("actors:\n  - {id: russia, name: Russia, kind: state}  # a curated comment\n", "data/actors.yaml")
    out = run("merge", "candidates.yaml", "--into", "data")
    assert out.output == ("Merged 1 accepted relation to data/extracted-candidates.yaml; 0 duplicates, "
                          "0 pending and 0 rejected left out\n")
    merged = load(tmp_path / "data")
    assert merged.relations["turkey.shoots-down.russia.2016-12-19"].review is None
    assert "# a curated comment" in (tmp_path / "data" / "actors.yaml").read_text()
    again = run("merge", "candidates.yaml", "--into", "data")
    assert again.output == ("duplicate: turkey.shoots-down.russia.2016-12-19 is already in the dataset as "
                            "turkey.shoots-down.russia.2016-12-19\nMerged 0 accepted relations; 1 duplicate, "
                            "0 pending and 0 rejected left out\n")


def test_symmetric_types_merge_as_duplicates_either_way_round():
    a, b = Actor("a", "A", "state"), Actor("b", "B", "state")
    curated = Dataset(actors={"a": a, "b": b}, relations={"r": Relation("r", "a", "cooperates", "b", 1)})
    found = Dataset(actors={"a": a, "b": b}, relations={"x": Relation("x", "b", "cooperates", "a", 1,
                                                                      review="accepted")})
    assert merge(found, curated).duplicates == [("x", "r")]


def test_scoring_counts_each_fact_once_and_dates_by_their_text():
    gold = [Fact("a", 1, "b", "2011-03"), Fact("a", 1, "b", "2012"), Fact("c", -1, "d", None)]
    found = [Fact("a", 1, "b", "2012"), Fact("d", -1, "c", None), Fact("x", 1, "y", None)]
    s = score(found, gold)
    assert (s.candidates, s.correct, s.gold, s.found, s.dated, s.dated_right) == (3, 1, 2, 1, 1, 1)
    s = score([*found[:1], Fact("d", -1, "c", None, symmetric=True)], gold)
    assert (s.correct, s.found) == (2, 2)


def test_the_gold_files_validate_and_follow_the_guidelines():
    for path in sorted((Path(__file__).resolve().parents[1] / "benchmarks" / "extract").glob("*/*.yaml")):
        data = load(path)
        (source,) = data.sources.values()
        assert path.stem.endswith(str(source.published)), path
        words = len(path.with_suffix(".txt").read_text().split())
        assert 150 <= words <= 300, path
        assert yaml.safe_load(path.read_text())["relations"], path


def test_the_docker_service_assembles_corenlp_as_relgraph_does():
    root = Path(__file__).resolve().parents[1]
    pom = (root / "docker" / "corenlp-pom.xml").read_text(encoding="utf-8")
    assert pom == corenlp_server.POM
    service = yaml.safe_load((root / "docker" / "compose.yml").read_text(encoding="utf-8"))["services"]["corenlp"]
    assert service["ports"] == ["127.0.0.1:9000:9000"]
    assert f"-preload {','.join(corenlp_server.ANNOTATORS)}" in service["command"][-1]


def test_the_lexicon_holds_words_not_yaml_booleans():
    """YAML 1.1 reads a bare on, off or no as a boolean: every word must stay a word."""
    def words(value):
        if isinstance(value, dict):
            return [w for k, v in value.items() if k not in ("reverse", "mutual", "xcomp", "while") for w in words(v)]
        if isinstance(value, list):
            return [w for v in value for w in words(v)]
        return [value]

    raw = yaml.safe_load(Path(__file__).resolve().parents[1].joinpath(
        "relgraph", "ingest", "articles", "data", "lexicon.yaml").read_text(encoding="utf-8"))
    assert not [w for w in words(raw) if isinstance(w, bool)]
