"""An installed copy works from any folder: the wheel carries every profile, clause and template."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_ships_all_court_data(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("poassembler-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, pattern in (("jurisdictions", "*.yaml"), ("clauses", "*.yaml"), ("templates", "*.docx")):
        files = sorted((ROOT / folder).glob(pattern))
        assert files, folder
        for path in files:
            assert f"poassembler/_data/{folder}/{path.name}" in names, path.name
