"""The Review page's checks that read files or the network: off the GUI thread, the newest question only.

* :class:`LatestOnly` asks one question at a time in a worker thread; a newer question replaces one still
  waiting and tells the running one to stop (its ``cancelled`` callback says so), and only the newest
  answer is announced (``done``). ``check(key, wait_s=...)`` may wait a few milliseconds for a quick answer,
  never longer (the GUI thread stalls 50 ms at most).
* The work itself is plain Python: :func:`verify_wheels` (``core/wheelverify.py``: a quick look at each
  wheel's structure, then every byte against the folder's checksums or the wheel's RECORD),
  :func:`check_torchvision` (the index's torchvision for the plan's torch), :func:`check_kit`
  (``core/kit.py``: open, pick the target for this computer, check every file against kit.json).

Results carry codes and parameters; the Review page makes the words when it shows them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core import wheelverify

log = logging.getLogger(__name__)

Cancelled = wheelverify.Cancelled
Work = Callable[[Any, Callable[[], bool], Callable[[object], None]], Any]


class LatestOnly(QObject):
    """One question at a time, in a worker thread; only the newest answer is announced. A newer question
    tells the running one to stop (work that cannot stop, like an index page being read, just finishes)
    and waits; an older waiting question is dropped, never asked. Never blocks the GUI thread."""

    done = Signal(object, object)  # key, result
    progress = Signal(object, object)  # key, what the work reported (e.g. (file, index, count))
    _answered = Signal(object, object, bool)  # from the worker: key, result, cancelled
    _progressed = Signal(object, object)

    def __init__(self, work: Work | None = None, parent: QObject | None = None, name: str = "review-check"):
        super().__init__(parent)
        self._work_fn = work
        self._name = name
        self._answered.connect(self._on_answered)
        self._progressed.connect(self._on_progress)
        self.results: dict[object, Any] = {}
        self.running: object = None  # the key being asked now
        self.pending: object = None  # the newest key asked meanwhile
        self.latest: object = None
        self.started: list[object] = []  # every key a request was sent for, in order (tests count them)
        self.cancelled: list[object] = []  # every key whose work stopped because a newer one came
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready: dict[object, tuple[Any, bool]] = {}  # written by the worker, read by check(wait_s)

    def check(self, key: Any, *, wait_s: float = 0.0) -> Any:
        """The answer for ``key``, or None while it is asked. ``wait_s``: wait that long (a few ms) for
        an answer that is quick to come."""
        self.latest = key
        if key in self.results:
            return self.results[key]
        if self.running is None:
            self._start(key)
        elif key != self.running:
            self.pending = key  # an older waiting question is dropped: it will never be sent
            self._stop.set()  # and the running one is told to stop
        else:
            self._stop.clear()  # asked again for the running one: let it go on
        if wait_s > 0 and key == self.running and self._thread is not None:
            self._thread.join(wait_s)
            if key in self._ready:
                result, cancelled = self._ready[key]
                self._on_answered(key, result, cancelled)
        return self.results.get(key)

    def forget(self, key: object) -> None:
        """Ask again next time (Try again)."""
        self.results.pop(key, None)

    def stop(self) -> None:
        """Nothing of this is wanted any more (another source was chosen): stop the running work."""
        self.pending = None
        self.latest = None
        if self.running is not None:
            self._stop.set()

    def is_busy(self) -> bool:
        return self.running is not None

    def _start(self, key: Any) -> None:
        self.running = key
        self.started.append(key)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(key, self._stop), name=self._name, daemon=True
        )
        self._thread.start()

    def _compute(self, key: Any, cancelled: Callable[[], bool], progress: Callable[[object], None]) -> Any:
        assert self._work_fn is not None
        return self._work_fn(key, cancelled, progress)

    def _run(self, key: Any, stop: threading.Event) -> None:
        def progress(what: object) -> None:
            with contextlib.suppress(RuntimeError):
                self._progressed.emit(key, what)

        cancelled = False
        try:
            result = self._compute(key, stop.is_set, progress)
        except Cancelled:
            result, cancelled = None, True
        except Exception:  # a check must never take the page down: no answer is "could not check"
            log.warning("the check %s failed", self._name, exc_info=True)
            result = None
        self._ready[key] = (result, cancelled)
        with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
            self._answered.emit(key, result, cancelled)

    def _on_progress(self, key: object, what: object) -> None:
        if key == self.latest:
            self.progress.emit(key, what)

    def _on_answered(self, key: object, result: object, cancelled: bool) -> None:
        if key != self.running:
            return  # already taken (check() waited for it)
        self._ready.pop(key, None)
        self.running = None
        if cancelled:
            self.cancelled.append(key)
        else:
            self.results[key] = result
        nxt, self.pending = self.pending, None
        if cancelled and nxt is None and key == self.latest:
            nxt = key  # it was stopped, then asked for again
        if nxt is not None and nxt == self.latest and nxt not in self.results:
            self._start(nxt)
        if key == self.latest and not cancelled:
            self.done.emit(key, result)


# --------------------------------------------------------------------------------------------
# A folder of wheel files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FolderCheck:
    deep: bool
    problems: tuple[wheelverify.WheelProblem, ...]
    checked: int


def folder_key(folder: str, names: Iterable[str], *, deep: bool) -> tuple[Any, ...]:
    """What a check of these wheels depends on: the folder, each file's name, size and time (a file copied
    again is checked again)."""
    stamp = []
    for name in sorted(names):
        try:
            st = os.stat(os.path.join(folder, name))
            stamp.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            stamp.append((name, -1, 0))
    return ("deep" if deep else "quick", folder, tuple(stamp))


def verify_wheels(
    key: tuple[Any, ...], cancelled: Callable[[], bool], progress: Callable[[object], None]
) -> Any:
    """The work for :func:`folder_key`'s key: the quick pass looks at each wheel's structure (a copy cut
    short is found in milliseconds); the deep pass reads every byte: against the folder's checksums
    (kit.json, SHA256SUMS, ``<file>.sha256``) when it has them, else against each wheel's RECORD."""
    mode, folder, stamp = key
    deep = mode == "deep"
    verdict = wheelverify.verify_folder(
        folder,
        names=[s[0] for s in stamp],
        manifest=None if deep else {},
        cancel=cancelled,
        progress=lambda name, i, n: progress((name, i, n)),
        deep=deep,
    )
    return FolderCheck(deep, tuple(verdict.problems), len(verdict.checked))


