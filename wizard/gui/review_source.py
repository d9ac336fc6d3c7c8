"""The Review page's "Where the packages come from" box: the PyTorch download server, a folder of wheel files
(or a kit's folder), or a mirror. It shows the choice and says when it changed (``changed``); what the
choice means for the plan is decided by the page and ``core/review_rules.py``.

A typed mirror address is only "to be checked" (``mirror_to_check``) after a pause in typing
(``MIRROR_PAUSE_MS``) or when the field is left, never per keystroke. Its words keep the "ReviewPage"
context of the catalogue (they were the page's own).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ..core.plan import PackageSource, SourceKind

MIRROR_PAUSE_MS = 800  # a typed mirror address is checked after this pause, or when the field is left


class SourceBox(QGroupBox):
    changed = Signal()  # a source, a folder or a mirror address changed: check the choices again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.src_index = QRadioButton()
        self.src_index.setChecked(True)
        self.src_folder = QRadioButton()
        self.src_custom = QRadioButton()
        self.group = QButtonGroup(self)
        for b in (self.src_index, self.src_folder, self.src_custom):
            self.group.addButton(b)
        self.group.buttonToggled.connect(self.on_source_changed)
        self.folder = QLineEdit()
        self.folder.textChanged.connect(self.changed)
        self.folder_browse = QPushButton()
        self.folder_browse.clicked.connect(self.browse)
        self.custom = QLineEdit()
        self.custom.setPlaceholderText("https://…/simple")
        self.custom.textChanged.connect(self._on_mirror_typed)
        self.custom.editingFinished.connect(self.commit_mirror)
        self._mirror_timer = QTimer(self)
        self._mirror_timer.setSingleShot(True)
        self._mirror_timer.setInterval(MIRROR_PAUSE_MS)
        self._mirror_timer.timeout.connect(self.commit_mirror)
        self.mirror_to_check = ""  # the typed address once it is complete and the learner paused
        grid = QGridLayout(self)
        grid.addWidget(self.src_index, 0, 0, 1, 3)
        grid.addWidget(self.src_folder, 1, 0)
        grid.addWidget(self.folder, 1, 1)
        grid.addWidget(self.folder_browse, 1, 2)
        grid.addWidget(self.src_custom, 2, 0)
        grid.addWidget(self.custom, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)

    def restore(self, kind: str, folder: str, mirror: str) -> None:
        """The choice remembered from the last time (a remembered address is complete: checked at once)."""
        self.folder.setText(folder)
        self.custom.setText(mirror)
        self.mirror_to_check = self.custom.text().strip()
        {SourceKind.WHEEL_FOLDER.value: self.src_folder, SourceKind.CUSTOM_INDEX.value: self.src_custom}.get(
            kind, self.src_index
        ).setChecked(True)

    def source(self, index_url: str | None) -> PackageSource:
        """The chosen source; ``index_url``: the download server's address (None: pip's usual place)."""
        if self.src_folder.isChecked():
            return PackageSource(SourceKind.WHEEL_FOLDER, folder=self.folder.text().strip())
        if self.src_custom.isChecked():
            return PackageSource(SourceKind.CUSTOM_INDEX, index_url=self.custom.text().strip())
        return PackageSource(SourceKind.PYTORCH_INDEX, index_url=index_url)

    def on_source_changed(self, *_args: object) -> None:
        self.folder.setEnabled(self.src_folder.isChecked())
        self.folder_browse.setEnabled(self.src_folder.isChecked())
        self.custom.setEnabled(self.src_custom.isChecked())
        self.changed.emit()

    def browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self.window(),
            QCoreApplication.translate(
                "ReviewPage", "Choose the folder with the wheel files, or a kit's folder"
            ),
            self.folder.text() or os.path.expanduser("~"),
        )
        if path:
            self.folder.setText(path)

    def choose_another_folder(self) -> None:
        self.src_folder.setChecked(True)
        self.browse()

    def use_mirror(self) -> None:
        self.src_custom.setChecked(True)
        self.custom.setFocus()

    def use_kit_near(self, found: str) -> bool:
        """A kit next to the app: chosen for the learner unless they chose a source or a folder."""
        if not found or not self.src_index.isChecked() or self.folder.text().strip():
            return False
        self.folder.setText(found)
        self.src_folder.setChecked(True)
        return True

    def _on_mirror_typed(self, _text: str) -> None:
        self._mirror_timer.start()
        self.changed.emit()

    def commit_mirror(self) -> None:
        self._mirror_timer.stop()
        text = self.custom.text().strip()
        if text != self.mirror_to_check:
            self.mirror_to_check = text
            self.changed.emit()

    def retranslate(self, url: str | None) -> None:
        self.setTitle(QCoreApplication.translate("ReviewPage", "Where the packages come from"))
        self.src_index.setText(
            QCoreApplication.translate("ReviewPage", "The PyTorch download server ({url})").format(url=url)
            if url
            else QCoreApplication.translate(
                "ReviewPage", "The usual place pip downloads from (what “pip install torch” uses)"
            )
        )
        self.src_folder.setText(
            QCoreApplication.translate("ReviewPage", "A folder of wheel files or a PyTorch kit (offline):")
        )
        self.folder_browse.setText(QCoreApplication.translate("ReviewPage", "Browse…"))
        self.src_custom.setText(QCoreApplication.translate("ReviewPage", "Another package index (a mirror):"))
