"""Package manager: pip in a new virtual environment, or a new conda environment; where it goes."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core import conda
from ..core.envdir import DEFAULT_NAME, check_env_folder, default_env_dir
from .common import Page, wrap_label
from .workers import CondaDetector

DEFAULT_CONDA_NAME = "pytorch"
log = logging.getLogger(__name__)


class ManagerPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.box = QGroupBox()
        self.pip = QRadioButton()
        self.pip.setChecked(True)
        self.pip_help = wrap_label()
        self.conda = QRadioButton()
        self.conda.setEnabled(False)
        self.conda_help = wrap_label()
        group = QButtonGroup(self)
        group.addButton(self.pip)
        group.addButton(self.conda)
        group.buttonToggled.connect(self._on_manager_changed)
        box_layout = QVBoxLayout(self.box)
        for w in (self.pip, self.pip_help, self.conda, self.conda_help):
            box_layout.addWidget(w)
        self.pip_help.setContentsMargins(24, 0, 0, 4)
        self.conda_help.setContentsMargins(24, 0, 0, 0)
        # pip: a folder
        self.pip_panel = QWidget()
        self.folder_label = wrap_label()
        self.folder = QLineEdit()
        self.folder.textChanged.connect(self._schedule_check)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        pip_layout = QVBoxLayout(self.pip_panel)
        pip_layout.setContentsMargins(0, 0, 0, 0)
        pip_layout.addWidget(self.folder_label)
        pip_layout.addLayout(row)
        # conda: which installation, and a name
        self.conda_panel = QWidget()
        self.install_label = QLabel()
        self.installs = QComboBox()
        self.installs.currentIndexChanged.connect(self._schedule_check)
        self.name_label = QLabel()
        self.name = QLineEdit(DEFAULT_CONDA_NAME)
        self.name.textChanged.connect(self._schedule_check)
        conda_layout = QVBoxLayout(self.conda_panel)
        conda_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.install_label, self.installs, self.name_label, self.name):
            conda_layout.addWidget(widget)
        self.conda_panel.setVisible(False)
        self.message = wrap_label()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        # an environment from an earlier run: ask before making pytorch-env-2 (1 GB more each time)
        self.earlier_panel = QGroupBox()
        self.earlier = wrap_label()
        self.use_new = QPushButton()
        self.use_new.clicked.connect(self._on_use_new)
        self.use_earlier = QPushButton()
        self.use_earlier.clicked.connect(self._on_use_earlier)
        earlier_buttons = QHBoxLayout()
        earlier_buttons.addWidget(self.use_new)
        earlier_buttons.addWidget(self.use_earlier)
        earlier_buttons.addStretch(1)
        earlier_layout = QVBoxLayout(self.earlier_panel)
        earlier_layout.addWidget(self.earlier)
        earlier_layout.addLayout(earlier_buttons)
        self.earlier_panel.setVisible(False)
        self.earlier_path = ""
        self.earlier_state = ""  # "finished" | "unfinished" | "" (none)
        layout = self.scrolled_layout()
        layout.addWidget(self.earlier_panel)
        layout.addWidget(self.box)
        layout.addSpacing(8)
        layout.addWidget(self.pip_panel)
        layout.addWidget(self.conda_panel)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._check)
        self._ok = False
        self.detector = CondaDetector(self)
        self.detector.done.connect(self._on_conda_found)
        self.conda_searched = False
        self.retranslate()

    def initializePage(self) -> None:
        if not self.folder.text() and not self.earlier_state:
            remembered = str(self.wiz().settings.value("env_dir", "") or "")
            first = remembered or str(Path.home() / DEFAULT_NAME)
            self.folder.setText(first)
            if not self._check_folder().ok:
                state = self._earlier_state(first)
                if state:
                    self.folder.clear()  # the learner answers first: use it, or a new name
                    self.earlier_path, self.earlier_state = first, state
                    self.earlier_panel.setVisible(True)
                    self.retranslate()
                else:
                    self.folder.setText(default_env_dir())
        if not self.conda_searched:
            self.detector.start()
        self._check()

    # -- an environment from an earlier run ----------------------------------------------------
    def _earlier_state(self, path: str) -> str:
        """ "unfinished" (the record of an interrupted install names it), "finished" (the wizard's
        marker is in it), or "" (not the wizard's)."""
        from ..core import journal

        try:
            record = journal.load(self.wiz().data_dir)
        except Exception:  # a broken record must not stop the page
            log.warning("could not read the record of an unfinished install", exc_info=True)
            record = None
        if record is not None and os.path.normcase(str(record.request.env_dir)) == os.path.normcase(path):
            return "unfinished"
        try:
            return "finished" if journal.read_marker(path) is not None else ""
        except (OSError, ValueError):
            return ""

    def _on_use_new(self) -> None:
        self.earlier_panel.setVisible(False)
        self.earlier_state = ""
        self.folder.setText(default_env_dir())
        self.folder.setFocus()
        self.folder.selectAll()

    def _on_use_earlier(self) -> None:
        """Finish the unfinished one (the wizard's resume offer), or use the finished one."""
        wiz: Any = self.wiz()
        if self.earlier_state == "unfinished":
            wiz.check_unfinished()
        elif hasattr(wiz, "use_existing_env"):
            wiz.use_existing_env(self.earlier_path)

    # -- conda -------------------------------------------------------------------------------
    def _on_conda_found(self, installs: list[Any]) -> None:
        self.conda_searched = True
        usable = [i for i in installs if i.ok]
        self.installs.blockSignals(True)
        self.installs.clear()
        for install in usable:
            self.installs.addItem(install.label, install)
        self.installs.blockSignals(False)
        self.conda.setEnabled(bool(usable))
        if usable and self.wiz().settings.value("manager", "") == "conda":
            self.conda.setChecked(True)
        self.retranslate()
        self._check()

    def selected_install(self) -> Any:
        return self.installs.currentData() if self.conda.isChecked() else None

    def _on_manager_changed(self, *_args: object) -> None:
        self.pip_panel.setVisible(self.pip.isChecked())
        self.conda_panel.setVisible(self.conda.isChecked())
        self._schedule_check()

    # -- checks ------------------------------------------------------------------------------
    def _schedule_check(self, *_args: object) -> None:
        self._ok = False
        self.completeChanged.emit()
        self._timer.start()

    def _check_folder(self) -> Any:
        interp = self.state.interpreter
        protected = [p for p in (getattr(interp, "prefix", ""), getattr(interp, "base_prefix", "")) if p]
        return check_env_folder(self.folder.text(), self.state.os_name, protected=protected)

    def _conda_problems(self) -> list[str]:
        install = self.selected_install()
        if install is None:
            return [self.tr("Choose a conda installation.")]
        return conda.validate_env_name(self.name.text().strip(), conda.existing_env_names(install))

    def _check(self) -> None:
        if self.conda.isChecked():
            problems = self._conda_problems()
            warnings: list[str] = []
            where = "" if problems else conda.env_prefix(self.selected_install(), self.name.text().strip())
            if where and not where.isascii():
                warnings.append(
                    self.tr(
                        "The environment's folder has non-ASCII characters, which some conda "
                        "packages cannot handle: {path}"
                    ).format(path=where)
                )
            ok_text = self.tr("A new conda environment “{name}” will be created in {path}.").format(
                name=self.name.text().strip(), path=where
            )
        else:
            result = self._check_folder()
            problems, warnings = result.problems, result.warnings
            ok_text = self.tr("A new environment will be created in {path}.").format(path=result.path)
        self._ok = not problems
        if problems:
            self.message.setText("<span style='color:#a61b1b'>✘ " + "<br>".join(problems) + "</span>")
        elif warnings:
            self.message.setText(ok_text + "<br>⚠ " + "<br>".join(warnings))
        else:
            self.message.setText("<span style='color:#1b7f3a'>✔ " + ok_text + "</span>")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ok and not self._timer.isActive()

    def validatePage(self) -> bool:
        settings = self.wiz().settings
        if self.conda.isChecked():
            if self._conda_problems():
                self._check()
                return False
            install = self.selected_install()
            name = self.name.text().strip()
            self.state.manager = "conda"
            self.state.conda_install = install
            self.state.conda_env_name = name
            self.state.env_dir = conda.env_prefix(install, name)
            settings.setValue("manager", "conda")
            return True
        result = self._check_folder()
        if not result.ok:
            self._check()
            return False
        self.state.env_dir = result.path
        self.state.manager = "pip"
        self.state.conda_install = None
        settings.setValue("env_dir", result.path)
        settings.setValue("manager", "pip")
        return True

    def _on_browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the folder for the new environment"),
            self.folder.text() or default_env_dir(),
        )
        if path:
            self.folder.setText(path)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where to install"))
        self.setSubTitle(
            self.tr(
                "PyTorch goes into a new environment: a folder with its own copy of Python "
                "and packages, so nothing else on this computer is changed."
            )
        )
        self.box.setTitle(self.tr("Package manager"))
        self.pip.setText(self.tr("pip, in a new virtual environment (recommended)"))
        self.pip_help.setText(self.tr("pip is the installer that comes with Python. Nothing else is needed."))
        self.conda.setText(self.tr("conda, in a new conda environment"))
        if not self.conda_searched:
            self.conda_help.setText(self.tr("Looking for conda…"))
        elif self.installs.count():
            self.conda_help.setText(
                self.tr(
                    "For learners who already use Anaconda, Miniconda or Miniforge (for example for a course). "
                    "Your existing conda environments are not changed."
                )
            )
        else:
            self.conda_help.setText(
                self.tr(
                    "conda was not found on this computer. conda is another package manager, from Anaconda, "
                    "Miniconda or Miniforge; you do not need it: pip needs nothing more."
                )
            )
        self.folder_label.setText(self.tr("Folder for the new environment (it must be new or empty):"))
        self.earlier_panel.setTitle(self.tr("You already have a PyTorch environment"))
        if self.earlier_state == "unfinished":
            self.earlier.setText(
                self.tr(
                    "An earlier run started installing PyTorch into {path} but did not finish. Finish that "
                    "one, or make a new environment next to it (another full copy of PyTorch on the disk)?"
                ).format(path=self.earlier_path)
            )
        else:
            self.earlier.setText(
                self.tr(
                    "An earlier run already installed PyTorch into {path}. Use that one, or make a new "
                    "environment next to it (another full copy of PyTorch on the disk)?"
                ).format(path=self.earlier_path)
            )
        self.use_new.setText(self.tr("Make a new one"))
        self.use_earlier.setText(
            self.tr("Finish the earlier one") if self.earlier_state == "unfinished" else self.tr("Use it")
        )
        can_use = self.earlier_state == "unfinished" or (
            self.wizard() is not None and hasattr(self.wizard(), "use_existing_env")
        )
        self.use_earlier.setVisible(can_use)
        self.browse.setText(self.tr("Browse…"))
        self.install_label.setText(self.tr("conda installation:"))
        self.name_label.setText(self.tr("Name of the new environment (letters, digits, - and _):"))
        if self.wizard() is not None and (self.folder.text() or self.conda.isChecked()):
            self._check()
