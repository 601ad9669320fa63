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

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from relgraph.errors import DatasetError, FieldError, Problem, did_you_mean, excerpt
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
from relgraph.readers import (
    SUFFIXES,
    LineDict,
    Raw,
    dataset_files,
    original_text,
    read_jsonl,
    read_yaml,
)
from relgraph.records import actor_record, relation_record, source_record
from relgraph.schema import RECORDS, SECTIONS

__all__ = ["Report", "dumps", "files", "load", "read", "record_of", "validate", "write"]

_KINDS = frozenset(SECTIONS.values())
_DECLARATIONS = frozenset({"type", "source", "actor"})


@dataclass
class Report:
    """What :func:`read` or :func:`validate` found: the dataset (valid only if ``ok``) and every problem.

    ``relations`` counts the relations without errors; :func:`validate`
    checks them without keeping them, so its ``dataset`` holds none.
    """

    dataset: Dataset
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    relations: int = 0

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


def read(path: str | Path) -> Report:
    """Read a dataset file or directory and check it; never raises for bad content."""
    return _check(Path(path), keep=True)


def validate(path: str | Path) -> Report:
    """Check a dataset as :func:`read` does, without keeping its relations (memory grows with ids only)."""
    return _check(Path(path), keep=False)


def files(path: str | Path) -> list[Path]:
    """The dataset files at ``path``: the file itself, or a directory's files in sorted order."""
    return dataset_files(Path(path), [])


# -- reading ---------------------------------------------------------------------------------------------


def _check(path: Path, *, keep: bool) -> Report:
    problems: list[Problem] = []
    if not path.exists() and not path.is_symlink():
        problems.append(Problem("error", str(path), None, None, None, "no such file or directory"))
        return Report(Dataset(), problems, [])
    found = dataset_files(path, problems)
    if not found:
        problems.append(Problem("error", str(path), None, None, None,
                                f"no dataset files ({', '.join(SUFFIXES)}) in this directory"))
    checker = _Checker(problems, keep=keep)
    # Relations refer to types, sources and actors declared in any file, so declarations are read
    # first; JSON Lines files are read twice rather than hold every relation in memory.
    yaml_relations: list[Raw] = []
    declarations: list[Raw] = []
    for file in found:
        if file.suffix == ".jsonl":
            declarations += read_jsonl(file, str(file), problems, _KINDS, only=_DECLARATIONS)
        elif file.suffix in (".yaml", ".yml"):
            for raw in read_yaml(file, str(file), problems, SECTIONS):
                (yaml_relations if raw.kind == "relation" else declarations).append(raw)
        else:
            problems.append(Problem("error", str(file), None, None, None,
                                    f"unknown file type: use {', '.join(SUFFIXES)}"))
    checker.declare(declarations)
    index = 0
    for file in found:
        relations: Iterable[Raw] = (
            read_jsonl(file, str(file), problems, _KINDS, only=frozenset({"relation"}), quiet=True)
            if file.suffix == ".jsonl" else [r for r in yaml_relations if r.file == str(file)])
        for raw in relations:
            index += 1
            checker.relation(raw, index)
    # reading finds syntax problems before checking finds the rest: show them in file order
    order = {str(f): i for i, f in enumerate(found)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line or 0))
    return Report(checker.data, problems, found, checker.relations)


