"""Every field, typed key by key as a learner types: no exception escapes, no half-typed address is
contacted, one index check at a time, and the page always keeps a way forward."""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.conftest import walk_to_review
from wizard.gui import page_review
from wizard.gui.window import PageId, SetupWizard


@pytest.fixture
def hook_calls(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What would have reached the "Something went wrong" dialog (the app's sys.excepthook)."""
    calls: list[Any] = []
    monkeypatch.setattr(sys, "excepthook", lambda *a: calls.append(a))
    return calls


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _review_with_mirror(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> Any:
    review = walk_to_review(qtbot, wiz, tmp_path / "env")
    review.src_custom.setChecked(True)
    review.custom.clear()
    qtbot.waitUntil(lambda: review.checker.running is None, timeout=15000)  # the default server's check
    review.checker.started.clear()
    return review


def _way_forward(wiz: SetupWizard, page: Any) -> bool:
    """Next/Install works, or Back does and the page says what is wrong."""
    commit = wiz.button(QWizard.WizardButton.CommitButton)
    back = wiz.button(QWizard.WizardButton.BackButton)
    return (page.isComplete() and commit.isEnabled()) or (back.isEnabled() and bool(page.message.text()))


def test_ipv6_mirror_typed_key_by_key(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, hook_calls: list[Any]
) -> None:
    review = _review_with_mirror(qtbot, wiz, tmp_path)
    url = f"http://[::1]:{_free_port()}/simple"
    qtbot.keyClicks(review.custom, url)
    assert review.checker.started == [], "a check started while the address was being typed"
    assert review.isComplete(), review.message.text()
    qtbot.waitUntil(lambda: len(review.checker.started) == 1, timeout=3000)
    assert review.checker.started[0][0] == url
    qtbot.wait(300)
    assert len(review.checker.started) == 1
    assert not hook_calls
    assert url in review.commands.text.toPlainText()
    assert _way_forward(wiz, review)


def test_half_typed_hosts_are_never_contacted(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, hook_calls: list[Any]
) -> None:
    review = _review_with_mirror(qtbot, wiz, tmp_path)
    port = _free_port()
    for part in ("http://1", "27.0.0.1", f":{port}/simple"):  # a pause after each part, as people do
        qtbot.keyClicks(review.custom, part)
        qtbot.wait(page_review.MIRROR_PAUSE_MS + 300)
    # "http://1" (that is 0.0.0.1) and "http://127.0.0.1" (no path yet, but complete) were paused on
    asked = [key[0] for key in review.checker.started]
    assert "http://1" not in asked
    assert all(page_review.envdir.is_complete_url(a) for a in asked)
    assert asked[-1] == f"http://127.0.0.1:{port}/simple" or (
        review.checker.pending is not None and review.checker.pending[0] == f"http://127.0.0.1:{port}/simple"
    )
    assert not hook_calls


def test_leaving_the_field_checks_at_once(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    review = _review_with_mirror(qtbot, wiz, tmp_path)
    url = f"http://127.0.0.1:{_free_port()}/simple"
    qtbot.keyClicks(review.custom, url)
    assert review.checker.started == []
    review.custom.editingFinished.emit()  # what Qt sends when focus leaves the field or Enter is pressed
    assert [k[0] for k in review.checker.started] == [url]


def test_a_newer_check_replaces_an_older_one_still_waiting(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.core import wheelcheck

    gate = threading.Event()
    asked: list[str] = []

    def slow_check(index_url: str, *_a: Any, **_k: Any) -> Any:
        asked.append(index_url)
        gate.wait(10)
        return wheelcheck.WheelCheck("unknown", (), "no answer", index_url)

    monkeypatch.setattr(wheelcheck, "check_wheel", slow_check)
    checker = page_review.LatestOnlyChecker()
    keys = [
        (f"http://127.0.0.1:{p}/simple", "2.15.0", (3, 11), "linux", "x86_64") for p in (1001, 1002, 1003)
    ]
    answers: list[Any] = []
    checker.done.connect(lambda key, _r: answers.append(key))
    assert checker.check(keys[0]) is None
    assert checker.check(keys[1]) is None
    assert checker.check(keys[2]) is None
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=2000)
    time.sleep(0.2)
    assert asked == [keys[0][0]], "only one question at a time"
    gate.set()
    qtbot.waitUntil(lambda: answers == [keys[2]], timeout=5000)
    assert asked == [keys[0][0], keys[2][0]], "the older waiting question was dropped, never sent"


@pytest.mark.parametrize("name", ["x" * 300, "a\x00b"], ids=["300-characters", "nul-byte"])
def test_odd_environment_folder_names(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, hook_calls: list[Any], name: str
) -> None:
    from tests.test_pages import go_to

    go_to(qtbot, wiz, PageId.MANAGER)
    page = wiz.pages[PageId.MANAGER]
    page.folder.setText(str(tmp_path) + "/")
    page.folder.end(False)
    if "\x00" in name:
        page.folder.insert(name)  # pasted: a NUL cannot be typed
    else:
        qtbot.keyClicks(page.folder, name)
    qtbot.wait(400)
    assert not page.isComplete()
    assert "✘" in page.message.text()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not hook_calls
    page.folder.setText(str(tmp_path / "env"))  # the way forward: a good name
    qtbot.waitUntil(page.isComplete, timeout=3000)


@pytest.mark.parametrize("name", ["y" * 300, "w\x00heels"], ids=["300-characters", "nul-byte"])
def test_odd_wheel_folder_names(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, hook_calls: list[Any], name: str
) -> None:
    review = walk_to_review(qtbot, wiz, tmp_path / "env")
    review.src_folder.setChecked(True)
    review.folder.setText(str(tmp_path) + "/")
    review.folder.end(False)
    if "\x00" in name:
        review.folder.insert(name)
    else:
        qtbot.keyClicks(review.folder, name)
    assert not review.isComplete()
    assert "✘" in review.message.text()
    assert not hook_calls
    assert wiz.button(QWizard.WizardButton.BackButton).isEnabled()
    review.src_index.setChecked(True)  # the way forward: another source
    assert review.isComplete() or review.help_box.isVisible()
