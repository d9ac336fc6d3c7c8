"""The Review page's help box: when something stands in the way of the install, what it is and what works
instead, with buttons that do it. The page decides which help applies (a kind such as "switch" or
"server-unreachable", from ``core/review_rules.py``) and connects the buttons; this box only shows it.
Its words keep the "ReviewPage" context of the catalogue (they were the page's own).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from .common import wrap_label


class HelpBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setObjectName("reviewHelp")  # big enough to see, with buttons that work
        self.setStyleSheet(
            "#reviewHelp { background: #fff4e5; border: 1px solid #e0a040; border-radius: 6px; }"
            "#reviewHelp QLabel { color: #5a3a00; }"
        )
        self.help_text = wrap_label()
        self.help_text.setTextFormat(Qt.TextFormat.RichText)
        self.switch_python = QPushButton()
        self.choose_folder = QPushButton()
        self.use_folder = QPushButton()
        self.use_mirror = QPushButton()
        self.use_server = QPushButton()
        self.retry = QPushButton()
        buttons = QHBoxLayout()
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help_text)
        layout.addLayout(buttons)
        self.setVisible(False)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.switch_python,
            self.choose_folder,
            self.use_folder,
            self.use_mirror,
            self.use_server,
            self.retry,
        )

    def show_kind(self, kind: str, switch_target: Any = None, have_python: str = "?") -> None:
        """Show the help for ``kind`` ("": none). ``switch_target``: the Python that fits the wheel folder
        ("switch"); ``have_python``: the version of the Python chosen now."""
        self.setVisible(bool(kind))
        for b in self.buttons():
            b.setVisible(False)
        if kind == "switch":
            t = switch_target
            self.help_text.setText(
                "<b>"
                + QCoreApplication.translate(
                    "ReviewPage", "The files in this folder are for Python {want}, not for Python {have}."
                ).format(want=t.version, have=have_python)
                + "</b><br>"
                + QCoreApplication.translate(
                    "ReviewPage",
                    "Python {want} is on this computer too ({path}). Use it instead: one click, nothing else "
                    "changes.",
                ).format(want=t.version, path=t.path)
            )
            self.switch_python.setText(
                QCoreApplication.translate("ReviewPage", "Use Python {version}").format(version=t.version)
            )
            self.switch_python.setVisible(True)
        elif kind in ("server-unreachable", "mirror-unreachable"):
            self.help_text.setText(
                "<b>"
                + (
                    QCoreApplication.translate(
                        "ReviewPage",
                        "The PyTorch download server cannot be reached from this computer right now.",
                    )
                    if kind == "server-unreachable"
                    else QCoreApplication.translate(
                        "ReviewPage", "This mirror cannot be reached from this computer right now."
                    )
                )
                + "</b><br>"
                + QCoreApplication.translate(
                    "ReviewPage",
                    "Installing would most likely fail. Check the internet connection and try again, or use a "
                    "folder of wheel files (for example from a teacher's USB stick) or a mirror.",
                )
            )
            self.retry.setVisible(True)
            self.use_folder.setVisible(True)
            self.use_mirror.setVisible(kind == "server-unreachable")
            self.use_server.setVisible(kind == "mirror-unreachable")
        elif kind == "mirror-missing":
            self.help_text.setText(
                "<b>"
                + QCoreApplication.translate(
                    "ReviewPage", "This mirror is behind: it does not have this PyTorch yet."
                )
                + "</b>"
            )
            self.use_server.setVisible(True)
            self.use_folder.setVisible(True)
            self.retry.setVisible(True)
        elif kind == "broken-wheel":
            self.help_text.setText(
                "<b>"
                + QCoreApplication.translate(
                    "ReviewPage", "A file in this folder is damaged, so installing from it would fail."
                )
                + "</b><br>"
                + QCoreApplication.translate(
                    "ReviewPage",
                    "Copy the folder again (or download that file again), or choose another folder. The file "
                    "is named below.",
                )
            )
            self.choose_folder.setVisible(True)
            self.use_server.setVisible(True)
        elif kind in ("kit-broken", "kit-nothing"):
            self.help_text.setText(
                "<b>"
                + (
                    QCoreApplication.translate("ReviewPage", "This kit cannot be used on this computer.")
                    if kind == "kit-nothing"
                    else QCoreApplication.translate(
                        "ReviewPage", "This kit cannot be used: it is incomplete or damaged."
                    )
                )
                + "</b><br>"
                + QCoreApplication.translate(
                    "ReviewPage",
                    "What is wrong is said below. Choose another folder, or use the PyTorch download server.",
                )
            )
            self.choose_folder.setVisible(True)
            self.use_server.setVisible(True)
        if kind:
            self.retranslate()

    def retranslate(self) -> None:
        self.choose_folder.setText(QCoreApplication.translate("ReviewPage", "Choose another folder…"))
        self.use_folder.setText(QCoreApplication.translate("ReviewPage", "Use a folder of wheel files"))
        self.use_mirror.setText(QCoreApplication.translate("ReviewPage", "Use a mirror"))
        self.use_server.setText(QCoreApplication.translate("ReviewPage", "Use the PyTorch download server"))
        self.retry.setText(QCoreApplication.translate("ReviewPage", "Try again"))
