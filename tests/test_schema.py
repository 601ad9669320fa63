"""The declared record shapes: each field parser's good values and its exact messages for bad ones."""

import dataclasses
from datetime import date

import pytest

from relgraph.dates import PartialDate
from relgraph.errors import FieldError, RelgraphError
from relgraph.model import ACTOR_KINDS, Actor, RelationType, Source
from relgraph.schema import (
    RECORDS,
    SECTIONS,
    Field,
    boolean,
    choice,
    confidence,
    kind_list,
    partial_date,
    pattern,
    sign,
    slug,
    text,
    text_list,
)


def refused(parse, value):
    """The message ``parse`` refuses ``value`` with."""
    with pytest.raises(FieldError) as caught:
        parse(value)
    return str(caught.value)


@pytest.mark.parametrize(("value", "expected"), [
    ("Russia", "Russia"), ("  padded  ", "padded"), (2016, "2016"), (0.5, "0.5"), ("Erdoğan", "Erdoğan"),
])
def test_text_accepts(value, expected):
    assert text(value) == expected


@pytest.mark.parametrize(("value", "message"), [
    ("", "is empty"), ("   ", "is empty"),
    (None, "expected text, got nothing"),
    ([], "expected text, got a list"),
    ({"a": 1}, "expected text, got a mapping"),
    (True, "expected text, got bool True"),
])
def test_text_refuses(value, message):
    assert refused(text, value) == message


@pytest.mark.parametrize("value", ["assad-regime", "a", "q1", "russia.backs.assad-regime.2011-03",
                                   "2016-12-17_2016-12-18", "x_y"])
def test_slug_accepts(value):
    assert slug(value) == value


@pytest.mark.parametrize("value", ["Assad-Regime", "assad regime", "-a", "a-", "a--b", "a.-b", "é", "a/b"])
def test_slug_refuses(value):
    assert refused(slug, value) == (
        f"{value!r} is not an id: use lowercase letters, digits and single '-', '_' or '.' "
        "between them (e.g. assad-regime)")


def test_slug_of_nothing_is_a_text_error():
    assert refused(slug, "") == "is empty"


def test_choice():
    stance_or_event = choice(("stance", "event"))
    assert stance_or_event("event") == "event"
    assert refused(stance_or_event, "Event") == "'Event' is not one of: stance, event"
    kinds = choice(ACTOR_KINDS)
    assert kinds("armed-group") == "armed-group"
    assert refused(kinds, "rebel") == ("'rebel' is not one of: state, government, person, armed-group, "
                                       "organisation, coalition, agreement, resolution, meeting")


def test_text_list():
    assert text_list(["Moscow", " Russian Federation "]) == ("Moscow", "Russian Federation")
    assert text_list("Moscow") == ("Moscow",)
    assert text_list([]) == ()
    assert refused(text_list, {"a": 1}) == "expected a list of texts, got a mapping"
    assert refused(text_list, 5) == "expected a list of texts, got int 5"
    assert refused(text_list, ["ok", ""]) == "is empty"


def test_kind_list():
    assert kind_list(["agreement", "meeting", "agreement"]) == frozenset({"agreement", "meeting"})
    assert kind_list("state") == frozenset({"state"})
    assert refused(kind_list, ["state", "nation"]).startswith("'nation' is not one of: state, government, ")


def test_pattern():
    country = pattern(r"[A-Z]{3}", "an ISO 3166 alpha-3 code")
    assert country("RUS") == "RUS"
    assert refused(country, "RUSS") == "'RUSS' is not an ISO 3166 alpha-3 code"  # the whole value must match
    assert refused(country, "rus") == "'rus' is not an ISO 3166 alpha-3 code"


@pytest.mark.parametrize(("kind", "name", "value", "message"), [
    ("actor", "country", "Russia", "'Russia' is not an ISO 3166 alpha-3 code (three capital letters, e.g. RUS)"),
    ("actor", "wikidata", "Q0159", "'Q0159' is not a Wikidata Q-id (e.g. Q159)"),
    ("actor", "wikidata", "159", "'159' is not a Wikidata Q-id (e.g. Q159)"),
    ("source", "url", "ftp://example.org", "'ftp://example.org' is not an http(s) URL"),
    ("source", "url", "https://example.org/a b", "'https://example.org/a b' is not an http(s) URL"),
    ("citation", "url", "javascript:alert(1)", "'javascript:alert(1)' is not an http(s) URL"),
])
def test_declared_patterns_refuse(kind, name, value, message):
    assert refused(RECORDS[kind][name].parse, value) == message


@pytest.mark.parametrize(("kind", "name", "value"), [
    ("actor", "country", "SYR"), ("actor", "wikidata", "Q2429253"), ("source", "url", "http://example.org/x?y=1"),
])
def test_declared_patterns_accept(kind, name, value):
    assert RECORDS[kind][name].parse(value) == value


