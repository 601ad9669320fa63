"""Read, validate and write dataset files: YAML for people, JSON Lines for machines.

A dataset is one file or a directory of ``*.yaml``/``*.yml``/``*.jsonl``
files (read in sorted order, subdirectories included). A YAML file is a
mapping with any of the sections ``types``, ``sources``, ``actors`` and
``relations``, each a list of records; a JSON Lines file has one record per
line, ``{"record": "actor", "id": ...}``.

:func:`validate` reports every problem at once, each with file, line, record
and field; :func:`load` returns a :class:`~relgraph.model.Dataset` only when
there is no error, so a bad file never gives a half-built dataset.

>>> from relgraph import example_path
>>> data = load(example_path())
>>> data.actors["russia"].name
'Russia'
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from relgraph.errors import DatasetError, FieldError, Problem
from relgraph.model import (
    BUILTIN_TYPES,
    Actor,
    Citation,
    Dataset,
    Relation,
    RelationType,
    Source,
    relation_id,
)
from relgraph.records import actor_record, relation_record, source_record
from relgraph.schema import RECORDS, SECTIONS

__all__ = ["Report", "files", "load", "read", "record_of", "validate", "write"]

SUFFIXES = (".yaml", ".yml", ".jsonl")


@dataclass
class Report:
    """What :func:`read` found: the dataset (valid only if ``ok``) and every problem."""

    dataset: Dataset
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def load(path: str | Path) -> Dataset:
    """Read and check a dataset; raise :class:`DatasetError` listing every problem if any is an error."""
    report = read(path)
    if not report.ok:
        raise DatasetError(report.problems)
    return report.dataset


def validate(path: str | Path) -> Report:
    """Check a dataset and return the report (the same as :func:`read`; named for what callers want)."""
    return read(path)


# -- reading: files to raw records, with line numbers -------------------------------------------


class _LineDict(dict):
    """A mapping from YAML or JSON that knows its line and the line of each key.

    Keys missing from ``lines`` are on ``line`` (always so for JSON Lines).
    """

    line: int = 0
    lines: Mapping[str, int] = MappingProxyType({})


class _LineList(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that keeps dates as text (we parse them ourselves) and records lines."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    out = _LineDict()
    out.line, out.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> _LineList:
    out = _LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


@dataclass
class _Raw:
    kind: str  # a key of RECORDS
    values: _LineDict
    file: str

    def line(self, name: str | None = None) -> int:
        return self.values.lines.get(name, self.values.line) if name else self.values.line


def files(path: Path) -> list[Path]:
    """The dataset files at ``path``: the file itself, or a directory's files in sorted order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    return [path]


def _read_yaml(path: Path, shown: str, problems: list[Problem]) -> Iterator[_Raw]:
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problems.append(Problem("error", shown, line, None, None, f"not valid YAML: {exc.problem}"))
        return
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(Problem("error", shown, None, None, None, f"not valid YAML: {exc}"))
        return
    if doc is None:
        return
    if not isinstance(doc, _LineDict):
        problems.append(Problem("error", shown, 1, None, None,
                                f"expected a mapping with sections {', '.join(SECTIONS)}"))
        return
    for section, items in doc.items():
        line = doc.lines[section]
        if section not in SECTIONS:
            problems.append(Problem("error", shown, line, None, None,
                                    f"unknown section {section!r}{_did_you_mean(section, SECTIONS)}"))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(Problem("error", shown, line, None, section, "expected a list of records"))
            continue
        for item in items:
            if not isinstance(item, _LineDict):
                problems.append(Problem("error", shown, getattr(item, "line", line), None, section,
                                        f"expected a record (a mapping), got {item!r}"))
                continue
            yield _Raw(SECTIONS[section], item, shown)


def _read_jsonl(path: Path, shown: str, problems: list[Problem]) -> Iterator[_Raw]:
    kinds = set(SECTIONS.values())
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line, object_hook=functools.partial(_located, line=number))
            except json.JSONDecodeError as exc:
                problems.append(Problem("error", shown, number, None, None, f"not valid JSON: {exc.msg}"))
                continue
            if not isinstance(obj, _LineDict) or obj.get("record") not in kinds:
                problems.append(Problem("error", shown, number, None, "record",
                                        f"each line needs \"record\": one of {', '.join(sorted(kinds))}"))
                continue
            kind = obj.pop("record")
            yield _Raw(kind, obj, shown)


def _located(value: dict[str, Any], line: int) -> _LineDict:
    """A JSON object as the YAML loader gives mappings: knowing its line."""
    out = _LineDict(value)
    out.line = line
    return out


