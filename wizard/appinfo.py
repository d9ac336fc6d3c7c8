"""The app's names and its own folders, for the window, the command line and the self-test alike
(one place, so that ``app.py`` and ``selftest.py`` need not import each other)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ORG, APP = "TorchSetupWizard", "Torch Setup Wizard"
DATA_DIR_ENV = "TORCH_WIZARD_DATA_DIR"  # tests and lab scripts: where the journal, logs and temp go


def set_names(app: Any) -> None:
    """Name the Qt application, so that QStandardPaths and QSettings find the app's own folders."""
    from . import __version__

    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)


def data_dir() -> Path:
    """The app's data folder (journal of an unfinished install, logs, temporary downloads)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) if base else Path(os.path.expanduser("~/.torch-setup-wizard"))


__all__ = ["APP", "DATA_DIR_ENV", "ORG", "data_dir", "set_names"]
