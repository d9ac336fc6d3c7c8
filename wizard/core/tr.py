"""Translation hook for the core.

``translate`` is Qt's ``QCoreApplication.translate``: it needs no display and no application
object (it returns the source text when no translator is installed). Call it with literal
strings, ``translate("Context", "Text {name}").format(name=...)``, so that
``pyside6-lupdate`` finds them. Where Qt is not installed at all (a bare GPU server running
``python -m wizard recommend``), the core still works, in English.
"""

from __future__ import annotations

try:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
except ImportError:  # pragma: no cover - exercised on machines without Qt

    def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return text


__all__ = ["translate"]
