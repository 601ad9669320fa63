"""Dataset files to located raw records: YAML and JSON Lines, read safely whatever they hold.

A record is a mapping that knows its file and line, and the line of each key,
so that :mod:`relgraph.dataset` can point at any field. Reading never raises
for bad content: every problem becomes a :class:`~relgraph.errors.Problem`
with the file and, wherever there is one, the line. Limits keep hostile input
from exhausting time or memory:

* nesting deeper than :data:`MAX_DEPTH` levels is refused (no recursion error);
* YAML aliases that would expand the document beyond :data:`MAX_EXPANSION`
  times its size (the "billion laughs") are refused while parsing;
* bytes that are not UTF-8 are reported with their line; a byte-order mark
  is accepted in YAML and JSON Lines alike;
* YAML scalars keep the text they were written with: ``id: 0x1F`` stays
  ``"0x1F"`` rather than becoming 31, and only ``true``/``false`` are
  booleans (``yes``, ``no``, ``on``, ``off`` stay words).

Values quoted in messages go through :func:`relgraph.errors.excerpt`, which
never shows more than a short cut of a value.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

import yaml

from relgraph.errors import Problem, did_you_mean, excerpt

__all__ = ["MAX_DEPTH", "MAX_EXPANSION", "SUFFIXES", "LineDict", "LineList", "Raw", "Span", "dataset_files",
           "located", "original_text", "read_jsonl", "read_jsonl_plain", "read_yaml", "read_yaml_document",
           "spans"]

SUFFIXES = (".yaml", ".yml", ".jsonl")

MAX_DEPTH = 50
"""How deeply lists and mappings may nest; a dataset record needs six levels."""

Span = tuple[int, int, int]
"""Part of a file: its first byte, the byte after its last, the number of its first line (:func:`spans`)."""

MAX_EXPANSION = 10
"""How many times its own size a YAML document may grow through aliases (plus a fixed allowance)."""

class LineDict(dict[str, Any]):
    """A mapping from YAML or JSON that knows its line and the line of each key.

    Keys missing from ``lines`` are on ``line`` (always so for JSON Lines).
    """

    line: int = 0
    lines: Mapping[str, int] = MappingProxyType({})


class LineList(list[Any]):
    """A list from YAML that knows its line."""

    line: int = 0


class _Int(int):
    """A YAML integer that remembers how it was written (``010``, ``0x1F``), for text fields."""

    text: str


class _Float(float):
    text: str


@dataclass
class Raw:
    """A record as read: its kind (a key of :data:`relgraph.schema.RECORDS`), values, and file."""

    kind: str
    values: LineDict
    file: str

    def line(self, name: str | None = None) -> int:
        return self.values.lines.get(name, self.values.line) if name else self.values.line


# -- YAML -------------------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` with lines, original texts, dates left as text, and limits on depth and aliases."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# Dates are parsed by relgraph (partial dates), booleans are YAML 1.2's true/false only, and numbers keep
# their text: everything else a YAML 1.1 resolver would turn into a value stays a string.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line, out.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {excerpt(key)}",
                                                    key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> _Int:
    out = _Int(yaml.SafeLoader.construct_yaml_int(loader, node))
    out.text = str(node.value)
    return out


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> _Float:
    out = _Float(yaml.SafeLoader.construct_yaml_float(loader, node))
    out.text = str(node.value)
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def original_text(value: Any) -> Any:
    """The text a YAML number was written with (``"0x1F"``), or ``value`` itself."""
    return getattr(value, "text", value)


def _expanded(root: yaml.Node) -> tuple[int, int]:
    """How many nodes the document has, and how many it would have with every alias expanded."""
    sizes: dict[int, int] = {}
    order: list[yaml.Node] = []
    stack = [root]
    while stack:  # nodes in an order where every child comes after its parent; each distinct node once
        node = stack.pop()
        if id(node) in sizes:
            continue
        sizes[id(node)] = 0
        order.append(node)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    for node in reversed(order):
        children: list[yaml.Node] = (node.value if isinstance(node, yaml.SequenceNode) else
                                     [n for pair in node.value for n in pair]
                                     if isinstance(node, yaml.MappingNode) else [])
        sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
    return len(order), sizes[id(root)]


def _decode(data: bytes, shown: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data[:start].count(b"\n") + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        problems.append(Problem("error", shown, line, None, None,
                                f"not UTF-8: byte 0x{data[start]:02x} at column {column}"))
        return None


def read_yaml(path: Path, shown: str, problems: list[Problem], sections: Mapping[str, str]) -> Iterator[Raw]:
    """The records of a YAML dataset file: a mapping of ``sections`` (name -> record kind) to lists."""
    doc = read_yaml_document(path, shown, problems)
    if doc is None:
        return
    if not isinstance(doc, LineDict):
        problems.append(Problem("error", shown, 1, None, None,
                                f"expected a mapping with sections {', '.join(sections)}"))
        return
    yield from _sections(doc, shown, problems, sections)


def read_yaml_document(path: Path, shown: str, problems: list[Problem]) -> Any:
    """The document of any YAML file read with the limits above; None if empty or refused (and why in
    ``problems``). Mappings are :class:`LineDict`, lists :class:`LineList`, numbers remember their text.

    Any YAML a user gives relgraph (a dataset, an event mapping table, an actor map) is read by this, so
    that a hostile file gets the same one-line refusal whatever it was meant to be. Raises OSError only.
    """
    text = _decode(path.read_bytes(), shown, problems)
    if text is None:
        return None
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (NUL...), found before parsing starts
        line = text[:exc.position].count("\n") + 1
        problems.append(Problem("error", shown, line, None, None,
                                f"not valid YAML: character #x{exc.character:04x} is not allowed"))
        return None
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        distinct, expanded = _expanded(root)
        if expanded > MAX_EXPANSION * distinct + 10_000:
            problems.append(Problem("error", shown, root.start_mark.line + 1, None, None,
                                    f"not accepted: its aliases expand it to {expanded:,} values, more than "
                                    f"{MAX_EXPANSION} times its own {distinct:,}"))
            return None
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problems.append(Problem("error", shown, mark.line + 1 if mark else None, None, None,
                                f"not valid YAML: {exc.problem}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem("error", shown, None, None, None, f"not valid YAML: {exc}"))
        return None
    finally:
        loader.dispose()


def _sections(doc: LineDict, shown: str, problems: list[Problem],
              sections: Mapping[str, str]) -> Iterator[Raw]:
    for section, items in doc.items():
        line = doc.lines[section]
        if section not in sections:
            problems.append(Problem("error", shown, line, None, None,
                                    f"unknown section {excerpt(section)}{did_you_mean(section, sections)}"))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(Problem("error", shown, line, None, section, "expected a list of records"))
            continue
        for item in items:
            if not isinstance(item, LineDict):
                problems.append(Problem("error", shown, getattr(item, "line", line), None, section,
                                        f"expected a record (a mapping), got {excerpt(item)}"))
                continue
            yield Raw(sections[section], item, shown)


# -- JSON Lines -------------------------------------------------------------------------------------------


def _located(value: dict[str, Any], line: int) -> LineDict:
    """A JSON object as the YAML loader gives mappings: knowing its line."""
    out = LineDict(value)
    out.line = line
    return out


_PREFIX = b'{"record": "'


def _written_kind(data: bytes) -> str | None:
    """The kind of a line that starts as relgraph writes them (``{"record": "actor", ...``), else None."""
    line = data if data.startswith(_PREFIX) else data.lstrip()
    if not line.startswith(_PREFIX):
        return None
    end = line.find(b'"', len(_PREFIX))
    return line[len(_PREFIX):end].decode("utf-8", "replace") if end > 0 else None


_BLOCK = 1 << 18
"""Bytes read at a time where whole runs of lines can be passed over (see :func:`_lines`)."""


def _lines(path: Path, skip: bytes | None = None) -> Iterator[tuple[int, bytes]]:
    """The numbered lines of a file that hold anything but white space, without a first byte-order mark.

    Lines that start with ``skip`` may be left out: a block of lines that all
    do is passed over at the speed of ``bytes.count``, without a Python step
    for each (the relations, for a pass that reads the declarations).
    """
    with path.open("rb") as file:
        for number, data in enumerate(file, 1) if skip is None else _numbered(file, skip):
            if number == 1 and data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            if data and not data.isspace():
                yield number, data


def _numbered(file: BinaryIO, skip: bytes) -> Iterator[tuple[int, bytes]]:
    """``enumerate(file, 1)``, less blocks of lines that all start with ``skip``."""
    number = 0
    for block in _blocks(file):
        lines = block.count(b"\n") + (not block.endswith(b"\n"))
        if block.startswith(skip) and block.count(b"\n" + skip) == lines - 1:
            number += lines
            continue
        for data in io.BytesIO(block):
            number += 1
            yield number, data


def _blocks(file: BinaryIO) -> Iterator[bytes]:
    """The file in blocks of whole lines (the last may lack its newline)."""
    rest = b""
    while block := file.read(_BLOCK):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        rest = block[cut:]
        if cut:  # else a line longer than a block: read on
            yield block[:cut]
    if rest:
        yield rest


def read_jsonl(path: Path, shown: str, problems: list[Problem], kinds: frozenset[str],
               only: frozenset[str] | None = None, *, quiet: bool = False) -> Iterator[Raw]:
    """The records of a JSON Lines file, one a line: ``{"record": KIND, ...}``.

    With ``only``, records of other kinds are passed over: relgraph reads a
    large file twice (declarations, then relations) rather than keep every
    relation it has read. ``quiet`` leaves the problems of lines of no kind
    (bad JSON, no ``record``) to the other pass.
    """
    # relations make up most of a large file: a pass that does not want them passes over their lines
    skip = _PREFIX + b'relation"' if only is not None and "relation" not in only else None
    for number, data in _lines(path, skip):
        found = _wanted_record(data, number, shown, problems, kinds, only, quiet)
        if found is not None:
            yield Raw(found[0], found[1], shown)


def spans(path: Path, parts: int) -> list[Span]:
    """``path`` cut into ``parts`` spans of whole lines of about equal size, for :func:`read_jsonl_plain`.

    A span is ``(first byte, byte after the last, number of its first line)``;
    a file with fewer lines than parts gives empty spans.
    """
    size = path.stat().st_size
    cuts, numbers = [0], [1]
    with path.open("rb") as file:
        for k in range(1, parts):
            at = max(cuts[-1], size * k // parts)
            if at > cuts[-1]:
                file.seek(at - 1)
                file.readline()  # to the start of the next line (of this one, if the byte before ends a line)
                at = file.tell()
            numbers.append(numbers[-1] + _newlines(file, cuts[-1], at))
            cuts.append(at)
    return list(zip(cuts, [*cuts[1:], size], numbers, strict=True))


def _newlines(file: BinaryIO, start: int, stop: int) -> int:
    file.seek(start)
    count = 0
    while start < stop:
        block = file.read(min(_BLOCK, stop - start))
        count += block.count(b"\n")
        start += len(block)
    return count


def _until(file: BinaryIO, at: int, stop: int) -> Iterator[bytes]:
    """The lines of ``file`` from byte ``at`` (where it is) to byte ``stop`` (where a line begins)."""
    for data in file:
        if at >= stop:
            return
        at += len(data)
        yield data


def read_jsonl_plain(path: Path, shown: str, problems: list[Problem], kinds: frozenset[str],
                     only: frozenset[str] | None = None, *, quiet: bool = False,
                     span: Span | None = None) -> Iterator[tuple[str, dict[str, Any], int, bytes]]:
    """What :func:`read_jsonl` reads, as ``(kind, values, line, data)``, at the speed of the JSON parser.

    ``values`` is the record as plain dicts and lists, without lines (every
    value of a JSON line is on that line): a checker that finds nothing wrong
    with it never needs more, and one that does asks :func:`located` for the
    record as :func:`read_jsonl` gives it, from the line's ``data``.

    Lines are parsed with orjson, which accepts only what Python's own parser
    accepts (it refuses NaN, lone surrogates and some more); a line it refuses
    goes to Python's parser, so that a line that is not a record is reported
    exactly as :func:`read_jsonl` reports it. The two differ in one value:
    orjson reads an integer beyond 64 bits as a float, which no well-formed
    record holds, so a checker refuses it and :func:`located` reads it again.
    With ``span`` (one of :func:`spans`), only that part of the file is read.
    """
    import orjson  # a compiled parser, 3-4 times as fast as json's on a relation

    loads, error = orjson.loads, orjson.JSONDecodeError
    starts = {kind: _PREFIX + kind.encode() + b'"' for kind in kinds}
    start, stop, first = span or (0, None, 1)
    with path.open("rb") as file:
        file.seek(start)
        for number, data in enumerate(file if stop is None else _until(file, start, stop), first):
            try:
                obj = loads(data)
            except error:
                obj = None
            kind = obj.get("record") if type(obj) is dict else None
            if type(kind) is str and kind in kinds:
                # a record read_jsonl reports nothing of; it yields it unless its line starts as one of
                # another kind (two "record" keys), which it passes over unread
                if only is None or (kind in only and (data.startswith(starts[kind])
                                                       or _written_kind(data) in (None, *only))):
                    del obj["record"]
                    yield kind, obj, number, data
                continue
            # anything else (a byte-order mark, a blank line, a line that is no record) as read_jsonl reads it
            if number == 1 and data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            if not data or data.isspace():
                continue
            found = _wanted_record(data, number, shown, problems, kinds, only, quiet)
            if found is not None:
                yield found[0], found[1], number, data


def located(data: bytes, number: int, kinds: frozenset[str]) -> LineDict:
    """Line ``number`` (``data`` from :func:`read_jsonl_plain`) as the record :func:`read_jsonl` gives."""
    found = _record(data, number, "", [], kinds)
    if found is None:  # read_jsonl_plain yields only lines that are records
        raise ValueError(f"line {number} is not a record")
    return found[1]


def _wanted_record(data: bytes, number: int, shown: str, problems: list[Problem], kinds: frozenset[str],
                   only: frozenset[str] | None, quiet: bool) -> tuple[str, LineDict] | None:
    """The record of a line if it is of a kind ``only`` wants; a line of another kind is not parsed."""
    written = _written_kind(data)
    if only is not None and written is not None and written not in only:
        return None
    found = _record(data, number, shown, [] if quiet and written is None else problems, kinds)
    return found if found is not None and (only is None or found[0] in only) else None


def _record(data: bytes, number: int, shown: str, problems: list[Problem],
            kinds: frozenset[str]) -> tuple[str, LineDict] | None:
    obj = _json_line(data, number, shown, problems)
    if obj is None:
        return None
    kind = obj.get("record")
    if not isinstance(kind, str) or kind not in kinds:
        problems.append(Problem("error", shown, number, None, "record",
                                f"each line needs \"record\": one of {', '.join(sorted(kinds))}"))
        return None
    del obj["record"]
    return kind, obj


def _json_line(data: bytes, number: int, shown: str, problems: list[Problem]) -> LineDict | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem("error", shown, number, None, None,
                                f"not UTF-8: byte 0x{data[exc.start]:02x} at column {exc.start + 1}"))
        return None
    try:
        obj = json.loads(text, object_hook=lambda value: _located(value, number))
    except json.JSONDecodeError as exc:
        problems.append(Problem("error", shown, number, None, None, f"not valid JSON: {exc.msg}"))
        return None
    except RecursionError:
        problems.append(Problem("error", shown, number, None, None, "not accepted: nested too deeply"))
        return None
    if not isinstance(obj, LineDict):
        problems.append(Problem("error", shown, number, None, None,
                                f"expected a record (a JSON object), got {excerpt(obj)}"))
        return None
    return obj


# -- files ------------------------------------------------------------------------------------------------


def dataset_files(path: Path, problems: list[Problem]) -> list[Path]:
    """The dataset files at ``path``: the file itself, or a directory's files (subfolders too), sorted.

    Links that point nowhere, and folders that link back into themselves,
    are reported as warnings rather than skipped in silence.
    """
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    seen: set[str] = set()
    for folder, dirs, names in os.walk(path, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            problems.append(Problem("warning", folder, None, None, None,
                                    "a link back into the dataset folder: not read twice"))
            dirs.clear()
            continue
        seen.add(real)
        dirs.sort()
        for name in names:
            file = Path(folder) / name
            if file.suffix not in SUFFIXES:
                continue
            if not file.exists():
                problems.append(Problem("warning", str(file), None, None, None,
                                        "a link to nothing: not read"))
                continue
            found.append(file)
    return sorted(found)
