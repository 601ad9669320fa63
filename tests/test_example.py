"""Facts of the example dataset that a reader of the article can check."""

import hashlib
import re
from datetime import date
from pathlib import Path

from relgraph.snapshot import snapshot

ARTICLE = "syria-daily-2016-12-20"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
SEED_SHINGLES = Path(__file__).parent / "data" / "seed-shingles.txt"


def signs(graph, u, v):
    """Signs of the stances between u and v, either direction."""
    return {a["sign"] for x, y, a in graph.edges(data=True)
            if {x, y} == {u, v} and a["kind"] == "stance"}


def types(graph, u, v):
    return {a["type"] for x, y, a in graph.edges(data=True) if (x, y) == (u, v)}


def test_russia_and_turkey_hostile_in_january_2016_and_cooperating_in_december(example):
    assert signs(snapshot(example, "2016-01-01"), "russia", "turkey") == {-1}
    assert types(snapshot(example, "2016-01-01"), "russia", "turkey") == {"hostile-to"}
    assert signs(snapshot(example, "2016-12-20"), "russia", "turkey") == {1, 0}
    assert "cooperates" in types(snapshot(example, "2016-12-20"), "russia", "turkey")


def test_russia_backs_the_regime_on_the_article_date_but_not_in_2010(example):
    assert "backs" in types(snapshot(example, "2016-12-20"), "russia", "assad-regime")
    assert "backs" not in types(snapshot(example, "2010-01-01"), "russia", "assad-regime")


def test_backers_on_the_article_date(example):
    g = snapshot(example, "2016-12-20")
    assert "backs" in types(g, "iran", "assad-regime")
    assert "backs" in types(g, "turkey", "syrian-opposition")


def test_the_shoot_down_keeps_its_month_precision(example):
    (rel,) = [r for r in example.relations.values() if r.type == "shoots-down"]
    assert (rel.source, rel.target, str(rel.date), rel.date.precision) == ("turkey", "russia", "2015-11", "month")
    assert "shoots-down" in types(snapshot(example, "2015-12-20"), "turkey", "russia")
    assert "shoots-down" not in types(snapshot(example, "2016-01-01"), "turkey", "russia")


def test_relative_dates_are_resolved_against_tuesday_20_december_2016(example):
    def when(source, type_, target):
        (rel,) = [r for r in example.relations.values()
                  if (r.source, r.type, r.target) == (source, type_, target)]
        return str(rel.date or rel.start)

    assert when("ankara-gunman", "assassinates", "andrei-karlov") == "2016-12-19"  # "Monday"
    assert when("russia", "accepts", "unsc-aleppo-monitors") == "2016-12-18"  # "on Sunday"
    assert when("iran", "accepts", "aleppo-evacuation-final-terms") == "2016-12-17/2016-12-18"  # "last weekend"
    assert when("recep-tayyip-erdogan", "reconciles-with", "vladimir-putin") == "2016-summer"  # "in the summer"
    assert when("russia", "backs", "assad-regime") == "2011-03"  # "since March 2011"
    assert when("united-states", "negotiates-with", "russia") == "2013-09"  # "since September 2013"
    assert date(2016, 12, 20).weekday() == 1  # the article's Tuesday


def test_six_vetoes_before_the_monitors_measure(example):
    vetoes = sorted(r.date.first for r in example.relations.values() if r.type == "vetoes")
    assert len(vetoes) == 6
    assert all(r.source == "russia" for r in example.relations.values() if r.type == "vetoes")
    assert vetoes[-1] < date(2016, 12, 18)


def test_the_evacuation_agreements_keep_every_party(example):
    for deal in ("aleppo-evacuation-deal-1", "aleppo-evacuation-deal-2"):
        related = {(r.source, r.type) for r in example.relations.values() if r.target == deal}
        assert {("russia", "brokers"), ("turkey", "brokers"), ("iran", "undermines"),
                ("assad-regime", "party-to"), ("syrian-opposition", "party-to")} <= related


