"""Shared fixtures. GUI tests run offscreen; settings and logs live under the test's tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
STANDINS = ROOT / "tests" / "standins"

# The CPU torch wheel that this machine has on disk is for CPython 3.11 (see README, "Testing").
E2E_TORCH = "torch==2.13.0"
WHEEL_CACHE = Path(os.environ.get("WIZARD_TEST_WHEELS", Path.home() / ".cache" / "torch-setup-wizard-tests"))


def base_python() -> str:
    """The real interpreter behind the test run's venv (the wizard makes venvs from base Pythons)."""
    candidates = [
        Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
        Path(sys.base_prefix) / "bin" / "python3",
        Path(getattr(sys, "_base_executable", sys.executable)),
    ]
    for c in candidates:
        if c.exists():
            return str(c)
    return sys.executable


@pytest.fixture(scope="session")
def torch_wheels() -> Path:
    """A folder of wheels for torch (CPU) and its dependencies, plus pip: the offline source.

    Made once with ``pip download`` and kept between runs in ~/.cache (or $WIZARD_TEST_WHEELS).
    """
    tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    folder = WHEEL_CACHE / f"wheels-{tag}"
    if not any(folder.glob("torch-*.whl")):
        folder.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "-d", str(folder), E2E_TORCH, "pip"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=900,
            env={**os.environ, "PYTHONUTF8": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        )
        if r.returncode != 0 or not any(folder.glob("torch-*.whl")):
            pytest.skip(f"no torch wheel can be had for {tag} here: {r.stderr[-500:]}")
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[object]:
    from PySide6.QtCore import QSettings

    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@pytest.fixture
def wiz(qtbot: Any, tmp_path: Path, settings: Any) -> Iterator[Any]:
    """The real wizard window, offscreen, with its data folder (logs, journal) under tmp_path."""
    from PySide6.QtWidgets import QApplication

    from wizard.gui.window import SetupWizard
    from wizard.i18n import Translations

    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    window = SetupWizard(translations, settings, data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    yield window
    translations.switch("en")


@pytest.fixture
def standins_on_path(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Stand-in GPU tools (nvidia-smi, rocminfo) first on PATH: a 'GPU machine' on this CPU machine."""
    monkeypatch.setenv("PATH", str(STANDINS) + os.pathsep + os.environ.get("PATH", ""))
    return STANDINS


def select_interpreter(qtbot: Any, wiz: Any, path: str) -> None:
    from wizard.gui.window import PageId

    page = wiz.pages[PageId.PYTHON]
    qtbot.waitUntil(lambda: not page.detecting and page.tree.topLevelItemCount() > 0, timeout=60000)
    want = os.path.realpath(path)
    for i in range(page.tree.topLevelItemCount()):
        item = page.tree.topLevelItem(i)
        interp = item.data(0, 256)
        if os.path.realpath(interp.executable or interp.path) == want and not interp.is_venv:
            page.tree.setCurrentItem(item)
            return
    page.add_manual(path)  # not found automatically: add it with Browse…, as a learner would
    qtbot.waitUntil(
        lambda: page.selected() is not None and os.path.realpath(page.selected().executable) == want,
        timeout=30000,
    )


def walk_to_review(qtbot: Any, wiz: Any, env_dir: Path) -> Any:
    """From the Welcome page to the Review page as a learner would: this run's own base Python, a new
    folder, the hardware found here."""
    from wizard.gui.window import PageId

    wiz.start_background_detection()
    while wiz.currentId() != PageId.PYTHON:
        wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    wiz.next()
    wiz.pages[PageId.MANAGER].folder.setText(str(env_dir))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
    wiz.next()
    qtbot.waitUntil(wiz.pages[PageId.HARDWARE].isComplete, timeout=30000)
    wiz.next()
    assert wiz.currentId() == PageId.REVIEW
    return wiz.pages[PageId.REVIEW]
