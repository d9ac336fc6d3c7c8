"""Review (the commit page): exactly what will run, where packages come from, size and free space."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
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
)
from ..core.precheck import space_checks
from ..core.review_rules import Finding
from . import review_asks, review_checks, review_words
from .common import Page, wrap_label
from .review_asks import LatestOnlyChecker, ReviewAsks
from .review_help import HelpBox
from .review_source import MIRROR_PAUSE_MS, SourceBox
from .review_words import vision_words
from .summary import SummaryCard
from .widgets import CopyableText

# envdir, MIRROR_PAUSE_MS and LatestOnlyChecker are part of this module's face (tests wait for the pause,
# check addresses, ask the index with the page's checker)
__all__ = ["MIRROR_PAUSE_MS", "LatestOnlyChecker", "ReviewPage", "envdir"]
log = logging.getLogger(__name__)


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
        self.jupyter_why = wrap_label()  # what JupyterLab is (a check box cannot wrap)
        self.jupyter_why.setContentsMargins(24, 0, 0, 0)
        self.jupyter.toggled.connect(self._update)
        self.route_label = QLabel()
        self.route = QComboBox()
        # A long route name must not widen the page past a small screen: the list shows what fits, the
        # open list shows it whole.
        self.route.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.route.setMinimumContentsLength(24)
        self.route.currentIndexChanged.connect(self._update)
        self.route_reason = wrap_label()
        self.checking = wrap_label()  # what is being checked in the background, file by file
        self.checking.setVisible(False)
        self.asks = ReviewAsks(self.checking, self)  # the questions off the GUI thread (review_asks.py)
        asks = self.asks
        self.checker, self.vision_checker, self.near_checker = (
            asks.checker,
            asks.vision_checker,
            asks.near_checker,
        )
        self.quick_checker, self.deep_checker, self.kit_checker = (
            asks.quick_checker,
            asks.deep_checker,
            asks.kit_checker,
        )
        asks.answered.connect(self._on_wheel_checked)
        asks.go_on.connect(self._install_after_wait)
        # a bound method (not a lambda): the answer comes from a worker thread and must be queued to this one
        self.near_checker.done.connect(self._on_kit_near)
        self.kit: Any = None  # review_checks.KitCheck of the kit in use (None: no kit)
        self.kit_near: str = ""  # a kit found next to the app, chosen for the learner
        self.vision: Any = None  # review_checks.VisionCheck for the plan (None: not asked / asking)
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
        layout.addWidget(self.jupyter_why)
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
        self._fill_routes(keep=False)
        for w in (self.route_label, self.route, self.route_reason):
            w.setVisible(conda_env)
        can_nvcc = nvcc_available(st.variant, st.data, conda=conda_env)
        self.nvcc.setVisible(can_nvcc)
        if not can_nvcc:
            self.nvcc.setChecked(False)
        if not s.contains("source_kind"):  # the learner never chose a source here
            self.asks.look_for_kit_near()
        self.retranslate()

    def _fill_routes(self, *, keep: bool) -> None:
        """The conda routes with their labels and reasons in the current language (``keep``: the same
        route stays chosen, as after a language switch)."""
        st = self.state
        chosen = (self.route.currentData() or (None, ""))[0] if keep else None
        self.route.blockSignals(True)
        self.route.clear()
        if st.manager == "conda" and st.variant is not None and st.conda_install is not None:
            for route, reason in conda.available_routes(st.conda_install, st.variant, st.os_name, st.data):
                self.route.addItem(review_words.route_label(route), (route, reason))
                if route == chosen:
                    self.route.setCurrentIndex(self.route.count() - 1)
        self.route.blockSignals(False)

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
            self.message.setText(review_words.message_text([Finding("could-not-check")]))

    def _update_checked(self) -> None:
        st = self.state
        if st.interpreter is None or st.variant is None:
            return
        source = self.source()
        self.asks.forget_plan()
        kit = self.asks.kit_for(source, st, self._machine(), self.source_box.mirror_to_check)
        waiting: list[str] = []  # checks Install waits for (not problems), in words
        done: list[Finding] = []  # checks that passed
        help_kind = ""
        self.switch_target = None
        problems: list[Finding] = []
        warnings: list[Finding] = []
        folder: Any = None
        if kit is None and not (source.kind is SourceKind.WHEEL_FOLDER and review_asks.kit_folder(source)):
            problems, warnings, folder = rules.source_problems(source, st.python_version, st.os_name)
        pins: tuple[str | None, str | None] | None = None  # (torch, torchvision) that the source decides
        self.kit = kit if isinstance(kit, review_checks.KitCheck) else None
        if kit == "asking":
            waiting.append(self.tr("Checking every file of the kit against its list (kit.json)…"))
        elif self.kit is not None:
            verdict, use = rules.use_kit(self.kit, rules.this_target(self._machine(), st.variant), source)
            problems += verdict.problems
            warnings += verdict.warnings
            done += verdict.done
            help_kind, pins, source, folder = verdict.help, use.pins, use.source, use.folder
        asked = self.kit is not None or rules.index_is_asked(
            source, problems, self.source_box.mirror_to_check
        )
        check_source = source if asked else None
        if source.kind is SourceKind.WHEEL_FOLDER and self.kit is None and folder is not None:
            help_kind = self.asks.wheel_files(folder, st, problems, waiting, done) or help_kind
        else:
            self.asks.stop_folder()
        wanted = self._vision_wanted and not self._conda_forge()
        self.vision = self.asks.vision(check_source, st, wanted=wanted) if pins is None else None
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
            self.message.setText(review_words.message_text(problems))
            return
        if self.vision is not None and self.vision.status == "other" and plan.request.torchvision:
            v = self.vision
            warnings.append(Finding("vision-other", {"wanted": v.wanted, "found": v.pin, "torch": v.torch}))
        wheel = self.asks.wheel(plan, check_source, st) if check_source is not None else None
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
        self.message.setText(review_words.message_text(problems, warnings, notes, waiting))
        self.asks.show_checking()
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
        checks = space_checks(st.env_dir, installed_mb, plan.download_mb, os_name=st.os_name)
        problems += rules.space_problems(checks)
        lines = review_words.size_lines(
            plan.download_mb,
            installed_mb,
            checks,
            wheel,
            unreachable=unreachable,
            typing=typing,
            problems=bool(problems),
            done=done,
        )
        self.sizes.setText("<br>".join(lines))

    # -- a kit: a folder (or a served address) with kit.json -----------------------------------------
    def _machine(self) -> Any:
        st = self.state
        return rules.machine(st.interpreter, st.hardware, st.python_version, st.os_name)

    def _on_kit_near(self, _key: object, found: object) -> None:
        """A kit next to the app (a teacher's USB stick): chosen for the learner unless they chose."""
        if self.source_box.use_kit_near(str(found or "")):
            self.kit_near = str(found)

    # -- torchvision ------------------------------------------------------------------------------
    def _conda_forge(self) -> bool:
        st = self.state
        if st.manager != "conda" or st.conda_install is None:
            return False
        data = self.route.currentData()
        return bool(data) and data[0] == conda.ROUTE_CONDA_FORGE

    def _install_after_wait(self) -> None:
        """The torchvision answer Install waited for came, or the wait is over: Install goes on."""
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
        self.asks.forget_failed()
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
        self.summary.setText(review_words.summary_text(st))
        self.card.set_facts(
            torch.split("+")[0],  # as pytorch.org writes it: 2.13.0, not 2.13.0+cpu
            st.variant,
            review_words.python_text(st.python_version),
            st.os_name,
            "conda" if st.manager == "conda" else "pip",
        )

    def _on_wheel_checked(self) -> None:
        """A newest answer came from the background: check the choices again, if this page is shown."""
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self._update()

    def _set_ok(self, ok: bool) -> None:
        if ok != self._ok:
            self._ok = ok
            self.completeChanged.emit()

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
        answer = self.asks.install_may_start()
        if answer == review_asks.AGAIN:
            self._update()
            return self._ok
        if answer == review_asks.WAIT:
            text = self.message.text()
            self.message.setText(text + ("<br>" if text else "") + "⏳ " + self.asks.waiting_words())
        return answer == review_asks.GO

    def retranslate(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("Check what will happen. Nothing has been changed yet: press Install to start.")
        )
        st = self.state if self.wizard() is not None else None
        if st is not None and self.route.count():
            self._fill_routes(keep=True)  # labels and reasons are worded when shown
        self.source_box.retranslate(st.source_index_url if st is not None else None)
        self.nvcc.setText(nvcc_option_label())
        for name, text in review_words.option_words().items():  # the choices' and labels' words
            getattr(self, name).setText(text)
        self._retranslate_toggle()
        self._show_help(self.help_kind)
        if st is not None and st.interpreter is not None:
            self.source_box.on_source_changed()