@pytest.mark.parametrize(("value", "first", "last", "precision"), [
    ("2016-12-20", date(2016, 12, 20), date(2016, 12, 20), "day"),
    (2016, date(2016, 1, 1), date(2016, 12, 31), "year"),
    ("2016-summer", date(2016, 6, 1), date(2016, 8, 31), "season"),
    ("2016-12-17/2016-12-18", date(2016, 12, 17), date(2016, 12, 18), "range"),
])
def test_partial_date_accepts(value, first, last, precision):
    parsed = partial_date(value)
    assert isinstance(parsed, PartialDate)
    assert (parsed.first, parsed.last, parsed.precision) == (first, last, precision)


@pytest.mark.parametrize(("value", "message"), [
    (True, "expected a date such as 2016, 2016-12 or 2016-12-20, got bool True"),
    (2016.5, "expected a date such as 2016, 2016-12 or 2016-12-20, got float 2016.5"),
    ([2016], "expected a date such as 2016, 2016-12 or 2016-12-20, got a list"),
    ("2016-13", "'2016-13' has no month 13"),
    ("2016-02-30", "'2016-02-30' is not a calendar day (day is out of range for month)"),
    ("20 Dec 2016", "'20 Dec 2016' is not a date relgraph reads: write 2016-12-20"),
    ("Tuesday", "'Tuesday' is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-summer (a season) "
                "or A/B (a range)"),
    ("2016-12-18/2016-12-17", "'2016-12-18/2016-12-17': the range ends before it starts"),
])
def test_partial_date_refuses(value, message):
    assert refused(partial_date, value) == message


@pytest.mark.parametrize(("value", "expected"), [
    (1, 1), (0, 0), (-1, -1), ("+", 1), ("-", -1), ("0", 0), ("+1", 1), ("-1", -1), ("1", 1), (" - ", -1),
])
def test_sign_accepts(value, expected):
    parsed = sign(value)
    assert parsed == expected and type(parsed) is int


@pytest.mark.parametrize(("value", "message"), [
    (2, "2 is not a sign: use 1 (positive), 0 (neutral) or -1 (negative)"),
    ("positive", "'positive' is not a sign: use 1 (positive), 0 (neutral) or -1 (negative)"),
    ("++", "'++' is not a sign: use 1 (positive), 0 (neutral) or -1 (negative)"),
    (1.0, "1.0 is not a sign: use 1 (positive), 0 (neutral) or -1 (negative)"),
    (True, "True is not a sign: use 1 (positive), 0 (neutral) or -1 (negative)"),
    (None, "None is not a sign: use 1 (positive), 0 (neutral) or -1 (negative)"),
])
def test_sign_refuses(value, message):
    assert refused(sign, value) == message


@pytest.mark.parametrize(("value", "expected"), [(0, 0.0), (1, 1.0), (0.85, 0.85)])
def test_confidence_accepts(value, expected):
    parsed = confidence(value)
    assert parsed == expected and type(parsed) is float


@pytest.mark.parametrize(("value", "message"), [
    (1.5, "1.5 is outside 0..1"), (-0.1, "-0.1 is outside 0..1"),
    ("0.9", "'0.9' is not a number between 0 and 1"), (True, "True is not a number between 0 and 1"),
    (None, "None is not a number between 0 and 1"),
])
def test_confidence_refuses(value, message):
    assert refused(confidence, value) == message


def test_boolean():
    assert boolean(True) is True and boolean(False) is False
    for value in ("true", 1, 0, None):
        assert refused(boolean, value) == f"{value!r} is not true or false"


def test_field_errors_are_relgraph_value_errors():
    with pytest.raises(FieldError) as caught:
        sign(5)
    assert isinstance(caught.value, RelgraphError) and isinstance(caught.value, ValueError)


# -- the declarations -----------------------------------------------------------------------------------


def test_every_declaration_is_named_by_its_key():
    for kind, fields in RECORDS.items():
        for name, f in fields.items():
            assert isinstance(f, Field) and f.name == name and callable(f.parse), (kind, name)


def test_required_fields():
    required = {kind: sorted(n for n, f in fields.items() if f.required) for kind, fields in RECORDS.items()}
    assert required == {"type": ["kind", "name", "sign"], "source": ["id", "title"],
                        "actor": ["id", "kind", "name"], "relation": ["source", "target", "type"],
                        "citation": []}


@pytest.mark.parametrize(("kind", "model"), [("type", RelationType), ("source", Source), ("actor", Actor)])
def test_declared_fields_are_the_model_s_fields(kind, model):
    # The dataset reader builds each object as Model(**parsed fields): every declared field must be one.
    assert set(RECORDS[kind]) <= {f.name for f in dataclasses.fields(model)}
    without_default = {f.name for f in dataclasses.fields(model)
                       if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    assert without_default <= {n for n, f in RECORDS[kind].items() if f.required}


def test_sections_map_to_record_kinds():
    assert SECTIONS == {"types": "type", "sources": "source", "actors": "actor", "relations": "relation"}
    assert set(SECTIONS.values()) <= set(RECORDS)
    # citations live inside relations, never as a section of their own
    assert set(RECORDS) - set(SECTIONS.values()) == {"citation"}


def test_a_citation_may_give_every_field_an_inline_source_has():
    assert set(RECORDS["source"]) <= set(RECORDS["citation"])
    assert {"ref", "evidence"} <= set(RECORDS["citation"])
