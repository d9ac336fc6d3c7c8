"""The Review page's questions in the background: whether the index has torch and torchvision for the plan,
whether the wheel folder's files are whole, whether a kit is complete, whether a kit lies next to the app.

Each question goes to its own :class:`~wizard.gui.review_checks.LatestOnly` (a worker thread, the newest
question only). :class:`ReviewAsks` keeps them, says "ask again" (``answered``) when a newest answer comes,
shows what is being checked file by file in the page's ``checking`` label, and holds Install back while the
index is asked for torchvision (``go_on`` when the answer came or the wait is over). It reads the wizard's
state and never writes it: the page does, with what this returns.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from ..core import review_rules as rules
from ..core.plan import InstallPlan, PackageSource, SourceKind
from ..core.review_rules import Finding
from . import review_checks
from .review_checks import LatestOnly

if TYPE_CHECKING:
    from .state import WizardState

log = logging.getLogger(__name__)
QUICK_WAIT_S = 0.03  # how long the page waits for a quick answer (a wheel folder's structure) in passing
VISION_WAIT_MS = 3000  # Install waits at most this long for the index's torchvision answer
GO, AGAIN, WAIT = "go", "again", "wait"  # what install_may_start says


class LatestOnlyChecker(LatestOnly):
    """Asks the package index whether the chosen wheel exists, one question at a time: a newer question
    replaces one still waiting, and only the newest answer is announced. Never blocks the page."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, parent, "wheel-check")

    def check(self, key: tuple[Any, ...], *, wait_s: float = 0.0) -> Any:
        """The answer for ``key`` = (index_url, version, python, os_name, arch), or None while it is asked."""
        return super().check(key, wait_s=wait_s)

    def _compute(self, key: Any, cancelled: Any, progress: Any) -> Any:
        from ..core import wheelcheck

        index_url, version, python, os_name, arch = key
        try:
            result = wheelcheck.check_wheel(
                index_url, "torch", version, python, os_name, arch, macos_version=macos(os_name)
            )
        except Exception:  # the check must never stop an install
            log.warning("the wheel check failed", exc_info=True)
            result = None
        return result


def macos(os_name: str) -> str | None:
    """This Mac's version (wheels need macOS 14 from 2.12); None elsewhere."""
    import platform

    return (platform.mac_ver()[0] or None) if os_name == "macos" else None


def kit_folder(source: PackageSource) -> str | None:
    """The kit folder a wheel-folder source is (kit.json in it or one level up), or None."""
    if source.kind is not SourceKind.WHEEL_FOLDER:
        return None
    return review_checks.kit_folder_of(source.folder or "")


