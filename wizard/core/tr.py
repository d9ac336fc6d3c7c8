"""Translation hook for the core.

``translate`` is Qt's ``QCoreApplication.translate``: it needs no display and no application
object (it returns the source text when no translator is installed). Call it with literal
strings, ``translate("Context", "Text {name}").format(name=...)``, so that
``pyside6-lupdate`` finds them.
"""

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

__all__ = ["translate"]
