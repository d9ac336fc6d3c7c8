"""Each page on its own, offscreen: what the learner sees and when Next is allowed."""

from __future__ import annotations

import os
import socket
import stat
import sys
import threading
from pathlib import Path
from typing import Any

import psutil
import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.conftest import base_python, select_interpreter
from wizard.core import interpreters
from wizard.core.plan import InstallRequest, PackageSource, SourceKind, build_plan
from wizard.gui.window import PageId, SetupWizard


def real_interpreter() -> interpreters.Interpreter:
    interp = interpreters.probe(interpreters.Candidate(path=base_python(), source="pyenv"))
    assert not interp.error
    return interp


def go_to(qtbot: QtBot, wiz: SetupWizard, page: PageId) -> None:
    """Walk to a page as a learner would, picking the test run's own base Python."""
    for _ in range(int(page)):
        if wiz.currentId() == page:
            return
        if wiz.currentId() == PageId.PYTHON:
            select_interpreter(qtbot, wiz, base_python())
        wiz.next()
    assert wiz.currentId() == page


def test_language_switch_translates_everything_at_once(qtbot: QtBot, wiz: SetupWizard) -> None:
    welcome = wiz.pages[PageId.WELCOME]
    assert wiz.windowTitle() == "PyTorch Setup Wizard"
    welcome.language.setCurrentIndex(welcome.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: wiz.windowTitle() == "PyTorch 安装向导", timeout=3000)
    assert wiz.button(QWizard.WizardButton.NextButton).text().startswith("下一步")
    assert welcome.title() == "欢迎"
    assert wiz.settings.value("language") == "zh_CN"
    # pages not shown yet are translated too
    assert wiz.pages[PageId.REVIEW].title() == "检查"
    welcome.language.setCurrentIndex(welcome.language.findData("en"))
    qtbot.waitUntil(lambda: wiz.windowTitle() == "PyTorch Setup Wizard", timeout=3000)
    assert wiz.pages[PageId.REVIEW].title() == "Review"


def test_python_page_lists_real_interpreters_and_preselects_a_suitable_one(
    qtbot: QtBot, wiz: SetupWizard
) -> None:
    wiz.next()
    page = wiz.pages[PageId.PYTHON]
    qtbot.waitUntil(lambda: not page.detecting, timeout=60000)
    assert page.tree.topLevelItemCount() >= 1
    assert page.selected() is not None
    assert interpreters.assess(page.selected(), wiz.state.data).suitable
    assert page.isComplete()
    assert "Found" in page.status.text()


def test_browse_for_a_file_that_is_not_python(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\necho hello\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    wiz.next()
    page = wiz.pages[PageId.PYTHON]
    qtbot.waitUntil(lambda: not page.detecting, timeout=60000)
    page.add_manual(str(fake))
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().source == "manual", timeout=20000)
    assert not page.isComplete()
    assert "Not usable" in page.tree.currentItem().text(1)
    assert str(fake) in page.details.text()


