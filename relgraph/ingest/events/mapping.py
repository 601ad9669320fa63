"""The declared table from coded events to relation types and signs, and a user's override of it.

CAMEO codes (GDELT, ICEWS) are matched by their longest prefix in the
table: ``0871`` is looked up as ``0871``, then ``087``, then ``08``. ACLED
events are matched by ``Event type/Sub-event type``, then ``Event type``.

The sign of a CAMEO event follows the source's own scale (GDELT's Goldstein
score, ICEWS's Intensity, both -10..+10): +1 at or above ``neutral``, -1 at
or below ``-neutral``, 0 between. An ACLED event has no scale: the table
gives each type a score on the same -10..+10 scale (battles, explosions,
violence against civilians and riots negative, agreements positive), and
the sign follows from it the same way. An entry may also fix the sign.

A user's YAML file overrides entries and adds types::

    neutral: 2.0
    cameo:
      "04": {type: consults}            # a type declared below
      "0871": {type: declares-ceasefire-with, sign: 1}
    acled:
      "Protests": {type: protests-against, score: -3}
    types:
      - {name: consults, sign: 0, kind: event, description: holds talks with}

>>> table = Mapping.default()
>>> table.cameo_entry("0874").type, table.cameo_entry("190").type
('yields-to', 'attacks')
>>> table.acled_entry("Battles", "Armed clash").score
-10.0
>>> table.sign(-0.4), table.sign(2.8), table.sign(-10)
(0, 1, -1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from relgraph.errors import EventDataError
from relgraph.ingest.events.user_yaml import read_user_yaml
from relgraph.model import BUILTIN_TYPES, RelationType
from relgraph.readers import original_text

__all__ = ["DECLARED_TYPES", "NEUTRAL", "Entry", "Mapping"]

NEUTRAL = 1.0
"""Scores strictly between -NEUTRAL and +NEUTRAL are sign 0 (CAMEO statements score 0 to -0.4)."""


@dataclass(frozen=True)
class Entry:
    """What one code maps to: a relation type, a fixed sign (else the scale's), and for ACLED a score."""

    type: str
    sign: int | None = None
    score: float | None = None
    label: str = ""


def _t(name: str, sign: int, description: str, kind: str = "event", symmetric: bool = False) -> RelationType:
    return RelationType(name, sign, kind, description, symmetric)  # type: ignore[arg-type]


DECLARED_TYPES: dict[str, RelationType] = {t.name: t for t in (
    _t("comments-on", 0, "makes a public statement about (CAMEO 01)"),
    _t("appeals-to", 1, "appeals to or requests something of (CAMEO 02)"),
    _t("cooperates-diplomatically", 1, "praises, endorses, recognises or signs with (CAMEO 05)"),
    _t("cooperates-materially", 1, "cooperates economically, militarily or judicially with (CAMEO 06)"),
    _t("aids", 1, "gives economic, military or humanitarian aid to (CAMEO 07)"),
    _t("yields-to", 1, "eases restrictions, releases, or agrees a ceasefire with (CAMEO 08)"),
    _t("investigates", -1, "investigates (CAMEO 09)"),
    _t("demands-of", -1, "demands something of (CAMEO 10)"),
    _t("criticises", -1, "disapproves of, accuses or criticises (CAMEO 11)"),
    _t("rejects", -1, "rejects a proposal, demand or mediation of (CAMEO 12)"),
    _t("threatens", -1, "threatens (CAMEO 13)"),
    _t("protests-against", -1, "demonstrates or protests against (CAMEO 14)"),
    _t("shows-force-to", -1, "mobilises or puts forces on alert against (CAMEO 15)"),
    _t("reduces-relations-with", -1, "cuts ties, aid or talks with (CAMEO 16)"),
    _t("coerces", -1, "seizes, arrests, expels or represses (CAMEO 17)"),
    _t("agrees-with", 1, "reaches an agreement with (ACLED strategic development)"),
    _t("clashes-with", -1, "fights an armed battle against (ACLED battles)"),
    _t("interacts-with", 0, "mostly neutral coded events in the period (aggregated)", "stance", True),
)}
"""Types the import declares in its output, beside the built-in ones it uses."""

_CAMEO: dict[str, Entry] = {
    "01": Entry("comments-on", label="make public statement"),
    "02": Entry("appeals-to", label="appeal"),
    "03": Entry("affirms-cooperation", label="express intent to cooperate"),
    "04": Entry("meets", label="consult"),
    "05": Entry("cooperates-diplomatically", label="engage in diplomatic cooperation"),
    "06": Entry("cooperates-materially", label="engage in material cooperation"),
    "07": Entry("aids", label="provide aid"),
    "08": Entry("yields-to", label="yield"),
    "09": Entry("investigates", label="investigate"),
    "10": Entry("demands-of", label="demand"),
    "11": Entry("criticises", label="disapprove"),
    "12": Entry("rejects", label="reject"),
    "13": Entry("threatens", label="threaten"),
    "14": Entry("protests-against", label="protest"),
    "15": Entry("shows-force-to", label="exhibit force posture"),
    "16": Entry("reduces-relations-with", label="reduce relations"),
    "17": Entry("coerces", label="coerce"),
    "18": Entry("attacks", label="assault"),
    "19": Entry("attacks", label="fight"),
    "20": Entry("attacks", label="use unconventional mass violence"),
}

_ACLED: dict[str, Entry] = {
    "Battles": Entry("clashes-with", score=-10.0, label="battle"),
    "Explosions/Remote violence": Entry("attacks", score=-10.0, label="explosion or remote violence"),
    "Violence against civilians": Entry("attacks", score=-10.0, label="violence against civilians"),
    "Riots": Entry("protests-against", score=-6.0, label="riot"),
    "Protests": Entry("protests-against", score=-3.0, label="protest"),
    "Protests/Peaceful protest": Entry("protests-against", score=0.0, label="peaceful protest"),
    "Protests/Excessive force against protesters": Entry("attacks", score=-10.0,
                                                         label="excessive force against protesters"),
    "Strategic developments": Entry("comments-on", score=0.0, label="strategic development"),
    "Strategic developments/Agreement": Entry("agrees-with", score=8.0, label="agreement"),
    "Strategic developments/Arrests": Entry("coerces", score=-5.0, label="arrests"),
    "Strategic developments/Looting/property destruction": Entry("coerces", score=-5.0,
                                                                 label="looting or destruction"),
}


@dataclass
class Mapping:
    """The whole table: CAMEO prefixes and ACLED types to entries, the neutral band, declared types."""

    cameo: dict[str, Entry] = field(default_factory=lambda: dict(_CAMEO))
    acled: dict[str, Entry] = field(default_factory=lambda: dict(_ACLED))
    types: dict[str, RelationType] = field(default_factory=lambda: dict(DECLARED_TYPES))
    neutral: float = NEUTRAL

    @classmethod
    def default(cls) -> Mapping:
        return cls()

    @classmethod
    def load(cls, path: str | Path | None) -> Mapping:
        """The default table with ``path``'s entries laid over it (``None``: the default)."""
        table = cls()
        if path is None:
            return table
        path = Path(path)
        doc = read_user_yaml(path, "the mapping")
        if not isinstance(doc, dict) or set(doc) - {"cameo", "acled", "types", "neutral"}:
            raise EventDataError(f"{path}: expected a mapping with any of cameo, acled, types, neutral")
        table._read_types(path, doc.get("types") or [])
        for section in ("cameo", "acled"):
            entries = doc.get(section) or {}
            if not isinstance(entries, dict):
                raise EventDataError(f"{path}: {section} must map codes to {{type, sign, score}}")
            for code, value in entries.items():
                code = str(original_text(code))  # as written: 042 stays "042", not the number 42
                getattr(table, section)[code] = table._entry(path, section, code, value)
        if "neutral" in doc:
            neutral = doc["neutral"]
            if isinstance(neutral, bool) or not isinstance(neutral, (int, float)) or not 0 <= neutral <= 10:
                raise EventDataError(f"{path}: neutral must be a number from 0 to 10, not {neutral!r}")
            table.neutral = float(neutral)
        return table

    def _read_types(self, path: Path, items: Any) -> None:
        from relgraph.errors import FieldError
        from relgraph.schema import RECORDS

        if not isinstance(items, list):
            raise EventDataError(f"{path}: types must be a list of {{name, sign, kind, description}}")
        for item in items:
            if not isinstance(item, dict):
                raise EventDataError(f"{path}: types: expected a mapping, got {item!r}")
            try:
                parsed = {k: RECORDS["type"][k].parse(v) for k, v in item.items() if k in RECORDS["type"]}
                rtype = RelationType(**parsed)
            except (FieldError, TypeError, KeyError) as exc:
                raise EventDataError(f"{path}: type {item.get('name')!r}: {exc}") from None
            if rtype.name in BUILTIN_TYPES:
                raise EventDataError(f"{path}: type {rtype.name!r} is built in; choose another name")
            self.types[rtype.name] = rtype

    def _entry(self, path: Path, section: str, code: str, value: Any) -> Entry:
        where = f"{path}: {section} {code!r}"
        if isinstance(value, str):
            value = {"type": value}
        if not isinstance(value, dict) or "type" not in value or set(value) - {"type", "sign", "score"}:
            raise EventDataError(f"{where}: expected {{type: NAME}} with optional sign and score")
        name = str(value["type"])
        if name not in BUILTIN_TYPES and name not in self.types:
            raise EventDataError(f"{where}: unknown relation type {name!r}; declare it under types")
        if BUILTIN_TYPES.get(name, self.types.get(name)).kind != "event":  # type: ignore[union-attr]
            raise EventDataError(f"{where}: {name!r} is a stance; a coded event needs an event type")
        sign = value.get("sign")
        if sign is not None and (isinstance(sign, bool) or sign not in (-1, 0, 1)):
            raise EventDataError(f"{where}: sign must be -1, 0 or 1, not {sign!r}")
        score = value.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))
                                  or not -10 <= score <= 10):
            raise EventDataError(f"{where}: score must be a number from -10 to 10, not {score!r}")
        old = getattr(self, section).get(code)
        label = old.label if old else ""
        if section == "acled" and score is None:
            score = old.score if old and old.score is not None else 0.0
        sign = None if sign is None else int(sign)  # a YAML integer remembers its text: keep a plain one
        return Entry(name, sign, None if score is None else float(score), label)

    def cameo_entry(self, code: str) -> Entry | None:
        """The entry of the longest prefix of ``code`` in the table."""
        for length in range(len(code), 1, -1):
            if code[:length] in self.cameo:
                return self.cameo[code[:length]]
        return None

    def acled_entry(self, event_type: str, sub_event_type: str | None = None) -> Entry | None:
        return self.acled.get(f"{event_type}/{sub_event_type}") or self.acled.get(event_type)

    def sign(self, score: float) -> int:
        """The sign of a score on the -10..+10 scale, given the neutral band."""
        if score > 0 and score >= self.neutral:
            return 1
        return -1 if score < 0 and score <= -self.neutral else 0

    def relation_type(self, name: str) -> RelationType:
        return BUILTIN_TYPES.get(name) or self.types[name]