# --------------------------------------------------------------------------------------------
# torchvision on the index
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisionCheck:
    """What the index has of torchvision for the plan's torch. ``status``: "found" (the pinned version is
    there), "other" (it is not; ``pin`` is the index's torchvision made for this torch), "none" (neither:
    install torch alone), "unknown" (the index could not be asked: keep the pin, pip will say)."""

    status: str
    wanted: str
    torch: str
    pin: str | None
    has: tuple[str, ...] = ()  # the torchvision versions the index has for this computer


VISION_CANDIDATES = 8  # the newest torchvision versions whose metadata is read


def vision_key(
    index_url: str,
    torch: str,
    vision: str,
    python: tuple[int, int],
    os_name: str,
    arch: str,
    macos: str | None,
) -> tuple[Any, ...]:
    return (index_url, torch, vision, python, os_name, arch, macos)


def check_torchvision(
    key: tuple[Any, ...], cancelled: Callable[[], bool], progress: Callable[[object], None]
) -> VisionCheck:
    """Is the pinned torchvision on the index for this Python and computer? When not, the newest one
    whose metadata (PEP 658, ``Requires-Dist: torch==…``) fits the pinned torch."""
    from packaging.utils import InvalidWheelFilename, parse_wheel_filename
    from packaging.version import InvalidVersion

    from ..core import torchindex, wheelcheck

    index_url, torch, vision, python, os_name, arch, macos = key
    first = wheelcheck.check_wheel(
        index_url, "torchvision", vision, python, os_name, arch, macos_version=macos
    )
    if first.status != "missing":
        return VisionCheck(first.status, vision, torch, vision)
    page = wheelcheck.project_page_url(index_url, "torchvision")
    try:
        files = torchindex.parse_page(torchindex.urllib_fetch(page, 10.0).decode("utf-8", "replace"), page)
    except torchindex.PageMissing:
        return VisionCheck("none", vision, torch, None)
    except Exception as exc:  # read a moment ago, not now: the pin is missing, so it is not installed
        log.info("torchvision page %s: %s", page, exc)
        return VisionCheck("none", vision, torch, None)
    names = wheelcheck.matching_wheels(
        [f.filename for f in files], "torchvision", None, python, os_name, arch, macos_version=macos
    )
    by_version: dict[str, Any] = {}
    for f in files:
        if f.filename not in names:
            continue
        try:
            _dist, ver, _b, _t = parse_wheel_filename(f.filename)
        except (InvalidWheelFilename, InvalidVersion):
            continue
        if f.metadata_url and str(ver) not in by_version:
            by_version[str(ver)] = (ver, f.metadata_url)
    has = tuple(sorted(by_version, key=lambda v: by_version[v][0], reverse=True))
    requires: dict[str, Any] = {}
    for version in has[:VISION_CANDIDATES]:
        if cancelled():
            raise Cancelled
        try:
            meta = torchindex.urllib_fetch(by_version[version][1], 10.0).decode("utf-8", "replace")
        except Exception as exc:
            log.info("no torchvision metadata for %s: %s", version, exc)
            continue
        spec = torchindex.torch_requirement(meta)
        if spec is not None:
            requires[version] = spec
    try:
        pin = torchindex.pair_torchvision(torch, requires) if requires else None
    except InvalidVersion:
        pin = None
    return VisionCheck("other" if pin else "none", vision, torch, pin, has)


