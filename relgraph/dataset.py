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
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import yaml

from relgraph.collector import paused_collector
from relgraph.dates import PartialDate
from relgraph.errors import DatasetError, FieldError, Problem, did_you_mean, excerpt
from relgraph.forked import Forked, can_fork
from relgraph.model import (
    BUILTIN_TYPES,
    REVIEW_STATES,
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
    Span,
    dataset_files,
    located,
    original_text,
    read_jsonl,
    read_jsonl_plain,
    read_yaml,
    spans,
)
from relgraph.records import actor_record, relation_record, source_record
from relgraph.schema import MAX_ID, MAX_TEXT, RECORD_ID, RECORDS, SECTIONS, partial_date

__all__ = ["Report", "Streamed", "dumps", "files", "load", "read", "record_of", "stream", "validate", "write"]

_KINDS = frozenset(SECTIONS.values())
_DECLARATIONS = frozenset({"type", "source", "actor"})
_RELATIONS = frozenset({"relation"})
_RELATION_FIELDS_IN_ORDER = ("source", "type", "target", "id", "sign", "confidence", "start", "end", "date",
                             "notes", "review", "sources")
_RELATION_FIELDS = frozenset(_RELATION_FIELDS_IN_ORDER)
_REF_CITATION_FIELDS_IN_ORDER = ("ref", "evidence", "quote", "offsets")
_REF_CITATION_FIELDS = frozenset(_REF_CITATION_FIELDS_IN_ORDER)
T = TypeVar("T")
_DATES_KEPT = 100_000
"""How many distinct date texts a check remembers parsed (20 years of days, months and years: about 7,600)."""


def _number(value: Any) -> bool:
    """Whether the schema takes ``value`` for a number (a YAML number remembers its text; no boolean is)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _long_text(value: Any) -> str | None:
    """What :func:`relgraph.schema.long_text` gives a text; None where it refuses, or for a value not text."""
    if type(value) is not str:
        return None
    value = value.strip()
    return value if value and len(value) <= MAX_TEXT else None


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


def validate(path: str | Path, *, parts: int | None = None) -> Report:
    """Check a dataset as :func:`read` does, without keeping its relations (memory grows with ids only).

    The relations of a JSON Lines dataset are checked in ``parts`` (default:
    one per processor) by forked processes; at the first problem they stop,
    and the dataset is checked again in one pass, which alone reports each
    problem as :func:`read` does.
    """
    path = Path(path)
    split = _in_parts(path, parts, _count, keep=False, stop=frozenset({"error", "warning"}))
    if split is None or not split.clean:
        return _check(path, keep=False)
    return Report(split.declared, [], split.files, split.relations)


def _count(declared: Dataset, part: int, relations: Iterator[Relation]) -> None:
    for _ in relations:  # none: a check that keeps nothing yields nothing, but runs through the part
        pass


@dataclass
class Streamed(Generic[T]):
    """What :func:`stream` read: the declarations, how many relations, and what each part's ``write`` gave."""

    declared: Dataset  # the types, sources and actors; no relations
    relations: int
    results: list[T]


def stream(path: str | Path, write: Callable[[Dataset, int, Iterator[Relation]], T], *,
           parts: int | None = None) -> Streamed[T]:
    """Read and check a dataset as :func:`load` does, giving its relations to ``write`` as they are read.

    The relations of JSON Lines files are read in ``parts`` parts (default:
    one per processor), each in a forked process that calls ``write(declared,
    part, relations)`` with the declarations, its number and an iterator over
    its relations in file order; what ``write`` returns comes back pickled,
    in :attr:`Streamed.results`. Nothing holds every relation at once: memory
    grows with the ids, not with the records. A dataset with any error
    raises :class:`DatasetError` with the report of :func:`load` (the parts
    stop at the first); what ``write`` did with the relations read by then is
    for the caller to undo. A dataset with YAML files, or a process that may
    not fork, is loaded whole and written as one part.

    >>> from relgraph import example_path
    >>> read = stream(example_path(), lambda declared, part, relations: sum(1 for _ in relations))
    >>> read.relations == sum(read.results) == len(load(example_path()).relations)
    True
    """
    path = Path(path)
    split = _in_parts(path, parts, write, keep=True, stop=frozenset({"error"}))
    if split is None:
        data = load(path)
        declared = Dataset(data.actors, {}, data.sources, data.types)
        return Streamed(declared, len(data.relations), [write(declared, 0, iter(data.relations.values()))])
    if not split.clean:
        raise DatasetError(read(path).problems)
    return Streamed(split.declared, split.relations, split.results)


