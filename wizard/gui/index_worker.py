"""Reads the live PyTorch index in a thread for the Hardware page (``core/torchindex.py``).

The answer (a ``ReleaseData``: the index's releases, or the bundled file with the reason) comes back
through the ``done`` signal, queued into the GUI thread; nothing here blocks it. Pages are cached for a
day under the app's cache folder (QStandardPaths CacheLocation).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal

from ..core import torchindex

log = logging.getLogger(__name__)


def cache_dir() -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(folder) / "index" if folder else None


class ReleaseDataReader(QObject):
    done = Signal(object)  # ReleaseData

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.running = False

    def start(self, os_name: str, arch: str, bundled: Any) -> None:
        """Read the index for this OS and processor; ``bundled`` is the data file already loaded."""
        if self.running or self.result is not None:
            return
        self.running = True
        folder = cache_dir()  # asked here: QStandardPaths from the GUI thread
        threading.Thread(
            target=self._work, args=(os_name, arch, bundled, folder), name="read-index", daemon=True
        ).start()

    def _work(self, os_name: str, arch: str, bundled: Any, folder: Path | None) -> None:
        try:
            result = torchindex.load_release_data(os_name, arch, cache_dir=folder, data=bundled)
        except Exception:  # load_release_data never raises; this keeps a thread from printing a traceback
            log.exception("reading the PyTorch index failed")
            result = torchindex.bundled(bundled, torchindex.index_base(), "error")
        self.result = result
        self.running = False
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.done.emit(result)
