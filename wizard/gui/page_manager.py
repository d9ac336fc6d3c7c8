"""Package manager: pip in a new virtual environment (conda comes later), and where the environment goes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ..core.envdir import check_env_folder, default_env_dir
from .common import Page, wrap_label


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
        box_layout = QVBoxLayout(self.box)
        for w in (self.pip, self.pip_help, self.conda, self.conda_help):
            box_layout.addWidget(w)
        self.pip_help.setContentsMargins(24, 0, 0, 4)
        self.conda_help.setContentsMargins(24, 0, 0, 0)
        self.folder_label = wrap_label()
        self.folder = QLineEdit()
        self.folder.textChanged.connect(self._schedule_check)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.message = wrap_label()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addSpacing(8)
        layout.addWidget(self.folder_label)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._check)
        self._ok = False
        self.retranslate()

    def initializePage(self) -> None:
        if not self.folder.text():
            remembered = self.wiz().settings.value("env_dir", "")
            self.folder.setText(default_env_dir() if not remembered else str(remembered))
            if remembered and not self._check_now().ok:
                self.folder.setText(default_env_dir())
        self._check()

    def _schedule_check(self) -> None:
        self._ok = False
        self.completeChanged.emit()
        self._timer.start()

    def _check_now(self):  # type: ignore[no-untyped-def]
        interp = self.state.interpreter
        protected = [p for p in (getattr(interp, "prefix", ""), getattr(interp, "base_prefix", "")) if p]
        return check_env_folder(self.folder.text(), self.state.os_name, protected=protected)

    def _check(self) -> None:
        result = self._check_now()
        self._ok = result.ok
        if result.problems:
            self.message.setText("<span style='color:#a61b1b'>✘ " + "<br>".join(result.problems) + "</span>")
        elif result.warnings:
            self.message.setText("⚠ " + "<br>".join(result.warnings))
        else:
            self.message.setText(
                "<span style='color:#1b7f3a'>✔ "
                + self.tr("A new environment will be created in {path}.").format(path=result.path)
                + "</span>"
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ok and not self._timer.isActive()

    def validatePage(self) -> bool:
        result = self._check_now()
        if not result.ok:
            self._check()
            return False
        self.state.env_dir = result.path
        self.state.manager = "pip"
        self.wiz().settings.setValue("env_dir", result.path)
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
        self.conda.setText(self.tr("conda"))
        self.conda_help.setText(
            self.tr("Not available yet: this version of the wizard installs with pip only.")
        )
        self.folder_label.setText(self.tr("Folder for the new environment (it must be new or empty):"))
        self.browse.setText(self.tr("Browse…"))
        if self.wizard() is not None and self.folder.text():
            self._check()
