"""Reading, validating and writing dataset files; every bad-input class with its file:line."""

import gc
from pathlib import Path

import pytest
from bulk_cases import awkward_folder

from relgraph import dataset as dataset_module
from relgraph import example_path
from relgraph.dataset import load, read, validate, write
from relgraph.errors import DatasetError

GOOD = """
sources:
  - id: art
    title: An article
    publisher: A publisher
    url: https://example.org/a
    published: 2016-12-20
actors:
  - {id: russia, name: Russia, kind: state, country: RUS}
  - {id: assad-regime, name: Assad regime, kind: government}
  - {id: deal, name: A deal, kind: agreement}
relations:
  - source: russia
    type: backs
    target: assad-regime
    start: 2011-03
    sources:
      - {ref: art, evidence: Russia backs the regime.}
"""


def messages(path: Path) -> list[str]:
    return [str(p) for p in read(path).problems]


def only_error(path: Path) -> str:
    report = read(path)
    assert len(report.errors) == 1, [str(p) for p in report.problems]
    return str(report.errors[0])


def test_good_file_loads(write):
    data = load(write(GOOD))
    assert list(data.actors) == ["russia", "assad-regime", "deal"]
    (rel,) = data.relations.values()
    assert rel.id == "russia.backs.assad-regime.2011-03"
    assert rel.sign == 1 and rel.confidence == 1.0
    assert rel.sources[0].source.title == "An article"
    assert rel.sources[0].evidence == "Russia backs the regime."
    assert read(write(GOOD)).problems == []


def relation(body: str) -> str:
    return GOOD + body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("  - {source: russia, type: backs, target: asad-regime, start: 2012}\n",
         "data.yaml:18: error: relation 2 (russia backs asad-regime), field 'target': "
         "unknown actor 'asad-regime' (did you mean 'assad-regime'?)"),
        ("  - {source: russia, type: bakcs, target: assad-regime, start: 2012}\n",
         "data.yaml:18: error: relation 2 (russia bakcs assad-regime), field 'type': "
         "unknown relation type 'bakcs' (did you mean 'backs'?); declare it under types"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, start: 2016-02-30}\n",
         "data.yaml:18: error: relation 'r2', field 'start': '2016-02-30' is not a calendar day "
         "(day is out of range for month)"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, start: 20 Dec 2016}\n",
         "data.yaml:18: error: relation 'r2', field 'start': '20 Dec 2016' is not a date relgraph reads: "
         "write 2016-12-20"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, start: Tuesday}\n",
         "data.yaml:18: error: relation 'r2', field 'start': 'Tuesday' is not a date: "
         "use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-summer (a season) or A/B (a range)"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, start: 2012, end: 2011-12}\n",
         "data.yaml:18: error: relation 'r2', field 'end': ends (2011-12) before it starts (2012)"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, start: 2012, sign: 2}\n",
         "data.yaml:18: error: relation 'r2', field 'sign': 2 is not a sign: "
         "use 1 (positive), 0 (neutral) or -1 (negative)"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, start: 2012, confidence: 1.5}\n",
         "data.yaml:18: error: relation 'r2', field 'confidence': 1.5 is outside 0..1"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, date: 2012}\n",
         "data.yaml:18: error: relation 'r2', field 'date': "
         "'backs' is a stance: give start (and end), not date"),
        ("  - {id: r2, source: russia, type: brokers, target: assad-regime, date: 2012}\n",
         "data.yaml:18: error: relation 'r2', field 'target': "
         "'brokers' (brokers or mediates) takes a target of kind agreement or meeting or resolution; "
         "'assad-regime' is a government"),
        ("  - {id: r2, source: russia, type: vetoes, target: assad-regime, date: 2012}\n",
         "data.yaml:18: error: relation 'r2', field 'target': 'vetoes' (casts a veto against (a draft "
         "resolution or decision)) takes a target of kind agreement or resolution; "
         "'assad-regime' is a government"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, strat: 2012}\n",
         "data.yaml:18: error: relation 'r2', field 'strat': unknown field (did you mean 'start'?)"),
        ("  - {id: r2, type: backs, target: assad-regime, start: 2012}\n",
         "data.yaml:18: error: relation 'r2', field 'source': is required"),
        ("  - {id: r2, source: russia, type: backs, target: assad-regime, start: 2012,\n"
         "     sources: [{ref: atr}]}\n",
         "data.yaml:19: error: relation 'r2', field 'ref': unknown source 'atr' (did you mean 'art'?)"),
    ],
)
def test_each_bad_relation_is_reported_with_file_line_record_and_field(write, body, expected):
    path = write(relation(body))
    assert only_error(path) == f"{path.parent}/{expected}"