@dataclass
class _Split(Generic[T]):
    """What :func:`_in_parts` found: ``clean`` if no part met a problem it stops at."""

    declared: Dataset
    files: list[Path]
    clean: bool
    relations: int = 0
    results: list[T] = field(default_factory=list)


class _Stopped(Exception):
    """A part met a problem: the sequential pass is to report it."""


def _in_parts(path: Path, parts: int | None, work: Callable[[Dataset, int, Iterator[Relation]], T], *,
              keep: bool, stop: frozenset[str]) -> _Split[T] | None:
    """Check the declarations here and the relations in ``parts`` forked processes, each calling ``work``.

    None if the dataset cannot be read so (a YAML file, one part, a process
    that may not fork). A part stops at the first problem whose severity is
    in ``stop``, and the others with it; the result is then not ``clean``,
    nor is it when a relation id may be in two parts (ids are compared by
    their hashes: a collision costs only the sequential pass). The messages
    are left to the sequential pass, which alone knows each relation's place
    in the whole.
    """
    found = dataset_files(path, [])
    n = parts or os.cpu_count() or 1
    if not found or any(f.suffix != ".jsonl" for f in found) or n == 1 or not can_fork():
        return None
    problems: list[Problem] = []
    checker = _Checker(problems, keep=keep)
    with paused_collector():
        checker.declare([raw for f in found
                         for raw in read_jsonl(f, str(f), problems, _KINDS, only=_DECLARATIONS)])
    if any(p.severity in stop for p in problems):  # the readers' problems too, not only the checker's
        return _Split(checker.data, found, clean=False)
    cuts = {f: spans(f, n) for f in found}
    jobs = [Forked.start(_part, checker, found, [cuts[f][k] for f in found], work, k, stop) for k in range(n)]
    outcomes: dict[int, tuple[int, T, Any]] = {}
    try:
        for k, outcome in Forked.as_done(jobs):
            if outcome is None:
                return _Split(checker.data, found, clean=False)
            outcomes[k] = outcome
    finally:  # after a problem, none goes on
        for job in jobs:
            job.stop()
    if _shared(outcomes[k][2] for k in range(n)):
        return _Split(checker.data, found, clean=False)
    return _Split(checker.data, found, True, sum(o[0] for o in outcomes.values()),
                  [outcomes[k][1] for k in range(n)])


def _hashes(ids: Iterable[str], count: int) -> Any:
    """The ids' hashes, sorted, as a numpy array: 8 bytes an id to send and compare, not the ids."""
    import numpy as np

    return np.sort(np.fromiter(map(hash, ids), dtype=np.int64, count=count))


def _shared(parts: Iterable[Any]) -> bool:
    """Whether two parts hold ids of one hash (:func:`_hashes`): the same id, or, rarely, a collision."""
    import numpy as np

    every = np.sort(np.concatenate(list(parts)))
    return bool(np.any(every[1:] == every[:-1]))


def _part(checker: _Checker, found: list[Path], cuts: list[Span],
          work: Callable[[Dataset, int, Iterator[Relation]], T], part: int,
          stop: frozenset[str]) -> tuple[int, T, Any] | None:
    """A part of :func:`_in_parts`, in its process: (relations, what ``work`` gave, :func:`_hashes` of its
    relation ids), or None."""
    waiting: list[Relation] = []
    checker.kept = lambda _, rel: waiting.append(rel)
    problems = checker.problems
    seen = 0

    def stopped() -> bool:
        nonlocal seen
        new, seen = problems[seen:], len(problems)
        return any(p.severity in stop for p in new)

    def relations() -> Iterator[Relation]:
        for file, span in zip(found, cuts, strict=True):
            shown = str(file)
            base = checker.file_base(shown)
            for kind, values, number, data in read_jsonl_plain(file, shown, problems, _KINDS,
                                                               only=_RELATIONS, quiet=True, span=span):
                if not checker.well_formed_relation(values, base | number):
                    checker.relation(Raw(kind, located(data, number, _KINDS), shown), number)
                if len(problems) != seen and stopped():  # the checker's, or of a line the reader refused
                    raise _Stopped
                if waiting:
                    yield from waiting
                    waiting.clear()
        if len(problems) != seen and stopped():
            raise _Stopped

    try:
        with paused_collector():
            result = work(checker.data, part, relations())
    except _Stopped:
        return None
    return checker.relations, result, _hashes(checker.first_relation, len(checker.first_relation))


