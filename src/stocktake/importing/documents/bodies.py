"""Who is responsible: a report's abbreviations annex, and the bodies it names. Pure Python.

:func:`abbreviations_parse` reads annex lines such as ``DfEE Department for Education and
Employment`` (or ``DfEE<tab>Department ...``), including two entries run together on one line
("ESRC Economic and Social Research Council FCO Foreign and Commonwealth Office") and names
broken over two lines ("... Economics Team at" / "HM Treasury").

:class:`BodyIndex` knows the bodies a report can name: the organisations in the register (by
name or abbreviation, mapped to their codes) and the annex's abbreviations whose expansion is an
organisation (a department, office, unit, board...; not "Accounting Officer" or "Public Service
Agreement"). Names are compared ignoring case, "the", "&" for "and" and "Her Majesty's" for "HM";
abbreviations are compared as written, so "CO" is not found in "co-ordinate".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stocktake.importing.documents.lines import Role, sentence_end

BODY_NOUN_RE = re.compile(
    r"(?:department|ministry|office|treasury|agency|agencies|unit|committee|board|council"
    r"|commission|authority|centre|center|group|team|forum|executive|directorate|inspectorate"
    r"|service|partnership|association|trust|customs|excise|revenue|court|police|force"
    r"|institute|secretariat|panel|bank|parliament|assembly|corporation|foundation)s?",
    re.IGNORECASE,
)
"""The word that makes a name an organisation's, when it is the name's first or last word."""
ENTRY_RE = re.compile(
    r"^(?P<abbreviation>[A-Z][A-Za-z&]*[A-Z][A-Za-z]*|[A-Z]{2,}\s\d{2,4})"
    r"(?:\t+|\s+[-–—:=]\s+|\s+)(?P<name>[A-Z].*)$"
)
EMBEDDED_ENTRY_RE = re.compile(r"\s(?=[A-Z][A-Za-z&]*[A-Z][A-Za-z]*\s+[A-Z][a-z])")
MIN_EMBEDDED_ABBREVIATION = 3
CONTINUED_NAME_RE = re.compile(r"(?:\b(?:at|of|for|and|the|to|in|on)|[&,(])$", re.IGNORECASE)
ABBREVIATION_RE = re.compile(r"^[A-Z][A-Za-z&]*[A-Z][A-Za-z]*$")
SEPARATOR_RE = re.compile(r"\s*(?:,|;|/|\+|&|\band\b|\bwith\b|\bjointly\b)\s*", re.IGNORECASE)
MAX_NAME = 100

_MAJESTY_RE = re.compile(r"\b(?:her|his)\s+majesty'?s\b", re.IGNORECASE)
_THE_RE = re.compile(r"^the\b\s*", re.IGNORECASE)
_PARENTHESIS_RE = re.compile(r"\([^)]*\)")

SUBJECT_END_RE = re.compile(r"\b(?:should|must|(?:needs?|will\s+need)\s+to)\b", re.IGNORECASE)
HEAD_RE = re.compile(r"^\W*(?:the\s+)?$", re.IGNORECASE)
OFFICE_OF_RE = re.compile(
    r"\b(?:secretary(?:\s+of\s+state)?|minister|board|group|unit|committee|team|secretariat"
    r"|chair(?:man|woman)?|head|director(?:ate)?|executive|officers?)"
    r"\s+(?:of|to|for|in|at|within)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
LED_BY_RE = re.compile(
    r"\b(?:led|chaired|run|provided|managed|co-?ordinated|delivered|owned)\s+(?:jointly\s+)?by"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
SUPPORTED_BY_RE = re.compile(
    r"\b(?:supported\s+by|assisted\s+by|in\s+(?:consultation|partnership|conjunction)\s+with)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
WITH_RE = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
JOINED_RE = re.compile(r"^\s*(?:,|and|or|/|&)\s*(?:the\s+)?$", re.IGNORECASE)


def abbreviations_parse(lines: Iterable[str]) -> dict[str, str]:
    """The annex's abbreviations and what they stand for, in the annex's order."""
    entries: dict[str, str] = {}
    last = ""
    for raw in lines:
        line = raw.strip()
        if last and CONTINUED_NAME_RE.search(entries[last]):
            entries[last] = f"{entries[last]} {' '.join(line.split())}"
            continue
        for abbreviation, name in _entries(line):
            entries[abbreviation] = name
            last = abbreviation
    return entries


def _entries(line: str) -> list[tuple[str, str]]:
    match = ENTRY_RE.match(line)
    if not match:
        return []
    abbreviation, rest = match["abbreviation"], " ".join(match["name"].split())
    for split in EMBEDDED_ENTRY_RE.finditer(rest):
        head, tail = rest[: split.start()], rest[split.end() :]
        following = tail.split(" ", 1)[0]
        if len(head.split()) >= 2 and len(following) >= MIN_EMBEDDED_ABBREVIATION:
            return [(abbreviation, head), *_entries(tail)]
    return [(abbreviation, rest)]


def _is_body(name: str) -> bool:
    """Is this the name of an organisation ("Department of Health", "HM Treasury"), not of a
    thing ("Public Service Agreement", "Accounting Officer")?"""
    words = re.findall(r"[\w-]+", _key(name))
    return bool(words) and any(BODY_NOUN_RE.fullmatch(word) for word in (words[0], words[-1]))


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    text = _MAJESTY_RE.sub("HM", text)
    return " ".join(re.sub(r"\s&\s", " and ", text).split())


def _key(name: str) -> str:
    return _THE_RE.sub("", _normalise(name)).strip(" .,;:").lower()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str


class BodyIndex:
    """The bodies a report can name, each with the code it is known by."""

    def __init__(
        self, *, abbreviations: Mapping[str, str], known_organisations: Mapping[str, str]
    ) -> None:
        known = {_key(name): code for name, code in known_organisations.items()}
        self.codes: dict[str, str] = dict(known)
        for abbreviation, name in abbreviations.items():
            code = known.get(_key(abbreviation)) or known.get(_key(name))
            if code or _is_body(name):
                self.codes.setdefault(_key(abbreviation), code or abbreviation)
                self.codes.setdefault(_key(name), code or abbreviation)
        names = [*known_organisations, *abbreviations, *abbreviations.values()]
        self._abbreviations = _alternation(
            sorted({n for n in names if ABBREVIATION_RE.match(n) and _key(n) in self.codes})
        )
        self._names = _alternation(
            sorted(
                {_key(n) for n in names if not ABBREVIATION_RE.match(n) and _key(n) in self.codes}
            )
        )

    def mentions(self, text: str) -> list[Mention]:
        """The known bodies named in the text, in order (longest names first where they overlap).

        Positions refer to the text with "Her Majesty's" written "HM" and " & " as " and "."""
        text = _normalise(text)
        found: list[Mention] = []
        for pattern, flags in ((self._names, re.IGNORECASE), (self._abbreviations, 0)):
            if not pattern:
                continue
            for match in re.finditer(pattern, text, flags):
                if not any(match.start() < m.end and m.start < match.end() for m in found):
                    found.append(Mention(match.start(), match.end(), self.codes[_key(match[0])]))
        return sorted(found, key=lambda mention: mention.start)

    def names(self, text: str) -> list[str]:
        """Codes of the bodies in a list of names ("HO, LCD and the CPS"); names the index does
        not know are kept as written."""
        normal = _normalise(text)
        mentions = self.mentions(text)
        found: list[tuple[int, str]] = [(mention.start, mention.code) for mention in mentions]
        position = 0
        for mention in [*mentions, Mention(len(normal), len(normal), "")]:
            found.extend(_unknown_names(normal, position, mention.start))
            position = mention.end
        return unique(code for _, code in sorted(found))


def unique(codes: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for code in codes:
        if code:
            seen.setdefault(code, None)
    return list(seen)


def _unknown_names(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The names between ``start`` and ``end``, split at commas, "and", "/"..."""
    names = []
    position = start
    for separator in [*SEPARATOR_RE.finditer(text, start, end), None]:
        stop = separator.start() if separator else end
        piece = _PARENTHESIS_RE.sub("", text[position:stop])
        name = _THE_RE.sub("", piece.strip(" .;:()")).strip()
        if re.search(r"[A-Za-z]", name) and len(name) <= MAX_NAME:
            names.append((position, name))
        position = separator.end() if separator else end
    return names