def test_an_event_given_an_interval(write):
    path = write(relation("  - {id: r2, source: russia, type: brokers, target: deal, start: 2012, end: 2013}\n"))
    assert messages(path) == [
        f"{path}:18: error: relation 'r2', field 'start': 'brokers' is an event: give a date, not start",
        f"{path}:18: error: relation 'r2', field 'end': 'brokers' is an event: give a date, not end",
        f"{path}:18: error: relation 'r2', field 'date': 'brokers' is an event and needs a date",
    ]


def test_duplicate_ids_name_the_first_definition(write):
    path = write(GOOD + """\
  - id: dup
    source: russia
    type: backs
    target: assad-regime
    start: 2012
  - id: dup
    source: russia
    type: opposes
    target: assad-regime
    start: 2013
""")
    assert only_error(path) == (f"{path}:23: error: relation 'dup', field 'id': "
                                f"duplicate id: first defined at {path}:18")


def test_duplicate_actor_across_files_in_a_directory(write, tmp_path):
    write(GOOD, "set/a.yaml")
    second = write("actors:\n  - {id: russia, name: Russia again, kind: state}\n", "set/b.yaml")
    assert only_error(tmp_path / "set") == (
        f"{second}:2: error: actor 'russia', field 'id': duplicate id: first defined at {tmp_path}/set/a.yaml:8")


def test_bad_actor_fields(write):
    path = write("""\
actors:
  - id: Russia
    name: Russia
    kind: country
    country: ru
    wikidata: 159
  - {id: ministry, name: Ministry, kind: organisation, part_of: russa}
""")
    assert messages(path) == [
        f"{path}:2: error: actor 'Russia', field 'id': 'Russia' is not an id: use lowercase letters, "
        "digits and single '-', '_' or '.' between them (e.g. assad-regime)",
        f"{path}:4: error: actor 'Russia', field 'kind': 'country' is not one of: state, government, "
        "person, armed-group, organisation, coalition, agreement, resolution, meeting",
        f"{path}:5: error: actor 'Russia', field 'country': 'ru' is not an ISO 3166 alpha-3 code "
        "(three capital letters, e.g. RUS)",
        f"{path}:6: error: actor 'Russia', field 'wikidata': '159' is not a Wikidata Q-id (e.g. Q159)",
        f"{path}:7: error: actor 'ministry', field 'part_of': unknown actor 'russa'",
    ]


def test_every_problem_is_reported_at_once_and_load_refuses(write):
    path = write(relation(
        "  - {id: r2, source: nobody, type: backs, target: assad-regime, start: 2012}\n"
        "  - {id: r3, source: russia, type: backs, target: assad-regime, start: 2012, confidence: -1}\n"
        "  - {id: r4, source: russia, type: nope, target: assad-regime, start: 2012}\n"
    ))
    assert [p.line for p in read(path).errors] == [18, 19, 20]
    with pytest.raises(DatasetError) as info:
        load(path)
    assert len(info.value.errors) == 3


