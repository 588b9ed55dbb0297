"""No lost updates: an edit made from a stale version is refused with both versions, never saved
over the newer one; of many writers holding the same version exactly one wins."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections

from stocktake.audit.models import Change, ChangeKind
from stocktake.audit.recording import acting
from stocktake.editing import EditConflictError
from stocktake.measures.models import Direction, Frequency, Measure
from stocktake.measures.services import measure_update
from stocktake.register.models import Commitment, Milestone
from stocktake.register.services import (
    commitment_update,
    milestone_create,
    milestone_update,
    programme_update,
)
from stocktake.register.tests.factories import CommitmentFactory

WRITERS = 4


def _changes(commitment: Commitment) -> list[Change]:
    return list(
        Change.objects.filter(
            content_type=ContentType.objects.get_for_model(Commitment),
            object_id=str(commitment.pk),
            kind=ChangeKind.CHANGED,
        ).order_by("id")
    )


@pytest.mark.django_db
def test_an_edit_from_the_current_version_saves_and_is_recorded() -> None:
    commitment = CommitmentFactory(title="Old title")
    with acting(name="editor", via="test"):
        commitment_update(
            commitment=commitment,
            expected_version=1,
            changes={"title": "New title", "deadline": "by March 2017"},
        )
    stored = Commitment.objects.get(pk=commitment.pk)
    assert (stored.title, stored.version) == ("New title", 2)
    assert (stored.deadline_phrase, stored.deadline_latest) == (
        "by March 2017",
        dt.date(2017, 3, 31),
    )
    [change] = _changes(commitment)
    assert change.changes["title"] == ["Old title", "New title"]
    assert "version" not in change.changes


@pytest.mark.django_db
def test_an_edit_from_a_stale_version_is_refused_with_both_versions() -> None:
    commitment = CommitmentFactory(title="Old title")
    commitment_update(commitment=commitment, expected_version=1, changes={"title": "First"})
    stale = Commitment.objects.get(pk=commitment.pk)
    with pytest.raises(EditConflictError) as caught:
        commitment_update(commitment=stale, expected_version=1, changes={"title": "Second"})
    conflict = caught.value
    assert (conflict.expected_version, conflict.current_version) == (1, 2)
    assert conflict.current["title"] == "First"
    assert conflict.submitted == {"title": "Second"}
    assert "changed by someone else" in str(conflict)
    assert Commitment.objects.get(pk=commitment.pk).title == "First"
    assert len(_changes(commitment)) == 1


@pytest.mark.django_db
def test_a_stale_instance_does_not_write_back_fields_it_did_not_change() -> None:
    commitment = CommitmentFactory(title="Old title", text="Old text")
    read_early = Commitment.objects.get(pk=commitment.pk)
    commitment_update(commitment=commitment, expected_version=1, changes={"text": "New text"})
    commitment_update(commitment=read_early, expected_version=2, changes={"title": "New title"})
    stored = Commitment.objects.get(pk=commitment.pk)
    assert (stored.title, stored.text, stored.version) == ("New title", "New text", 3)


@pytest.mark.django_db
def test_an_invalid_edit_changes_nothing_not_even_the_version() -> None:
    commitment = CommitmentFactory()
    milestone = milestone_create(
        commitment=commitment, code="M1", title="Bill passed", baseline_due_date=dt.date(2016, 1, 1)
    )
    with pytest.raises(ValidationError) as caught:
        milestone_update(milestone=milestone, expected_version=1, changes={"code": ""})
    assert "code" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        milestone_update(milestone=milestone, expected_version=1, changes={"commitment": None})
    assert "commitment" in caught.value.message_dict
    assert Milestone.objects.get(pk=milestone.pk).version == 1


@pytest.mark.django_db
@pytest.mark.parametrize("version", [0, -1, 2**31 - 1, 2**40])
def test_a_version_no_record_can_have_is_a_conflict(version: int) -> None:
    commitment = CommitmentFactory()
    with pytest.raises(EditConflictError):
        commitment_update(commitment=commitment, expected_version=version, changes={"title": "X"})
    assert Commitment.objects.get(pk=commitment.pk).version == 1


@pytest.mark.django_db
def test_a_deleted_record_is_a_conflict_too() -> None:
    commitment = CommitmentFactory()
    milestone = milestone_create(
        commitment=commitment, code="M1", title="Bill passed", baseline_due_date=dt.date(2016, 1, 1)
    )
    Milestone.objects.filter(pk=milestone.pk).delete()
    with pytest.raises(EditConflictError) as caught:
        milestone_update(milestone=milestone, expected_version=1, changes={"title": "Act"})
    assert caught.value.deleted
    assert "deleted" in str(caught.value)


@pytest.mark.django_db
def test_every_way_of_saving_moves_the_version_on() -> None:
    """A form opened before an admin save or an import's bulk write must not overwrite it."""
    commitment = CommitmentFactory()
    read_early = Commitment.objects.get(pk=commitment.pk)
    commitment.title = "Saved in the admin"
    commitment.save()
    assert commitment.version == Commitment.objects.get(pk=commitment.pk).version == 2
    read_early.text = "Saved from an instance read before"
    read_early.save()
    assert read_early.version == 3
    Commitment.objects.filter(pk=commitment.pk).update(text="Bulk import")
    assert Commitment.objects.get(pk=commitment.pk).version == 4
    copy = Commitment.objects.get(pk=commitment.pk)
    copy.pk, copy.code = None, "COPY"
    copy.save()
    assert Commitment.objects.get(pk=copy.pk).text == "Bulk import"
    programme = commitment.programme
    programme_update(programme=programme, expected_version=1, changes={"published": True})
    with pytest.raises(EditConflictError):
        programme_update(programme=programme, expected_version=1, changes={"title": "Late"})
    measure = Measure.objects.create(
        code="m", name="Measure", unit="count", direction=Direction.HIGHER, frequency="annual"
    )
    measure_update(measure=measure, expected_version=1, changes={"frequency": Frequency.MONTHLY})
    assert Measure.objects.get(pk=measure.pk).version == 2