class ReviewAsks(QObject):
    """The page's background questions and what it waits for (see the module's text)."""

    answered = Signal()  # a newest answer came: the page checks its choices again
    go_on = Signal()  # Install waited for the torchvision answer: it came, or the wait is over

    def __init__(self, checking: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checking = checking  # what is being checked in the background, file by file
        self.checker = LatestOnlyChecker(self)
        # the wheel folder: a quick look at every file first (Install waits for it), then every byte
        self.quick_checker = LatestOnly(review_checks.verify_wheels, self, "wheel-folder-quick")
        self.deep_checker = LatestOnly(review_checks.verify_wheels, self, "wheel-folder-deep")
        self.vision_checker = LatestOnly(review_checks.check_torchvision, self, "torchvision-check")
        self.kit_data: Any = None  # the release data the kit's target is picked with
        self.kit_checker = LatestOnly(self._check_kit, self, "kit-check")
        self.near_checker = LatestOnly(review_checks.find_kit, self, "kit-near")
        # bound methods (not lambdas): the answers come from worker threads and must be queued to this one
        for c in (self.checker, self.quick_checker, self.deep_checker, self.kit_checker):
            c.done.connect(self._on_answer)
        self.vision_checker.done.connect(self._on_vision_answer)
        self.deep_checker.progress.connect(self._on_progress)
        self.kit_checker.progress.connect(self._on_progress)
        self.wheel_key: Any = None  # the torch question for the plan shown
        self.vision_key: Any = None  # the torchvision question for the plan shown
        self.vision_asking: Any = None  # the torchvision question still open, when Install was pressed
        self.vision_given_up: set[object] = set()  # questions Install stopped waiting for
        self.vision_timer = QTimer(self)
        self.vision_timer.setSingleShot(True)
        self.vision_timer.setInterval(VISION_WAIT_MS)
        self.vision_timer.timeout.connect(self._on_vision_wait_over)

    def forget_plan(self) -> None:
        """A new plan is being made: its questions are not known yet."""
        self.wheel_key = self.vision_key = None

    def look_for_kit_near(self) -> None:
        """A kit beside the app (a teacher's USB stick): looked for off the GUI thread (near_checker.done)."""
        near = review_checks.app_folder()
        if near is not None:
            self.near_checker.check((str(near),))

    # -- the index: torch and torchvision ---------------------------------------------------------
    def wheel(self, plan: InstallPlan, source: PackageSource, st: WizardState) -> Any:
        """Does the index really have torch for this Python and computer? None while asking / not asked."""
        arch = getattr(st.hardware, "arch", None)
        key = rules.wheel_question(plan, source, st.python_version, st.os_name, arch)
        if key is None:
            return None
        self.wheel_key = key
        return self.checker.check(key)

    def vision(self, check_source: PackageSource | None, st: WizardState, *, wanted: bool) -> Any:
        """What the index has of the torchvision the plan pins (None: not asked, or being asked).
        ``wanted``: the learner wants torchvision and the route takes it from the index."""
        if (
            check_source is None
            or check_source.kind is SourceKind.WHEEL_FOLDER
            or not check_source.index_url
            or not st.torchvision_version
            or not st.torch_version
            or not wanted
            or st.python_version is None
        ):
            self.vision_checker.stop()
            return None
        arch = getattr(st.hardware, "arch", None) or "x86_64"
        key = review_checks.vision_key(
            check_source.index_url,
            st.torch_version,
            st.torchvision_version,
            st.python_version,
            st.os_name,
            arch,
            macos(st.os_name),
        )
        self.vision_key = key
        return self.vision_checker.check(key)

    def forget_failed(self) -> None:
        """Try again: every torch answer but "found" is forgotten, so the index is asked again."""
        for key in list(self.checker.results):
            if (
                self.checker.results.get(key) is None
                or getattr(self.checker.results[key], "status", "") != "found"
            ):
                self.checker.forget(key)

    def install_may_start(self) -> str:
        """Install never starts with a torchvision pin the index does not have. GO: nothing to wait for
        (not asked, answered, given up, or torch itself unanswered: pip will say); AGAIN: the answer has
        just come (the page checks its choices again); WAIT: still asked, Install starts by itself when
        the answer comes or after VISION_WAIT_MS (``go_on``), as with an index that cannot be asked."""
        key = self.vision_key
        if key is None or key in self.vision_given_up or key in self.vision_checker.results:
            return GO
        if self.vision_checker.check(key, wait_s=QUICK_WAIT_S) is not None:
            return AGAIN
        torch = self.checker.results.get(self.wheel_key)
        if getattr(torch, "status", "") != "found":
            return GO  # the index has not answered for torch either: it cannot be judged (pip will say)
        if self.vision_asking != key:
            self.vision_asking = key
            self.vision_timer.start()
        return WAIT

    def waiting_words(self) -> str:
        """What Install waits for, while install_may_start says WAIT."""
        version = self.vision_asking[2] if self.vision_asking is not None else ""
        return QCoreApplication.translate(
            "ReviewPage",
            "Checking that the package index has torchvision {version}… Install starts by itself.",
        ).format(version=version)

    def _on_answer(self, _key: object, _result: object) -> None:
        self.answered.emit()

    def _on_vision_answer(self, key: object, _result: object) -> None:
        self.answered.emit()
        if self.vision_asking is not None and key == self.vision_asking:
            self._go_on()

    def _on_vision_wait_over(self) -> None:
        """The index did not answer in time: Install goes on with the pin (as with the torch check, an
        index that cannot be asked never stops the install; pip then says what it finds)."""
        if self.vision_asking is not None:
            self.vision_given_up.add(self.vision_asking)
            self._go_on()

    def _go_on(self) -> None:
        self.vision_asking = None
        self.vision_timer.stop()
        self.go_on.emit()

    # -- a folder of wheel files: damaged or cut-short files are found here, not during the install ----
    def stop_folder(self) -> None:
        self.quick_checker.stop()
        self.deep_checker.stop()

    def wheel_files(
        self,
        folder: Any,
        st: WizardState,
        problems: list[Finding],
        waiting: list[str],
        done: list[Finding],
    ) -> str:
        """Check the wheels the plan may take from ``folder`` (those for this Python and computer) off the
        GUI thread: a quick look first (Install waits for it: milliseconds), then every byte. Returns the
        help to show ("broken-wheel") or ""."""
        arch = getattr(st.hardware, "arch", None)
        py = st.python_version
        names = [w.filename for w in folder.wheels if py is None or w.fits(py, st.os_name, arch)]
        if not names or not folder.has("torch"):
            self.stop_folder()
            return ""
        quick = self.quick_checker.check(
            review_checks.folder_key(folder.path, names, deep=False), wait_s=QUICK_WAIT_S
        )
        if quick is None:
            self.deep_checker.stop()
            waiting.append(
                QCoreApplication.translate("ReviewPage", "Checking the wheel files in the folder…")
            )
            return ""
        if quick.problems:
            self.deep_checker.stop()
            problems += [rules.said(p.message) for p in quick.problems]
            return "broken-wheel"
        deep = self.deep_checker.check(review_checks.folder_key(folder.path, names, deep=True))
        if deep is None:
            return ""  # Install may start meanwhile: the quick look found every file complete
        if deep.problems:
            problems += [rules.said(p.message) for p in deep.problems]
            return "broken-wheel"
        done.append(Finding("folder-ok", {"count": deep.checked}))
        return ""

    # -- a kit: a folder (or a served address) with kit.json -----------------------------------------
    def _check_kit(self, key: Any, cancelled: Any, progress: Any) -> Any:
        return review_checks.check_kit(key, cancelled, progress, self.kit_data)

    def kit_for(self, source: PackageSource, st: WizardState, machine: Any, mirror_to_check: str) -> Any:
        """The kit the source is (a KitCheck), "asking" while a kit folder is checked, or None: no kit (a
        typed address is a plain mirror until it is known to be a kit)."""
        where = rules.kit_location(source, kit_folder(source), mirror_to_check)
        if where is None:
            self.kit_checker.stop()
            return None
        self.kit_data = st.data
        result = self.kit_checker.check((where, machine))
        if result is None:
            return "asking" if source.kind is SourceKind.WHEEL_FOLDER else None
        if rules.kit_is_plain_mirror(source, result):
            return None  # a plain mirror (or one that cannot be reached: the wheel check says so)
        return result

    # -- what is being checked, file by file ------------------------------------------------------------
    def show_checking(self) -> None:
        busy = self.deep_checker.is_busy() and self.deep_checker.latest is not None
        busy = busy or (self.kit_checker.is_busy() and self.kit_checker.latest is not None)
        self.checking.setVisible(busy)
        if not busy:
            self.checking.clear()
        elif not self.checking.text():
            self.checking.setText(
                QCoreApplication.translate("ReviewPage", "Checking every byte of the files…")
            )

    def _on_progress(self, key: object, what: object) -> None:
        if not isinstance(what, tuple) or len(what) != 3:
            return
        name, index, count = what
        if key == self.kit_checker.latest:
            text = QCoreApplication.translate(
                "ReviewPage", "Checking every file of the kit against kit.json: {name} ({n} of {count})…"
            )
        else:
            text = QCoreApplication.translate(
                "ReviewPage",
                "Checking every byte of the wheel files: {name} ({n} of {count}). You can press Install "
                "meanwhile; a damaged file is named here.",
            )
        self.checking.setText(text.format(name=name, n=int(index) + 1, count=count))
        self.checking.setVisible(True)
