"""The app's start: the first page comes up with little loaded, then the rest comes without a long block
on the GUI thread (what benchmarks/startup.py measures; here what keeps it so, without timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from wizard.core import journal

ROOT = Path(__file__).resolve().parent.parent

# Run the app as `python -m wizard` does, with a look at what is loaded when the first page is drawn,
# which thread imports the heavy modules, and what is there once the start is over.
PROBE = r"""
import json, sys, threading
HEAVY = ("wizard.core.", "wizard.runner", "wizard.session", "wizard.gui.widgets", "packaging", "psutil")
imports, shown = [], []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name.startswith(HEAVY) and name not in sys.modules:
            imports.append((name, threading.current_thread() is threading.main_thread(), bool(shown)))
        return None

sys.meta_path.insert(0, Watch())
import PySide6.QtCore as QtCore
import wizard.app as app
from wizard.gui import window

when_shown = window.SetupWizard.when_shown
def first_page(self, then, **kw):
    if not shown:
        def look():
            shown.append(sorted(m for m in sys.modules if m.startswith(HEAVY)))
            shown.append("Qt" in QtCore.__dict__)  # Qt's namespace: ~20 ms of enums
        when_shown(self, look, **kw)
    return when_shown(self, then, **kw)
window.SetupWizard.when_shown = first_page

start = window.SetupWizard.start_in_background
def start_in_background(self, then=None):
    def over():
        out = {"loaded": shown[0], "qt": shown[1], "imports": imports, "pages": len(self.pages),
               "hardware": self.hardware_detector is not None}
        print("PROBE " + json.dumps(out), flush=True)
        self._leaving_done = True
        self.close()
    start(self, over)
