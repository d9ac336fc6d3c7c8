"""Review (the commit page): exactly what will run, where packages come from, size and free space."""

from __future__ import annotations

import logging
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWizard,
)

from ..core import conda, envdir
from ..core import review_rules as rules
from ..core.extras import nvcc_available, nvcc_option_label
from ..core.plan import (
    InstallPlan,
    PackageSource,
    SourceKind,
    build_plan,
    pinned_version,
    scan_wheel_folder,
)
from ..core.precheck import space_checks, where_label
from ..core.progress import human_size
from ..core.review_rules import Finding
from ..core.secrets import mask_secrets
from . import review_checks
from .common import Page, size_text, wrap_label
from .review_checks import LatestOnly
from .review_help import HelpBox
from .review_source import MIRROR_PAUSE_MS, SourceBox
from .review_words import vision_words, words
from .summary import SummaryCard
from .widgets import CopyableText

# envdir and MIRROR_PAUSE_MS are part of this module's face (tests wait for the pause, check addresses)
__all__ = ["MIRROR_PAUSE_MS", "LatestOnlyChecker", "ReviewPage", "envdir"]
log = logging.getLogger(__name__)
QUICK_WAIT_S = 0.03  # how long the page waits for a quick answer (a wheel folder's structure) in passing
VISION_WAIT_MS = 3000  # Install waits at most this long for the index's torchvision answer


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
                index_url, "torch", version, python, os_name, arch, macos_version=_macos(os_name)
            )
        except Exception:  # the check must never stop an install
            log.warning("the wheel check failed", exc_info=True)
            result = None
        return result


def _macos(os_name: str) -> str | None:
    """This Mac's version (wheels need macOS 14 from 2.12); None elsewhere."""
    import platform

    return (platform.mac_ver()[0] or None) if os_name == "macos" else None


class ReviewPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self.card = SummaryCard()
        self.summary = wrap_label()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.source_box = SourceBox()
        box = self.source_box
        self.src_index, self.src_folder, self.src_custom = box.src_index, box.src_folder, box.src_custom
        self.folder, self.custom = box.folder, box.custom
        box.changed.connect(self._update)
        self.torchvision = QCheckBox()
        self.torchvision.setChecked(True)
        self.torchvision.toggled.connect(self._on_vision_toggled)
        self.torchvision_why = wrap_label()
        self.torchvision_why.setContentsMargins(24, 0, 0, 0)
        self.torchvision_why.setVisible(False)
        self.nvcc = QCheckBox()
        self.nvcc.toggled.connect(self._update)
        self.jupyter = QCheckBox()  # JupyterLab, for the Finish page's "Start Jupyter"
        self.jupyter.toggled.connect(self._update)
        self.route_label = QLabel()
        self.route = QComboBox()
        self.route.currentIndexChanged.connect(self._update)
        self.route_reason = wrap_label()
        self.checker = LatestOnlyChecker(self)
        # a bound method (not a lambda): the answer comes from a worker thread and must be queued to this one
        self.checker.done.connect(self._on_wheel_checked)
        # the wheel folder: a quick look at every file first (Install waits for it), then every byte
        self.quick_checker = LatestOnly(review_checks.verify_wheels, self, "wheel-folder-quick")
        self.deep_checker = LatestOnly(review_checks.verify_wheels, self, "wheel-folder-deep")
        self.vision_checker = LatestOnly(review_checks.check_torchvision, self, "torchvision-check")
        self._kit_data: Any = None  # the release data the kit's target is picked with
        self.kit_checker = LatestOnly(self._check_kit, self, "kit-check")
        self.near_checker = LatestOnly(review_checks.find_kit, self, "kit-near")
        for c in (self.quick_checker, self.deep_checker, self.kit_checker):
            c.done.connect(self._on_wheel_checked)
        self.vision_checker.done.connect(self._on_vision_checked)
        self.near_checker.done.connect(self._on_kit_near)
        self.deep_checker.progress.connect(self._on_check_progress)
        self.kit_checker.progress.connect(self._on_check_progress)
        self.kit: Any = None  # review_checks.KitCheck of the kit in use (None: no kit)
        self.kit_near: str = ""  # a kit found next to the app, chosen for the learner
        self.vision: Any = None  # review_checks.VisionCheck for the plan (None: not asked / asking)
        self._wheel_key: Any = None  # the torch question for the plan shown
        self._vision_key: Any = None  # the torchvision question for the plan shown
        self._vision_asking: Any = None  # the torchvision question still open, when Install was pressed
        self._vision_given_up: set[object] = set()  # questions Install stopped waiting for
        self._vision_timer = QTimer(self)
        self._vision_timer.setSingleShot(True)
        self._vision_timer.setInterval(VISION_WAIT_MS)
        self._vision_timer.timeout.connect(self._on_vision_wait_over)
        self.checking = wrap_label()  # what is being checked in the background, file by file
        self.checking.setVisible(False)
        self.commands_label = wrap_label()
        self.commands_toggle = QToolButton()
        self.commands_toggle.setCheckable(True)
        self.commands_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.commands_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.commands_toggle.toggled.connect(self._on_commands_toggled)
        self.commands = CopyableText(lines=7)
        self.commands.setVisible(False)
        self.help_box = HelpBox()  # what to do when something stands in the way
        help_box = self.help_box
        self.help_text, self.switch_python, self.retry = (
            help_box.help_text,
            help_box.switch_python,
            help_box.retry,
        )
        self.choose_folder, self.use_folder = help_box.choose_folder, help_box.use_folder
        self.use_mirror, self.use_server = help_box.use_mirror, help_box.use_server
        self.switch_python.clicked.connect(self._on_switch_python)
        self.use_folder.clicked.connect(lambda: self.src_folder.setChecked(True))
        self.use_mirror.clicked.connect(box.use_mirror)
        self.use_server.clicked.connect(lambda: self.src_index.setChecked(True))
        self.retry.clicked.connect(self._on_retry)
        self.choose_folder.clicked.connect(box.choose_another_folder)
        self.help_kind = ""
        self.switch_target: Any = None  # the Python that fits the wheel folder
        self._vision_wanted = True
        self.sizes = wrap_label()
        self.sizes.setTextFormat(Qt.TextFormat.RichText)
        self.message = wrap_label()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout = self.scrolled_layout()
        layout.addWidget(self.card)
        layout.addWidget(self.summary)
        layout.addWidget(self.help_box)
        layout.addWidget(self.source_box)
        route_row = QHBoxLayout()
        route_row.addWidget(self.route_label)
        route_row.addWidget(self.route, 1)
        layout.addLayout(route_row)
        layout.addWidget(self.route_reason)
        layout.addWidget(self.torchvision)
        layout.addWidget(self.torchvision_why)
        layout.addWidget(self.nvcc)
        layout.addWidget(self.jupyter)
        row = QHBoxLayout()
        row.addWidget(self.sizes, 1)
        layout.addLayout(row)
        layout.addWidget(self.checking)
        layout.addWidget(self.message)
        layout.addWidget(self.commands_label)
        layout.addWidget(self.commands_toggle)
        layout.addWidget(self.commands)
        layout.addStretch(1)
        self._ok = False
        self.retranslate()

    def initializePage(self) -> None:
        s = self.wiz().settings
        kind = s.value("source_kind", SourceKind.PYTORCH_INDEX.value)
        self._vision_wanted = str(s.value("torchvision", "true")).lower() == "true"
        self.torchvision.setChecked(self._vision_wanted)
        self.jupyter.setChecked(str(s.value("jupyter", "false")).lower() == "true")
        self.source_box.restore(str(kind), str(s.value("wheel_folder", "")), str(s.value("custom_index", "")))
        self.wiz().setButtonText(QWizard.WizardButton.CommitButton, self.tr("Install"))
        st = self.state
        conda_env = st.manager == "conda" and st.conda_install is not None
        self.route.blockSignals(True)
        self.route.clear()
        if conda_env and st.variant is not None and st.conda_install is not None:
            for route, reason in conda.available_routes(st.conda_install, st.variant, st.os_name, st.data):
                self.route.addItem(self._route_label(route), (route, reason))
        self.route.blockSignals(False)
        for w in (self.route_label, self.route, self.route_reason):
            w.setVisible(conda_env)
        can_nvcc = nvcc_available(st.variant, st.data, conda=conda_env)
        self.nvcc.setVisible(can_nvcc)
        if not can_nvcc:
            self.nvcc.setChecked(False)
        near = review_checks.app_folder()
        if near is not None and not s.contains("source_kind"):  # the learner never chose a source here
            self.near_checker.check((str(near),))  # a kit beside the app: looked for off the GUI thread
        self.retranslate()

    def _on_browse(self) -> None:
        self.source_box.browse()

    def source(self) -> PackageSource:
        return self.source_box.source(self.state.source_index_url)

    def _update(self, *_args: object) -> None:
        """Check every field and show the plan. Nothing the learner types may raise out of here: an
        unexpected error becomes a message, and Back (and the other sources) still work."""
        try:
            self._update_checked()
        except Exception:
            log.exception("the Review page could not check the choices")
            self._set_ok(False)
            self.message.setText(
                "<span style='color:#a61b1b'>✘ "
                + self.tr(
                    "The wizard could not check these choices. Change the source above, or go Back and "
                    "choose again; Save report… keeps the details for help."
                )
                + "</span>"
            )

    def _update_checked(self) -> None:
        st = self.state
        if st.interpreter is None or st.variant is None:
            return
        source = self.source()
        self._wheel_key = self._vision_key = None
        kit = self._kit_for(source)
        waiting: list[str] = []  # checks Install waits for (not problems), in words
        done: list[Finding] = []  # checks that passed
        help_kind = ""
        self.switch_target = None
        problems: list[Finding] = []
        warnings: list[Finding] = []
        folder: Any = None
        if kit is None and not (source.kind is SourceKind.WHEEL_FOLDER and self._kit_folder(source)):
            problems, warnings, folder = rules.source_problems(source, st.python_version, st.os_name)
        pins: tuple[str | None, str | None] | None = None  # (torch, torchvision) that the source decides
        self.kit = kit if isinstance(kit, review_checks.KitCheck) else None
        if kit == "asking":
            waiting.append(self.tr("Checking every file of the kit against its list (kit.json)…"))
        elif self.kit is not None:
            help_kind, pins, source, folder = self._use_kit(self.kit, problems, warnings, done)
        asked = self.kit is not None or rules.index_is_asked(
            source, problems, self.source_box.mirror_to_check
        )
        check_source = source if asked else None
        if source.kind is SourceKind.WHEEL_FOLDER and self.kit is None and folder is not None:
            help_kind = self._check_wheel_files(folder, problems, waiting, done) or help_kind
        else:
            self.quick_checker.stop()
            self.deep_checker.stop()
        self.vision = self._vision_check(check_source) if pins is None else None
        if self.vision is not None and self.vision.status == "other":
            pins = (None, self.vision.pin)
        self._set_torchvision_possible(folder, kit=self.kit, vision=self.vision)
        if source.kind is SourceKind.WHEEL_FOLDER and problems and folder is not None and self.kit is None:
            current = getattr(st.interpreter, "path", None)
            self.switch_target = rules.fitting_python(folder, st.interpreters, current, st.data, st.os_name)
            if self.switch_target is not None:
                help_kind = rules.HELP_SWITCH
        try:
            plan = self._make_plan(source, folder, pins)
        except ValueError as exc:  # a conda env name taken since the last page, say
            problems.append(rules.said(str(exc), escape=False))
            self._set_ok(False)
            self._show_help(help_kind)
            self.message.setText(
                "<br>".join(f"<span style='color:#a61b1b'>✘ {words(p)}</span>" for p in problems)
            )
            return
        if self.vision is not None and self.vision.status == "other" and plan.request.torchvision:
            v = self.vision
            warnings.append(Finding("vision-other", {"wanted": v.wanted, "found": v.pin, "torch": v.torch}))
        wheel = self._wheel_check(plan, check_source) if check_source is not None else None
        one = rules.one_build(st.recommendation)
        index = rules.judge_wheel(
            wheel, source, one_build=one, kit=self.kit is not None, torch=plan.request.torch
        )
        problems += index.problems
        help_kind = help_kind or index.help
        st.plan = plan
        self._show_summary(plan)
        st.source = source
        st.include_torchvision = self.torchvision.isChecked()
        self.commands.setPlainText(
            "\n".join(rules.shown_command(step.argv, st.os_name) for step in plan.steps)
        )
        typing = check_source is None and source.kind is SourceKind.CUSTOM_INDEX
        self._show_sizes(plan, wheel, index.unreachable, typing, problems, done)
        from ..core.plan import Note, note_text

        notes = [
            note_text(n)
            for n in plan.notes
            if not (n is Note.FOLDER_HAS_NO_TORCHVISION and self.torchvision_why.isVisibleTo(self))
        ]
        msg = [f"<span style='color:#a61b1b'>✘ {words(p)}</span>" for p in problems]
        msg += [f"⚠ {words(w)}" for w in warnings] + [f"⚠ {n}" for n in notes]
        msg += [f"⏳ {escape(w)}" for w in waiting]
        self.message.setText("<br>".join(msg))
        self._show_checking()
        self._show_help(help_kind)
        self._set_ok(not problems and not waiting)

    def _show_sizes(
        self,
        plan: InstallPlan,
        wheel: Any,
        unreachable: bool,
        typing: bool,
        problems: list[Finding],
        done: list[Finding],
    ) -> None:
        """How much is downloaded and needed, the free space (a problem where it is short) and the checks
        that passed."""
        st = self.state
        assert st.variant is not None  # _update_checked returns before, without a build
        installed_mb = st.data.installed_mb(st.variant, st.os_name)
        size_lines = []
        if plan.download_mb:
            size_lines.append(self.tr("Download: about {size}.").format(size=size_text(plan.download_mb)))
        else:
            size_lines.append(self.tr("Nothing is downloaded: the files come from the folder."))
        size_lines.append(
            self.tr("The new environment needs about {size}.").format(size=size_text(installed_mb))
        )
        checks = space_checks(st.env_dir, installed_mb, plan.download_mb, os_name=st.os_name)
        for check in checks:
            uses = self.tr(", ").join(where_label(n.where) for n in check.needs)
            if check.free_bytes is not None:
                size_lines.append(
                    self.tr("Free space in {path}: {free} (needed: {need}, for {uses}).").format(
                        path=check.path,
                        free=human_size(check.free_bytes),
                        need=human_size(check.need_bytes),
                        uses=uses,
                    )
                )
        problems += rules.space_problems(checks)
        if wheel is not None and wheel.status == "found":
            size_lines.append("✔ " + escape(mask_secrets(wheel.message)))
        elif unreachable and wheel is not None:
            size_lines.append("⚠ " + escape(mask_secrets(wheel.message)))
        elif typing and not problems:
            size_lines.append(self.tr("The mirror is checked when you have finished typing its address."))
        size_lines += ["✔ " + words(f) for f in done]
        self.sizes.setText("<br>".join(size_lines))

    # -- a folder of wheel files: damaged or cut-short files are found here, not during the install ----
    def _check_wheel_files(
        self, folder: Any, problems: list[Finding], waiting: list[str], done: list[Finding]
    ) -> str:
        """Check the wheels the plan may take from ``folder`` (those for this Python and computer) off the
        GUI thread: a quick look first (Install waits for it: milliseconds), then every byte. Returns the
        help to show ("broken-wheel") or ""."""
        st = self.state
        arch = getattr(st.hardware, "arch", None)
        py = st.python_version
        names = [w.filename for w in folder.wheels if py is None or w.fits(py, st.os_name, arch)]
        if not names or not folder.has("torch"):
            self.quick_checker.stop()
            self.deep_checker.stop()
            return ""
        quick = self.quick_checker.check(
            review_checks.folder_key(folder.path, names, deep=False), wait_s=QUICK_WAIT_S
        )
        if quick is None:
            self.deep_checker.stop()
            waiting.append(self.tr("Checking the wheel files in the folder…"))
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

    def _show_checking(self) -> None:
        busy = self.deep_checker.is_busy() and self.deep_checker.latest is not None
        busy = busy or (self.kit_checker.is_busy() and self.kit_checker.latest is not None)
        self.checking.setVisible(busy)
        if not busy:
            self.checking.clear()
        elif not self.checking.text():
            self.checking.setText(self.tr("Checking every byte of the files…"))

    def _on_check_progress(self, key: object, what: object) -> None:
        if not isinstance(what, tuple) or len(what) != 3:
            return
        name, index, count = what
        if key == self.kit_checker.latest:
            text = self.tr("Checking every file of the kit against kit.json: {name} ({n} of {count})…")
        else:
            text = self.tr(
                "Checking every byte of the wheel files: {name} ({n} of {count}). You can press Install "
                "meanwhile; a damaged file is named here."
            )
        self.checking.setText(text.format(name=name, n=int(index) + 1, count=count))
        self.checking.setVisible(True)

    # -- a kit: a folder (or a served address) with kit.json -----------------------------------------
    def _machine(self) -> Any:
        st = self.state
        return rules.machine(st.interpreter, st.hardware, st.python_version, st.os_name)

    def _check_kit(self, key: Any, cancelled: Any, progress: Any) -> Any:
        return review_checks.check_kit(key, cancelled, progress, self._kit_data)

    def _kit_folder(self, source: PackageSource) -> str | None:
        return (
            review_checks.kit_folder_of(source.folder or "")
            if source.kind is SourceKind.WHEEL_FOLDER
            else None
        )

    def _kit_for(self, source: PackageSource) -> Any:
        """The kit the source is (a KitCheck), "asking" while a kit folder is checked, or None: no kit (a
        typed address is a plain mirror until it is known to be a kit)."""
        where = rules.kit_location(source, self._kit_folder(source), self.source_box.mirror_to_check)
        if where is None:
            self.kit_checker.stop()
            return None
        self._kit_data = self.state.data
        result = self.kit_checker.check((where, self._machine()))
        if result is None:
            return "asking" if source.kind is SourceKind.WHEEL_FOLDER else None
        if rules.kit_is_plain_mirror(source, result):
            return None  # a plain mirror (or one that cannot be reached: the wheel check says so)
        return result

    def _use_kit(
        self, kit: Any, problems: list[Finding], warnings: list[Finding], done: list[Finding]
    ) -> tuple[str, tuple[str | None, str | None] | None, PackageSource, Any]:
        """What the kit means for the plan: (help, pins, source, wheel folder), as the command line's
        ``--source kit:…`` (``core.kit.install_source``)."""
        from ..core.kit import install_source

        source = self.source()
        verdict = rules.judge_kit(kit, rules.this_target(self._machine(), self.state.variant))
        problems += verdict.problems
        warnings += verdict.warnings
        done += verdict.done
        if not verdict.usable:
            return verdict.help, None, source, None
        source, torch, vision = install_source(kit.kit, kit.pick.target, True)
        folder = scan_wheel_folder(source.folder or "") if source.kind is SourceKind.WHEEL_FOLDER else None
        return "", (torch, vision), source, folder

    def _on_kit_near(self, _key: object, found: object) -> None:
        """A kit next to the app (a teacher's USB stick): chosen for the learner unless they chose."""
        if self.source_box.use_kit_near(str(found or "")):
            self.kit_near = str(found)

    # -- torchvision on the index ---------------------------------------------------------------
    def _vision_check(self, check_source: PackageSource | None) -> Any:
        """What the index has of the torchvision the plan pins (None: not asked, or being asked)."""
        st = self.state
        if (
            check_source is None
            or check_source.kind is SourceKind.WHEEL_FOLDER
            or not check_source.index_url
            or not st.torchvision_version
            or not st.torch_version
            or not self._vision_wanted
            or st.python_version is None
            or self._conda_forge()
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
            _macos(st.os_name),
        )
        self._vision_key = key
        return self.vision_checker.check(key)

    def _conda_forge(self) -> bool:
        st = self.state
        if st.manager != "conda" or st.conda_install is None:
            return False
        data = self.route.currentData()
        return bool(data) and data[0] == conda.ROUTE_CONDA_FORGE

    def _on_vision_checked(self, key: object, _result: object) -> None:
        self._on_wheel_checked(key, _result)
        if self._vision_asking is not None and key == self._vision_asking:
            self._install_after_wait()

    def _on_vision_wait_over(self) -> None:
        """The index did not answer in time: Install goes on with the pin (as with the torch check, an
        index that cannot be asked never stops the install; pip then says what it finds)."""
        if self._vision_asking is not None:
            self._vision_given_up.add(self._vision_asking)
            self._install_after_wait()

    def _install_after_wait(self) -> None:
        self._vision_asking = None
        self._vision_timer.stop()
        wiz = self.wizard()
        if wiz is not None and wiz.currentPage() is self:
            wiz.next()

    def _set_torchvision_possible(self, folder: Any, *, kit: Any = None, vision: Any = None) -> None:
        """Untick and grey out torchvision when it would not be installed (no version for this build, not
        in the wheel folder or the kit, or not on the index for this torch), and say why; give the
        learner's choice back when it can be installed."""
        st = self.state
        target = getattr(getattr(kit, "pick", None), "target", None) if kit is not None and kit.ok else None
        possible, reason = rules.torchvision_verdict(
            st.torchvision_version is not None,
            st.python_version,
            st.os_name,
            folder=folder,
            kit_target=target,
            vision=vision,
        )
        why = vision_words(reason)
        self.torchvision.blockSignals(True)
        self.torchvision.setEnabled(possible)
        self.torchvision.setChecked(self._vision_wanted if possible else False)
        self.torchvision.setToolTip("" if possible else why)
        self.torchvision.blockSignals(False)
        self.torchvision_why.setText(why)
        self.torchvision_why.setVisible(not possible)

    def _on_vision_toggled(self, on: bool) -> None:
        if self.torchvision.isEnabled():
            self._vision_wanted = on
        self._update()

    # -- the help box: what works instead ---------------------------------------------------------
    def _show_help(self, kind: str) -> None:
        self.help_kind = kind
        if self.wizard() is not None:
            self.wiz().setButtonText(
                QWizard.WizardButton.CommitButton,
                self.tr("Install anyway") if kind.endswith("unreachable") else self.tr("Install"),
            )
        have = getattr(self.state.interpreter, "version", "?") if kind == "switch" else "?"
        self.help_box.show_kind(kind, self.switch_target, have)

    def _on_switch_python(self) -> None:
        """Switch to the Python the wheel folder fits, here, before anything starts (no restart)."""
        target = self.switch_target
        if target is None:
            return
        from .window import PageId

        wiz = self.wiz()
        self.state.interpreter = target
        wiz.settings.setValue("python", target.path)
        python_page: Any = wiz.pages.get(PageId.PYTHON)
        if python_page is not None:
            python_page.select(target)
        hardware: Any = wiz.pages.get(PageId.HARDWARE)
        if hardware is not None and getattr(hardware, "_report", None) is not None:
            hardware._decide()  # the build for the new Python (its torch version may differ)
        self.retranslate()
        self._update()

    def _on_retry(self) -> None:
        """Ask the server again (its earlier answer is forgotten)."""
        for key in list(self.checker.results):
            if (
                self.checker.results.get(key) is None
                or getattr(self.checker.results[key], "status", "") != "found"
            ):
                self.checker.forget(key)
        self._update()

    def _on_commands_toggled(self, on: bool) -> None:
        self.commands.setVisible(on)
        self.commands_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self._retranslate_toggle()

    def _retranslate_toggle(self) -> None:
        self.commands_toggle.setText(
            self.tr("Hide the exact commands")
            if self.commands_toggle.isChecked()
            else self.tr("Details: the exact commands")
        )

    def _show_summary(self, plan: InstallPlan) -> None:
        st = self.state
        torch = pinned_version(plan, "torch") or st.torch_version or self.tr("the newest")
        if st.manager == "conda" and st.conda_install is not None:
            python = self.tr("Python {version} from conda-forge").format(version=self._python_text())
        else:
            python = self.tr("Python {version} from {path}").format(
                version=getattr(st.interpreter, "version", "?"), path=getattr(st.interpreter, "path", "?")
            )
        self.summary.setText(
            python + "<br>" + self.tr("New environment: <b>{env}</b>").format(env=escape(st.env_dir))
        )
        self.card.set_facts(
            torch.split("+")[0],  # as pytorch.org writes it: 2.13.0, not 2.13.0+cpu
            st.variant,
            self._python_text(),
            st.os_name,
            "conda" if st.manager == "conda" else "pip",
        )

    def _on_wheel_checked(self, _key: object, _result: object) -> None:
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self._update()

    def _set_ok(self, ok: bool) -> None:
        if ok != self._ok:
            self._ok = ok
            self.completeChanged.emit()

    def _route_label(self, route: str) -> str:
        if route == conda.ROUTE_CONDA_FORGE:
            return self.tr("conda-forge's PyTorch packages (conda install)")
        return self.tr("PyTorch's own packages, installed with pip inside the conda environment")

    def _python_text(self) -> str:
        major, minor = self.state.python_version or (3, 12)
        return f"{major}.{minor}"

    def _make_plan(
        self, source: PackageSource, folder: Any, pins: tuple[str | None, str | None] | None = None
    ) -> InstallPlan:
        """The exact commands for the choices so far (pip venv or conda env), from the one plan builder.
        ``pins``: (torch, torchvision) that the source decides (a kit's target; the index's torchvision for
        this torch); None in either place keeps the build's."""
        st = self.state
        route = conda.ROUTE_PIP
        if st.manager == "conda" and st.conda_install is not None:
            route, reason = self.route.currentData() or (conda.ROUTE_PIP, "")
            self.route_reason.setText(reason)
        request = st.make_request(
            source,
            torchvision=self.torchvision.isChecked(),
            nvcc=self.nvcc.isChecked(),
            route=route,
            jupyter=bool(getattr(self, "jupyter", None) and self.jupyter.isChecked()),
        )
        request = rules.with_pins(request, pins)
        return build_plan(request, st.data, folder=folder)

    def _wheel_check(self, plan: InstallPlan, source: PackageSource) -> Any:
        """Does the index really have torch for this Python and computer? None while asking / not asked."""
        st = self.state
        arch = getattr(st.hardware, "arch", None)
        key = rules.wheel_question(plan, source, st.python_version, st.os_name, arch)
        if key is None:
            return None
        self._wheel_key = key
        return self.checker.check(key)

    def isComplete(self) -> bool:
        return self._ok

    def validatePage(self) -> bool:
        self.source_box.commit_mirror()
        self._update()
        if not self._ok:
            return False
        if not self._torchvision_answered():
            return False
        s = self.wiz().settings
        s.setValue("source_kind", self.source().kind.value)
        s.setValue("wheel_folder", self.folder.text().strip())
        s.setValue("custom_index", self.custom.text().strip())
        s.setValue("torchvision", "true" if self._vision_wanted else "false")
        s.setValue("jupyter", "true" if self.jupyter.isChecked() else "false")
        return True

    def _torchvision_answered(self) -> bool:
        """Install never starts with a torchvision pin the index does not have: while the index is asked,
        Install waits for the answer (a few milliseconds here, then up to VISION_WAIT_MS in the
        background, after which it goes on as with an index that cannot be asked)."""
        key = self._vision_key
        if key is None or key in self._vision_given_up or key in self.vision_checker.results:
            return True
        if self.vision_checker.check(key, wait_s=QUICK_WAIT_S) is not None:
            self._update()
            return self._ok
        torch = self.checker.results.get(self._wheel_key)
        if getattr(torch, "status", "") != "found":
            return True  # the index has not answered for torch either: it cannot be judged (pip will say)
        if self._vision_asking != key:
            self._vision_asking = key
            self._vision_timer.start()
        self.message.setText(
            self.message.text()
            + ("<br>" if self.message.text() else "")
            + "⏳ "
            + self.tr(
                "Checking that the package index has torchvision {version}… Install starts by itself."
            ).format(version=key[2])
        )
        return False

    def retranslate(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("Check what will happen. Nothing has been changed yet: press Install to start.")
        )
        st = self.state if self.wizard() is not None else None
        self.source_box.retranslate(st.source_index_url if st is not None else None)
        self.nvcc.setText(nvcc_option_label())
        from ..core.plan import JUPYTER_DOWNLOAD_MB

        self.jupyter.setText(
            self.tr(
                "Also install JupyterLab (notebooks: write and run code in your web browser, step by step), "
                "about {size} more"
            ).format(size=size_text(JUPYTER_DOWNLOAD_MB))
        )
        self.route_label.setText(self.tr("How PyTorch gets into the conda environment:"))
        self.torchvision.setText(
            self.tr("Also install torchvision (images and ready-made datasets for PyTorch)")
        )
        self.commands_label.setText(
            self.tr(
                "The wizard makes a new folder with its own Python, updates pip (the program that installs "
                "Python packages) there, downloads PyTorch into it, and checks that it works."
            )
        )
        self._retranslate_toggle()
        self._show_help(self.help_kind)
        if st is not None and st.interpreter is not None:
            self.source_box.on_source_changed()
