"""The summary card: the install in one line, as PyTorch's own selector on pytorch.org would show it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from .common import variant_text


def compute_platform(variant: str | None) -> str:
    """What pytorch.org calls the "Compute Platform": CUDA 13.0, ROCm 7.2, CPU (plain words)."""
    name = variant or ""
    if name.startswith("cu") and name[2:].isdigit():
        return f"CUDA {name[2:-1]}.{name[-1]}"
    if name.startswith("rocm"):
        return "ROCm " + name[4:]
    if name == "mps":
        return "MPS"
    if name == "xpu":
        return "XPU"
    return "CPU"


def os_text(os_name: str) -> str:
    return {"linux": "Linux", "windows": "Windows", "macos": "macOS"}.get(os_name, os_name)


class SummaryCard(QFrame):
    """Read-only: "PyTorch 2.15.0 · CUDA 13.0 · Python 3.12 · Linux · pip", and the same as a small table
    with the selector's row names, so a learner can compare with pytorch.org."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#summaryCard { background: palette(alternate-base); border: 1px solid palette(mid); "
            "border-radius: 6px; }"
        )
        self.line = QLabel()
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.line.setStyleSheet("font-weight: bold;")
        self.line.setWordWrap(True)
        self.names = [QLabel() for _ in range(5)]
        self.values = [QLabel() for _ in range(5)]
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.line, 0, 0, 1, 2)
        for row, (name, value) in enumerate(zip(self.names, self.values, strict=True), start=1):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self._facts: tuple[str, str, str, str, str] = ("", "", "", "", "")
        self.retranslate()

    def set_facts(self, torch: str, variant: str | None, python: str, os_name: str, manager: str) -> None:
        self._facts = (torch, variant or "", python, os_name, manager)
        self.retranslate()

    def text(self) -> str:
        return self.line.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        torch, variant, python, os_name, manager = self._facts
        platform = compute_platform(variant)
        self.line.setText(
            " · ".join(
                p
                for p in (
                    f"PyTorch {torch}" if torch else "PyTorch",
                    platform,
                    f"Python {python}" if python else "",
                    os_text(os_name),
                    manager,
                )
                if p
            )
        )
        rows = (
            (self.tr("PyTorch version:"), torch),
            (self.tr("Your system:"), os_text(os_name)),
            (self.tr("Package manager:"), manager),
            (self.tr("Language:"), f"Python {python}" if python else "Python"),
            (self.tr("Runs on:"), variant_text(variant) if variant else ""),
        )
        for (name, value), name_label, value_label in zip(rows, self.names, self.values, strict=True):
            name_label.setText(name)
            value_label.setText(value)
        self.setToolTip(
            self.tr("The same choices as on the pytorch.org “Start Locally” selector, so you can compare.")
        )
