"""Welcome: what will happen, how long it takes, how much disk it needs; the language choice."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton

from ..core.resources import resource
from ..i18n import LANGUAGES
from .common import Page, size_text, wrap_label


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
        self.icon = QLabel()
        self.icon.setObjectName("appIcon")
        icon_file = resource("icons", "app-64.png")
        if icon_file.exists():
            self.icon.setPixmap(QPixmap(str(icon_file)))
        self.app_name = QLabel()
        self.app_name.setObjectName("appName")
        self.app_name.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.font_warning = wrap_label()
        self.font_warning.setVisible(False)
        head = QHBoxLayout()
        head.addWidget(self.icon)
        head.addWidget(self.app_name, 1)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        layout = self.scrolled_layout(horizontal_bar=True)  # until shown (``after_shown``)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(self.font_warning)
        layout.addSpacing(8)
        for w in (self.intro, self.steps, self.cost, self.safety):
            layout.addWidget(w)
        self.kit_button = QPushButton()  # the kit button (wizard/gui/kit_dialog.py)
        self.kit_button.clicked.connect(self.open_kit_dialog)
        kit_row = QHBoxLayout()  # the button at its own width, on the left (no Qt namespace: ~20 ms)
        kit_row.addWidget(self.kit_button)
        kit_row.addStretch(1)
        layout.addLayout(kit_row)
        layout.addStretch(1)

    def after_shown(self) -> None:
        """What waits until the page is on the screen: nothing the learner sees change."""
        self.no_horizontal_bar()

    def validatePage(self) -> bool:
        """Next pressed before every page was built in the background: build the rest now."""
        self.wiz().finish_setup()
        return True

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
        code = self.language.itemData(index)
        self.wiz().set_language(code)
        self.show_font_warning(code)

    def show_font_warning(self, code: str) -> None:
        """Chinese needs a font with Chinese characters; without one, Qt draws empty boxes."""
        from ..i18n import has_cjk_font

        missing = code == "zh_CN" and not has_cjk_font()
        self.font_warning.setVisible(missing)
        if missing:
            # In both languages on purpose: without the font the Chinese half cannot be read.
            self.font_warning.setText(
                "⚠ This computer has no font for Chinese characters, so Chinese text may show as "
                "empty boxes. Install one (Linux: sudo apt install fonts-noto-cjk) or choose English. / "
                + self.tr("This computer has no font for Chinese characters.")
            )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("This wizard installs PyTorch on this computer and runs your first model."))
        self.language_label.setText(self.tr("Language:"))
        self.app_name.setText(self.tr("PyTorch Setup Wizard"))
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
        extra = data.torchvision_download_mb + data.dependencies_download_mb  # as the later pages count
        cpu_dl = (data.variants["cpu"].download_mb(os_name) or 0) + extra
        gpu_dl = (data.variants["cu130"].download_mb("linux") or 0) + extra
        self.cost.setText(
            self.tr(
                "<b>Time and space</b><br>Without a GPU, the download is about {cpu_dl} and needs about "
                "{cpu_disk} of disk; it takes about {cpu_min} minutes on a typical home connection. "
                "With an NVIDIA GPU, the download is about {gpu_dl} and needs about {gpu_disk} "
                "of disk (about {gpu_min} minutes)."
            ).format(
                cpu_dl=size_text(cpu_dl),
                cpu_disk=size_text(data.installed_mb("cpu", os_name)),
                cpu_min=data.minutes_for(cpu_dl),
                gpu_dl=size_text(gpu_dl),
                gpu_disk=size_text(data.installed_mb("cu130", "linux")),
                gpu_min=data.minutes_for(gpu_dl),
            )
        )
        self.safety.setText(
            self.tr(
                "Nothing is installed before you confirm on the Review page, and you can stop at any time."
            )
        )
        self.kit_button.setText(self.tr("Prepare PyTorch for other computers…"))

    def open_kit_dialog(self) -> None:
        """Make a kit for a classroom or a USB stick (loaded only when asked for)."""
        from .kit_dialog import KitDialog

        dialog = KitDialog(self, data=self.wiz().state.data)
        dialog.setModal(True)
        dialog.show()
        self.kit_dialog = dialog
