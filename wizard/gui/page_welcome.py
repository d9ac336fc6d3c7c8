"""Welcome: what will happen, how long it takes, how much disk it needs; the language choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout

from ..i18n import LANGUAGES
from .common import Page, wrap_label


class WelcomePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.intro = wrap_label()
        self.steps = wrap_label()
        self.cost = wrap_label()
        self.safety = wrap_label()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self._on_language)
        self.language_label = QLabel()
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        for w in (self.intro, self.steps, self.cost, self.safety):
            layout.addWidget(w)
        layout.addStretch(1)

    def nextId(self) -> int:
        return 1  # the Python page, which the wizard may add just after this page is first shown

    def initializePage(self) -> None:
        self.select_language(self.wiz().translations.language)
        self.retranslate()

    def select_language(self, code: str) -> None:
        index = self.language.findData(code)
        if index >= 0 and index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)

    def _on_language(self, index: int) -> None:
        self.wiz().set_language(self.language.itemData(index))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("This wizard installs PyTorch on this computer and runs your first model."))
        self.language_label.setText(self.tr("Language:"))
        self.intro.setText(
            self.tr(
                "PyTorch is a free library for machine learning. You do not need to use a terminal: the wizard "
                "does each step for you and explains what it does."
            )
        )
        self.steps.setText(
            self.tr(
                "<b>What will happen</b><ol>"
                "<li>Pick a Python on this computer that can run PyTorch.</li>"
                "<li>Create a new, separate environment for PyTorch (your other programs are not changed).</li>"
                "<li>Check your graphics card (GPU) and choose the PyTorch build that runs on it.</li>"
                "<li>Download and install PyTorch.</li>"
                "<li>Run a short example: add two tensors and train a tiny model.</li></ol>"
            )
        )
        state = self.wiz().state
        data, os_name = state.data, state.os_name
        cpu_dl = data.variants["cpu"].download_mb(os_name) or 0
        gpu_dl = data.variants["cu130"].download_mb("linux") or 0
        self.cost.setText(
            self.tr(
                "<b>Time and space</b><br>Without a GPU, the download is about {cpu_dl} MB and needs about "
                "{cpu_gb:.1f} GB of disk; it takes about {cpu_min} minutes on a typical home connection. "
                "With an NVIDIA GPU, the download is about {gpu_gb:.1f} GB and needs about {gpu_disk:.1f} GB "
                "of disk (about {gpu_min} minutes)."
            ).format(
                cpu_dl=cpu_dl,
                cpu_gb=data.installed_mb("cpu", os_name) / 1024,
                cpu_min=data.minutes_for(cpu_dl),
                gpu_gb=gpu_dl / 1024,
                gpu_disk=data.installed_mb("cu130", "linux") / 1024,
                gpu_min=data.minutes_for(gpu_dl),
            )
        )
        self.safety.setText(
            self.tr(
                "Nothing is installed before you confirm on the Review page, and you can stop at any time."
            )
        )
