"""What to tell someone whose command could not use the database: a read-only data directory, a
full disk, tables not yet created, a server that cannot be reached; one sentence saying what and
where, instead of a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from django.db import connections


def data_directory_problem() -> str | None:
    """On SQLite, why Stocktake could not write its data directory or database file, if so.
    SQLite needs to write beside the file too (its write-ahead log), even to read."""
    if connections["default"].vendor != "sqlite":
        return None
    database = Path(connections["default"].settings_dict["NAME"])
    if not os.access(database.parent, os.W_OK):
        return (
            f"Cannot write to the data directory {database.parent}: it is read-only. "
            "Stocktake keeps its database and the database's journal there; make it writable "
            "or set STOCKTAKE_DATA_DIR to a folder that is."
        )
    if database.exists() and not os.access(database, os.W_OK):
        return (
            f"Cannot write to the database {database}: the file is read-only. Make it writable "
            "(Stocktake writes to it even when it only reads, to keep its journal)."
        )
    return None


def database_error_explained(error: Exception) -> str:
    """A database error as one sentence for the person who ran the command."""
    text = str(error).strip()
    first_line = text.splitlines()[0] if text else type(error).__name__
    lowered = text.lower()
    connection = connections["default"]
    if connection.vendor == "sqlite":
        where = str(connection.settings_dict["NAME"])
    else:
        where = "{NAME} at {HOST}:{PORT}".format(**connection.settings_dict)
    if "disk is full" in lowered or "no space left" in lowered:
        return (
            f"The disk holding the database {where} is full: nothing was changed. Free some "
            "space and run the command again."
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open database" in lowered:
        return data_directory_problem() or f"Cannot open the database {where}: {first_line}."
    if "connection" in lowered:
        return f"Cannot connect to the database {where}: {first_line}"
    if "no such table" in lowered or "no such column" in lowered or "does not exist" in lowered:
        return (
            f"The database {where} is not up to date with this version of Stocktake "
            f"({first_line}): run `stocktake migrate`."
        )
    return f"The database {where} refused the command: {first_line}"
