"""The WSGI entry point the web server loads."""

from __future__ import annotations

import subprocess
import sys

from launchpad.common.tests.test_deploy import PRODUCTION_ENV, ROOT

PROBE = """
import gc
from launchpad.wsgi import application
print(callable(application), gc.get_freeze_count() > 10_000, gc.get_threshold()[0])
"""


def test_a_worker_loads_the_app_and_keeps_it_out_of_the_collectors_way(tmp_path):
    # Loaded once per worker, the app is frozen out of the garbage collector's full
    # collections, and collections are not set off by a single request's objects.
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={"PATH": "/usr/bin:/bin", **PRODUCTION_ENV, "LAUNCHPAD_VAR_DIR": str(tmp_path)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "10000"]
