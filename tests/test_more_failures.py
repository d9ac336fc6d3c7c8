"""More of what can go wrong, for real: cancel in the middle of the torch install, a folder name full of
shell metacharacters, a hung step's prompt, the diagnose command in Chinese, an AMD GPU via the stand-in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil
import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT, base_python, select_interpreter, walk_to_review
from wizard.core import releases
from wizard.core.envdir import check_env_folder
from wizard.core.plan import InstallRequest, PackageSource, SourceKind, build_plan
from wizard.gui.window import PageId, SetupWizard

DATA = releases.load()


def test_cancel_while_torch_is_being_installed(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, torch_wheels: Path
) -> None:
    env = tmp_path / "env"
    review = walk_to_review(qtbot, wiz, env)
    review.src_folder.setChecked(True)
    review.folder.setText(str(torch_wheels))
    qtbot.waitUntil(review.isComplete, timeout=5000)
    wiz.next()
    install: Any = wiz.pages[PageId.INSTALL]
    qtbot.waitUntil(
        lambda: install.is_running() and install.session.steps[install.session.current].id == "install-torch",
        timeout=120000,
    )
    qtbot.wait(1500)  # pip is unpacking torch now
    install.cancel()
    qtbot.waitUntil(lambda: not install.is_running(), timeout=20000)
    assert not env.exists()
    assert "Stopped" in install.result.text()
    assert not [p for p in psutil.Process().children(recursive=True) if "pip" in " ".join(p.cmdline())]
    assert not (wiz.data_dir / "unfinished-install.json").exists()


def test_shell_metacharacters_in_the_folder_are_plain_text(tmp_path: Path) -> None:
    """No shell anywhere: a folder named like a command injection is just a folder."""
    marker = tmp_path / "pwned"
    env = tmp_path / f"a;b & c $(touch {marker}) `id` 'q' \"x\" | %PATH% 测试"
    check = check_env_folder(str(env), "linux")
    assert check.ok, check.problems
    req = InstallRequest(
        base_python=base_python(),
        python_version=sys.version_info[:2],
        env_dir=str(env),
        os_name="linux",
        torch=None,
        torchvision=None,
        source=PackageSource(SourceKind.PYTORCH_INDEX, "https://download.pytorch.org/whl/cpu"),
    )
    step = build_plan(req, DATA).steps[0]
    assert step.argv[-1] == str(env)  # one argument, untouched
    subprocess.run(step.argv, check=True, timeout=120)
    assert (env / "pyvenv.cfg").exists() and not marker.exists()


def test_a_quiet_step_asks_whether_to_keep_waiting(wiz: SetupWizard) -> None:
    wiz.finish_setup()
    install: Any = wiz.pages[PageId.INSTALL]
    install.ensure_session()  # the session reports the quiet step; the page shows it
    install._on_idle(600.0)
    assert install.idle_box.isVisibleTo(install)
    assert "10 minutes" in install.idle_text.text()
    install.keep_waiting.click()
    assert not install.idle_box.isVisibleTo(install)


def test_diagnose_command_speaks_chinese() -> None:
    log = ROOT / "tests" / "fixtures" / "logs" / "disk-full.pip26-prefix.log"
    out = subprocess.run(
        [sys.executable, "-m", "wizard", "--lang", "zh_CN", "diagnose", str(log), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["code"] == "disk-full"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in data["title"])  # Chinese characters
    assert set(data) >= {"code", "title", "explanation", "actions"}


def test_hardware_page_with_a_stand_in_amd_gpu(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, standins_on_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rocminfo stand-in (ROCm 6.4 format): a Radeon gfx1100 on Linux gets the ROCm build."""
    if sys.platform != "linux":
        pytest.skip("the stand-ins reproduce the Linux tools")
    monkeypatch.setenv("STANDIN_AMD_GFX", "gfx1100")
    monkeypatch.delenv("STANDIN_NVIDIA_GPUS", raising=False)
    wiz.start_background_detection()
    wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    wiz.next()
    manager: Any = wiz.pages[PageId.MANAGER]
    manager.folder.setText(str(tmp_path / "env"))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
    wiz.next()
    page: Any = wiz.pages[PageId.HARDWARE]
    qtbot.waitUntil(page.isComplete, timeout=30000)
    assert "gfx1100" in page.found.text()
    assert wiz.state.variant is not None and wiz.state.variant.startswith("rocm")
    assert (wiz.state.source_index_url or "").endswith(wiz.state.variant)