def test_warnings_do_not_fail(write):
    path = write(relation(
        "  - {id: r2, source: russia, type: opposes, target: assad-regime}\n"
        "  - {id: r3, source: russia, type: backs, target: assad-regime, start: 2012,\n"
        "     sources: [{ref: art}]}\n"
    ))
    report = validate(path)
    assert report.ok
    assert [str(p) for p in report.warnings] == [
        f"{path}:18: warning: relation 'r2', field 'sources': cites no source",
        f"{path}:18: warning: relation 'r2', field 'start': no start: the stance holds on every date before its end",
        f"{path}:20: warning: relation 'r3', field 'sources': citation has no evidence note",
    ]
    assert set(load(path).relations) == {"russia.backs.assad-regime.2011-03", "r2", "r3"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actors:\n  - {id: a, name: A, kind: state\n", "data.yaml:3: error: not valid YAML"),
        ("actors:\n  - id: a\n    id: b\n", "data.yaml:3: error: not valid YAML: duplicate key 'id'"),
        ("actorz: []\n", "data.yaml:1: error: unknown section 'actorz' (did you mean 'actors'?)"),
        ("- 1\n- 2\n", "data.yaml:1: error: expected a mapping with sections types, sources, actors, relations"),
        ("actors: {id: a}\n", "data.yaml:1: error: field 'actors': expected a list of records"),
    ],
)
def test_broken_files(write, text, expected):
    path = write(text)
    assert only_error(path).startswith(f"{path.parent}/{expected}")


def test_missing_path_and_empty_directory(tmp_path):
    assert [str(p) for p in read(tmp_path / "nope").errors] == [f"{tmp_path}/nope: error: no such file or directory"]
    (tmp_path / "empty").mkdir()
    assert "no dataset files" in str(read(tmp_path / "empty").errors[0])


def test_jsonl_errors_name_the_line(write):
    path = write(
        '{"record": "actor", "id": "a", "name": "A", "kind": "state"}\n'
        '{"record": "actor", "id": "b", "name": "B", "kind": "state"\n'
        '{"record": "relation", "source": "a", "type": "backs", "target": "c", "start": "2012"}\n'
        '{"id": "x"}\n',
        "data.jsonl",
    )
    assert messages(path) == [
        f"{path}:2: error: not valid JSON: Expecting ',' delimiter",
        f"{path}:3: error: relation 1 (a backs c), field 'target': unknown actor 'c'",
        f"{path}:4: error: field 'record': each line needs \"record\": one of actor, relation, source, type",
    ]


def test_custom_types(write):
    path = write("""\
types:
  - {name: evacuates, sign: 0, kind: event, description: moves people out of, target_kinds: [coalition]}
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: coalition}
relations:
  - {source: a, type: evacuates, target: b, date: 2016-12-18}
  - {source: a, type: evacuates, target: a, date: 2016-12-19}
""")
    report = read(path)
    assert [str(p) for p in report.errors] == [
        f"{path}:8: error: relation 2 (a evacuates a), field 'target': "
        "'evacuates' (moves people out of) takes a target of kind coalition; 'a' is a state"]
    assert report.dataset.types["evacuates"].kind == "event"


def test_custom_types_cannot_redefine_builtin_ones(write):
    path = write("types:\n  - {name: backs, sign: -1, kind: stance}\n")
    assert only_error(path) == f"{path}:2: error: type 'backs', field 'name': redefines a built-in type; choose another name"


def test_inline_sources_are_registered_once(write):
    path = write("""\
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
relations:
  - source: a
    type: backs
    target: b
    start: 2012
    sources: [{title: T, publisher: P, published: 2012-01-02, evidence: one}]
  - source: b
    type: backs
    target: a
    start: 2012
    sources: [{title: T, publisher: P, published: 2012-01-02, evidence: two}]
""")
    data = load(path)
    (source,) = data.sources.values()
    assert source.id.startswith("src-")
    assert [r.sources[0].source for r in data.relations.values()] == [source, source]