# --------------------------------------------------------------------------------------------
# A kit
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KitCheck:
    """A kit opened, its target for this computer picked and its files checked. ``error``: the kit could
    not be used at all (a KitError's problem); ``pick``: the target (or why none); ``problems``: the files
    that do not match kit.json."""

    where: str
    kit: Any = None
    error: Any = None
    pick: Any = None
    problems: tuple[Any, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return (
            self.kit is not None
            and self.error is None
            and self.pick is not None
            and self.pick.ok
            and (not self.problems)
        )


def kit_folder_of(text: str) -> str | None:
    """The kit that a folder the learner chose belongs to (the kit's folder, its kit.json, or its wheels
    or simple folder), or None when it is no kit. A file system look only: no file is read."""
    from ..core import kit

    if not text.strip() or "\x00" in text:
        return None
    try:
        root = kit.kit_root_of(text)
        return root if Path(root, kit.KIT_FILE).is_file() else None
    except (OSError, ValueError):
        return None


def check_kit(
    key: tuple[Any, ...], cancelled: Callable[[], bool], progress: Callable[[object], None], data: Any
) -> KitCheck:
    """Open the kit, pick the target for this computer (``kit.pick_target``) and check every file of it
    against kit.json (``kit.verify``)."""
    from ..core import kit

    where, machine = key
    try:
        opened = kit.open_kit(where, timeout=5.0)
    except kit.KitError as exc:
        return KitCheck(where, error=exc.problem)
    pick = kit.pick_target(opened, machine, data)
    if not pick.ok or pick.target is None:
        return KitCheck(where, opened, pick=pick)

    def on_file(name: str, i: int, n: int) -> None:
        if cancelled():
            raise Cancelled
        progress((name, i, n))

    problems = kit.verify(opened, pick.target.name, on_file=on_file)
    return KitCheck(where, opened, pick=pick, problems=tuple(problems))


def target_words(target: Any) -> str:
    """A kit's target in words: "Windows (64-bit), Python 3.12, CPU only"."""
    from ..core.builds import _platform_label
    from .common import variant_text

    python = target.python + (
        " " + QCoreApplication.translate("ReviewChecks", "(free-threaded)") if target.free_threaded else ""
    )
    return QCoreApplication.translate("ReviewChecks", "{system}, Python {python}, {build}").format(
        system=_platform_label(target.os, target.arch), python=python, build=variant_text(target.variant)
    )


def kit_has_words(kit: Any) -> str:
    """What a kit has, in words, one target after the other."""
    complete = [t for _name, t in sorted(kit.targets.items()) if t.complete]
    if not complete:
        return QCoreApplication.translate("ReviewChecks", "nothing complete")
    return QCoreApplication.translate("ReviewChecks", "; ").join(target_words(t) for t in complete)


def app_folder() -> Path | None:
    """The folder the app was started from (a USB stick), where a teacher may have put a kit; None when
    the wizard runs from its source (``python -m wizard``)."""
    if not getattr(sys, "frozen", False):
        return None
    exe = Path(sys.executable).resolve()
    for parent in exe.parents:
        if parent.suffix == ".app":  # macOS: the folder that holds "Torch Setup Wizard.app"
            return parent.parent
    return exe.parent


def find_kit(key: tuple[Any, ...], cancelled: Callable[[], bool], progress: Callable[[object], None]) -> Any:
    from ..core import kit

    (folder,) = key
    found = kit.find_kit_near(folder)
    return str(found) if found is not None else ""


__all__ = [
    "FolderCheck",
    "KitCheck",
    "LatestOnly",
    "VisionCheck",
    "app_folder",
    "check_kit",
    "check_torchvision",
    "find_kit",
    "folder_key",
    "kit_folder_of",
    "kit_has_words",
    "target_words",
    "verify_wheels",
    "vision_key",
]
