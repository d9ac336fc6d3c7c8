"""The step list beside the pages (QWizard's side widget): where the learner is in the whole wizard."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .common import wrap_label

# Page ids in order (the same numbers as window.PageId; kept here so this module imports nothing else).
STEP_IDS = (0, 1, 2, 3, 4, 5, 6, 7)


class StepList(QWidget):
    """A short numbered list of the wizard's steps: done ones ticked, the current one in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        for _ in STEP_IDS:
            label = wrap_label()  # rich text: each label's text starts with a tag (no Qt namespace, ~20 ms)
            self.labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)
        self.current = 0
        self.setMaximumWidth(170)
        self.retranslate()

    def names(self) -> list[str]:
        return [
            self.tr("Welcome"),
            self.tr("Choose Python"),
            self.tr("Where to install"),
            self.tr("Graphics card"),
            self.tr("Check and confirm"),
            self.tr("Install"),
            self.tr("Try it"),
            self.tr("Done"),
        ]

    def set_current(self, page_id: int) -> None:
        if page_id in STEP_IDS:
            self.current = STEP_IDS.index(page_id)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Step {n} of {total}").format(n=self.current + 1, total=len(STEP_IDS)))
        for i, (label, name) in enumerate(zip(self.labels, self.names(), strict=True)):
            if i < self.current:
                label.setText(f"<span style='color:#1b7f3a'>✔</span> {name}")
            elif i == self.current:
                label.setText(f"<b>▶ {name}</b>")
            else:
                label.setText(f"<span style='color:#777'>{i + 1}. {name}</span>")
