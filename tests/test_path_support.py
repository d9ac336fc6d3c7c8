"""Helpers for the learner's-path tests (tests/test_path_*.py; no tests here): pending translations, visible
strings, click counting."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QWidget,
    QWizard,
)

ROOT = Path(__file__).resolve().parent.parent
PENDING = ROOT / "resources" / "translations" / "pending"


class PendingTranslator(QTranslator):
    """The helpers' pending translations (resources/translations/pending/*.json), before the lead merges
    them into the catalogue: so that the Chinese UI can be checked today."""

    def __init__(self) -> None:
        super().__init__()
        self.table: dict[tuple[str, str], str] = {}
        for path in sorted(PENDING.glob("*.json")):
            try:
                entries = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                continue
            for e in entries:
                if isinstance(e, dict) and e.get("translation"):
                    self.table[(e["context"], e["source"])] = e["translation"]

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": an empty (non-null) string would be taken as the translation
        return self.table.get((context, source))

    def isEmpty(self) -> bool:
        return not self.table


# Names and symbols that stay as they are in Chinese text (product names, units, tool names).
ALLOWED = {
    "PyTorch",
    "Python",
    "CUDA",
    "pip",
    "conda",
    "NVIDIA",
    "GPU",
    "CPU",
    "torchvision",
    "nvcc",
    "MB",
    "GB",
    "KB",
    "TB",
    "Linux",
    "Windows",
    "macOS",
    "ROCm",
    "AMD",
    "Intel",
    "XPU",
    "MPS",
    "Apple",
    "Silicon",
    "Anaconda",
    "Miniconda",
    "Miniforge",
    "mamba",
    "micromamba",
    "forge",
    "Homebrew",
    "pyenv",
    "uv",
    "venv",
    "Store",
    "Microsoft",
    "org",
    "python",
    "smi",
    "Toolkit",
    "VS",
    "Code",
    "Jupyter",
    "JupyterLab",
    "Tensor",
    "tensor",
    "whl",
    "cu",
    "cpu",
    "bit",
    "Qt",
    "xcb",
    "apt",
    "sudo",
    "GeForce",
    "RTX",
    "Ubuntu",
    "Debian",
    "Fedora",
    "USB",
    "PATH",
    "ARM",
    "Arc",
    "DirectML",
    "SmartScreen",
    "OneDrive",
    "Rosetta",
    "PyPI",
    "https",
    "http",
    "MB/s",
    "ok",
    "OK",
    "Ctrl",
    "Alt",
    "Shift",
    "Enter",
    "Esc",
    "Tab",
    "Home",
    "Start",
    "wheel",
    "Locally",
    "numpy",
    "NumPy",
    "sm",
    "PTX",
    "JIT",
    "driver",
    "libxcb",
    "cursor",
}
_URL = re.compile(r"(https?|file)://\S+")
_PATH = re.compile(r"(?:[A-Za-z]:)?[\\/]?(?:[\w.~+-]+[\\/])+[\w.~+ -]*|~[\\/]\S*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text or "")).replace("&", "")


def english_words(text: str, extra_allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Words of English left in a Chinese text, after names, paths, addresses and file names."""
    t = _URL.sub(" ", plain(text))
    t = _PATH.sub(" ", t)
    t = re.sub(r"\S+\.(whl|py|txt|json|log|exe|so\S*)\b", " ", t)
    t = re.sub(r"\b[\w-]*\d[\w.-]*\b", " ", t)  # versions, cu130, x86_64, cp311
    return [w for w in _WORD.findall(t) if w not in ALLOWED and w not in extra_allowed and w.strip("-'")]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a learner can see in ``root`` and its visible children."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}({w.objectName()})"
        if isinstance(w, (QLabel, QAbstractButton)):
            found.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QComboBox):
            found += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            found.append((name + ".placeholder", w.placeholderText()))
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            found += [(name + ".header", header.text(c)) for c in range(header.columnCount())]
            for i in range(w.topLevelItemCount()):
                item = w.topLevelItem(i)
                # column 1 is the verdict; 0, 2, 3 hold versions, sources and paths
                found.append((name + ".verdict", item.text(1)))
                found.append((name + ".source", item.text(2)))
        if isinstance(w, QWizard):
            found.append((name + ".title", w.windowTitle()))
    return [(where, text) for where, text in found if text]


class ClickCounter:
    """Clicks a learner makes, counted: each one must hit a visible, enabled button."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.count = 0
        self.log: list[str] = []

    def click(self, button: QAbstractButton) -> None:
        from PySide6.QtCore import Qt

        assert button.isVisible() and button.isEnabled(), f"cannot click {button.text()!r}"
        self.count += 1
        self.log.append(button.text())
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