def test_nothing_suitable_says_what_to_install(
    qtbot: QtBot, wiz: SetupWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = interpreters.probe(interpreters.Candidate(path=sys.executable, source="system"))
    too_old = interpreters.Interpreter(**{**old.__dict__, "version": "3.8.18", "version_info": (3, 8, 18)})

    def fake_detect(on_result: Any = None, **_kw: Any) -> list[Any]:
        if on_result:
            on_result(too_old)
        return [too_old]

    monkeypatch.setattr(interpreters, "detect", fake_detect)
    wiz.next()
    page = wiz.pages[PageId.PYTHON]
    qtbot.waitUntil(lambda: not page.detecting and page.hint.isVisible(), timeout=10000)
    assert not page.isComplete()
    assert "python" in page.hint.text().lower()
    assert "too old" in page.details.text()


def test_manager_page_refuses_a_folder_with_files(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    go_to(qtbot, wiz, PageId.MANAGER)
    page = wiz.pages[PageId.MANAGER]
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    page.folder.setText(str(tmp_path / "mine"))
    qtbot.waitUntil(lambda: "already has files" in page.message.text(), timeout=3000)
    assert not page.isComplete()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    page.folder.setText(str(tmp_path / "new env"))
    qtbot.waitUntil(page.isComplete, timeout=3000)
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_hardware_page_without_gpu_chooses_cpu(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    go_to(qtbot, wiz, PageId.MANAGER)
    wiz.pages[PageId.MANAGER].folder.setText(str(tmp_path / "env"))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=3000)
    wiz.next()
    page = wiz.pages[PageId.HARDWARE]
    qtbot.waitUntil(page.isComplete, timeout=30000)
    assert wiz.state.variant == "cpu"
    assert wiz.state.source_index_url == "https://download.pytorch.org/whl/cpu"
    assert "No supported GPU" in page.found.text()


def test_hardware_page_with_a_stand_in_nvidia_gpu(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, standins_on_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDIN_NVIDIA_GPUS", "NVIDIA GeForce RTX 3060|12288|8.6")
    monkeypatch.setenv("STANDIN_NVIDIA_DRIVER", "580.95.05")
    go_to(qtbot, wiz, PageId.MANAGER)
    wiz.pages[PageId.MANAGER].folder.setText(str(tmp_path / "env"))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=3000)
    wiz.next()
    page = wiz.pages[PageId.HARDWARE]
    qtbot.waitUntil(page.isComplete, timeout=30000)
    if sys.platform != "linux":
        pytest.skip("the stand-in reproduces the Linux tool")
    assert "RTX 3060" in page.found.text()
    assert wiz.state.variant and wiz.state.variant.startswith("cu13")
    assert wiz.state.demo_device == "cuda"
    # an advanced learner picks the CPU build instead
    page.advanced.setChecked(True)
    index = next(i for i in range(page.builds.count()) if page.builds.itemData(i).variant == "cpu")
    page.builds.setCurrentIndex(index)
    assert wiz.state.variant == "cpu"


def _review(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> Any:
    go_to(qtbot, wiz, PageId.MANAGER)
    wiz.pages[PageId.MANAGER].folder.setText(str(tmp_path / "env"))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=3000)
    wiz.next()
    qtbot.waitUntil(wiz.pages[PageId.HARDWARE].isComplete, timeout=30000)
    wiz.next()
    assert wiz.currentId() == PageId.REVIEW
    return wiz.pages[PageId.REVIEW]


def test_review_shows_commands_and_checks_sources(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    page = _review(qtbot, wiz, tmp_path)
    assert page.isCommitPage()
    text = page.commands.text.toPlainText()
    assert "-m venv" in text and "--index-url https://download.pytorch.org/whl/cpu" in text
    assert "Free space in" in page.sizes.text()
    page.src_folder.setChecked(True)
    page.folder.setText(str(tmp_path))  # no wheels in it
    assert not page.isComplete()
    assert "no PyTorch wheel" in page.message.text()
    page.src_custom.setChecked(True)
    page.custom.setText("http://127.0.0.1:9/simple")
    assert page.isComplete()
    assert "http" in page.message.text()
    assert "--index-url http://127.0.0.1:9/simple" in page.commands.text.toPlainText()
    page.custom.setText("not a url")
    assert not page.isComplete()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_install_failure_is_explained_and_retry_offered(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real failure: the package index on 127.0.0.1 refuses connections."""
    monkeypatch.setenv("PIP_RETRIES", "1")  # one "Retrying … Connection refused" line shows the cause
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    page = _review(qtbot, wiz, tmp_path)
    page.src_custom.setChecked(True)
    page.custom.setText(f"http://127.0.0.1:{_free_port()}/simple")
    wiz.next()
    install = wiz.pages[PageId.INSTALL]
    qtbot.waitUntil(lambda: install.failed_at is not None, timeout=120000)
    assert not install.succeeded and not install.isComplete()
    assert install.action_buttons["retry"].isVisible()
    assert install.outcome.diagnosis.code == "network-offline"
    assert "failed" in install.result.text()
    assert install.outcome.diagnosis.title in install.result.text()


class SilentIndex:
    """A package index on 127.0.0.1 that accepts connections and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.conns: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)

    def close(self) -> None:
        self.sock.close()
        for c in self.conns:
            c.close()


def test_cancel_during_install_removes_the_new_env_and_leaves_no_process(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = SilentIndex()
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    try:
        page = _review(qtbot, wiz, tmp_path)
        page.src_custom.setChecked(True)
        page.custom.setText(f"http://127.0.0.1:{server.port}/simple")
        wiz.next()
        install = wiz.pages[PageId.INSTALL]
        qtbot.waitUntil(lambda: install.session.current >= 1 and install.is_running(), timeout=120000)
        qtbot.wait(500)
        env = Path(wiz.state.env_dir)
        assert (env / "pyvenv.cfg").exists()
        install.cancel()
        qtbot.waitUntil(lambda: not install.is_running(), timeout=10000)
        assert not env.exists()
        assert install.action_buttons["retry"].isVisible()
        assert "Stopped" in install.result.text()
        mine = psutil.Process().children(recursive=True)
        assert not [p for p in mine if "pip" in " ".join(p.cmdline())]
    finally:
        server.close()


def test_plan_for_review_matches_state(wiz: SetupWizard, tmp_path: Path) -> None:
    """The pure plan the Review page shows is the one the Install page runs."""
    interp = real_interpreter()
    req = InstallRequest(
        base_python=interp.path,
        python_version=interp.version_info[:2],
        env_dir=str(tmp_path),
        os_name="linux",
        torch="2.14.1",
        torchvision=None,
        source=PackageSource(SourceKind.PYTORCH_INDEX, "https://download.pytorch.org/whl/cpu"),
    )
    plan = build_plan(req, wiz.state.data)
    assert plan.steps[0].program == interp.path