@pytest.mark.django_db
def test_fields_that_cannot_be_edited_are_named() -> None:
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError) as caught:
        commitment_update(commitment=commitment, expected_version=1, changes={"programme": None})
    assert "programme" in caught.value.message_dict


@pytest.fixture
def shared_database(tmp_path: Path) -> Iterator[Callable[[], None]]:
    """A database every thread reaches through its own connection.

    PostgreSQL's test database is that already. SQLite's test database lives in memory, where
    threads share one cache that reports a lock rather than waiting for it; so on SQLite the test
    runs on a copy in a file, with the settings a real installation uses (WAL, ``BEGIN
    IMMEDIATE``, a busy timeout), each thread (this one too) connected to it."""
    if connection.vendor != "sqlite":
        yield lambda: None
        return
    copy = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
    settings_dict = {**connection.settings_dict, "NAME": str(copy)}
    original = connections[DEFAULT_DB_ALIAS]

    def connect() -> None:
        connections[DEFAULT_DB_ALIAS] = original.__class__(settings_dict, DEFAULT_DB_ALIAS)

    connect()
    yield connect
    connections[DEFAULT_DB_ALIAS].close()
    connections[DEFAULT_DB_ALIAS] = original


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_with_the_same_version_exactly_one_wins(
    shared_database: Callable[[], None],
) -> None:
    """Real connections, one per thread, all sending the same expected version at once."""
    commitment = CommitmentFactory(title="Before")
    barrier = threading.Barrier(WRITERS)
    outcomes: dict[int, str | EditConflictError] = {}

    def write(number: int) -> None:
        shared_database()
        try:
            mine = Commitment.objects.get(pk=commitment.pk)
            barrier.wait()
            with acting(name=f"writer {number}", via="test"):
                commitment_update(
                    commitment=mine, expected_version=1, changes={"title": f"Title {number}"}
                )
            outcomes[number] = "saved"
        except EditConflictError as conflict:
            outcomes[number] = conflict
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(number,)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [number for number, outcome in outcomes.items() if outcome == "saved"]
    conflicts = [outcome for outcome in outcomes.values() if isinstance(outcome, EditConflictError)]
    assert len(winners) == 1, outcomes
    assert len(conflicts) == WRITERS - 1, outcomes
    stored = Commitment.objects.get(pk=commitment.pk)
    assert (stored.title, stored.version) == (f"Title {winners[0]}", 2)
    for conflict in conflicts:
        assert conflict.current["title"] == stored.title
        assert conflict.current_version == 2
    [change] = _changes(commitment)
    assert change.changes["title"] == ["Before", stored.title]
    assert change.actor_name == f"writer {winners[0]}"

    # Nothing is lost: each refused writer, shown the current version, applies their change to it.
    for conflict in conflicts:
        current = Commitment.objects.get(pk=commitment.pk)
        commitment_update(
            commitment=current, expected_version=current.version, changes=conflict.submitted
        )
    assert Commitment.objects.get(pk=commitment.pk).version == WRITERS + 1
    assert [change.changes["title"][1] for change in _changes(commitment)] == [
        stored.title,
        *(conflict.submitted["title"] for conflict in conflicts),
    ]