def _raw_records(path: Path, problems: list[Problem]) -> tuple[list[_Raw], list[Path]]:
    if not path.exists():
        problems.append(Problem("error", str(path), None, None, None, "no such file or directory"))
        return [], []
    found = files(path)
    if not found:
        problems.append(Problem("error", str(path), None, None, None,
                                f"no dataset files ({', '.join(SUFFIXES)}) in this directory"))
    raws: list[_Raw] = []
    for file in found:
        shown = str(file)
        if file.suffix == ".jsonl":
            raws.extend(_read_jsonl(file, shown, problems))
        elif file.suffix in (".yaml", ".yml"):
            raws.extend(_read_yaml(file, shown, problems))
        else:
            problems.append(Problem("error", shown, None, None, None,
                                    f"unknown file type: use {', '.join(SUFFIXES)}"))
    return raws, found


def _did_you_mean(word: str, options: Any) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# -- checking: raw records to model objects ----------------------------------------------------


class _Checker:
    """One pass over all raw records, collecting every problem."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.data = Dataset()
        self._where: dict[tuple[str, str], str] = {}  # (kind, id) -> "file:line" of first definition

    def problem(self, severity: str, raw: _Raw, label: str | None, name: str | None, message: str,
                line: int | None = None) -> None:
        self.problems.append(Problem(severity, raw.file, line or raw.line(name), label, name, message))  # type: ignore[arg-type]

    def fields(self, raw: _Raw, kind: str, label: str | None, values: _LineDict | None = None,
               line_of: _Raw | None = None) -> dict[str, Any] | None:
        """Parse every declared field; report unknown, missing and bad ones. None if any failed."""
        values = raw.values if values is None else values
        spec = RECORDS[kind]
        parsed: dict[str, Any] = {}
        ok = True
        for name, value in values.items():
            line = values.lines.get(name, values.line)
            if name not in spec:
                self.problem("error", raw, label, str(name),
                             f"unknown field{_did_you_mean(name, spec)}", line)
                ok = False
                continue
            if value is None:
                continue
            try:
                parsed[name] = spec[name].parse(value)
            except FieldError as exc:
                self.problem("error", raw, label, name, str(exc), line)
                ok = False
        for name, f in spec.items():
            if f.required and values.get(name) is None:
                self.problem("error", raw, label, name, "is required", values.line)
                ok = False
        return parsed if ok else None

    def unique(self, raw: _Raw, kind: str, ident: str, label: str) -> bool:
        key = (kind, ident)
        if key in self._where:
            self.problem("error", raw, label, "id", f"duplicate id: first defined at {self._where[key]}")
            return False
        self._where[key] = f"{raw.file}:{raw.line()}"
        return True

    # each record kind

    def type_(self, raw: _Raw) -> None:
        name = raw.values.get("name")
        label = f"type {name!r}"
        f = self.fields(raw, "type", label)
        if f is None:
            return
        if f["name"] in BUILTIN_TYPES:
            self.problem("error", raw, label, "name", "redefines a built-in type; choose another name")
            return
        if self.unique(raw, "type", f["name"], label):
            self.data.types[f["name"]] = RelationType(**f)

    def source(self, raw: _Raw) -> None:
        label = f"source {raw.values.get('id')!r}"
        f = self.fields(raw, "source", label)
        if f is not None and self.unique(raw, "source", f["id"], label):
            self.data.sources[f["id"]] = Source(**f)

    def actor(self, raw: _Raw) -> None:
        label = f"actor {raw.values.get('id')!r}"
        f = self.fields(raw, "actor", label)
        if f is not None and self.unique(raw, "actor", f["id"], label):
            self.data.actors[f["id"]] = Actor(**f)

    def part_of(self, raws: list[_Raw]) -> None:
        for raw in raws:
            actor = self.data.actors.get(str(raw.values.get("id")))
            if actor and actor.part_of and actor.part_of not in self.data.actors:
                self.problem("error", raw, f"actor {actor.id!r}", "part_of",
                             f"unknown actor {actor.part_of!r}"
                             f"{_did_you_mean(actor.part_of, self.data.actors)}")

    def relation(self, raw: _Raw, index: int) -> None:
        v = raw.values
        label = (f"relation {v['id']!r}" if v.get("id")
                 else f"relation {index} ({v.get('source')} {v.get('type')} {v.get('target')})")
        f = self.fields(raw, "relation", label)
        if f is None:
            return
        ok = True
        for end in ("source", "target"):
            if f[end] not in self.data.actors:
                self.problem("error", raw, label, end,
                             f"unknown actor {f[end]!r}{_did_you_mean(f[end], self.data.actors)}")
                ok = False
        rtype = self.data.types.get(f["type"])
        if rtype is None:
            self.problem("error", raw, label, "type",
                         f"unknown relation type {f['type']!r}{_did_you_mean(f['type'], self.data.types)}; "
                         "declare it under types")
            return
        ok = self.time(raw, label, f, rtype) and ok
        if ok:
            ok = self.kinds(raw, label, f, rtype)
        citations = self.citations(raw, label, v.get("sources"))
        if citations is None or not ok:
            return
        if f["source"] == f["target"]:
            self.problem("warning", raw, label, "target", "relates an actor to itself")
        if not citations:
            self.problem("warning", raw, label, "sources", "cites no source")
        when = f.get("date") if rtype.kind == "event" else f.get("start")
        if rtype.kind == "stance" and "start" not in f:
            self.problem("warning", raw, label, "start",
                         "no start: the stance holds on every date before its end")
        rel = Relation(
            id=f.get("id") or relation_id(f["source"], f["type"], f["target"], when),
            source=f["source"], type=f["type"], target=f["target"],
            sign=f.get("sign", rtype.sign),
            start=f.get("start"), end=f.get("end"), date=f.get("date"),
            confidence=f.get("confidence", 1.0), sources=citations, notes=f.get("notes"),
        )
        if self.unique(raw, "relation", rel.id, f"relation {rel.id!r}"):
            self.data.relations[rel.id] = rel

    def time(self, raw: _Raw, label: str, f: dict[str, Any], rtype: RelationType) -> bool:
        if rtype.kind == "event":
            wrong = [n for n in ("start", "end") if n in f]
            for n in wrong:
                self.problem("error", raw, label, n,
                             f"{rtype.name!r} is an event: give a date, not {n}")
            if "date" not in f:
                self.problem("error", raw, label, "date", f"{rtype.name!r} is an event and needs a date")
                return False
            return not wrong
        if "date" in f:
            self.problem("error", raw, label, "date",
                         f"{rtype.name!r} is a stance: give start (and end), not date")
            return False
        start, end = f.get("start"), f.get("end")
        if start and end and end.last < start.first:
            self.problem("error", raw, label, "end", f"ends ({end}) before it starts ({start})")
            return False
        return True

    def kinds(self, raw: _Raw, label: str, f: dict[str, Any], rtype: RelationType) -> bool:
        ok = True
        for end, allowed in (("source", rtype.source_kinds), ("target", rtype.target_kinds)):
            kind = self.data.actors[f[end]].kind
            if allowed is not None and kind not in allowed:
                self.problem("error", raw, label, end,
                             f"{rtype.name!r} takes a {end} of kind {' or '.join(sorted(allowed))}; "
                             f"{f[end]!r} is a {kind}")
                ok = False
        return ok

    def citations(self, raw: _Raw, label: str, value: Any) -> tuple[Citation, ...] | None:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem("error", raw, label, "sources", "expected a list of citations")
            return None
        out: list[Citation] = []
        ok = True
        for item in value:
            if not isinstance(item, _LineDict):
                self.problem("error", raw, label, "sources", f"expected a citation (a mapping), got {item!r}",
                             getattr(item, "line", None))
                ok = False
                continue
            citation = self.citation(raw, label, item)
            ok = ok and citation is not None
            if citation is not None:
                out.append(citation)
        return tuple(out) if ok else None

    def citation(self, raw: _Raw, label: str, item: _LineDict) -> Citation | None:
        f = self.fields(raw, "citation", label, item)
        if f is None:
            return None
        if "evidence" not in f:
            self.problem("warning", raw, label, "sources", "citation has no evidence note", item.line)
        if "ref" in f:
            extra = sorted(set(f) - {"ref", "evidence"})
            if extra:
                self.problem("error", raw, label, extra[0],
                             "a citation gives either ref or an inline source, not both", item.line)
                return None
            found = self.data.sources.get(f["ref"])
            if found is None:
                self.problem("error", raw, label, "ref",
                             f"unknown source {f['ref']!r}{_did_you_mean(f['ref'], self.data.sources)}",
                             item.lines.get("ref"))
                return None
            return Citation(found, f.get("evidence"))
        if "title" not in f:
            self.problem("error", raw, label, "sources", "a citation needs ref or an inline title", item.line)
            return None
        inline = {k: f[k] for k in ("title", "publisher", "url", "published") if k in f}
        ident = f.get("id") or "src-" + hashlib.sha256(
            json.dumps({k: str(v) for k, v in inline.items()}, sort_keys=True).encode()
        ).hexdigest()[:10]
        src = Source(ident, **inline)
        known = self.data.sources.setdefault(ident, src)
        if known != src:
            self.problem("error", raw, label, "id",
                         f"source {ident!r} is declared with other details elsewhere", item.line)
            return None
        return Citation(src, f.get("evidence"))


def read(path: str | Path) -> Report:
    """Read a dataset file or directory and check it; never raises for bad content."""
    path = Path(path)
    problems: list[Problem] = []
    raws, files = _raw_records(path, problems)
    checker = _Checker()
    checker.problems = problems
    by_kind: dict[str, list[_Raw]] = {k: [] for k in RECORDS}
    for raw in raws:
        by_kind[raw.kind].append(raw)
    # order matters: relations refer to types, sources and actors declared in any file
    for raw in by_kind["type"]:
        checker.type_(raw)
    for raw in by_kind["source"]:
        checker.source(raw)
    for raw in by_kind["actor"]:
        checker.actor(raw)
    checker.part_of(by_kind["actor"])
    for index, raw in enumerate(by_kind["relation"], 1):
        checker.relation(raw, index)
    # reading finds syntax problems before checking finds the rest: show them in file order
    order = {str(f): i for i, f in enumerate(files)}
    problems = sorted(checker.problems, key=lambda p: (order.get(p.file, -1), p.line or 0))
    return Report(checker.data, problems, files)


# -- writing -------------------------------------------------------------------------------------


_FILE_FIELDS = ("id", "source", "type", "target", "sign", "start", "end", "date", "confidence", "notes")
"""A relation's fields in a file, in order; the rest of its record (kind, first day...) is derived."""


