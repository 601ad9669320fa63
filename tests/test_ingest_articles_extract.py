"""relgraph extract against a real CoreNLP server, on sentences written for these tests.

One article of our own sentences is parsed once (the server caches nothing;
relgraph keeps the parse in-process), then each test checks what a careful
reader would take from one sentence. The article is dated Tuesday 20 December 2016.
"""

import os
from datetime import date
from pathlib import Path

import pytest

from relgraph.dataset import load
from relgraph.ingest.articles.extract import Article, extract
from relgraph.model import Actor, Dataset

pytestmark = pytest.mark.corenlp

DAY = date(2016, 12, 20)
SENTENCES = {
    "demonym-event": "Syrian gunners shot down a Turkish drone over Idlib on Monday.",
    "coordination-stance": "Russia and Iran have backed the Assad regime since March 2011.",
    "institution-capital": "The Kremlin condemned Ankara.",
    "leader-title": "Egyptian President Abdel Fattah al-Sisi met Vladimir Putin last weekend.",
    "passive": "Two agreements were brokered by Russia and Turkey.",
    "negation": "The United States did not attack the rebels.",
    "refusal": "Iran refused to meet Turkey.",
    "claim": "Ankara says the YPG is an extension of the PKK.",
    "season": "Putin reconciled with Erdoğan in the summer.",
    "month": "In November 2015, Turkey attacked Russian forces near the border.",
    "present-stance": "Egypt backs Haftar.",
    "modal": "Tehran may also back the rebels.",
}
TEXT = "\n\n".join(SENTENCES.values())
KNOWN = Dataset(actors={a.id: a for a in (
    Actor("russia", "Russia", "state", ("Moscow",), "RUS"),
    Actor("turkey", "Turkey", "state", ("Ankara",), "TUR"),
    Actor("iran", "Iran", "state", ("Tehran",), "IRN"),
    Actor("assad-regime", "Assad regime", "government", ("Damascus",), "SYR"),
    Actor("syrian-opposition", "Syrian opposition", "coalition", ("rebels",), "SYR"),
)})


@pytest.fixture(scope="module")
def found(corenlp_url):
    return extract([Article(TEXT, "tests", "Test sentences")], DAY, known=KNOWN, url=corenlp_url)


def relations(found, sentence):
    """(source, type, target, when) of the candidates quoting one of SENTENCES."""
    quote = SENTENCES[sentence]
    return {(r.source, r.type, r.target, str(r.date or r.start)) for r in found.relations.values()
            if any(c.quote == quote for c in r.sources)}


def test_every_candidate_is_pending_and_quotes_its_sentence_at_its_offsets(found):
    assert found.relations
    for rel in found.relations.values():
        assert rel.review == "pending"
        for citation in rel.sources:
            begin, end = citation.offsets
            assert TEXT[begin:end] == citation.quote
            assert citation.source.id == "tests" and citation.evidence is None


def test_demonyms_name_states_and_monday_is_the_day_before(found):
    assert relations(found, "demonym-event") == {("syria", "shoots-down", "turkey", "2016-12-19")}


def test_coordinated_subjects_make_two_stances_from_the_month_given(found):
    assert relations(found, "coordination-stance") == {("russia", "backs", "assad-regime", "2011-03"),
                                                       ("iran", "backs", "assad-regime", "2011-03")}


def test_an_institution_and_a_capital_stand_for_their_states(found):
    assert relations(found, "institution-capital") == {("russia", "criticises", "turkey", "2016-12-20")}
    assert "criticises" in found.types and found.types["criticises"].sign == -1


def test_a_titled_leader_leads_the_state_and_last_weekend_is_a_range(found):
    assert relations(found, "leader-title") == {
        ("abdel-fattah-al-sisi", "leads", "egypt", "2016"),
        ("abdel-fattah-al-sisi", "meets", "vladimir-putin", "2016-12-17/2016-12-18")}
    assert found.actors["abdel-fattah-al-sisi"].kind == "person"


def test_the_agents_of_a_passive_are_the_sources(found):
    got = relations(found, "passive")
    assert {(s, t) for s, t, _, _ in got} == {("russia", "brokers"), ("turkey", "brokers")}
    (deal,) = {target for _, _, target, _ in got}
    assert found.actors[deal].kind == "agreement"