@pytest.mark.parametrize("name", ["out.jsonl", "out.yaml", "outdir"])
def test_round_trip(example, tmp_path, name):
    written = write(example, tmp_path / name)
    assert written
    again = load(tmp_path / name)
    assert again.actors == example.actors
    assert again.relations == example.relations
    assert again.sources == example.sources
    assert again.types == example.types


def test_round_trip_keeps_custom_types(write, tmp_path):
    data = load(write("""\
types:
  - {name: evacuates, sign: 0, kind: event, symmetric: true, source_kinds: [state]}
actors:
  - {id: a, name: A, kind: state}
relations:
  - {source: a, type: evacuates, target: a, date: 2016, sign: 1, confidence: 0.5, notes: "x: y"}
"""))
    write_path = tmp_path / "copy.jsonl"
    from relgraph.dataset import write as write_dataset

    write_dataset(data, write_path)
    assert load(write_path) == data


# -- the fast path: well-formed relations are checked cheaply, anything else by the precise checks ----------------


@pytest.mark.parametrize("name", ["out.jsonl", "out.yaml"])
def test_well_formed_relations_never_reach_the_precise_checks(example, tmp_path, monkeypatch, name):
    write(example, tmp_path / name)

    def precise(*args):
        raise AssertionError(f"the precise checks ran for {args[1].values}")

    monkeypatch.setattr(dataset_module._Checker, "relation", precise)
    assert load(tmp_path / name).relations == example.relations
    assert validate(tmp_path / name).relations == len(example.relations)


def test_validate_counts_relations_without_keeping_them(example, tmp_path):
    write(example, tmp_path / "out.jsonl")
    report = validate(tmp_path / "out.jsonl")
    assert report.ok and report.relations == len(example.relations) == 55
    assert report.dataset.relations == {}
    assert report.dataset.actors == example.actors


def test_a_duplicate_of_a_relation_the_fast_path_took_names_its_line(write):
    path = write(
        '{"record": "actor", "id": "a", "name": "A", "kind": "state"}\n'
        '{"record": "actor", "id": "b", "name": "B", "kind": "state"}\n'
        '{"record": "source", "id": "s", "title": "S"}\n'
        '{"record": "relation", "id": "r1", "source": "a", "type": "backs", "target": "b", "start": "2012", '
        '"sources": [{"ref": "s", "evidence": "e"}]}\n'
        '{"record": "relation", "id": "r1", "source": "b", "type": "opposes", "target": "a", "start": "2013", '
        '"sources": [{"ref": "s", "evidence": "e"}]}\n',
        "data.jsonl",
    )
    assert messages(path) == [f"{path}:5: error: relation 'r1', field 'id': duplicate id: first defined at {path}:4"]


def test_the_collector_is_paused_while_reading_and_left_as_it_was(write, monkeypatch):
    path = write(GOOD)
    during = []
    declare = dataset_module._Checker.declare
    monkeypatch.setattr(dataset_module._Checker, "declare",
                        lambda self, raws: (during.append(gc.isenabled()), declare(self, raws))[1])
    assert gc.isenabled()
    assert read(path).ok and gc.isenabled()
    gc.disable()
    try:
        assert read(path).ok and not gc.isenabled()
    finally:
        gc.enable()
    assert during == [False, False]


def test_loaded_relations_share_their_actors_and_types_strings(example, tmp_path):
    write(example, tmp_path / "out.jsonl")
    data = load(tmp_path / "out.jsonl")
    for rel in data.relations.values():
        assert rel.source is data.actors[rel.source].id and rel.target is data.actors[rel.target].id
        assert rel.type is data.types[rel.type].name


# -- stream: the relations in parts, each read in a forked process


def _jsonl(tmp_path: Path) -> Path:
    """The example and tests/data/bulk/awkward.yaml (relations with warnings among them) as JSON Lines."""
    path = tmp_path / "data.jsonl"
    write(load(awkward_folder(tmp_path)), path)
    return path