class _Checker:
    """Records to model objects, collecting every problem of every record.

    A record with an error is not kept, but every check that its other fields
    allow still runs: one run reports everything there is to fix.
    """

    def __init__(self, problems: list[Problem], *, keep: bool) -> None:
        self.problems = problems
        self.data = Dataset()
        self.keep = keep
        self.relations = 0
        self.errors = 0
        self.first: dict[tuple[str, str], tuple[str, int]] = {}  # (kind, id) -> where it was first defined
        self.declared: dict[str, set[str]] = {"type": set(), "source": set(), "actor": set()}

    def problem(self, severity: Literal["error", "warning"], raw: Raw, label: str | None, name: str | None,
                message: str, line: int | None = None) -> None:
        self.errors += severity == "error"
        self.problems.append(Problem(severity, raw.file, line or raw.line(name), label, name, message))

    def fields(self, raw: Raw, kind: str, label: str | None,
               values: LineDict | None = None) -> dict[str, Any]:
        """Every declared field that parses; each unknown, missing or bad one is reported."""
        values = raw.values if values is None else values
        spec = RECORDS[kind]
        parsed: dict[str, Any] = {}
        for name, value in values.items():
            line = values.lines.get(name, values.line)
            if name not in spec:
                self.problem("error", raw, label, str(name),
                             f"unknown field{did_you_mean(name, spec)}", line)
                continue
            if value is None:
                continue
            try:
                parsed[name] = spec[name].parse(value)
            except FieldError as exc:
                self.problem("error", raw, label, name, str(exc), line)
        for name, f in spec.items():
            if f.required and values.get(name) is None:
                self.problem("error", raw, label, name, "is required", values.line)
        return parsed

    def unique(self, raw: Raw, kind: str, ident: str, label: str) -> bool:
        key = (kind, ident)
        first = self.first.setdefault(key, (raw.file, raw.line()))
        if first != (raw.file, raw.line()):
            self.problem("error", raw, label, "id", f"duplicate id: first defined at {first[0]}:{first[1]}")
            return False
        return True

    # -- declarations

    def declare(self, raws: list[Raw]) -> None:
        key = {"type": "name", "source": "id", "actor": "id"}
        for raw in raws:  # valid ids, even of records with other errors: for lookups and suggestions
            spec = RECORDS[raw.kind][key[raw.kind]]
            try:
                self.declared[raw.kind].add(spec.parse(raw.values.get(key[raw.kind])))
            except FieldError:
                continue
        for kind, check in (("type", self.type_), ("source", self.source), ("actor", self.actor)):
            for raw in raws:
                if raw.kind == kind:
                    check(raw)
        self.part_of([raw for raw in raws if raw.kind == "actor"])

    def type_(self, raw: Raw) -> None:
        label = f"type {excerpt(original_text(raw.values.get('name')))}"
        before = self.errors
        f = self.fields(raw, "type", label)
        if f.get("name") in BUILTIN_TYPES:
            self.problem("error", raw, label, "name", "redefines a built-in type; choose another name")
        if self.errors == before and self.unique(raw, "type", f["name"], label):
            self.data.types[f["name"]] = RelationType(**f)

    def source(self, raw: Raw) -> None:
        label = f"source {excerpt(original_text(raw.values.get('id')))}"
        before = self.errors
        f = self.fields(raw, "source", label)
        if self.errors == before and self.unique(raw, "source", f["id"], label):
            self.data.sources[f["id"]] = Source(**f)

    def actor(self, raw: Raw) -> None:
        label = f"actor {excerpt(original_text(raw.values.get('id')))}"
        before = self.errors
        f = self.fields(raw, "actor", label)
        if self.errors == before and self.unique(raw, "actor", f["id"], label):
            self.data.actors[f["id"]] = Actor(**f)

    def part_of(self, raws: list[Raw]) -> None:
        for raw in raws:
            actor = self.data.actors.get(str(original_text(raw.values.get("id"))))
            if actor and actor.part_of and actor.part_of not in self.declared["actor"]:
                hint = did_you_mean(actor.part_of, self.declared["actor"])
                self.problem("error", raw, f"actor {actor.id!r}", "part_of",
                             f"unknown actor {actor.part_of!r}{hint}")

    # -- relations

    def relation(self, raw: Raw, index: int) -> None:
        v = raw.values
        ends = " ".join(excerpt(v.get(name)).strip("'") for name in ("source", "type", "target"))
        label = f"relation {excerpt(original_text(v['id']))}" if v.get("id") else f"relation {index} ({ends})"
        before = self.errors
        f = self.fields(raw, "relation", label)
        rtype = self.data.types.get(f["type"]) if "type" in f else None
        if "type" in f and rtype is None and f["type"] not in self.declared["type"]:
            known = self.declared["type"] | self.data.types.keys()
            self.problem("error", raw, label, "type", f"unknown relation type {f['type']!r}"
                         f"{did_you_mean(f['type'], known)}; declare it under types")
        for end in ("source", "target"):
            if end in f and f[end] not in self.declared["actor"]:
                self.problem("error", raw, label, end,
                             f"unknown actor {f[end]!r}{did_you_mean(f[end], self.declared['actor'])}")
        if rtype is not None:
            self.time(raw, label, f, rtype)
            self.kinds(raw, label, f, rtype)
        citations = self.citations(raw, label, v.get("sources"))
        if self.errors != before or citations is None or rtype is None:
            return
        if f["source"] == f["target"]:
            self.problem("warning", raw, label, "target", "relates an actor to itself")
        if not citations:
            self.problem("warning", raw, label, "sources", "cites no source")
        if rtype.kind == "stance" and "start" not in f:
            self.problem("warning", raw, label, "start",
                         "no start: the stance holds on every date before its end")
        when = f.get("date") if rtype.kind == "event" else f.get("start")
        rel = Relation(
            id=f.get("id") or relation_id(f["source"], f["type"], f["target"], when),
            source=f["source"], type=f["type"], target=f["target"], sign=f.get("sign", rtype.sign),
            start=f.get("start"), end=f.get("end"), date=f.get("date"),
            confidence=f.get("confidence", 1.0), sources=citations, notes=f.get("notes"),
            review=f.get("review"),
        )
        if self.unique(raw, "relation", rel.id, f"relation {rel.id!r}"):
            self.relations += 1
            if self.keep:
                self.data.relations[rel.id] = rel

    def time(self, raw: Raw, label: str, f: dict[str, Any], rtype: RelationType) -> None:
        given = raw.values
        if rtype.kind == "event":
            for n in ("start", "end"):
                if given.get(n) is not None:
                    self.problem("error", raw, label, n, f"{rtype.name!r} is an event: give a date, not {n}")
            if given.get("date") is None:
                self.problem("error", raw, label, "date", f"{rtype.name!r} is an event and needs a date")
            return
        if given.get("date") is not None:
            self.problem("error", raw, label, "date",
                         f"{rtype.name!r} is a stance: give start (and end), not date")
        start, end = f.get("start"), f.get("end")
        if start and end and end.last < start.first:
            self.problem("error", raw, label, "end", f"ends ({end}) before it starts ({start})"
                         + _winter_hint(start, end))

    def kinds(self, raw: Raw, label: str, f: dict[str, Any], rtype: RelationType) -> None:
        for end, allowed in (("source", rtype.source_kinds), ("target", rtype.target_kinds)):
            actor = self.data.actors.get(f.get(end, ""))
            if allowed is not None and actor is not None and actor.kind not in allowed:
                article = "an" if actor.kind[0] in "aeiou" else "a"
                self.problem("error", raw, label, end,
                             f"{rtype.name!r} ({rtype.description}) takes a {end} of kind "
                             f"{' or '.join(sorted(allowed))}; {actor.id!r} is {article} {actor.kind}")

    def citations(self, raw: Raw, label: str, value: Any) -> tuple[Citation, ...] | None:
        """The citations, or None when any is wrong (each wrong one reported)."""
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem("error", raw, label, "sources", "expected a list of citations")
            return None
        out: list[Citation] = []
        for item in value:
            if not isinstance(item, LineDict):
                message = f"expected a citation (a mapping), got {excerpt(item)}"
                self.problem("error", raw, label, "sources", message, getattr(item, "line", None))
                continue
            citation = self.citation(raw, label, item)
            if citation is not None:
                out.append(citation)
        return tuple(out) if len(out) == len(value) else None

    def citation(self, raw: Raw, label: str, item: LineDict) -> Citation | None:
        before = self.errors
        f = self.fields(raw, "citation", label, item)
        if self.errors != before:
            return None
        if "evidence" not in f and "quote" not in f:
            self.problem("warning", raw, label, "sources", "citation has no evidence note", item.line)
        if "offsets" in f and "quote" not in f:
            self.problem("error", raw, label, "offsets", "offsets locate a quote: give the quote too",
                         item.lines.get("offsets"))
            return None
        quoted = {"evidence": f.get("evidence"), "quote": f.get("quote"), "offsets": f.get("offsets")}
        if "ref" in f:
            extra = sorted(set(f) - {"ref", *quoted})
            if extra:
                self.problem("error", raw, label, extra[0],
                             "a citation gives either ref or an inline source, not both", item.line)
                return None
            found = self.data.sources.get(f["ref"])
            if found is None:
                if f["ref"] not in self.declared["source"]:
                    self.problem("error", raw, label, "ref", f"unknown source {f['ref']!r}"
                                 f"{did_you_mean(f['ref'], self.declared['source'])}", item.lines.get("ref"))
                else:  # declared with errors of its own, reported there
                    self.errors += 1
                return None
            return Citation(found, **quoted)
        if "title" not in f:
            self.problem("error", raw, label, "sources", "a citation needs ref or an inline title", item.line)
            return None
        inline = {k: f[k] for k in ("title", "publisher", "url", "published", "notes") if k in f}
        ident = f.get("id") or "src-" + hashlib.sha256(
            json.dumps({k: str(v) for k, v in inline.items()}, sort_keys=True).encode()
        ).hexdigest()[:10]
        src = Source(ident, **inline)
        known = self.data.sources.setdefault(ident, src)
        if known != src:
            self.problem("error", raw, label, "id",
                         f"source {ident!r} is declared with other details elsewhere", item.line)
            return None
        return Citation(src, **quoted)


