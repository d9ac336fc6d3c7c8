"""When things go wrong, in the GUI: the right words and buttons per failure class, the actions themselves,
closing during an install, an install that a killed app left behind, a full disk, the saved report."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import base_python, walk_to_review
from wizard.core import diagnose, journal, releases
from wizard.core.childio import VERIFY_TAG
from wizard.core.plan import InstallRequest, PackageSource, SourceKind, build_plan
from wizard.gui.window import PageId, SetupWizard
from wizard.runner import ProcessResult

LOGS = Path(__file__).parent / "fixtures" / "logs"
DATA = releases.load()


def one_log_per_code() -> list[Path]:
    seen: dict[str, Path] = {}
    for path in sorted(LOGS.iterdir()):
        seen.setdefault(path.name.split(".")[0], path)
    return list(seen.values())


def request(tmp_path: Path, **kw: Any) -> InstallRequest:
    base = dict(
        base_python=base_python(),
        python_version=sys.version_info[:2],
        env_dir=str(tmp_path / "env"),
        os_name="linux",
        torch="2.14.1",
        torchvision=None,
        source=PackageSource(SourceKind.PYTORCH_INDEX, "https://download.pytorch.org/whl/cpu"),
    )
    base.update(kw)
    return InstallRequest(**base)  # type: ignore[arg-type]


def failed_install_page(wiz: SetupWizard, tmp_path: Path, output: str, step_index: int = 2) -> Any:
    """The Install page as it looks after a step failed with this output (no process is run)."""
    page = wiz.pages[PageId.INSTALL]
    plan = build_plan(request(tmp_path), DATA)
    session = page.ensure_session()
    session._set_plan(plan)
    result = ProcessResult(program="python", args=[], exit_code=1, tail=output.splitlines())
    session._finish_failed(result, step_index)  # what the session does when a step fails; the page listens
    return page


@pytest.mark.parametrize("log", one_log_per_code(), ids=lambda p: p.name.split(".")[0])
def test_each_failure_class_shows_its_message_and_actions(
    wiz: SetupWizard, tmp_path: Path, log: Path
) -> None:
    code = log.name.split(".")[0]
    text = log.read_bytes().decode("utf-8", errors="replace")
    expected = diagnose.diagnose(text, None)
    assert expected.code == code, (
        f"{log.name} is diagnosed as {expected.code}"
    )  # the file's name is its class
    page = failed_install_page(wiz, tmp_path, text)
    assert page.outcome.diagnosis.code == code
    assert page.outcome.diagnosis.title in page.result.text()
    shown = list(page.action_buttons)
    assert "retry" in shown
    assert set(page.outcome.diagnosis.actions) <= set(shown)
    for action, button in page.action_buttons.items():
        assert button.text() == diagnose.action_label(action) and button.isVisibleTo(page)


def test_failure_message_is_chinese_after_switching(wiz: SetupWizard, tmp_path: Path, qtbot: QtBot) -> None:
    page = failed_install_page(
        wiz, tmp_path, (LOGS / "disk-full.pip26-prefix.log").read_text(encoding="utf-8")
    )
    english = page.result.text()
    wiz.set_language("zh_CN")
    qtbot.waitUntil(lambda: page.result.text() != english, timeout=3000)
    assert "磁盘" in page.result.text() or "空间" in page.result.text()
    wiz.set_language("en")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_actions_after_a_real_network_failure(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, torch_wheels: Path
) -> None:
    """An index on 127.0.0.1 that refuses connections; then each offered action does what it says."""
    monkeypatch.setenv("PIP_RETRIES", "1")
    review = walk_to_review(qtbot, wiz, tmp_path / "env")
    review.src_custom.setChecked(True)
    review.custom.setText(f"http://127.0.0.1:{_free_port()}/simple")
    wiz.next()
    install = wiz.pages[PageId.INSTALL]
    qtbot.waitUntil(lambda: install.failed_at is not None, timeout=120000)
    assert install.outcome.diagnosis.code == "network-offline"
    assert {"retry", "use-wheel-folder", "set-proxy", "copy-report"} <= set(install.action_buttons)
    assert journal.is_ours(tmp_path / "env")  # the folder the wizard made carries its marker

    # Copy the report: it names the failure, and not the home folder.
    install.action_buttons["copy-report"].click()
    report = QApplication.clipboard().text()
    assert "network-offline" in report and "Torch Setup Wizard" in report
    assert str(Path.home()) + os.sep not in report

    # Set a proxy: the next run gives it to pip through the environment.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("http://127.0.0.1:9", True))
    install.action_buttons["set-proxy"].click()
    assert ("HTTPS_PROXY", "http://127.0.0.1:9") in wiz.state.plan.steps[1].env
    qtbot.waitUntil(lambda: install.failed_at is not None and not install.is_running(), timeout=120000)
    assert install.outcome.diagnosis.code in ("network-proxy", "network-offline")

    # Retry with a longer timeout.
    install.do_action("retry-longer-timeout")
    assert "--timeout" in wiz.state.plan.steps[1].argv
    install.cancel()
    qtbot.waitUntil(lambda: not install.is_running(), timeout=20000)

    # Use a folder of wheels instead: the install then works offline.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(torch_wheels))
    install.do_action("use-wheel-folder")
    assert wiz.state.plan.request.source.kind is SourceKind.WHEEL_FOLDER
    qtbot.waitUntil(
        lambda: install.succeeded or (install.failed_at is not None and not install.is_running()),
        timeout=600000,
    )
    assert install.succeeded, install.result.text()
    assert not (wiz.data_dir / journal.JOURNAL).exists()  # finished: nothing left to resume


def test_choose_another_build_goes_back_to_the_hardware_page(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    review = walk_to_review(qtbot, wiz, tmp_path / "env")
    review.src_custom.setChecked(True)
    review.custom.setText(f"http://127.0.0.1:{_free_port()}/simple")
    wiz.next()
    install = wiz.pages[PageId.INSTALL]
    qtbot.waitUntil(lambda: install.is_running(), timeout=20000)
    install.cancel()
    qtbot.waitUntil(lambda: not install.is_running(), timeout=20000)
    install.do_action("choose-another-build")  # removes the unfinished folder in the background, then goes
    qtbot.waitUntil(lambda: wiz.currentId() == PageId.HARDWARE, timeout=20000)
    assert not (tmp_path / "env").exists()


def test_closing_the_window_during_install_asks_and_cleans_up(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)  # accepts, never answers: the step hangs
    try:
        review = walk_to_review(qtbot, wiz, tmp_path / "env")
        review.src_custom.setChecked(True)
        review.custom.setText(f"http://127.0.0.1:{server.getsockname()[1]}/simple")
        wiz.next()
        install = wiz.pages[PageId.INSTALL]
        qtbot.waitUntil(lambda: install.session.current >= 1 and install.is_running(), timeout=60000)
        asked: list[str] = []
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: asked.append("q") or QMessageBox.StandardButton.No
        )
        wiz.close()
        assert asked and wiz.isVisible() and install.is_running()  # "No": keep installing
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        wiz.close()  # stops the processes and removes the folder in the background, then closes
        qtbot.waitUntil(lambda: not wiz.isVisible(), timeout=30000)
        assert not (tmp_path / "env").exists()
        assert not [p for p in psutil.Process().children(recursive=True) if "pip" in " ".join(p.cmdline())]
    finally:
        server.close()


def _click(label: str) -> Any:
    def fake_exec(box: QMessageBox) -> int:
        for button in box.buttons():
            if button.text() == label:
                button.click()
                return 0
        raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")

    return fake_exec


def _killed_install(tmp_path: Path, data_dir: Path, torch_wheels: Path) -> InstallRequest:
    """What a killed app leaves: a marked env folder with a real venv in it, and the journal."""
    req = request(
        tmp_path,
        source=PackageSource(SourceKind.WHEEL_FOLDER, folder=str(torch_wheels)),
        torch=None,
        env_dir=str(tmp_path / "killed env"),
    )
    claim = journal.claim_env_folder(req.env_dir, req)
    subprocess.run([req.base_python, "-m", "venv", req.env_dir], check=True, timeout=120)
    record = journal.start(data_dir, req, claim=claim)
    record.steps_done = ["create-venv"]
    journal.save(data_dir, record)
    return req


def test_restart_offers_to_remove_an_unfinished_install(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, torch_wheels: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    req = _killed_install(tmp_path, wiz.data_dir, torch_wheels)
    mine = tmp_path / "my project"
    mine.mkdir()
    monkeypatch.setattr(QMessageBox, "exec", _click("Remove it"))
    assert wiz.check_unfinished() == "remove"
    qtbot.waitUntil(lambda: wiz.unfinished_removal is not None, timeout=30000)  # removed in the background
    assert wiz.unfinished_removal.reason == "removed"
    assert not Path(req.env_dir).exists()
    assert mine.exists()
    assert journal.load(wiz.data_dir) is None
    assert wiz.check_unfinished() == "none"


def test_restart_finishes_an_unfinished_install(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, torch_wheels: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    req = _killed_install(tmp_path, wiz.data_dir, torch_wheels)
    monkeypatch.setattr(QMessageBox, "exec", _click("Finish installing"))
    assert wiz.check_unfinished() == "finish"
    assert wiz.currentId() == PageId.INSTALL
    install = wiz.pages[PageId.INSTALL]
    assert install.session.states[0] == "done"  # the venv was already made: not made again
    qtbot.waitUntil(
        lambda: install.succeeded or (install.failed_at is not None and not install.is_running()),
        timeout=600000,
    )
    assert install.succeeded, install.result.text()
    assert Path(req.env_dir, "pyvenv.cfg").exists()
    wiz.next()
    demo = wiz.pages[PageId.DEMO]
    qtbot.waitUntil(demo.isComplete, timeout=300000)
    assert demo.succeeded


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to mount a tmpfs")
def test_review_refuses_a_drive_without_room(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(small)], capture_output=True, timeout=10
    )
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        review = walk_to_review(qtbot, wiz, small / "env")
        assert not review.isComplete()
        assert "not enough free space" in review.message.text()
        assert str(small) in review.message.text()
    finally:
        subprocess.run(["umount", str(small)], timeout=10)


def test_save_report_writes_a_file_without_the_home_folder(wiz: SetupWizard, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert wiz.save_report(str(out)) == str(out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Torch Setup Wizard") and "== Pythons found" in text
    assert str(Path.home()) + os.sep not in text


def test_a_cpu_build_on_a_gpu_machine_is_explained_not_hidden(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, standins_on_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stand-in nvidia-smi (an RTX 3060, driver 580); the installed torch reports a CPU build."""
    from wizard.core import builds, gpu

    monkeypatch.setenv("STANDIN_NVIDIA_GPUS", "3060")
    monkeypatch.setenv("STANDIN_NVIDIA_DRIVER", "580.95.05")
    report = gpu.detect_hardware(platform="linux")
    assert report.gpus and report.gpus[0].vendor == "nvidia"
    rec = builds.recommend(builds.Machine.from_report(report, (3, 11)), DATA)
    st = wiz.state
    st.hardware, st.recommendation, st.variant, st.torch_version = report, rec, rec.variant, rec.torch
    page = wiz.pages[PageId.INSTALL]
    verify = {
        "ok": True,
        "torch": "2.13.0+cpu",
        "cuda_build": None,
        "cuda_available": False,
        "devices": ["cpu"],
        "device_names": {"cpu": "CPU"},
    }
    from tests.test_session import GOOD, ScriptedRunner

    page.ensure_session(
        runner=ScriptedRunner({**GOOD, "verify": ([VERIFY_TAG + " " + json.dumps(verify)], 0)})
    )
    wiz.state.plan = build_plan(request(tmp_path, variant=rec.variant), DATA)
    page.initializePage()  # the install session runs the plan through the scripted runner
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=20000)
    assert page.succeeded  # torch works ...
    assert page.outcome.after.code == "cpu-build-on-gpu"  # ... but not on the GPU, and the page says so
    assert "not as expected" in page.result.text()
    assert "reinstall-right-build" in page.action_buttons
    assert rec.index_url in " ".join(page.outcome.after.fix_command)
    assert st.demo_device == "cpu"