def record_of(obj: Actor | Relation | Source | RelationType) -> dict[str, Any]:
    """The file form of a model object: its record (:mod:`relgraph.records`), empties left out.

    >>> record_of(Actor("iran", "Iran", "state", country="IRN"))
    {'id': 'iran', 'name': 'Iran', 'kind': 'state', 'country': 'IRN'}
    """
    if isinstance(obj, Relation):
        full = relation_record(obj, BUILTIN_TYPES)
        out = {k: full[k] for k in _FILE_FIELDS}
        out["sources"] = [{"ref": c.source.id, "evidence": c.evidence} for c in obj.sources]
    elif isinstance(obj, RelationType):
        out = {"name": obj.name, "sign": obj.sign, "kind": obj.kind, "description": obj.description,
               "symmetric": obj.symmetric or None,
               "source_kinds": sorted(obj.source_kinds) if obj.source_kinds else None,
               "target_kinds": sorted(obj.target_kinds) if obj.target_kinds else None}
    elif isinstance(obj, Actor):
        out = actor_record(obj)
    else:
        out = source_record(obj)
    return {k: _plain(v) for k, v in out.items() if v not in (None, [], (), "")}


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [{k: v for k, v in item.items() if v is not None} if isinstance(item, dict) else item
                for item in value]
    return value


