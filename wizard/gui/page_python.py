"""Python: every interpreter found, whether it can run PyTorch and why not; the best one preselected."""

from __future__ import annotations

import os
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from ..core import interpreters
from .common import Page, wrap_label
from .workers import InterpreterDetector

COL_VERSION, COL_VERDICT, COL_SOURCE, COL_PATH = range(4)
GOOD = QColor("#1b7f3a")
BAD = QColor("#a61b1b")


SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class _Row(QTreeWidgetItem):
    """Rows sort by rank (usable first, best first), then path: the same order on every start, whatever
    order the background probes finish in."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        return bool(self.data(0, SORT_ROLE) < other.data(0, SORT_ROLE))


def _key(interp: Any) -> str:
    """Same file *and* same environment: a venv's python links to its base's file but is another Python."""
    exe = os.path.normcase(os.path.realpath(interp.executable or interp.path))
    return exe + "|" + os.path.normcase(interp.prefix or "")


class PythonPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.detector = InterpreterDetector(self)
        self.detector.found.connect(self._on_found)
        self.detector.done.connect(self._on_done)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.status = wrap_label()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(COL_PATH, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._on_current)
        self.details = wrap_label()
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.hint = wrap_label()
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setOpenExternalLinks(True)
        self.hint.setVisible(False)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.browse)
        self.tree.setMinimumHeight(140)
        layout = self.scrolled_layout()
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.hint)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._manual: str | None = None
        self._user_picked = False
        self.detecting = False  # flipped in the GUI thread, when the results have arrived
        self.retranslate()

    # -- wizard hooks ------------------------------------------------------------------------
    def initializePage(self) -> None:
        if not self._items and not self.detecting:
            self.start_detection()
        self.retranslate()

    def isComplete(self) -> bool:
        interp = self.selected()
        return interp is not None and interpreters.assess(interp, self.state.data).suitable

    def validatePage(self) -> bool:
        self.state.interpreter = self.selected()
        if self.state.interpreter is not None:
            self.wiz().settings.setValue("python", self.state.interpreter.path)
        return self.state.interpreter is not None

    # -- detection ---------------------------------------------------------------------------
    def start_detection(self) -> None:
        self.busy.setVisible(True)
        self.detecting = True
        self.detector.start()
        self.retranslate()

    def _on_found(self, interp: Any) -> None:
        key = _key(interp)
        if key in self._items:
            if interp.source == "manual":
                self.tree.setCurrentItem(self._items[key])
            return
        item = _Row()
        item.setData(0, Qt.ItemDataRole.UserRole, interp)
        verdict = interpreters.assess(interp, self.state.data)
        item.setData(0, SORT_ROLE, (0 if verdict.suitable else 1, -verdict.score, interp.path))
        self._items[key] = item
        self.tree.addTopLevelItem(item)
        self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
        self._fill(item)
        if interp.source == "manual":
            self._manual = key
            self._user_picked = True
            self.tree.setCurrentItem(item)
            if interp.error:
                self.details.setText(self._detailsescape(interp))
        elif not self._user_picked:
            self._select_best()
        self.state.interpreters = self.all()
        self.retranslate_status()

    def _on_done(self, result: list[Any]) -> None:
        self.detecting = False
        self.busy.setVisible(False)
        # The final list is deduplicated: drop rows that turned out to be the same Python.
        keep = {_key(i) for i in result}
        if self._manual:
            keep.add(self._manual)
        for key in list(self._items):
            if key not in keep:
                dropped = self._items.pop(key)
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(dropped))
        for interp in result:
            if _key(interp) not in self._items:
                self._on_found(interp)
            elif self._items[_key(interp)].data(0, Qt.ItemDataRole.UserRole).source != "manual":
                # the same Python found under two names: show the one the final list has, whichever
                # probe finished first
                row = self._items[_key(interp)]
                row.setData(0, Qt.ItemDataRole.UserRole, interp)
                verdict = interpreters.assess(interp, self.state.data)
                row.setData(0, SORT_ROLE, (0 if verdict.suitable else 1, -verdict.score, interp.path))
                self._fill(row)
        self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
        if not self._user_picked:
            remembered = str(self.wiz().settings.value("python", "") or "")
            item = next(
                (
                    it
                    for it in self._items.values()
                    if remembered and it.data(0, Qt.ItemDataRole.UserRole).path == remembered
                ),
                None,
            )
            if (
                item is not None
                and interpreters.assess(item.data(0, Qt.ItemDataRole.UserRole), self.state.data).suitable
            ):
                self.tree.setCurrentItem(item)
            else:
                self._select_best()
        self.state.interpreters = self.all()
        self.retranslate_status()

    def all(self) -> list[Any]:
        return [
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            if item is not None
        ]

    def selected(self) -> Any:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, interp: Any) -> bool:
        """Select this Python (the Review page's one-click switch); False when it is not in the list."""
        item = self._items.get(_key(interp))
        if item is None:
            return False
        self._user_picked = True
        self.tree.setCurrentItem(item)
        return True

    def _select_best(self) -> None:
        best = interpreters.best(self.all(), self.state.data)
        if best is not None:
            self.tree.setCurrentItem(self._items[_key(best)])
        elif (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first)  # not usable, but shows why

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None and self.tree.hasFocus():
            self._user_picked = True
        interp = self.selected()
        self.details.setText(self._detailsescape(interp) if interp is not None else "")
        self.completeChanged.emit()

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Python program"), os.path.expanduser("~")
        )
        if path:
            self.add_manual(path)

    def add_manual(self, path: str) -> None:
        """Probe a file the learner chose, like the ones found automatically."""
        self._user_picked = True
        self.details.setText(self.tr("Checking {path}…").format(path=path))
        self.detector.probe_one(path)

    # -- display -----------------------------------------------------------------------------
    def _fill(self, item: QTreeWidgetItem) -> None:
        interp = item.data(0, Qt.ItemDataRole.UserRole)
        verdict = interpreters.assess(interp, self.state.data)
        version = interp.version or self.tr("unknown")
        if interp.bits == 32:
            version += " " + self.tr("(32-bit)")
        if interp.free_threaded:
            version += " " + self.tr("(free-threaded)")
        item.setText(COL_VERSION, version)
        item.setText(
            COL_VERDICT,
            ("✔ " + self.tr("Can run PyTorch")) if verdict.suitable else ("✘ " + self.tr("Not usable")),
        )
        item.setForeground(COL_VERDICT, QBrush(GOOD if verdict.suitable else BAD))
        item.setText(COL_SOURCE, interpreters.source_label(interp.source))
        item.setText(COL_PATH, interp.path)
        item.setToolTip(COL_VERDICT, "\n".join(verdict.reasons))
        item.setToolTip(COL_PATH, interp.path)
        for col in (COL_VERSION, COL_VERDICT, COL_SOURCE):
            self.tree.resizeColumnToContents(col)

    def _detailsescape(self, interp: Any) -> str:
        verdict = interpreters.assess(interp, self.state.data)
        head = self.tr("<b>Python {version}</b> — {source}").format(
            version=interp.version or "?", source=interpreters.source_label(interp.source)
        )
        reasons = "".join(f"<li>{escape(r)}</li>" for r in verdict.reasons)
        return f"{head}<br>{escape(interp.path)}<ul>{reasons}</ul>"

    def retranslate_status(self) -> None:
        n = len(self._items)
        suitable = sum(1 for i in self.all() if interpreters.assess(i, self.state.data).suitable)
        if self.detecting:
            self.status.setText(self.tr("Looking for Python on this computer… found %n so far.", "", n))
        else:
            self.status.setText(
                self.tr("Found %n Python installation(s).", "", n)
                + " "
                + self.tr("%n can run PyTorch.", "", suitable)
            )
        nothing = not self.detecting and suitable == 0
        self.hint.setVisible(nothing)
        if nothing:
            self.hint.setText(interpreters.install_hint())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose a Python"))
        self.setSubTitle(
            self.tr(
                "PyTorch runs inside Python. These are the Python installations on this "
                "computer; the best one is already selected."
            )
        )
        self.tree.setHeaderLabels(
            [self.tr("Version"), self.tr("Can it run PyTorch?"), self.tr("Installed by"), self.tr("Location")]
        )
        self.browse.setText(self.tr("Browse…"))
        self.browse.setToolTip(self.tr("Add a Python program that is not in the list"))
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None:
                self._fill(item)
        interp = self.selected()
        if interp is not None:
            self.details.setText(self._detailsescape(interp))
        self.retranslate_status()