def test_turkey_intervention_iranian_led_militia_and_russian_air_support(example):
    g = snapshot(example, "2016-12-20")
    assert "fights" in types(g, "turkey", "islamic-state")
    assert "leads" in types(g, "iran", "iraqi-militias") and "leads" in types(g, "iran", "afghan-militias")
    assert "fights-alongside" in types(g, "russia", "assad-regime")


def test_the_moscow_meeting_has_its_three_attendees(example):
    g = snapshot(example, "2016-12-20")
    assert {u for u, _, a in g.in_edges("moscow-talks-2016-12-20", data=True) if a["type"] == "attends"} == {
        "russia", "iran", "turkey"}


def test_every_relation_cites_the_article_with_an_evidence_note(example):
    for rel in example.relations.values():
        cited = {c.source.id: c for c in rel.sources}
        assert ARTICLE in cited, rel.id
        assert cited[ARTICLE].evidence, rel.id
    article = example.sources[ARTICLE]
    assert (str(article.published), article.title) == ("2016-12-20", "Russia, Iran and Turkey to confer in Moscow on Syria")
    # The article's text names neither its publisher nor an address: none is claimed, and the notes say
    # what is ours (issue 10).
    assert (article.publisher, article.url) == (None, None)
    assert "the title here is ours" in article.notes


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def shingle_hashes(text: str) -> set[str]:
    """A short hash of every run of six consecutive words: enough to find copying, not to rebuild the text."""
    w = words(text)
    return {hashlib.blake2b(" ".join(w[i:i + 6]).encode(), digest_size=8).hexdigest()
            for i in range(len(w) - 5)}



def copied_runs(text: str, article: set[str]) -> list[str]:
    """The runs of six words of ``text`` whose hash is among the article's."""
    w = words(text)
    runs = (" ".join(w[i:i + 6]) for i in range(len(w) - 5))
    return [run for run in runs if hashlib.blake2b(run.encode(), digest_size=8).hexdigest() in article]


def seed_text() -> str:
    return " ".join(p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt")))


REPO = Path(__file__).resolve().parents[1]
PROSE = ["README.md", "cypher/README.md", "examples/report/build.py"]


def our_texts(example):
    """Every text of ours about the example: its evidence notes, relation notes and actor
    descriptions, and the prose that retells it (README, Cypher walkthrough, example report)."""
    for rel in example.relations.values():
        yield rel.id, rel.notes or ""
        for citation in rel.sources:
            yield rel.id, citation.evidence or ""
    for actor in example.actors.values():
        yield actor.id, actor.description or ""
    for name in PROSE:
        yield name, (REPO / name).read_text(encoding="utf-8")


def test_the_article_fingerprint_matches_the_article():
    """The committed fingerprint is the article's, wherever the article is beside the repository.

    The fingerprint (SEED_SHINGLES) is committed so that the check below runs
    on any machine, with or without ../shared; regenerate it with
    ``python tests/test_example.py`` when the reference article changes.
    """
    committed = set(SEED_SHINGLES.read_text(encoding="utf-8").split())
    assert len(committed) > 400  # the whole article, not a stub
    if SEED.is_dir():
        assert committed == shingle_hashes(seed_text())


def test_our_texts_do_not_repeat_six_words_of_the_article(example):
    """None of our texts repeats six consecutive words of the article."""
    article = set(SEED_SHINGLES.read_text(encoding="utf-8").split())
    copied = [(where, run) for where, text in our_texts(example) for run in copied_runs(text, article)]
    assert copied == []


def test_the_copy_check_catches_a_copied_sentence(example):
    """An earlier description of the gunman, caught by this check, still gets caught."""
    article = set(SEED_SHINGLES.read_text(encoding="utf-8").split())
    earlier = "The man who shot the Russian Ambassador at an art gallery in Ankara."
    assert copied_runs(earlier, article) == ["at an art gallery in ankara"]
    assert copied_runs(example.actors["ankara-gunman"].description, article) == []


if __name__ == "__main__":
    SEED_SHINGLES.write_text("\n".join(sorted(shingle_hashes(seed_text()))) + "\n", encoding="utf-8")
    print(f"wrote {SEED_SHINGLES}")
