"""After the run, how many generated bad files the importers were given."""

from __future__ import annotations

from typing import Any


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from stocktake.importing.tests.damage import CASES_TRIED

    if CASES_TRIED:
        tried = ", ".join(f"{count} {name}" for name, count in sorted(CASES_TRIED.items()))
        terminalreporter.write_line(f"Bad files tried: {sum(CASES_TRIED.values())} ({tried})")
