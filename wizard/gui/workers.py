"""Background work for the pages: detection runs in a thread, results come back as Qt signals.

Signals emitted from a worker thread reach receivers in the GUI thread through Qt's queued
connections, so the pages never block and never touch widgets from another thread. The core modules
are imported in the threads that use them: importing them takes longer than a GUI turn may.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_launches: queue.SimpleQueue[tuple[Callable[[], None], str]] = queue.SimpleQueue()
_launcher_lock = threading.Lock()
_launcher: threading.Thread | None = None


def start_thread(target: Callable[[], None], name: str) -> None:
    """Start ``target`` in a daemon thread of its own, without waiting for it on this thread.

    ``Thread.start`` waits until the new thread runs; while other threads hold the GIL (imports,
    detection) that wait took 5-20 ms of the GUI thread each time. A launcher thread does the starting:
    the GUI thread only puts the job in its queue."""
    global _launcher
    _launches.put((target, name))
    with _launcher_lock:
        if _launcher is None:
            _launcher = threading.Thread(target=_launch_forever, name="thread-launcher", daemon=True)
            _launcher.start()  # once, the first time (the app: before detection starts)


def _launch_forever() -> None:
    while True:
        target, name = _launches.get()
        threading.Thread(target=target, name=name, daemon=True).start()


class InBackground(QObject):
    """Runs a function in a thread of its own; ``then(result)`` runs on the GUI thread afterwards (a failed
    function gives None: it is logged, and what was waiting goes on)."""

    _done = Signal(object, object)  # then, result

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done.connect(self._call)

    def run(self, work: Callable[[], Any], then: Callable[[Any], None], name: str = "background") -> None:
        def target() -> None:
            try:
                result = work()
            except Exception:
                log.warning("background work %s failed", name, exc_info=True)
                result = None
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self._done.emit(then, result)

        start_thread(target, name)

    @staticmethod
    def _call(then: Callable[[Any], None], result: Any) -> None:
        then(result)


class InterpreterDetector(QObject):
    found = Signal(object)  # Interpreter, as each probe finishes
    done = Signal(list)  # all (deduplicated)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        start_thread(self._work, "detect-interpreters")

    def _work(self) -> None:
        try:
            from ..core import interpreters

            result = interpreters.detect(on_result=self.found.emit)
        except Exception:  # detection must never take the app down; the page shows what it has
            result = []
        self.running = False
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.done.emit(result)

    def probe_one(self, path: str) -> None:
        """Probe a file the learner picked with Browse…; the answer comes through ``found``."""

        def work() -> None:
            from ..core import interpreters

            cand = interpreters.Candidate(path=path, source="manual")
            result = interpreters.probe(cand)
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self.found.emit(result)

        start_thread(work, "probe-manual")


class HardwareDetector(QObject):
    done = Signal(object)  # HardwareReport

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: Any = None
        self.running = False

    def start(self) -> None:
        if self.running or self.report is not None:
            return
        self.running = True
        start_thread(self._work, "detect-hardware")

    def _work(self) -> None:
        try:
            from ..core import gpu

            report = gpu.detect_hardware()
        except Exception:
            report = None
        self.report = report
        self.running = False
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.done.emit(report)


class CondaDetector(QObject):
    done = Signal(list)  # CondaInstall, each found installation (broken ones have .error)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        start_thread(self._work, "detect-conda")

    def _work(self) -> None:
        from ..core import conda

        try:
            found = conda.find_conda()
        except Exception:  # no conda, or a broken one: the page offers pip
            found = []
        self.running = False
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.done.emit(found)


class WheelChecker(QObject):
    """Asks the package index whether the chosen wheel exists (a few seconds at most; never blocks)."""

    done = Signal(object, object)  # key, WheelCheck

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: dict[object, Any] = {}
        self._asked: set[object] = set()

    def check(self, key: tuple[Any, ...]) -> Any:
        """The answer for ``key`` = (index_url, version, python, os_name, arch), or None while it is asked."""
        if key in self.results:
            return self.results[key]
        if key not in self._asked:
            self._asked.add(key)
            start_thread(lambda: self._work(key), "wheel-check")
        return None

    def _work(self, key: tuple[Any, ...]) -> None:
        from ..core import wheelcheck

        index_url, version, python, os_name, arch = key
        try:
            result = wheelcheck.check_wheel(index_url, "torch", version, python, os_name, arch)
        except Exception:  # the check must never stop an install
            result = None
        self.results[key] = result
        with contextlib.suppress(RuntimeError):  # the page was closed while the server was asked
            self.done.emit(key, result)