def _sections(data: Dataset) -> dict[str, list[dict[str, Any]]]:
    return {
        "types": [record_of(t) for t in data.custom_types.values()],
        "sources": [record_of(s) for s in data.sources.values()],
        "actors": [record_of(a) for a in data.actors.values()],
        "relations": [record_of(r) for r in data.relations.values()],
    }


def write(data: Dataset, path: str | Path) -> list[Path]:
    """Write a dataset: one ``.jsonl`` or ``.yaml`` file, or a directory of YAML files.

    A directory gets ``types.yaml``, ``sources.yaml``, ``actors.yaml`` and
    ``relations.yaml`` (sections that are empty are not written). Returns the
    files written; :func:`load` reads any of them back to an equal dataset.
    """
    path = Path(path)
    sections = _sections(data)
    if path.suffix == ".jsonl":
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            for section, records in sections.items():
                for record in records:
                    out.write(json.dumps({"record": SECTIONS[section], **record}, ensure_ascii=False) + "\n")
        return [path]
    if path.suffix in (".yaml", ".yml"):
        path.parent.mkdir(parents=True, exist_ok=True)
        _dump_yaml({k: v for k, v in sections.items() if v}, path)
        return [path]
    path.mkdir(parents=True, exist_ok=True)
    written = []
    for section, records in sections.items():
        if records:
            _dump_yaml({section: records}, path / f"{section}.yaml")
            written.append(path / f"{section}.yaml")
    return written


def _dump_yaml(doc: dict[str, Any], path: Path) -> None:
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
