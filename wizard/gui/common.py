"""The base of every page, kept small: the first page is shown before the other pages are built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWizardPage

if TYPE_CHECKING:
    from .state import WizardState
    from .window import SetupWizard


class Page(QWizardPage):
    """A page that rewrites its texts when the language changes (``retranslate``)."""

    def wiz(self) -> SetupWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def state(self) -> WizardState:
        return self.wiz().state

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError


def wrap_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
