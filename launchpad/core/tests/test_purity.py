"""launchpad.core stays pure: importing all of it never imports Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]

IMPORT_ALL_OF_CORE = (
    "import launchpad.core, pkgutil, importlib; "
    "[importlib.import_module(m.name) for m in pkgutil.walk_packages("
    "launchpad.core.__path__, 'launchpad.core.') if '.tests' not in m.name]; "
    "import sys; assert 'django' not in sys.modules, 'launchpad.core imported Django'"
)


def test_importing_all_of_core_does_not_import_django():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL_OF_CORE],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
