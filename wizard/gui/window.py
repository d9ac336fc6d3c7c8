"""The wizard window: pages in order, shared state, settings, language switching."""

from __future__ import annotations

import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QWizard

from ..core.resources import resource
from ..i18n import Translations
from .common import Page
from .page_welcome import WelcomePage
from .state import WizardState

if TYPE_CHECKING:
    from collections.abc import Callable, Generator

    from PySide6.QtGui import QCloseEvent, QPaintEvent


class PageId(IntEnum):
    WELCOME = 0
    PYTHON = 1
    MANAGER = 2
    HARDWARE = 3
    REVIEW = 4
    INSTALL = 5
    DEMO = 6
    FINISH = 7


# The module of each later page: the app imports it on a turn of its own, before the page is built.
_PAGE_MODULES = {
    PageId.PYTHON: "page_python",
    PageId.MANAGER: "page_manager",
    PageId.HARDWARE: "page_hardware",
    PageId.REVIEW: "page_review",
    PageId.INSTALL: "page_install",
    PageId.DEMO: "page_demo",
    PageId.FINISH: "page_finish",
}


class SetupWizard(QWizard):
    def __init__(
        self,
        translations: Translations,
        settings: QSettings,
        *,
        data_dir: Path | None = None,
        log_dir: Path | None = None,
        state: WizardState | None = None,
        lazy: bool = False,
    ) -> None:
        """``data_dir``: the app's data folder (logs, the record of an unfinished install); by default
        QStandardPaths' app data folder. ``lazy``: show the Welcome page first and build the other pages
        right after (``finish_setup``), so the window appears sooner; the app starts this way."""
        super().__init__()
        self.translations = translations
        self.settings = settings
        self.state = state or WizardState()
        if data_dir is None and log_dir is not None:
            data_dir = log_dir.parent
        self._data_dir = data_dir
        self._log_dir = log_dir
        self.log_path: Path | None = None
        self.hardware_detector: Any = None
        self._when_painted: list[Callable[[], None]] = []
        self.setWizardStyle(
            QWizard.WizardStyle.MacStyle if sys.platform == "darwin" else QWizard.WizardStyle.ModernStyle
        )
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(self._on_custom_button)
        self._icon_set = False  # the window icon comes after the first drawing (``set_window_icon``)
        self.pages: dict[PageId, Page] = {PageId.WELCOME: WelcomePage()}
        self.setPage(int(PageId.WELCOME), self.pages[PageId.WELCOME])
        self.setStartId(int(PageId.WELCOME))
        from .steps import StepList

        self.step_list = StepList()
        self.setSideWidget(self.step_list)
        self.currentIdChanged.connect(self.step_list.set_current)
        self.fit_to_screen()
        self.retranslate()
        if not lazy:
            self.set_window_icon()
            self.finish_setup()

    def set_window_icon(self) -> None:
        """The app's icon on the window's title bar and the task bar. Not on the way to the first page:
        QtGui's icon classes load then, and on a desktop the platform draws the SVG at every size it
        wants as soon as the icon is set (the app sets it on the turn after the first drawing)."""
        if self._icon_set:
            return
        self._icon_set = True
        from PySide6.QtGui import QIcon

        icon = resource("icons", "app.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))

    # The pages after Welcome, in order; the app imports and builds each on turns of the event loop of
    # their own (``start_in_background``), so no block on the GUI thread is long. Static imports, so that
    # PyInstaller bundles them.
    _LATER_PAGES = (
        PageId.PYTHON,
        PageId.MANAGER,
        PageId.HARDWARE,
        PageId.REVIEW,
        PageId.INSTALL,
        PageId.DEMO,
        PageId.FINISH,
    )

    @staticmethod
    def _make_page(pid: PageId) -> Page:
        if pid is PageId.PYTHON:
            from .page_python import PythonPage

            return PythonPage()
        if pid is PageId.MANAGER:
            from .page_manager import ManagerPage

            return ManagerPage()
        if pid is PageId.HARDWARE:
            from .page_hardware import HardwarePage

            return HardwarePage()
        if pid is PageId.REVIEW:
            from .page_review import ReviewPage

            return ReviewPage()
        if pid is PageId.INSTALL:
            from .page_install import InstallPage

            return InstallPage()
        if pid is PageId.DEMO:
            from .page_demo import DemoPage

            return DemoPage()
        from .page_finish import FinishPage

        return FinishPage()

    def _build_next_page(self) -> bool:
        """Build the first page not built yet; False when all are there."""
        for pid in self._LATER_PAGES:
            if pid not in self.pages:
                self._build_page(pid)
                return True
        return False

    def _build_page(self, pid: PageId) -> None:
        page = self._make_page(pid)
        self.pages[pid] = page
        self.setPage(int(pid), page)

    def finish_setup(self) -> None:
        """Build every page after Welcome now (and what they need: detection)."""
        if self.hardware_detector is None:
            from .workers import HardwareDetector

            self.hardware_detector = HardwareDetector(self)
        while self._build_next_page():
            pass

    # -- the app's start, after the first page is shown ------------------------------------------
    def when_shown(self, then: Callable[[], None], *, at_latest_ms: int = 3000) -> None:
        """Run ``then`` on the turn of the event loop after the window is first drawn, or after
        ``at_latest_ms`` on a platform that never draws it. (Qt runs 0 ms timers before the first drawing:
        work started by one would delay what the learner sees.)"""
        from PySide6.QtCore import QTimer

        done = False

        def once() -> None:
            nonlocal done
            if not done:
                done = True
                then()

        self._when_painted.append(once)
        QTimer.singleShot(at_latest_ms, self, once)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._icon_set or self._when_painted:  # the first drawing: the page is drawn with it
            from PySide6.QtCore import QTimer

            waiting, self._when_painted = self._when_painted, []
            for then in waiting:
                QTimer.singleShot(0, then)
            if not self._icon_set:  # after what waited for the drawing: the learner sees no icon there
                QTimer.singleShot(0, self, self.set_window_icon)

    def start_in_background(self, then: Callable[[], None] | None = None) -> None:
        """The app's start once the Welcome page is on the screen: detection, the check for an install a
        killed app left behind, and the other pages, without a long block on the GUI thread. What takes
        long (importing the core modules, reading the journal) runs in a thread; what must be on the GUI
        thread runs one piece per turn of the event loop. ``then`` runs after the last piece. Pressing
        Next on Welcome before that builds the rest at once (``WelcomePage.validatePage``)."""
        from .workers import InBackground

        self._background = InBackground(self)
        self._startup = self._start_pieces(then)
        self._next_piece(None)

    def _next_piece(self, result: Any) -> None:
        """Run the start's next piece (``_start_pieces`` up to its next ``yield``); what it yields says
        when the piece after it runs: None on the next turn, a function after it has run in a thread."""
        from PySide6.QtCore import QTimer

        try:
            wanted = self._startup.send(result)
        except StopIteration:
            return
        if wanted is None:
            QTimer.singleShot(0, self, lambda: self._next_piece(None))
        else:
            self._background.run(wanted, self._next_piece, name="wizard-start")

    def _start_pieces(
        self, then: Callable[[], None] | None
    ) -> Generator[Callable[[], Any] | None, Any, None]:
        import importlib

        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        welcome: Any = self.pages[PageId.WELCOME]
        welcome.after_shown()  # (Qt's namespace: ~20 ms)
        yield None
        data_dir = self.data_dir
        record = yield lambda: _load_for_detection(data_dir)  # and the journal of a cut-short install
        if record is not None:
            QTimer.singleShot(0, self, lambda: self._offer_unfinished(record))  # the start goes on meanwhile
        if self.hardware_detector is None:
            from .workers import HardwareDetector

            self.hardware_detector = HardwareDetector(self)
        self.hardware_detector.start()
        yield None
        for pid in self._LATER_PAGES:
            if pid is PageId.MANAGER:  # after the Python page: the rest of the core, for the other pages
                yield _load_core
                from .. import runner  # noqa: F401  (Qt objects: imported on the GUI thread, a turn each)

                yield None
                from .. import session  # noqa: F401

                yield None
                for name in _gui_modules():  # the pages' shared pieces first, then the pages
                    if name not in sys.modules:
                        importlib.import_module(name)
                        yield None
            if pid not in self.pages:
                importlib.import_module(f"{__package__}.{_PAGE_MODULES[pid]}")
                yield None
            if pid not in self.pages:  # (Next on Welcome may have built it meanwhile)
                self._build_page(pid)
                if pid is PageId.PYTHON:
                    self.pages[pid].start_detection()  # type: ignore[attr-defined]
                yield None
        # Last: Qt's file dialogs in the learner's language. Its filter sees every event of the app, so
        # that each kind of Qt object it meets is made known to Python: building a page meanwhile is slower.
        from .widgets import install_dialog_translator

        app = QApplication.instance()
        if app is not None:
            install_dialog_translator(app)
        if then is not None:
            then()

    def fit_to_screen(self) -> None:
        """A size that fits the screen's free area (taskbar and scaling taken into account): pages scroll
        when there is less room, so Next and Cancel are always on the screen."""
        screen = self.screen()
        if screen is None:
            self.resize(900, 660)
            return
        free = screen.availableGeometry()
        frame_w, frame_h = 16, 48  # the window manager's border and title bar, roughly
        width = max(480, min(900, free.width() - frame_w))
        height = max(360, min(660, free.height() - frame_h))
        self.setMaximumSize(free.width(), free.height())
        self.resize(width, height)
        self.step_list.setVisible(free.width() >= 760)  # on a very narrow screen the pages need the room

    def start_background_detection(self) -> None:
        """Build every page now and start looking for Pythons and GPUs (tests, the self-test); the app
        starts with ``start_in_background`` instead."""
        self.finish_setup()
        self.pages[PageId.PYTHON].start_detection()  # type: ignore[attr-defined]
        self.hardware_detector.start()

    @property
    def data_dir(self) -> Path:
        if self._data_dir is None:
            from ..appinfo import data_dir

            self._data_dir = data_dir()  # as the command line's: TORCH_WIZARD_DATA_DIR moves it
        return self._data_dir

    @property
    def log_dir(self) -> Path:
        return self._log_dir or self.data_dir / "logs"

    # -- going back after a failed install ----------------------------------------------------
    def return_to_page(self, name: str) -> None:
        """Go back to an earlier page (past the commit page), keeping what was chosen."""
        target = {
            "python": PageId.PYTHON,
            "manager": PageId.MANAGER,
            "hardware": PageId.HARDWARE,
            "review": PageId.REVIEW,
        }[name]
        self.setStartId(int(PageId.WELCOME))
        self.restart()
        for _ in range(int(target)):
            if self.currentId() == target:
                break
            self.next()

    # -- an install that a killed app left behind ----------------------------------------------
    def check_unfinished(self) -> str:
        """Offer to finish or remove an install the last run did not end. Returns what happened:
        "none", "finish", "remove" or "later"."""
        from ..core import journal

        record = journal.load(self.data_dir)
        if record is None:
            return "none"
        return self._offer_unfinished(record)

    def _offer_unfinished(self, record: Any) -> str:
        from PySide6.QtWidgets import QMessageBox

        from ..core.plan import build_plan

        req = record.request
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unfinished installation"))
        box.setText(
            self.tr(
                "Last time, installing PyTorch into {env} did not finish (the wizard was closed "
                "or the computer was switched off)."
            ).format(env=req.env_dir)
        )
        box.setInformativeText(self.tr("Do you want to finish it now, or remove the unfinished environment?"))
        finish = box.addButton(self.tr("Finish installing"), QMessageBox.ButtonRole.AcceptRole)
        remove = box.addButton(self.tr("Remove it"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Decide later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is remove:
            self._remove_unfinished(record)
            return "remove"
        if clicked is not finish:
            return "later"
        self.finish_setup()
        plan = record.plan or build_plan(req, self.state.data)
        from .review_login import ask_login_again  # the index's login was never stored: ask for it again

        if (plan := ask_login_again(self, record, plan, self.state.data)) is None:
            return "later"  # Cancel: the unfinished install stays as it is
        if not self._wheel_folder_still_there(record, plan):
            return "later"
        self.state.resume(req, self._resumed_plan)
        install: Any = self.pages[PageId.INSTALL]
        install.resume_record = record
        self.setStartId(int(PageId.INSTALL))
        self.restart()
        return "finish"

    def _wheel_folder_still_there(self, record: Any, plan: Any) -> bool:
        """The install was from a folder of wheels that is gone now (a USB stick pulled out): say so, and
        let the learner choose it again; the plan is rebuilt for the new folder (``_resumed_plan``)."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from ..core import diagnose
        from ..core.plan import PackageSource, SourceKind, replan

        self._resumed_plan = plan
        gone = (
            diagnose.wheel_folder_gone(record.request.source.folder)
            if record.request.source.kind is SourceKind.WHEEL_FOLDER
            else None
        )
        if gone is None:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(gone.title)
        box.setText(gone.explanation)
        choose = box.addButton(self.tr("Choose the folder…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Decide later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not choose:
            return False
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder with the wheel files"))
        if not folder:
            return False
        self._resumed_plan = replan(
            plan, self.state.data, source=PackageSource(SourceKind.WHEEL_FOLDER, folder=folder)
        )
        return True

    def _remove_unfinished(self, record: Any) -> None:
        """Remove what the cut-short install claimed, in the background (a 900 MB folder takes a while),
        with a visible "Removing…"; then say what happened (a folder that changed since is kept)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        from ..session import remove_unfinished

        self.unfinished_removal: Any = None
        busy = QProgressDialog(self.tr("Removing the unfinished environment…"), "", 0, 0, self)
        busy.setCancelButton(None)
        busy.setWindowTitle(self.tr("Unfinished installation"))
        busy.setMinimumDuration(0)
        busy.show()

        def done(result: Any) -> None:
            busy.close()
            busy.deleteLater()
            self.unfinished_removal = result
            if not result:  # kept (it changed since) or failed: say so, without blocking anything
                box = QMessageBox(
                    QMessageBox.Icon.Information,
                    self.tr("Unfinished installation"),
                    result.message,
                    parent=self,
                )
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()

        self._removal_job = remove_unfinished(self.data_dir, record, done, parent=self)

    # -- the report ----------------------------------------------------------------------------
    def build_report(self) -> str:
        import json

        from ..core.plan import display_command
        from ..core.report import build_report

        st = self.state
        install: Any = self.pages.get(PageId.INSTALL)
        outcome = getattr(install, "outcome", None)
        last = outcome.result if outcome is not None else None
        diagnosis = outcome.diagnosis if outcome is not None else None
        plan = st.plan
        sections: dict[str, Any] = {
            "Pythons found": [
                f"{i.version or '?'} {i.source} {i.path}" + (f" ({i.error})" if i.error else "")
                for i in st.interpreters
            ],
            "Chosen Python": getattr(st.interpreter, "path", None),
            "GPU and driver": (
                json.dumps(st.hardware.to_json(), indent=1) if st.hardware is not None else None
            ),
            "Build": (
                f"torch {plan.torch or 'newest'} variant {plan.request.variant} from "
                f"{plan.request.source.kind.value} {plan.request.source.folder or plan.request.source.index_url or 'default index'}"
                if plan is not None
                else f"torch {st.torch_version} variant {st.variant} index {st.source_index_url}"
            ),
            "Plan": [display_command(s.argv, st.os_name) for s in plan.steps] if plan else None,
            "Failing step": str(outcome.failed_step)
            if outcome is not None and outcome.failed_step
            else "none",
            "Diagnosis": f"{diagnosis.code}: {diagnosis.title}" if diagnosis is not None else "none",
            "Last output": last.tail[-60:] if last is not None else "none",
            "Log file": str(self.log_path) if self.log_path else "none",
        }
        return build_report(sections)

    def save_report(self, path: str | None = None) -> str | None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save report"),
                str(Path.home() / "pytorch-wizard-report.txt"),
                self.tr("Text files (*.txt)"),
            )
        if not path:
            return None
        try:
            Path(path).write_text(self.build_report(), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save report"),
                self.tr("The report could not be saved: {error}").format(error=exc.strerror),
            )
            return None
        return path

    def _on_custom_button(self, which: int) -> None:
        if which == int(QWizard.WizardButton.CustomButton1.value):
            self.save_report()

    def set_language(self, lang: str) -> None:
        self.translations.switch(lang)
        self.settings.setValue("language", self.translations.language)

    def new_log_path(self) -> Path:
        import datetime as _dt

        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        self.log_path = self.log_dir / f"install-{stamp}.log"
        return self.log_path

    def installed(self) -> None:
        """The install succeeded: there is no going back to change it."""
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("PyTorch Setup Wizard"))
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
            (QWizard.WizardButton.CommitButton, self.tr("Install")),
            (QWizard.WizardButton.CustomButton1, self.tr("Save report…")),
        ):
            self.setButtonText(button, text)

    # -- leaving -----------------------------------------------------------------------------
    def _confirm_leave(self) -> bool:
        if getattr(self, "_leaving_done", False):
            return True
        if getattr(self, "_leaving", False):
            return False  # stopping and cleaning up: the window closes by itself
        install: Any = self.pages.get(PageId.INSTALL)
        if install is not None and not install.is_running() and self._left_half_made(install):
            return self._ask_about_half_made(install)
        if install is None or not install.is_running():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Stop the installation?"),
            self.tr(
                "PyTorch is still being installed. If you quit now, the unfinished environment is removed."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._close_when_done(install, stop=True)
        return False  # the window closes itself once the processes are gone and the folder is removed

    def _close_when_done(self, install: Any, *, stop: bool) -> None:
        """Stop (or just clean up after a failure), remove what this install made in the background, then
        close: nothing is left running and the window never freezes while a big folder is deleted."""
        session = install.ensure_session()
        self._leaving = True
        self.setEnabled(False)

        def close_now(*_args: object) -> None:
            self._leaving_done = True
            self.close()

        if stop:
            session.finished.connect(close_now)
            install.cancel()
        else:
            session.discard(then=close_now)

    def _left_half_made(self, install: Any) -> bool:
        """A failed install whose unfinished environment folder is still on the disk."""
        failed = getattr(install, "failed_at", None) is not None and not getattr(install, "succeeded", False)
        env = self.state.env_dir
        return bool(failed and env and Path(env).exists())

    def _ask_about_half_made(self, install: Any) -> bool:
        """Cancel after a failure: say that the unfinished folder is there, and let the learner decide."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit the wizard?"))
        box.setText(
            self.tr(
                "The unfinished environment is still in {path}. It does not work yet, but it uses disk space."
            ).format(path=self.state.env_dir)
        )
        box.setInformativeText(self.tr("Remove it now, or keep it?"))
        remove = box.addButton(self.tr("Remove it and quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep it and quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Stay"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is remove:
            self._close_when_done(install, stop=False)  # only what this install claimed is removed
            return False
        return clicked is keep

    def reject(self) -> None:
        if self._confirm_leave():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._confirm_leave():
            event.accept()
        else:
            event.ignore()


def _load_for_detection(data_dir: Path) -> Any:
    """In a thread: the core modules the Python page and detection need, and the journal of an install a
    killed app left behind (None when there is none)."""
    from ..core import gpu, interpreters, journal  # noqa: F401 (loaded for the pages)

    return journal.load(data_dir)


def _gui_modules() -> list[str]:
    """This package's modules, the pages last (each imports the shared pieces it needs): imported one
    per turn, so that no page brings several along on its own turn."""
    import pkgutil

    names = [info.name for info in pkgutil.iter_modules(sys.modules[__package__].__path__)]
    return [f"{__package__}.{n}" for n in sorted(names, key=lambda n: (n.startswith("page_"), n))]


def _load_core() -> None:
    """In a thread: every core module (pure Python), so that the pages built later on the GUI thread find
    them loaded."""
    import importlib
    import pkgutil

    from .. import core

    for info in pkgutil.iter_modules(core.__path__):
        importlib.import_module(f"{core.__name__}.{info.name}")
