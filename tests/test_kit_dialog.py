"""The kit dialog: sizes before downloading, a kit made through ProcessRunner from a folder of fake wheels,
resume, Stop, and the Welcome page's button that opens it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.test_kit import build_index, check_against_manifest
from wizard.core import kit

WIN = "windows-x86_64-py3.12-cpu"
MAC = "macos-arm64-py3.12-mps"


@pytest.fixture
def wheel_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fake wheels as a plain folder; pip's configuration of this machine kept out of the child."""
    build_index(tmp_path / "index")
    for key in [k for k in os.environ if k.startswith("PIP_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    return tmp_path / "index" / "whl" / "files"


def make_dialog(qtbot: Any) -> Any:
    from wizard.gui.kit_dialog import KitDialog

    dialog = KitDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def item_text(dialog: Any, name: str) -> str:
    for i in range(dialog.targets.count()):
        item = dialog.targets.item(i)
        if item.data(256) == name:
            return str(item.text())
    raise AssertionError(name)


def test_sizes_are_shown_before_anything_is_downloaded(
    qtbot: Any, tmp_path: Path, wheel_folder: Path
) -> None:
    dialog = make_dialog(qtbot)
    dialog.folder.setText(str(tmp_path / "kit"))
    dialog.source.setCurrentIndex(2)  # a folder of wheel files
    dialog.source_text.setText(str(wheel_folder))
    dialog.source_text.editingFinished.emit()
    dialog.set_checked([WIN])
    assert "PyTorch 2.15.0+cpu" in item_text(dialog, WIN)
    assert "about" in dialog.total.text() and "0 B" not in dialog.total.text()
    assert not (tmp_path / "kit").exists()  # nothing made yet
    # a computer the folder has nothing for says so on its line
    dialog.python.setCurrentIndex(dialog.python.findData("3.10"))
    assert "has no torch wheel" in item_text(dialog, "windows-x86_64-py3.10-cpu")


def test_start_makes_the_kit_through_the_runner_and_a_second_start_resumes(
    qtbot: Any, tmp_path: Path, wheel_folder: Path
) -> None:
    dialog = make_dialog(qtbot)
    out = tmp_path / "kit"
    dialog.folder.setText(str(out))
    dialog.source.setCurrentIndex(2)
    dialog.source_text.setText(str(wheel_folder))
    dialog.set_checked([WIN])
    lines: list[str] = []
    dialog.runner.line.connect(lines.append)
    dialog.start.click()
    assert not dialog.start.isEnabled() and dialog.stop.isEnabled()
    qtbot.waitUntil(lambda: dialog.state in ("done", "failed"), timeout=120000)
    assert dialog.state == "done", dialog.status.text()
    assert WIN in dialog.status.text()
    assert any("Saved" in line for line in lines)  # pip ran through ProcessRunner
    manifest = check_against_manifest(out)
    assert [t["name"] for t in manifest["targets"]] == [WIN]
    assert "already in the kit" in item_text(dialog, WIN)

    # add the Mac: the Windows files stay, only the Mac's are fetched
    torch_win = next(out.glob("wheels/torch-*win_amd64.whl"))
    stamp = torch_win.stat().st_mtime_ns
    dialog.set_checked([WIN, MAC])
    dialog.start.click()
    qtbot.waitUntil(lambda: dialog.state in ("done", "failed") and dialog.start.isEnabled(), timeout=120000)
    assert dialog.state == "done", dialog.status.text()
    assert torch_win.stat().st_mtime_ns == stamp
    manifest = check_against_manifest(out)
    assert {t["name"] for t in manifest["targets"]} == {WIN, MAC}
    assert kit.verify(kit.open_kit(str(out))) == []


def test_stop_while_getting_ready_leaves_a_resumable_folder(
    qtbot: Any, tmp_path: Path, wheel_folder: Path
) -> None:
    dialog = make_dialog(qtbot)
    out = tmp_path / "kit"
    dialog.folder.setText(str(out))
    dialog.source.setCurrentIndex(2)
    dialog.source_text.setText(str(wheel_folder))
    dialog.set_checked([WIN])
    dialog.start.click()
    dialog.stop.click()
    qtbot.waitUntil(lambda: dialog.state == "stopped", timeout=60000)
    assert dialog.start.isEnabled() and not dialog.runner.is_running()
    assert "Start again" in dialog.status.text()
    if (out / "kit.json").exists():
        assert json.loads((out / "kit.json").read_text(encoding="utf-8"))["kit"] == 1


def test_start_without_a_folder_or_a_target_says_what_is_missing(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    dialog.start.click()
    assert "folder" in dialog.status.text() and dialog.state == "idle"


def test_welcome_page_button_opens_the_kit_dialog(qtbot: Any, wiz: Any) -> None:
    from wizard.gui.kit_dialog import KitDialog
    from wizard.gui.window import PageId

    page = wiz.pages[PageId.WELCOME]
    assert page.kit_button.text() == "Prepare PyTorch for other computers…"
    page.kit_button.click()
    qtbot.waitUntil(
        lambda: isinstance(getattr(page, "kit_dialog", None), KitDialog) and page.kit_dialog.isVisible()
    )
    page.kit_dialog.close()
