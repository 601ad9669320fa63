"""Every exception relgraph raises on purpose, in one place.

The CLI turns each into one line and an exit code; nothing below the CLI
prints or exits. :class:`OptionError` and its subclasses name the option
that was wrong, so the CLI reports them as a wrong invocation (exit 2);
the others are failures of data or services (exit 1).

>>> issubclass(DateError, RelgraphError) and issubclass(DateError, ValueError)
True
"""

from __future__ import annotations

import difflib
import re
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "CoreNLPUnavailable",
    "DatasetError",
    "DateError",
    "EventDataError",
    "ExtractError",
    "FieldError",
    "FilterError",
    "FormatError",
    "OptionError",
    "OutputError",
    "Problem",
    "RelgraphError",
    "ServerError",
    "StoreError",
    "StoreUnavailable",
    "UnknownActor",
    "did_you_mean",
    "excerpt",
    "scrub",
]

_EXCERPT = reprlib.Repr()  # keyword arguments only from Python 3.12
_EXCERPT.maxlevel, _EXCERPT.maxdict, _EXCERPT.maxlist, _EXCERPT.maxtuple, _EXCERPT.maxset = 2, 4, 4, 4, 4
_EXCERPT.maxstring, _EXCERPT.maxother, _EXCERPT.maxlong = 60, 60, 40


def excerpt(value: Any) -> str:
    """A short, quoted form of ``value`` for a message, however large or deep the value is.

    >>> excerpt("turky"), excerpt([[1, 2, 3, 4, 5, 6]])
    ("'turky'", '[[1, 2, 3, 4, ...]]')
    >>> excerpt("x" * 1000)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxx' (1000 characters)"
    """
    if type(value) is str and len(value) <= _EXCERPT.maxstring:  # the common case, as reprlib gives it
        shown = repr(value)
        if len(shown) <= _EXCERPT.maxstring:
            return shown
    shown = _EXCERPT.repr(value)
    if isinstance(value, str) and len(value) > _EXCERPT.maxstring:
        shown += f" ({len(value)} characters)"
    return shown


_USERINFO = re.compile(r"\b([a-z][a-z0-9+.-]*://)[^/@\s]*@", re.I)


def scrub(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` without credentials: no ``user:password@`` in any URI, and none of ``secrets``.

    >>> scrub("cannot route bolt://neo4j:s3cret-pw@db:7687 (s3cret-pw)", ["s3cret-pw"])
    'cannot route bolt://db:7687 (***)'
    """
    text = _USERINFO.sub(r"\1", text)
    for secret in secrets:
        if secret and len(secret) >= 3:  # a one-letter "secret" would blank out every word
            text = text.replace(secret, "***")
    return text


def did_you_mean(word: object, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``options``, or nothing.

    >>> did_you_mean("turky", ["turkey", "russia"])
    " (did you mean 'turkey'?)"
    """
    if not isinstance(word, str) or len(word) > 200:
        return ""
    choices = list(options)
    if len(choices) > _SCAN_ALL:
        # Among tens of thousands of ids a full scan costs tens of milliseconds a typo, and a file of
        # typos would take hours: look only at ids that start alike and are about as long.
        head, size = word[:1].casefold(), len(word)
        choices = [c for c in choices if c[:1].casefold() == head and abs(len(c) - size) <= 3]
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


_SCAN_ALL = 2_000
"""Up to this many options, every one is a candidate for a suggestion."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a dataset, located to file and line.

    >>> str(Problem("error", "data.yaml", 12, "relation 'r1'", "end", "ends before it starts"))
    "data.yaml:12: error: relation 'r1', field 'end': ends before it starts"
    """

    severity: Literal["error", "warning"]
    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = ", ".join(
            part for part in (self.record, f"field {self.field!r}" if self.field else None) if part
        )
        return f"{where}: {self.severity}: {what + ': ' if what else ''}{self.message}"


class RelgraphError(Exception):
    """Base of every error relgraph raises on purpose."""


class DatasetError(RelgraphError):
    """A dataset has errors; ``problems`` lists all of them (and any warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = self.errors
        super().__init__(
            f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the dataset; "
            f"first: {errors[0] if errors else 'none'}"
        )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class DateError(RelgraphError, ValueError):
    """A text that is not a date relgraph understands; the message says why."""


class FieldError(RelgraphError, ValueError):
    """A field's value in a dataset record is not acceptable; the message says why.

    Raised by the parsers of :mod:`relgraph.schema` and reported by
    :mod:`relgraph.dataset` as a located :class:`Problem`.
    """


class OptionError(RelgraphError):
    """A request names something that does not fit; ``option`` says which option or argument."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


class FilterError(OptionError):
    """A filter names a relation type or an actor that the graphs do not hold."""


class FormatError(OptionError):
    """An output format that cannot be told, or does not go with the other options."""


class UnknownActor(OptionError):
    """No actor, or more than one, answers to the name given."""

    def __init__(self, message: str, option: str = "ACTOR") -> None:
        super().__init__(option, message)


class OutputError(RelgraphError):
    """A file cannot be written where it was asked for (a missing permission, a folder in the way)."""


class StoreUnavailable(RelgraphError):
    """A store cannot be reached or used (server down, wrong credentials, no such database)."""


class StoreError(RelgraphError):
    """A store refused an operation that would lose or corrupt data, or cannot do it."""


class EventDataError(RelgraphError):
    """Event files, a mapping table or an actor map that cannot be used; the message says where and why.

    Bad rows inside a readable file are not errors: an import counts and reports them.
    """


class CoreNLPUnavailable(RelgraphError):
    """No CoreNLP server answers at the URL given, or it failed to annotate a text."""


class ExtractError(RelgraphError):
    """An article or a candidates file cannot be read or merged as asked."""


class ServerError(RelgraphError):
    """A local server cannot be assembled, started or stopped; the message says what to do."""
