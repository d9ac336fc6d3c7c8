"""Start the GUI."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from . import __version__
from .i18n import Translations, normalise

ORG, APP = "TorchSetupWizard", "Torch Setup Wizard"


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error shows a dialog with the report instead of a silent exit."""
    import traceback

    report = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(report)
    app = QApplication.instance()
    if app is None:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("App", "Something went wrong"))
    box.setText(
        QApplication.translate(
            "App",
            "The wizard hit an unexpected problem. Nothing you had was changed. Please copy the details "
            "below when you ask for help.",
        )
    )
    box.setDetailedText(report)
    try:
        from .runner import default_log_dir

        box.setInformativeText(
            QApplication.translate("App", "The wizard's log files are in {folder}").format(
                folder=default_log_dir()
            )
        )
    except Exception:  # the report matters more than the line about the logs
        pass
    box.exec()


def make_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, "wizard")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    if args[1:2] == ["--self-test"]:  # the torch-setup-wizard command too (wizard/selftest.py)
        from .selftest import main as self_test

        return self_test(args[2:])
    app = QApplication.instance() or QApplication(args)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    settings = make_settings()
    translations = Translations(app)
    translations.switch(normalise(str(settings.value("language", "")) or None))

    from .gui.window import SetupWizard  # imported after the translator, so first texts are translated

    wizard = SetupWizard(translations, settings, lazy=True)
    wizard.show()
    sys.excepthook = _excepthook
    if os.environ.get("WIZARD_QUIT_WHEN_SHOWN"):  # benchmarks/startup.py: time to the first page

        def shown() -> None:
            print(f"FIRST-PAGE-SHOWN {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
    QTimer.singleShot(0, wizard.start_background_detection)  # builds the other pages, then detects
    QTimer.singleShot(0, wizard.check_unfinished)  # an install a killed app left behind
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
