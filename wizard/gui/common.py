"""The base of every page, kept small: the first page is shown before the other pages are built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

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

    def scrolled_layout(self, *, horizontal_bar: bool = False) -> QVBoxLayout:
        """The page's content in a scroll area, so that a long page never pushes Next and Cancel off
        a small or highly scaled screen (1366×768 at 125 %, 1920×1080 at 200 %). ``horizontal_bar``: leave
        the horizontal bar to Qt for now (the first page: ``no_horizontal_bar`` is called after it is shown)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        if not horizontal_bar:
            self.no_horizontal_bar()
        body = QWidget()
        body.setObjectName("pageBody")
        self.scroller.setWidget(body)
        outer.addWidget(self.scroller)
        return QVBoxLayout(body)

    def no_horizontal_bar(self) -> None:
        # Imported here: Qt's namespace takes ~20 ms to load, too long for the way to the first page.
        from PySide6.QtCore import Qt

        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def wrap_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def size_text(mb: float | None) -> str:
    """One way to write a size on every page: the release data's MB are decimal megabytes, as pip prints
    them; a thousand of them are written as GB ("1.0 GB", not "1000.0 MB")."""
    value = float(mb or 0)
    if value >= 1000:
        return f"{value / 1000:.1f} GB"
    return f"{value:.1f} MB"


def variant_text(variant: str | None) -> str:
    """A build's name in the learner's language, made when shown (the data file's English labels are
    not used: "cu130" becomes "NVIDIA CUDA 13.0" / "NVIDIA CUDA 13.0 版")."""
    import re

    name = variant or ""
    if name == "cpu":
        return QCoreApplication.translate("Builds", "CPU only")
    if name == "mps":
        return QCoreApplication.translate("Builds", "Apple GPU (MPS)")
    if name == "xpu":
        return QCoreApplication.translate("Builds", "Intel GPU (XPU)")
    m = re.fullmatch(r"cu(\d+)(\d)", name)
    if m:
        return QCoreApplication.translate("Builds", "NVIDIA CUDA {version}").format(
            version=f"{m.group(1)}.{m.group(2)}"
        )
    m = re.fullmatch(r"rocm([\d.]+)", name)
    if m:
        return QCoreApplication.translate("Builds", "AMD ROCm {version}").format(version=m.group(1))
    return name
