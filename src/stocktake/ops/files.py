"""Files written whole: a reader, a crash or a kill never finds half a file under the name asked
for (reports, backups)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_whole(out: Path) -> Iterator[Path]:
    """A path beside ``out`` to write to; moved onto ``out`` (replacing it) in one step when the
    block ends without error, removed otherwise. A process killed part-way leaves ``out`` as it
    was, and at most a hidden ``.NAME.partial`` that the next write replaces."""
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        yield partial
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
