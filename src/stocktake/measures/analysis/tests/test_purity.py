"""The analysis is pure: importing it loads no Django."""

from __future__ import annotations

import subprocess
import sys


def test_the_analysis_imports_no_django() -> None:
    code = (
        "import sys, stocktake.measures.analysis, stocktake.measures.analysis.tests.builders;"
        "sys.exit('django' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0  # noqa: S603