def _winter_hint(start: Any, end: Any) -> str:
    """Why a range with a winter in it may end before it starts: a winter belongs to the year it begins in."""
    for d in (start, end):
        if d.precision == "season" and d.text.endswith("winter"):
            year = d.first.year
            return (f"; {d.text} is December {year} to February {year + 1} (a winter belongs to the year "
                    f"it begins in: the winter before spring {year} is {year - 1}-winter)")
    return ""


# -- writing -------------------------------------------------------------------------------------


_FILE_FIELDS = ("id", "source", "type", "target", "sign", "start", "end", "date", "confidence", "notes",
                "review")
"""A relation's fields in a file, in order; the rest of its record (kind, first day...) is derived."""


def record_of(obj: Actor | Relation | Source | RelationType) -> dict[str, Any]:
    """The file form of a model object: its record (:mod:`relgraph.records`), empties left out.

    >>> record_of(Actor("iran", "Iran", "state", country="IRN"))
    {'id': 'iran', 'name': 'Iran', 'kind': 'state', 'country': 'IRN'}
    """
    if isinstance(obj, Relation):
        full = relation_record(obj, BUILTIN_TYPES)
        out = {k: full[k] for k in _FILE_FIELDS}
        out["sources"] = [{"ref": c.source.id, "evidence": c.evidence, "quote": c.quote,
                           "offsets": list(c.offsets) if c.offsets else None} for c in obj.sources]
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


