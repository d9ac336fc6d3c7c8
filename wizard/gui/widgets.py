"""Widgets the later pages share: copyable command text and the collapsible log."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFileSystemModel,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def mono_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class CopyableText(QWidget):
    """Read-only monospaced text with a Copy button (commands the learner may want to keep)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 6) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(mono_font())
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setMaximumHeight(self.text.fontMetrics().lineSpacing() * (lines + 1) + 12)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.retranslate()

    def setPlainText(self, text: str) -> None:
        self.text.setPlainText(text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))


class LogView(QWidget):
    """The live output of the commands, collapsed by default behind a 'Show details' toggle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(self.toggle.toolButtonStyle().ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self._on_toggled)
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setFont(mono_font())
        self.view.setMaximumBlockCount(5000)
        self.view.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def append(self, text: str) -> None:
        self.view.appendPlainText(text)

    def clear(self) -> None:
        self.view.clear()

    def _on_toggled(self, on: bool) -> None:
        self.view.setVisible(on)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Hide details") if self.toggle.isChecked() else self.tr("Show details"))
        self.toggle.setArrowType(
            self.toggle.arrowType().DownArrow
            if self.toggle.isChecked()
            else self.toggle.arrowType().RightArrow
        )


class _LocalisedFileModel(QIdentityProxyModel):
    """Qt's own file dialog, in the learner's language: dates in the wizard's locale (not the system's
    US format) and the file type words that Qt's Chinese catalogue lacks."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == int(Qt.ItemDataRole.DisplayRole) and index.column() in (2, 3):
            source: Any = self.sourceModel()
            src = self.mapToSource(index)
            if isinstance(source, QFileSystemModel):
                if index.column() == 3:
                    return QLocale().toString(source.lastModified(src), QLocale.FormatType.ShortFormat)
                if source.isDir(src):
                    return QCoreApplication.translate("FileDialog", "Folder")
                suffix = source.fileInfo(src).suffix()
                if suffix:
                    return QCoreApplication.translate("FileDialog", "{suffix} file").format(suffix=suffix)
                return QCoreApplication.translate("FileDialog", "File")
        return super().data(index, role)


class DialogTranslator(QObject):
    """Watches for Qt's file dialogs (from any page, also the static QFileDialog functions) and fills in
    the labels that Qt's own Chinese catalogue leaves in English ("Look in:", "Files of type:")."""

    LABELS = ("lookInLabel", "fileNameLabel", "fileTypeLabel")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            with contextlib.suppress(RuntimeError):  # a dialog closed while being shown
                self.fix(watched)
        return False

    def fix(self, dialog: QFileDialog) -> None:
        texts = {
            "lookInLabel": QCoreApplication.translate("FileDialog", "Look in:"),
            "fileNameLabel": QCoreApplication.translate("FileDialog", "File name:"),
            "fileTypeLabel": QCoreApplication.translate("FileDialog", "Files of type:"),
        }
        for name, text in texts.items():
            label = dialog.findChild(QLabel, name)
            if label is not None:
                label.setText(text)
        if not isinstance(dialog.proxyModel(), _LocalisedFileModel):
            dialog.setProxyModel(_LocalisedFileModel(dialog))


def install_dialog_translator(app: QObject) -> DialogTranslator:
    """Once per application: Qt's own (not the system's) file dialogs, watched and completed."""
    existing = app.findChild(DialogTranslator)
    if existing is not None:
        return existing
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    fixer = DialogTranslator(app)
    app.installEventFilter(fixer)
    return fixer
