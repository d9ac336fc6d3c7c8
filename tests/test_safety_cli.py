"""``python -m wizard diagnose``: a one-line error (exit 2) for a missing log or a folder, and ``--lang``
after the subcommand as README shows it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wizard.__main__ import main

LOG = ROOT / "tests" / "fixtures" / "logs" / "disk-full.pip26-prefix.log"


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_a_missing_log_or_a_folder_is_one_line_and_exit_2(
    tmp_path: Path, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "missing.log" if what == "missing" else tmp_path
    assert main(["diagnose", str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.strip().splitlines()) == 1
    assert "Traceback" not in out.err and str(path) in out.err


def test_lang_after_the_subcommand_as_readme_shows() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "wizard", "diagnose", str(LOG), "--json", "--lang", "zh_CN"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["code"] == "disk-full" and any("\u4e00" <= ch <= "\u9fff" for ch in data["title"])
    assert "diagnose LOG --json --lang zh_CN" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_exit_code_and_step_can_be_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "killed.log"
    log.write_text("Collecting torch\n", encoding="utf-8")
    assert main(["diagnose", str(log), "--json", "--exit-code", "137", "--step", "install-torch"]) == 0
    assert json.loads(capsys.readouterr().out)["code"] == "out-of-memory"
