"""Import a report's conclusions or recommendations as a programme (``stocktake import-document``).

:func:`document_import` reads the file (:mod:`.text`), parses it (:mod:`.parser`) and, all in one
transaction, creates:

* the **programme**: kind "report"; its code as given, or made from the document's title
  ("Wiring It Up" → "wiring-it-up"), or from the file name when it has none; its title as given, or the document's title, or the file
  name; ``source_document`` the document's title and ``source_date`` its published date; the
  status scale "delivery-status" and the confidence scale "confidence-5";
* one **commitment** per item, through ``commitment_create``: the item's number as code, its
  first sentence as title, its text, its deadline phrase (parsed into a window and a kind), its
  section as a theme, the government response's category, and the lead and supporting
  organisations found in the register. A sub-item ("4a", "9a-c", "3.7.1") has the item it
  extends as parent. In a document of numbered paragraphs, a numbered heading whose number
  starts the paragraphs' numbers ("3.7 Leadership" over "3.7.1") is itself a commitment, their
  parent; labelled parts ("PART 2: ...") are only themes, because their numbers would clash with
  the items';
* the **first update** of each item that has progress or a government response, through
  ``update_create``: for the month of the document's published date (or of ``as_of`` when it
  gives none), by the document (``author_name`` is its title), with the progress paragraphs and
  then the response as narrative. The status records what the document says, not a judgement:
  "on-track" when it reports progress, "not-started" when it gives only a response. Delivery
  confidence is left empty: it is the unit's own judgement.

Bodies the register does not know are reported as warnings and left out, unless
``create_missing`` is set: then each is created as an organisation of kind "other", its
abbreviation as code and the annex's expansion (if any) as name.

Nothing is written when anything is wrong: an unreadable file, no items, duplicate item codes,
a programme code already in use, or any item the register's rules refuse (each named by item and
line). These raise :class:`DocumentImportError`. A dry run does everything, then rolls back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from stocktake.importing.documents.parser import ParsedDocument, ParsedItem, document_parse
from stocktake.importing.documents.text import DocumentUnreadableError, document_text
from stocktake.progress.models import Update
from stocktake.progress.services import update_create
from stocktake.register.models import (
    Commitment,
    Organisation,
    OrganisationKind,
    Programme,
    ProgrammeKind,
    Scale,
    ScaleLevel,
    Theme,
)
from stocktake.register.services import commitment_create

STATUS_SCALE = "delivery-status"
CONFIDENCE_SCALE = "confidence-5"
STATUS_PROGRESS_REPORTED = "on-track"
STATUS_NO_PROGRESS = "not-started"


class DocumentImportError(Exception):
    """The document was not imported and nothing was written; ``problems`` says what and where."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = f"{source}: {self.problems[0]}"
        else:
            listed = "\n".join(f"  - {problem}" for problem in self.problems)
            message = f"{source}: {len(self.problems)} problems; nothing was imported.\n{listed}"
        super().__init__(message)


@dataclass(frozen=True)
class ImportedItem:
    """One commitment as imported (or, in a dry run, as it would be)."""

    code: str
    title: str
    deadline_phrase: str
    deadline_kind: str
    section: str
    leads: tuple[str, ...]
    linked: bool
    government_response: str
    parent_code: str
    updated: bool


@dataclass(frozen=True)
class DocumentImportReport:
    source: str
    programme_code: str
    programme_title: str
    dry_run: bool
    period: dt.date
    items: tuple[ImportedItem, ...]
    warnings: tuple[str, ...] = ()

    ROW_HEADINGS = ("Code", "Title", "By when", "Kind", "Section", "Leads")

    def summary(self) -> str:
        """What was (or would be) created, in a few lines for the terminal."""
        items = self.items
        deadlines = [item.deadline_kind for item in items if item.deadline_phrase]
        responses = [item.government_response for item in items if item.government_response]
        sections = {item.section for item in items if item.section}
        sub_items = sum(bool(item.parent_code) for item in items)
        with_bodies = sum(bool(item.leads) for item in items)
        joint = sum(len(item.leads) > 1 for item in items)
        linked = sum(item.linked for item in items)
        updates = sum(item.updated for item in items)
        lines = [
            self._heading(),
            f"  {_count(len(items), 'commitment')} ({sub_items} of them sub-items)"
            f" in {_count(len(sections), 'section')}",
            f"  {_tally(deadlines, 'with a deadline')}",
            f"  {with_bodies} with responsible bodies ({joint} joint);"
            f" {linked} linked to organisations in the register",
            f"  {_tally(responses, 'with a government response')}",
            f"  {_count(updates, 'first update')} for {self.period:%B %Y}",
            f"  {_count(len(self.warnings), 'warning')}{':' if self.warnings else ''}",
            *(f"    - {warning}" for warning in self.warnings),
        ]
        return "\n".join(lines)

    def _heading(self) -> str:
        programme = f"programme '{self.programme_code}' ({self.programme_title})"
        if self.dry_run:
            return f"Dry run of {self.source}; nothing was written. It would create {programme}:"
        return f"Imported {self.source} as {programme}:"

    def as_rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """One row per commitment, under :attr:`ROW_HEADINGS`, for the dry-run listing."""
        return [
            (
                item.code,
                item.title,
                item.deadline_phrase,
                item.deadline_kind,
                item.section,
                ", ".join(item.leads),
            )
            for item in self.items
        ]