def files(path: str | Path) -> list[Path]:
    """The dataset files at ``path``: the file itself, or a directory's files in sorted order."""
    return dataset_files(Path(path), [])


# -- reading ---------------------------------------------------------------------------------------------


def _check(path: Path, *, keep: bool, fast: bool = True) -> Report:
    """Read and check; ``fast=False`` sends every relation through the precise checker (tests compare)."""
    problems: list[Problem] = []
    if not path.exists() and not path.is_symlink():
        problems.append(Problem("error", str(path), None, None, None, "no such file or directory"))
        return Report(Dataset(), problems, [])
    found = dataset_files(path, problems)
    if not found:
        problems.append(Problem("error", str(path), None, None, None,
                                f"no dataset files ({', '.join(SUFFIXES)}) in this directory"))
    with paused_collector():
        checker = _Checker(problems, keep=keep)
        _check_files(checker, found, problems, fast=fast)
    # reading finds syntax problems before checking finds the rest: show them in file order
    order = {str(f): i for i, f in enumerate(found)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line or 0))
    return Report(checker.data, problems, found, checker.relations)


def _check_files(checker: _Checker, found: list[Path], problems: list[Problem], *, fast: bool) -> None:
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
    del declarations  # only what was declared is needed from here on, not the records' text
    index = 0
    for file in found:
        shown = str(file)
        if file.suffix == ".jsonl":
            base = checker.file_base(shown)
            for kind, values, number, data in read_jsonl_plain(file, shown, problems, _KINDS, only=_RELATIONS,
                                                               quiet=True):
                index += 1
                if not (fast and checker.well_formed_relation(values, base | number)):
                    checker.relation(Raw(kind, located(data, number, _KINDS), shown), index)
        else:
            for raw in yaml_relations:
                if raw.file == shown:
                    index += 1
                    if not (fast and checker.well_formed_relation(raw.values, checker.where(raw))):
                        checker.relation(raw, index)