def dumps(data: Dataset, fmt: Literal["yaml", "jsonl"] = "yaml", *, header: str | None = None) -> str:
    """A dataset as the text of one YAML file, or of a JSON Lines file; :func:`read` reads either back.

    ``header`` is a comment put first in a YAML file.

    >>> print(dumps(Dataset(actors={"iran": Actor("iran", "Iran", "state")})), end="")
    actors:
    - id: iran
      name: Iran
      kind: state
    """
    sections = _sections(data)
    if fmt == "jsonl":
        return "".join(json.dumps({"record": SECTIONS[section], **record}, ensure_ascii=False) + "\n"
                       for section, records in sections.items() for record in records)
    text = yaml.safe_dump({k: v for k, v in sections.items() if v}, sort_keys=False, allow_unicode=True,
                          width=100)
    return (f"# {header}\n" if header else "") + text


def write(data: Dataset, path: str | Path) -> list[Path]:
    """Write a dataset: one ``.jsonl`` or ``.yaml`` file, or a directory of YAML files.

    A directory gets ``types.yaml``, ``sources.yaml``, ``actors.yaml`` and
    ``relations.yaml`` (sections that are empty are not written). Returns the
    files written; :func:`load` reads any of them back to an equal dataset.
    """
    path = Path(path)
    if path.suffix in (".jsonl", ".yaml", ".yml"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(data, "jsonl" if path.suffix == ".jsonl" else "yaml"), encoding="utf-8")
        return [path]
    path.mkdir(parents=True, exist_ok=True)
    written = []
    parts = {"types": Dataset(types=data.types), "sources": Dataset(sources=data.sources),
             "actors": Dataset(actors=data.actors), "relations": Dataset(relations=data.relations)}
    for section, part in parts.items():
        if _sections(part)[section]:
            (path / f"{section}.yaml").write_text(dumps(part), encoding="utf-8")
            written.append(path / f"{section}.yaml")
    return written
