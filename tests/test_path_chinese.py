"""No English in the Chinese UI: every page up to Review, in zh_CN, with Qt's own file dialog, checked
widget by widget against a list of names that stay as they are (PyTorch, CUDA, pip, Python, ...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import base_python, select_interpreter
from tests.test_path_support import PendingTranslator, english_words, visible_texts
from wizard.gui.window import PageId, SetupWizard


@pytest.fixture
def chinese(wiz: SetupWizard, monkeypatch: pytest.MonkeyPatch) -> Any:
    import wizard.i18n

    monkeypatch.setattr(wizard.i18n, "has_cjk_font", lambda: True)  # the font check has its own test
    pending = PendingTranslator()
    app = QApplication.instance()
    app.installTranslator(pending)
    welcome = wiz.pages[PageId.WELCOME]
    welcome.language.setCurrentIndex(welcome.language.findData("zh_CN"))
    yield wiz
    app.removeTranslator(pending)


def english_in(widget: QWidget) -> list[str]:
    bad = []
    for where, text in visible_texts(widget):
        if where.startswith("QComboBox") and text == "English":
            continue  # the language list names each language in its own words
        words = english_words(text)
        if words:
            bad.append(f"{where}: {words} in {text[:160]!r}")
    return bad


def file_dialog_texts(qtbot: QtBot, open_it: Any) -> list[str]:
    """Open a page's Browse… dialog for real (Qt's own dialog), read it, close it."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, look)
            return
        qtbot.wait(300)  # the folder view fills in
        seen.extend(english_in(dialog))
        seen.append("<seen>")
        dialog.reject()

    QTimer.singleShot(50, look)
    open_it()
    return seen


def test_every_page_up_to_review_is_chinese(qtbot: QtBot, chinese: SetupWizard, tmp_path: Path) -> None:
    wiz = chinese
    problems: dict[str, list[str]] = {}
    qtbot.waitUntil(lambda: wiz.windowTitle() == "PyTorch 安装向导", timeout=3000)
    problems["welcome"] = english_in(wiz)
    wiz.start_background_detection()
    wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    problems["python"] = english_in(wiz)
    wiz.next()
    manager = wiz.pages[PageId.MANAGER]
    manager.folder.setText(str(tmp_path / "新环境"))
    qtbot.waitUntil(manager.isComplete, timeout=5000)
    problems["manager"] = english_in(wiz)
    dialog = file_dialog_texts(qtbot, manager._on_browse)
    assert "<seen>" in dialog
    problems["folder dialog"] = [d for d in dialog if d != "<seen>"]
    wiz.next()
    qtbot.waitUntil(wiz.pages[PageId.HARDWARE].isComplete, timeout=30000)
    problems["hardware"] = english_in(wiz)
    wiz.next()
    review = wiz.pages[PageId.REVIEW]
    review.commands_toggle.setChecked(True)
    problems["review"] = [p for p in english_in(wiz) if "CopyableText" not in p]
    review.src_folder.setChecked(True)
    review.folder.setText(str(tmp_path))
    problems["review, wheel folder"] = english_in(wiz)
    dialog = file_dialog_texts(qtbot, review._on_browse)
    problems["wheel folder dialog"] = [d for d in dialog if d != "<seen>"]
    left = {page: found for page, found in problems.items() if found}
    assert not left, "\n".join(f"{page}:\n  " + "\n  ".join(found) for page, found in left.items())


def test_the_checker_finds_english(qtbot: QtBot, wiz: SetupWizard) -> None:
    """The check itself can fail: the English Welcome page is full of English words."""
    assert english_in(wiz)
    assert english_words("下载大约 310.0 MB，需要 PyTorch 和 CUDA 13.0") == []
    assert english_words("Look in:") == ["Look", "in"]