def _relations(declared, part, relations):
    return part, list(relations)


@pytest.fixture
def forking(monkeypatch):
    """Fork whatever threads earlier tests left (they hold no lock a part's process needs)."""
    monkeypatch.setattr(dataset_module, "can_fork", lambda: True)


@pytest.mark.parametrize("parts", [1, 2, 3, 200])
def test_stream_gives_in_parts_what_load_gives(tmp_path, forking, parts):
    path = _jsonl(tmp_path)
    loaded = load(path)
    assert read(path).warnings  # relations the fast path leaves to the precise checks are among them
    streamed = dataset_module.stream(path, _relations, parts=parts)
    assert [part for part, _ in streamed.results] == list(range(parts))
    assert [rel for _, rels in streamed.results for rel in rels] == list(loaded.relations.values())
    assert streamed.relations == len(loaded.relations)
    assert (streamed.declared.actors, streamed.declared.sources, streamed.declared.types) == (
        loaded.actors, loaded.sources, loaded.types)
    assert streamed.declared.relations == {}


def test_stream_reads_a_yaml_dataset_as_one_part(tmp_path, forking):
    path = tmp_path / "data.yaml"
    path.write_text(GOOD, encoding="utf-8")
    streamed = dataset_module.stream(path, _relations, parts=2)
    assert [(part, [r.id for r in rels]) for part, rels in streamed.results] == [
        (0, list(load(path).relations))]


def _broken(path: Path, where: str) -> Path:
    lines = path.read_text(encoding="utf-8").splitlines()
    relation_lines = [i for i, line in enumerate(lines) if line.startswith('{"record": "relation"')]
    if where == "duplicate id in another part":
        lines.append(lines[relation_lines[0]])
    elif where == "bad relation in the last part":
        lines[relation_lines[-1]] = lines[relation_lines[-1]].replace('"source": "', '"source": "nobody-')
    elif where == "bad JSON in a part":
        lines[relation_lines[len(relation_lines) // 2]] = '{"record": "relation", "id": '
    else:  # an unknown kind of actor among the declarations
        lines[1] = lines[1].replace('"record": "', '"recrd": "')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["duplicate id in another part", "bad relation in the last part",
                                   "bad JSON in a part", "bad declaration"])
def test_stream_raises_what_load_raises(tmp_path, forking, where):
    import multiprocessing

    path = _broken(_jsonl(tmp_path), where)
    with pytest.raises(DatasetError) as loading:
        load(path)
    with pytest.raises(DatasetError) as streaming:
        dataset_module.stream(path, _relations, parts=3)
    assert [str(p) for p in streaming.value.problems] == [str(p) for p in loading.value.problems]
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("where", [None, "duplicate id in another part", "bad relation in the last part",
                                   "bad JSON in a part", "bad declaration", "warning"])
def test_validate_in_parts_reports_what_one_pass_reports(tmp_path, forking, where):
    path = tmp_path / "data.jsonl"
    write(load(example_path()), path)
    if where == "warning":  # a relation that cites no source, in the second part
        with path.open("a", encoding="utf-8") as f:
            f.write('{"record": "relation", "source": "russia", "type": "backs", "target": "turkey", '
                    '"start": "2016"}\n')
    elif where:
        _broken(path, where)
    one_pass = dataset_module._check(path, keep=False)
    in_parts = validate(path, parts=3)
    assert [str(p) for p in in_parts.problems] == [str(p) for p in one_pass.problems]
    assert (in_parts.relations, in_parts.files) == (one_pass.relations, one_pass.files)
    assert (in_parts.dataset.actors, in_parts.dataset.sources, in_parts.dataset.relations) == (
        one_pass.dataset.actors, one_pass.dataset.sources, {})
    assert bool(one_pass.problems) == (where is not None)