class _Checker:
    """Records to model objects, collecting every problem of every record.

    A record with an error is not kept, but every check that its other fields
    allow still runs: one run reports everything there is to fix.

    :meth:`well_formed_relation` is the fast path: it accepts a relation only
    when the precise checks (:meth:`relation`) would find nothing to say of it,
    and otherwise changes nothing, so that the caller runs the precise checks
    and their messages are the only ones there are.
    """

    def __init__(self, problems: list[Problem], *, keep: bool) -> None:
        self.problems = problems
        self.data = Dataset()
        self.keep = keep
        self.kept: Callable[[str, Relation], None] = self.data.relations.__setitem__  # where relations go
        self.relations = 0
        self.errors = 0
        # where each id was first defined, by kind: file number << 32 | line (an int, not a tuple of two,
        # since validate keeps one for every relation it has read)
        self.first: dict[str, dict[str, int]] = {"type": {}, "source": {}, "actor": {}, "relation": {}}
        self.first_relation = self.first["relation"]
        self.files: dict[str, int] = {}
        self.declared: dict[str, set[str]] = {"type": set(), "source": set(), "actor": set()}
        self.dates: dict[str, PartialDate] = {}  # dates as written -> parsed, for well_formed_relation

    def file_base(self, file: str) -> int:
        """The part of a location (:meth:`where`) that says which file."""
        return self.files.setdefault(file, len(self.files)) << 32

    def where(self, raw: Raw) -> int:
        return self.file_base(raw.file) | raw.line()

    def place(self, where: int) -> str:
        """``file:line`` of a location."""
        return f"{list(self.files)[where >> 32]}:{where & 0xFFFFFFFF}"

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
        where = self.where(raw)
        first = self.first[kind].setdefault(ident, where)
        if first != where:
            self.problem("error", raw, label, "id", f"duplicate id: first defined at {self.place(first)}")
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

    def well_formed_relation(self, v: dict[str, Any], where: int) -> bool:
        """Count (and keep) a relation in the common form, if :meth:`relation` would say nothing of it.

        ``v`` holds the record's values (plain dicts from JSON, or the YAML
        reader's); ``where`` its location (:meth:`where`). Only what is
        certainly right is taken: any doubt (a value in another form, a
        warning, an error, an inline source) returns False having changed
        nothing, and :meth:`relation` then checks the record and says why.
        This runs for every relation of a dataset, hence its terse style.
        """
        if not v.keys() <= _RELATION_FIELDS:
            return False
        source, tname, target, ident, sign, confidence, start, end, date, notes, review, cited = map(
            v.get, _RELATION_FIELDS_IN_ORDER)
        if type(source) is not str or type(target) is not str or type(tname) is not str or source == target:
            return False
        actors = self.data.actors
        rtype, a, b = self.data.types.get(tname), actors.get(source), actors.get(target)
        if (rtype is None or a is None or b is None
                or (rtype.source_kinds is not None and a.kind not in rtype.source_kinds)
                or (rtype.target_kinds is not None and b.kind not in rtype.target_kinds)):
            return False
        dates = self.dates
        if rtype.kind == "event":
            if start is not None or end is not None:
                return False
            date = when = (dates.get(date) if type(date) is str else None) or self.date(date)
        else:
            if date is not None:
                return False
            # no start is a warning
            start = when = (dates.get(start) if type(start) is str else None) or self.date(start)
            if end is not None:
                end = (dates.get(end) if type(end) is str else None) or self.date(end)
                if end is None or start is None or end.last < start.first:
                    return False
        if when is None:
            return False
        # most ids are one run of lower-case letters and digits: str's tests say so faster than the pattern
        if ident is not None and (type(ident) is not str or len(ident) > MAX_ID or not (
                (ident.isascii() and ident.isalnum() and (ident.islower() or ident.isdigit()))
                or RECORD_ID.fullmatch(ident))):
            return False
        if sign is None:
            sign = rtype.sign
        elif (type(sign) is int or (isinstance(sign, int) and type(sign) is not bool)) and -1 <= sign <= 1:
            sign = int(sign)  # a YAML integer remembers its text: the model holds plain ones
        else:
            return False
        if confidence is None:
            confidence = 1.0
        elif ((type(confidence) is float or type(confidence) is int or _number(confidence))
              and 0 <= confidence <= 1):
            confidence = float(confidence)
        else:
            return False
        if notes is not None and (notes := _long_text(notes)) is None:
            return False
        if review is not None and (type(review) is not str or review not in REVIEW_STATES):
            return False
        citations = self.well_formed_citations(cited)
        if citations is None:
            return False
        rid = ident or relation_id(source, tname, target, when)
        if self.first_relation.setdefault(rid, where) != where:
            return False
        self.relations += 1
        if self.keep:
            # the actors' and the type's own strings rather than the record's: one copy each in memory
            self.kept(rid, Relation(
                rid, a.id, rtype.name, b.id, sign, start, end, date,  # type: ignore[arg-type]
                confidence, citations, notes, review))  # type: ignore[arg-type]
        return True

    def well_formed_citations(self, value: Any) -> tuple[Citation, ...] | None:
        """The citations of :meth:`well_formed_relation`: refs to declared sources, each with a note."""
        if not isinstance(value, list) or not value:  # no source is a warning
            return None
        sources, keep, out = self.data.sources, self.keep, []
        for c in value:
            if not isinstance(c, dict) or not c.keys() <= _REF_CITATION_FIELDS:
                return None
            ref, evidence, quote, offsets = map(c.get, _REF_CITATION_FIELDS_IN_ORDER)
            found = sources.get(ref) if type(ref) is str else None
            if found is None or (evidence is None and quote is None):  # no note is a warning
                return None
            # _long_text, inlined for the evidence note most citations have
            if evidence is not None and (type(evidence) is not str or not (evidence := evidence.strip())
                                         or len(evidence) > MAX_TEXT):
                return None
            if quote is not None and (quote := _long_text(quote)) is None:
                return None
            if offsets is not None:
                if (quote is None or not isinstance(offsets, list) or len(offsets) != 2
                        or not all(isinstance(n, int) and not isinstance(n, bool) for n in offsets)
                        or not 0 <= offsets[0] < offsets[1]):
                    return None
                offsets = (int(offsets[0]), int(offsets[1]))
            if keep:
                out.append(Citation(found, evidence, quote, offsets))
        return tuple(out)

    def date(self, value: Any) -> PartialDate | None:
        """A date as the schema reads it (None: absent or wrong), each text parsed once."""
        if value is None:
            return None
        try:
            parsed = partial_date(value)
        except FieldError:
            return None
        if type(value) is str and len(self.dates) < _DATES_KEPT:
            self.dates[value] = parsed
        return parsed

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
                self.kept(rel.id, rel)

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