def document_import(
    *,
    path: Path,
    programme_code: str | None = None,
    title: str | None = None,
    dry_run: bool = False,
    create_missing: bool = False,
    as_of: dt.date | None = None,
) -> DocumentImportReport:
    """Import the report at ``path`` as a new programme: all of it, or nothing.

    Raises :class:`DocumentImportError`, naming the file, when the file cannot be read, has no
    items or duplicate item numbers, the programme code is taken or invalid, or the register
    refuses any item; nothing is written then. ``as_of`` dates the first updates when the
    document has no published date (default: today).
    """
    source = str(path)
    try:
        text = document_text(path)
    except DocumentUnreadableError as error:
        raise DocumentImportError(source, [error.reason]) from error
    organisations = {org.code.lower(): org for org in Organisation.objects.all()}
    known = {name: org.code for org in organisations.values() for name in (org.name, org.code)}
    document = document_parse(text, known_organisations=known)
    code = programme_code or _code_made(document.title or path.stem, path)
    refusals = _refusals(document, code)
    if refusals:
        raise DocumentImportError(source, refusals)
    importer = _Importer(
        document=document,
        organisations=organisations,
        create_missing=create_missing,
        period=(document.published or as_of or timezone.localdate()).replace(day=1),
    )
    with transaction.atomic():
        programme = importer.programme(
            code=code, title=title or document.title or path.stem, path=path
        )
        items = importer.commitments(programme)
        if importer.problems:
            raise DocumentImportError(source, importer.problems)
        if dry_run:
            transaction.set_rollback(True)
    return DocumentImportReport(
        source=source,
        programme_code=programme.code,
        programme_title=programme.title,
        dry_run=dry_run,
        period=importer.period,
        items=tuple(items),
        warnings=tuple(importer.warnings()),
    )


def _code_made(name: str, path: Path) -> str:
    code = slugify(name.replace("_", "-"))[: Programme._meta.get_field("code").max_length]
    code = code.strip("-")
    if not code:
        raise DocumentImportError(
            str(path),
            [
                "no programme code can be made from the title or file name; give one with --programme."
            ],
        )
    return code


def _refusals(document: ParsedDocument, code: str) -> list[str]:
    """Why the document cannot be imported at all, if it cannot."""
    if not document.items:
        return [
            "no numbered conclusions or recommendations were found (looked for lines such as "
            "'Conclusion 7:', 'Recommendation 12.', 'R3' or '3.7.1 ...', and for tables with a "
            "Recommendation column)."
        ]
    refusals = []
    lines_by_code: dict[str, list[int]] = defaultdict(list)
    for item in document.items:
        lines_by_code[item.code].append(item.line)
    for item_code, lines in lines_by_code.items():
        if len(lines) > 1:
            listed = ", ".join(str(line) for line in lines)
            refusals.append(
                f"item {item_code} appears more than once (lines {listed}); "
                "each item needs its own number."
            )
    if Programme.objects.filter(code=code).exists():
        refusals.append(
            f"a programme with code '{code}' already exists; choose another code with --programme."
        )
    return refusals


