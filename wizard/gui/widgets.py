"""Widgets the later pages share: copyable command text and the collapsible log."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
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
