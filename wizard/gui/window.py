"""The wizard window: pages in order, shared state, settings, language switching."""

from __future__ import annotations

import datetime as _dt
import sys
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QMessageBox, QWizard

from ..core.resources import resource
from ..i18n import Translations
from .common import Page
from .page_welcome import WelcomePage
from .state import WizardState


class PageId(IntEnum):
    WELCOME = 0
    PYTHON = 1
    MANAGER = 2
    HARDWARE = 3
    REVIEW = 4
    INSTALL = 5
    DEMO = 6
    FINISH = 7


class SetupWizard(QWizard):
    def __init__(
        self,
        translations: Translations,
        settings: QSettings,
        *,
        log_dir: Path | None = None,
        state: WizardState | None = None,
        lazy: bool = False,
    ) -> None:
        """``lazy``: show the Welcome page first and build the other pages right after
        (``finish_setup``), so the window appears sooner; the app starts this way."""
        super().__init__()
        self.translations = translations
        self.settings = settings
        self.state = state or WizardState()
        self._log_dir = log_dir
        self.log_path: Path | None = None
        self.hardware_detector: Any = None
        self.setWizardStyle(
            QWizard.WizardStyle.MacStyle if sys.platform == "darwin" else QWizard.WizardStyle.ModernStyle
        )
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        icon = resource("icons", "app.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.pages: dict[PageId, Page] = {PageId.WELCOME: WelcomePage()}
        self.setPage(int(PageId.WELCOME), self.pages[PageId.WELCOME])
        self.setStartId(int(PageId.WELCOME))
        self.resize(820, 640)
        self.retranslate()
        if not lazy:
            self.finish_setup()

    def finish_setup(self) -> None:
        """Build the pages after Welcome (and what they need: detection, the runner)."""
        if PageId.PYTHON in self.pages:
            return
        from .page_demo import DemoPage
        from .page_finish import FinishPage
        from .page_hardware import HardwarePage
        from .page_install import InstallPage
        from .page_manager import ManagerPage
        from .page_python import PythonPage
        from .page_review import ReviewPage
        from .workers import HardwareDetector

        self.hardware_detector = HardwareDetector(self)
        for pid, page in (
            (PageId.PYTHON, PythonPage()),
            (PageId.MANAGER, ManagerPage()),
            (PageId.HARDWARE, HardwarePage()),
            (PageId.REVIEW, ReviewPage()),
            (PageId.INSTALL, InstallPage()),
            (PageId.DEMO, DemoPage()),
            (PageId.FINISH, FinishPage()),
        ):
            self.pages[pid] = page
            self.setPage(int(pid), page)

    def start_background_detection(self) -> None:
        """Start looking for Pythons and GPUs while the learner reads the Welcome page."""
        self.finish_setup()
        self.pages[PageId.PYTHON].start_detection()  # type: ignore[attr-defined]
        self.hardware_detector.start()

    @property
    def log_dir(self) -> Path:
        if self._log_dir is None:
            from ..runner import default_log_dir

            self._log_dir = default_log_dir()
        return self._log_dir

    def set_language(self, lang: str) -> None:
        self.translations.switch(lang)
        self.settings.setValue("language", self.translations.language)

    def new_log_path(self) -> Path:
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
        ):
            self.setButtonText(button, text)

    # -- leaving -----------------------------------------------------------------------------
    def _confirm_leave(self) -> bool:
        install: Any = self.pages.get(PageId.INSTALL)
        if install is None or not install.is_running():
            return True
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
        install.cancel()  # stops the whole process tree before returning
        install.remove_created_env()
        return True

    def reject(self) -> None:
        if self._confirm_leave():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._confirm_leave():
            event.accept()
        else:
            event.ignore()