@dataclass
class _Importer:
    """Writes one document's programme, commitments and first updates, collecting problems."""

    document: ParsedDocument
    organisations: dict[str, Organisation]
    create_missing: bool
    period: dt.date
    problems: list[str] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    shortened_sections: set[str] = field(default_factory=set)

    def programme(self, *, code: str, title: str, path: Path) -> Programme:
        try:
            scales = {
                scale.code: scale
                for scale in Scale.objects.filter(code__in=[STATUS_SCALE, CONFIDENCE_SCALE])
            }
            programme = Programme(
                code=code,
                title=_shortened(title, Programme, "title"),
                kind=ProgrammeKind.REPORT,
                description=f"Imported from {path.name}.",
                source_document=_shortened(self.document.title, Programme, "source_document"),
                source_date=self.document.published,
                status_scale=scales[STATUS_SCALE],
                confidence_scale=scales[CONFIDENCE_SCALE],
            )
            programme.full_clean()
        except KeyError as error:
            raise DocumentImportError(
                str(path), [f"the scale '{error.args[0]}' is missing; run 'stocktake migrate'."]
            ) from error
        except ValidationError as error:
            raise DocumentImportError(
                str(path), [f"programme '{code}': {message}" for message in _messages(error)]
            ) from error
        programme.save()
        return programme

    def commitments(self, programme: Programme) -> list[ImportedItem]:
        statuses = {
            level.code: level
            for level in ScaleLevel.objects.filter(
                scale=programme.status_scale,
                code__in=[STATUS_PROGRESS_REPORTED, STATUS_NO_PROGRESS],
            )
        }
        if self.create_missing:
            self._create_missing_organisations()
        created: dict[str, Commitment] = {}
        imported = []
        for item in self.document.items:
            try:
                with transaction.atomic():
                    commitment = self._commitment(programme, item, created.get(item.parent_code))
                    updated = self._first_update(commitment, item, statuses)
            except ValidationError as error:
                where = f"line {item.line}, item {item.code}"
                self.problems.extend(f"{where}: {message}" for message in _messages(error))
                continue
            created[item.code] = commitment
            imported.append(self._imported(item, commitment, updated=updated))
        return imported

    def _imported(self, item: ParsedItem, commitment: Commitment, *, updated: bool) -> ImportedItem:
        bodies = [*item.lead_bodies, *item.supporting_bodies]
        return ImportedItem(
            code=item.code,
            title=item.title,
            deadline_phrase=item.deadline_phrase,
            deadline_kind=commitment.deadline_kind,
            section=item.section,
            leads=tuple(item.lead_bodies),
            linked=any(body.lower() in self.organisations for body in bodies),
            government_response=item.response_category,
            parent_code=item.parent_code,
            updated=updated,
        )

    def _commitment(
        self, programme: Programme, item: ParsedItem, parent: Commitment | None
    ) -> Commitment:
        leads = self._organisations(item.lead_bodies, item)
        supporting = [
            org for org in self._organisations(item.supporting_bodies, item) if org not in leads
        ]
        return commitment_create(
            programme=programme,
            code=item.code,
            title=item.title,
            text=item.text,
            parent=parent,
            lead_organisations=leads,
            supporting_organisations=supporting,
            themes=[self._theme(item.section)] if item.section else [],
            deadline=item.deadline_phrase,
            government_response=item.response_category,
        )

    def _first_update(
        self, commitment: Commitment, item: ParsedItem, statuses: dict[str, ScaleLevel]
    ) -> bool:
        response = f"Government response: {item.response}" if item.response else ""
        narrative = "\n\n".join(part for part in (item.progress, response) if part)
        if not narrative:
            return False
        status = STATUS_PROGRESS_REPORTED if item.progress else STATUS_NO_PROGRESS
        update_create(
            commitment=commitment,
            period=self.period,
            status=statuses[status],
            narrative=narrative,
            author_name=_shortened(self.document.title, Update, "author_name"),
        )
        return True

    def _organisations(self, bodies: Sequence[str], item: ParsedItem) -> list[Organisation]:
        found: list[Organisation] = []
        for body in bodies:
            organisation = self.organisations.get(body.lower())
            if organisation is None:
                self.missing[body].append(item.code)
            elif organisation not in found:
                found.append(organisation)
        return found

    def _create_missing_organisations(self) -> None:
        """Add the bodies the register lacks: the abbreviation as code, the annex's name."""
        longest = Organisation._meta.get_field("code").max_length
        for item in self.document.items:
            for body in [*item.lead_bodies, *item.supporting_bodies]:
                if body.lower() in self.organisations or len(body) > longest:
                    continue
                name = self.document.abbreviations.get(body, body)
                organisation = Organisation(
                    code=body,
                    name=_shortened(name, Organisation, "name"),
                    kind=OrganisationKind.OTHER,
                )
                try:
                    organisation.full_clean()
                except ValidationError as error:
                    where = f"line {item.line}, item {item.code}, body {body}"
                    self.problems.extend(f"{where}: {message}" for message in _messages(error))
                    continue
                organisation.save()
                self.organisations[body.lower()] = organisation

    def _theme(self, section: str) -> str:
        name = _shortened(section, Theme, "name")
        if name != section:
            self.shortened_sections.add(section)
        return name

    def warnings(self) -> list[str]:
        warnings = list(self.document.warnings)
        for body, codes in self.missing.items():
            name = self.document.abbreviations.get(body)
            named = f"{body} ({name})" if name else body
            warnings.append(
                f"{named} is not in the register, so it is not linked to "
                f"{'item' if len(codes) == 1 else 'items'} {', '.join(dict.fromkeys(codes))}"
                f"{'' if self.create_missing else ' (creating missing organisations would add it)'}."
            )
        warnings.extend(
            f"the section '{section[:40]}...' is too long for a theme and was shortened."
            for section in sorted(self.shortened_sections)
        )
        return warnings


def _shortened(text: str, model: type, field_name: str) -> str:
    """The text cut at a word to fit the model's field, with an ellipsis."""
    limit = model._meta.get_field(field_name).max_length
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [
            f"{field_name}: {message}" if field_name != "__all__" else message
            for field_name, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _tally(values: list[str], label: str) -> str:
    """ "42 with a deadline: 17 date, 13 ongoing": the values counted, most common first."""
    if not values:
        return f"0 {label}"
    counts = Counter(values).most_common()
    listed = ", ".join(f"{count} {value.replace('_', ' ')}" for value, count in counts)
    return f"{len(values)} {label}: {listed}"