window.SetupWizard.start_in_background = start_in_background
sys.exit(app.main(["wizard"]))
"""


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "TORCH_WIZARD_DATA_DIR": str(home / "data"),
        "PYTHONPATH": str(ROOT),
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("PROBE ")]
    assert lines, out.stderr[-3000:]
    result: dict[str, Any] = json.loads(lines[-1][len("PROBE ") :])
    return result


# What the Welcome page itself shows: the release data (sizes and times) and its words for sizes.
# (``progress`` is not among them: its dataclass and patterns cost ~3 ms; ``sizes`` has the words alone.)
FIRST_PAGE_NEEDS = {"wizard.core.releases", "wizard.core.resources", "wizard.core.sizes"}


def test_the_first_page_is_drawn_before_the_heavy_modules_are_loaded(started: dict[str, Any]) -> None:
    extra = [m for m in started["loaded"] if m not in FIRST_PAGE_NEEDS]
    assert extra == [], "loaded before the first page was drawn"
    assert started["qt"] is False, "Qt's namespace was loaded before the first page was drawn"


def test_after_the_first_page_the_core_is_imported_off_the_gui_thread(started: dict[str, Any]) -> None:
    on_gui = sorted(
        name
        for name, main_thread, after in started["imports"]
        if main_thread and after and name.startswith(("wizard.core.", "packaging", "psutil"))
    )
    assert on_gui == [], "imported on the GUI thread after the first page"
    assert any(name == "wizard.core.plan" for name, *_ in started["imports"])  # the probe does see imports


def test_the_start_ends_with_every_page_built_and_detection_started(started: dict[str, Any]) -> None:
    assert started["pages"] == 8
    assert started["hardware"] is True


# -- in this process ------------------------------------------------------------------------------
@pytest.fixture
def lazy_wizard(qtbot: QtBot, tmp_path: Path, settings: Any) -> Any:
    """The window as the app makes it: only the Welcome page, the rest to come."""
    from PySide6.QtWidgets import QApplication

    from wizard.gui.window import SetupWizard
    from wizard.i18n import Translations

    translations = Translations(QApplication.instance(), file_dialogs=False)  # type: ignore[arg-type]
    window = SetupWizard(translations, settings, data_dir=tmp_path / "data", lazy=True)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_leaving_done", True))
    return window


def test_when_shown_waits_for_the_first_paint(qtbot: QtBot, lazy_wizard: Any) -> None:
    calls: list[bool] = []
    lazy_wizard.when_shown(lambda: calls.append(lazy_wizard.isVisible()))
    qtbot.wait(100)
    assert calls == []  # not before the window is there
    lazy_wizard.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=5000)
    qtbot.wait(50)
    assert calls == [True]  # once


def test_start_in_background_offers_an_install_left_behind(
    qtbot: QtBot, lazy_wizard: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal is read in a thread; the offer comes on the GUI thread while the start goes on."""
    import threading

    record = object()
    read_in: list[bool] = []
    offered: list[object] = []

    def load(data_dir: Path) -> Any:
        read_in.append(threading.current_thread() is threading.main_thread())
        return record if data_dir == lazy_wizard.data_dir else None

    monkeypatch.setattr(journal, "load", load)
    monkeypatch.setattr(lazy_wizard, "_offer_unfinished", lambda rec: offered.append(rec) or "later")
    done: list[bool] = []
    lazy_wizard.show()
    lazy_wizard.start_in_background(then=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    assert read_in == [False]
    assert offered == [record]
    assert len(lazy_wizard.pages) == 8


def test_the_window_keeps_its_data_where_the_command_line_does(
    qtbot: QtBot, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from wizard.gui.window import SetupWizard
    from wizard.i18n import Translations

    monkeypatch.setenv("TORCH_WIZARD_DATA_DIR", str(tmp_path / "lab"))
    window = SetupWizard(Translations(QApplication.instance()), settings, lazy=True)  # type: ignore[arg-type]
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_leaving_done", True))
    assert window.data_dir == tmp_path / "lab"
    assert window.log_dir == tmp_path / "lab" / "logs"


def test_start_thread_runs_the_work_in_a_thread_of_its_own() -> None:
    import threading

    from wizard.gui.workers import start_thread

    ran: list[str] = []
    done = threading.Event()

    def work() -> None:
        ran.append(threading.current_thread().name)
        done.set()

    start_thread(work, "probe-test")
    assert done.wait(10)
    assert ran == ["probe-test"]


def test_the_window_icon_comes_after_the_first_drawing(qtbot: QtBot, lazy_wizard: Any) -> None:
    """QtGui's icon classes, and on a desktop the SVG drawn at every size the platform wants, are not on
    the way to the first page; the icon is there on the turn after it."""
    assert lazy_wizard.windowIcon().isNull()
    lazy_wizard.show()
    qtbot.waitUntil(lambda: not lazy_wizard.windowIcon().isNull(), timeout=5000)


def test_a_window_built_at_once_has_its_icon_at_once(qtbot: QtBot, tmp_path: Path, settings: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from wizard.gui.window import SetupWizard
    from wizard.i18n import Translations

    window = SetupWizard(Translations(QApplication.instance()), settings, data_dir=tmp_path)  # type: ignore[arg-type]
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_leaving_done", True))
    assert not window.windowIcon().isNull()


# -- the journal at every start ---------------------------------------------------------------------
def test_no_journal_is_the_normal_case_and_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.DEBUG, logger=journal.__name__)
    assert journal.load(tmp_path) is None
    assert journal.load(tmp_path / "no such folder") is None
    assert [r for r in caplog.records if r.levelno >= logging.INFO] == []
    assert all(r.exc_info is None for r in caplog.records)  # no traceback in the log either


def test_a_journal_that_cannot_be_read_is_still_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    (tmp_path / journal.JOURNAL).write_text("{not json", encoding="utf-8")
    folder = tmp_path / "as a folder"
    (folder / journal.JOURNAL).mkdir(parents=True)  # there, but not a file
    caplog.set_level(logging.DEBUG, logger=journal.__name__)
    assert journal.load(tmp_path) is None
    assert journal.load(folder) is None
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert all(str(r.args[0]).endswith(journal.JOURNAL) for r in warnings)