def _alternation(keys: Iterable[str]) -> str:
    ordered = sorted(keys, key=len, reverse=True)
    if not ordered:
        return ""
    escaped = "|".join(re.escape(key) for key in ordered)
    return rf"(?<![\w&-])(?:{escaped})(?![\w&-])"


def addressees(text: str, index: BodyIndex) -> tuple[list[str], list[str]]:
    """The lead and supporting bodies a recommendation addresses.

    Leads are the bodies at the head of the subject of its first "should" or "must" ("HM
    Treasury should...", "The Cabinet Office and No.10 should..."), those whose office-holder or
    board is the subject ("The Chief Secretary to HM Treasury should...", "The Project Board in
    the Cabinet Office should...") and any body the text says "led by", "chaired by", "run by" or
    "provided by". Bodies the subject is "working with", or that the text says "supported by" or
    "in consultation with", are supporting. Other bodies the text mentions are neither.
    """
    normal = _normalise(text)
    subject = SUBJECT_END_RE.search(normal, 0, sentence_end(normal))
    subject_end = subject.start() if subject else 0
    roles: dict[str, Role] = {}
    previous: tuple[Mention, Role] | None = None
    for mention in index.mentions(text):
        role = _role(normal, mention, subject_end, previous)
        if role is not Role.NONE:
            roles.setdefault(mention.code, role)
            previous = (mention, role)
    leads = [code for code, role in roles.items() if role is Role.LEAD]
    supporting = [code for code, role in roles.items() if role is Role.SUPPORTING]
    return leads, supporting


def _role(
    text: str, mention: Mention, subject_end: int, previous: tuple[Mention, Role] | None
) -> Role:
    before = text[: mention.start]
    if LED_BY_RE.search(before):
        return Role.LEAD
    if SUPPORTED_BY_RE.search(before):
        return Role.SUPPORTING
    if mention.start >= subject_end:
        return Role.NONE
    if HEAD_RE.match(before) or OFFICE_OF_RE.search(before):
        return Role.LEAD
    if WITH_RE.search(before):
        return Role.SUPPORTING
    if previous and JOINED_RE.match(text[previous[0].end : mention.start]):
        return previous[1]
    return Role.NONE