def test_negated_refused_and_modal_clauses_make_nothing(found):
    assert relations(found, "negation") == set()
    assert relations(found, "refusal") == set()
    assert relations(found, "modal") == set()


def test_a_reported_claim_is_attributed_with_less_confidence(found):
    (rel,) = [r for r in found.relations.values() if any(c.quote == SENTENCES["claim"] for c in r.sources)]
    assert (rel.source, rel.type, rel.target) == ("ypg", "affiliated-with", "pkk")
    assert rel.confidence <= 0.5
    assert rel.notes == "Claimed by Turkey"


def test_seasons_and_months_keep_their_precision(found):
    assert relations(found, "season") == {("vladimir-putin", "reconciles-with", "erdogan", "2016-summer")}
    assert relations(found, "month") == {("turkey", "attacks", "russia", "2015-11")}


def test_a_stance_in_the_present_tense_is_attested_from_the_articles_year(found):
    assert relations(found, "present-stance") == {("egypt", "backs", "haftar", "2016")}


def test_candidates_written_by_the_cli_validate_and_merge_after_review(run, tmp_path, corenlp_url):
    article = tmp_path / "article.txt"
    article.write_text(SENTENCES["demonym-event"] + " " + SENTENCES["coordination-stance"], encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "actors.yaml").write_text(
        "actors:\n  - {id: russia, name: Russia, kind: state}\n"
        "  - {id: assad-regime, name: Assad regime, kind: government, country: SYR}\n")
    out = run("extract", "article.txt", "--date", "2016-12-20", "--output", "candidates.yaml", "--data", "data",
              env={"CORENLP_URL": corenlp_url})
    assert out.exit_code == 0, out.output
    assert out.output.startswith("Wrote candidates.yaml: 3 candidate relations (review: pending)")
    assert run("validate", "candidates.yaml").exit_code == 0
    text = (tmp_path / "candidates.yaml").read_text()
    (tmp_path / "candidates.yaml").write_text(text.replace("review: pending", "review: accepted", 1))
    merged = run("merge", "candidates.yaml", "--into", "data")
    assert merged.output.splitlines()[-1] == (
        "Merged 1 accepted relation to data/extracted-candidates.yaml; 0 duplicates, 2 pending and 0 rejected left out")
    assert len(load(tmp_path / "data").relations) == 1


def test_no_server_is_one_line_naming_the_url(run, tmp_path, free_port):
    (tmp_path / "a.txt").write_text("Russia backs Syria.")
    url = f"http://127.0.0.1:{free_port()}"
    out = run("extract", "a.txt", "--date", "2016-12-20", env={"CORENLP_URL": url})
    assert out.exit_code == 1
    assert out.output.startswith(f"Error: no CoreNLP server answers at {url} (")
    assert out.output.rstrip().endswith("start one with `relgraph nlp start` or set CORENLP_URL")


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


def test_the_reference_article_gives_valid_candidates(run, tmp_path, corenlp_url):
    if not SEED.is_dir():
        # CI clones beside ../shared; a missing seed there is a broken set-up, not a reason to pass
        if os.environ.get("CI") == "true":
            pytest.fail("the reference article is missing from ../shared/seed", pytrace=False)
        pytest.skip("the reference article is not beside the repository")
    (article,) = sorted(SEED.glob("*.txt"))
    out = run("extract", str(article), "--date", "2016-12-20", "--output", "seed.yaml",
              env={"CORENLP_URL": corenlp_url})
    assert out.exit_code == 0, out.output
    report = load(tmp_path / "seed.yaml")
    assert ("turkey", "shoots-down", "russia") in {(r.source, r.type, r.target) for r in report.relations.values()}


def test_a_dated_stance_in_one_article_leaves_another_articles_undated_one(corenlp_url):
    # the undated stance gives way to a dated one of its own article only: "until 2014" says nothing of now
    found = extract([Article("Egypt backed Hamas until 2014.", "past", "Past"),
                     Article("Egypt backs Hamas.", "now", "Now")], date(2016, 12, 20), url=corenlp_url)
    got = {(r.source, r.type, r.target, str(r.start), str(r.end), tuple(c.source.id for c in r.sources))
           for r in found.relations.values()}
    assert got == {("egypt", "backs", "hamas", "2014", "2014", ("past",)),
                   ("egypt", "backs", "hamas", "2016", "None", ("now",))}
