"""The whole wizard, page by page, for real: detection, a new venv in a folder named '测试 env', an
offline pip install of torch from a wheel folder, the verification, the demo, and the Finish page.
The base interpreter's packages must be exactly the same afterwards."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import base_python, select_interpreter
from wizard.gui.window import PageId, SetupWizard
from wizard.i18n import Translations

pytestmark = pytest.mark.e2e


def installed_packages(python: str) -> list[tuple[str, str]]:
    out = subprocess.run(
        [python, "-m", "pip", "list", "--format=json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        env={**os.environ, "PYTHONUTF8": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert out.returncode == 0, out.stderr
    return sorted((p["name"], p["version"]) for p in json.loads(out.stdout))


def assert_training_lowered_the_loss(events: dict[str, dict[str, Any]]) -> None:
    """Real training in the new environment: one step lowers the loss (a finite loss alone would also
    pass a demo whose optimizer never moves), and the whole run lowers it further, when reported."""
    step = events["train_step"]
    before, after = step["loss"], step["loss_after"]
    assert isinstance(before, float) and isinstance(after, float), step  # NaN/inf arrive as text
    assert after < before, step
    fit = events.get("fit")
    if fit is not None:
        first, last = fit["loss_first"], fit["loss_last"]
        assert isinstance(first, float) and isinstance(last, float) and last < first, fit


def test_whole_wizard_installs_torch_and_runs_the_demo(
    qtbot: QtBot, tmp_path: Path, settings: object, torch_wheels: Path
) -> None:
    base = base_python()
    before = installed_packages(base)
    env_dir = tmp_path / "测试 env"
    wiz = SetupWizard(Translations(QApplication.instance()), settings, log_dir=tmp_path / "logs")  # type: ignore[arg-type]
    qtbot.addWidget(wiz, before_close_func=lambda w: setattr(w, "_leaving_done", True))  # no question at teardown
    wiz.show()
    wiz.start_background_detection()

    # 1. Welcome
    assert wiz.currentId() == PageId.WELCOME
    assert wiz.windowTitle() == "PyTorch Setup Wizard"
    wiz.next()

    # 2. Python: real detection; the test picks the interpreter that has a torch wheel here.
    assert wiz.currentId() == PageId.PYTHON
    select_interpreter(qtbot, wiz, base)
    assert wiz.pages[PageId.PYTHON].isComplete()
    wiz.next()

    # 3. Package manager and folder (spaces and Chinese characters must work)
    assert wiz.currentId() == PageId.MANAGER
    manager: Any = wiz.pages[PageId.MANAGER]
    assert not manager.conda.isEnabled()
    manager.folder.setText(str(env_dir))
    qtbot.waitUntil(manager.isComplete, timeout=5000)
    wiz.next()

    # 4. Hardware: this machine has no GPU, so the CPU build
    assert wiz.currentId() == PageId.HARDWARE
    hardware: Any = wiz.pages[PageId.HARDWARE]
    qtbot.waitUntil(hardware.isComplete, timeout=30000)
    assert wiz.state.variant == "cpu"
    assert "CPU" in hardware.found.text()
    wiz.next()

    # 5. Review: offline, from the folder of wheels
    assert wiz.currentId() == PageId.REVIEW
    review: Any = wiz.pages[PageId.REVIEW]
    review.src_folder.setChecked(True)
    review.folder.setText(str(torch_wheels))
    qtbot.waitUntil(review.isComplete, timeout=5000)
    commands = review.commands.text.toPlainText()
    assert "-m venv" in commands and "--find-links" in commands and "测试 env" in commands
    assert not env_dir.exists()  # nothing happens before Install
    wiz.next()

    # 6. Install, for real
    assert wiz.currentId() == PageId.INSTALL
    install: Any = wiz.pages[PageId.INSTALL]
    qtbot.waitUntil(lambda: install.succeeded or install.failed_at is not None, timeout=600000)
    log = wiz.log_path.read_text(encoding="utf-8") if wiz.log_path else ""
    assert install.succeeded, install.result.text() + "\n" + log[-3000:]
    assert wiz.state.verify is not None and wiz.state.verify["torch"].startswith("2.13.0")
    assert (env_dir / "pyvenv.cfg").exists()
    assert "$ " in log and "-m venv" in log  # every command is in the log
    wiz.next()

    # 7. Demo, in the new environment
    assert wiz.currentId() == PageId.DEMO
    demo: Any = wiz.pages[PageId.DEMO]
    qtbot.waitUntil(demo.isComplete, timeout=300000)
    assert demo.succeeded, demo.result.text()
    assert demo.events["tensor_add"]["z"] == [5, 7, 9]
    assert demo.events["tensor_add"]["device"] == "cpu"
    assert_training_lowered_the_loss(demo.events)
    assert "x = torch.tensor([1, 2, 3]" in demo.code.toPlainText()
    assert "[5, 7, 9]" in demo.result.text()
    wiz.next()

    # 8. Finish: how to use it
    assert wiz.currentId() == PageId.FINISH
    finish: Any = wiz.pages[PageId.FINISH]
    assert "activate" in finish.activate.text.toPlainText()
    assert "测试 env" in finish.activate.text.toPlainText()

    # The base interpreter was not touched.
    assert installed_packages(base) == before


def test_conda_path_with_the_stand_in_conda(
    qtbot: QtBot, tmp_path: Path, settings: object, torch_wheels: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The conda path through the demo: the stand-in conda (conda 25.5 formats) makes a real env folder with
    a real Python; pip inside it installs torch from the wheel folder."""
    root = tmp_path / "miniforge3"
    (root / "conda-meta").mkdir(parents=True)
    (root / "envs").mkdir()
    monkeypatch.setenv("PATH", str(Path(__file__).parent / "standins") + os.pathsep + os.environ["PATH"])
    monkeypatch.setenv("STANDIN_CONDA_ROOT", str(root))
    monkeypatch.setenv("STANDIN_CONDA_PYTHON", base_python())
    monkeypatch.setenv("STANDIN_CONDA_PIP", "1")
    wiz = SetupWizard(Translations(QApplication.instance()), settings, data_dir=tmp_path / "data")  # type: ignore[arg-type]
    qtbot.addWidget(wiz, before_close_func=lambda w: setattr(w, "_leaving_done", True))  # no question at teardown
    wiz.show()
    wiz.start_background_detection()
    wiz.next()
    select_interpreter(qtbot, wiz, base_python())  # its version is the conda env's Python version
    wiz.next()
    manager: Any = wiz.pages[PageId.MANAGER]
    qtbot.waitUntil(lambda: manager.conda_searched, timeout=60000)
    assert manager.conda.isEnabled(), manager.conda_help.text()
    manager.conda.setChecked(True)
    manager.name.setText("base")
    qtbot.waitUntil(lambda: "base" in manager.message.text() and not manager.isComplete(), timeout=5000)
    manager.name.setText("torch-course")
    qtbot.waitUntil(manager.isComplete, timeout=5000)
    wiz.next()
    assert wiz.state.manager == "conda" and wiz.state.env_dir == str(root / "envs" / "torch-course")
    qtbot.waitUntil(wiz.pages[PageId.HARDWARE].isComplete, timeout=30000)
    wiz.next()
    review: Any = wiz.pages[PageId.REVIEW]
    assert review.route.isVisible() and review.route.currentData()[0] == "pip"
    review.src_folder.setChecked(True)
    review.folder.setText(str(torch_wheels))
    qtbot.waitUntil(review.isComplete, timeout=5000)
    commands = review.commands.text.toPlainText()
    assert "create -y --json -n torch-course" in commands and "--override-channels -c conda-forge" in commands
    wiz.next()
    install: Any = wiz.pages[PageId.INSTALL]
    qtbot.waitUntil(
        lambda: install.succeeded or (install.failed_at is not None and not install.is_running()),
        timeout=600000,
    )
    assert install.succeeded, install.result.text()
    assert install.session.steps[0].id == "conda-create"
    env = root / "envs" / "torch-course"
    assert (env / "conda-meta").is_dir() and (env / "first_model.py").exists()
    wiz.next()
    demo: Any = wiz.pages[PageId.DEMO]
    qtbot.waitUntil(demo.isComplete, timeout=300000)
    assert demo.succeeded and demo.events["tensor_add"]["z"] == [5, 7, 9]
    assert_training_lowered_the_loss(demo.events)
    wiz.next()
    finish: Any = wiz.pages[PageId.FINISH]
    assert finish.activate.text.toPlainText() == "conda activate torch-course"
