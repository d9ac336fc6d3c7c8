"""Guards for the Qt binding itself: the versions we allow must not crash on what the pages do."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot


def test_methods_returning_none_do_not_break_reference_counts(qtbot: QtBot) -> None:
    """PySide6 6.12.0 crashed the process here ("deallocating None"); pyproject.toml excludes it."""
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    for _ in range(50000):
        assert tree.currentItem() is None
