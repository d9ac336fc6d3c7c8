"""Install: shows the install session (``wizard.session``) — the whole install's progress, a log, Stop —
and on failure its plain diagnosis with buttons that help. Every decision is the session's: this page
only shows its state and forwards the learner's clicks."""

from __future__ import annotations

import platform
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..core import diagnose
from ..core.plan import step_title
from ..session import Context, InstallSession, Outcome, OutcomeKind, Progress, StepState
from . import install_dialogs, install_text
from .actionrow import ActionRow, IdleNotice
from .common import Page, wrap_label
from .widgets import LogView

MARKS = {StepState.PENDING: "○", StepState.RUNNING: "▶", StepState.DONE: "✔", StepState.FAILED: "✘"}
REINSTALL = "reinstall-right-build"  # the after-check's repair
BACK_TO = {  # actions that go back to an earlier page, after removing what this install made
    "choose-another-build": "hardware",
    "choose-another-python": "python",
    "edit-index-address": "review",
    "choose-another-folder": "manager",
}


class InstallPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.steps_view = QListWidget()  # as tall as its steps (``_fit_steps``): no empty band below them
        self.steps_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.now = wrap_label()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.result = wrap_label()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.idle_box = IdleNotice(self._on_keep_waiting)  # shown when a step prints nothing for long
        self.idle_text, self.keep_waiting = self.idle_box.text, self.idle_box.keep_waiting
        self.actions_row = ActionRow(self._action_label, self.do_action)
        self.action_buttons = self.actions_row.buttons
        self.stop = QPushButton()
        self.stop.clicked.connect(self.cancel)
        self.log = LogView()
        buttons = QHBoxLayout()
        buttons.addWidget(self.actions_row, 1)
        buttons.addWidget(self.stop)
        layout = QVBoxLayout(self)
        for widget in (self.steps_view, self.now, self.bar, self.detail, self.idle_box, self.result):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.log)
        layout.addStretch(1)  # the room left is below "Show details", or the open log's (``_on_log``)
        self._layout = layout
        self.log.toggle.toggled.connect(self._on_log)
        self.session: InstallSession | None = None
        self.last: Progress | None = None
        self.resume_record: Any = None  # set when finishing an install a killed app left behind
        self.retranslate()

    # -- the session ---------------------------------------------------------------------------
    def ensure_session(self, runner: Any = None) -> InstallSession:
        """The page's install session (``runner``: a stand-in process runner, for tests)."""
        if self.session is None:
            wiz = self.wiz()
            s = InstallSession(self.state.data, wiz.data_dir, wiz.log_dir, runner=runner, parent=self)
            s.plan_changed.connect(self._on_plan_changed)
            s.step_started.connect(self._on_step_started)
            s.step_finished.connect(lambda *_a: self.retranslate())
            s.output.connect(lambda _i, text: self.log.append(text))
            s.progress.connect(self._on_progress)
            s.idle.connect(self._on_idle)
            s.busy.connect(self._on_busy)
            s.finished.connect(self._on_finished)
            self.session = s
        return self.session

    def initializePage(self) -> None:
        plan = self.state.plan
        assert plan is not None
        session = self.ensure_session()
        self.log.clear()
        self.state.verify = None
        self._reset_view()
        st = self.state
        macos = (platform.mac_ver()[0] or None) if st.os_name == "macos" else None
        context = Context(build=st.chosen_build(), hardware=st.hardware, macos_version=macos)
        record, self.resume_record = self.resume_record, None
        session.start(plan, context=context, resume=record)
        self.wiz().log_path = session.log_path
        self.retranslate()

    def _reset_view(self) -> None:
        self.last = None
        self._show_actions(())
        self.idle_box.setVisible(False)
        self.stop.setEnabled(True)
        self.stop.setVisible(True)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.detail.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.succeeded

    def is_running(self) -> bool:
        """The session is at work: a step runs, or an unfinished folder is being removed."""
        return self.session is not None and (self.session.is_running() or self.session.is_removing())

    # Read by the window, other pages and tests: the session's state, never a copy of it.
    @property
    def outcome(self) -> Outcome | None:
        return self.session.outcome if self.session is not None else None

    @property
    def succeeded(self) -> bool:
        return self.outcome is not None and self.outcome.ok

    @property
    def failed_at(self) -> int | None:
        return self.session.failed_at if self.session is not None else None

    def cancel(self) -> None:
        """Stop the running step and its child processes; the session removes the unfinished folder."""
        if self.is_running():
            self.stop.setEnabled(False)
            assert self.session is not None
            self.session.stop()

    # -- what the session says -------------------------------------------------------------------
    def _on_plan_changed(self, plan: Any) -> None:
        self.state.set_plan(plan)  # a re-plan (a proxy, a folder, a repair) is what the report shows
        self.retranslate()

    def _on_step_started(self, _index: int, _step: Any) -> None:
        self.bar.setRange(0, 0)
        self.detail.setText("")
        self.idle_box.setVisible(False)
        self.retranslate()

    def _on_progress(self, p: Progress) -> None:
        self.last = p
        self.idle_box.setVisible(False)
        self._show_progress()

    def _on_idle(self, seconds: float) -> None:
        self.idle_box.setVisible(True)
        self.idle_text.setText(
            self.tr(
                "Nothing has happened for {minutes} minutes. The server may be very slow, or the step may be stuck. "
                "You can keep waiting, or press Stop."
            ).format(minutes=max(1, round(seconds / 60)))
        )

    def _on_keep_waiting(self) -> None:
        self.idle_box.setVisible(False)
        if self.session is not None:
            self.session.keep_waiting()

    def _on_busy(self, what: str) -> None:
        if what == "removing":
            self.stop.setVisible(False)
            self._show_actions(())
            self.bar.setRange(0, 0)
            self.detail.setText(self.tr("Removing the unfinished environment… (this can take a minute)"))
        else:
            self.bar.setRange(0, 1000)
            self.detail.setText("")
        self.retranslate()

    def _on_finished(self, outcome: Outcome) -> None:
        self.stop.setVisible(False)
        self.idle_box.setVisible(False)
        self.bar.setRange(0, 1000)
        self.bar.setValue(1000 if outcome.ok else 0)
        if outcome.ok:
            self.detail.setText("")
            self.state.set_installed(
                outcome.verify, outcome.after, self.session.lesson_copy if self.session else ""
            )
            actions = list(outcome.after.actions) if outcome.after is not None else []
            if outcome.after is not None and outcome.after.fix_command:
                actions.insert(0, REINSTALL)
            self._show_actions(actions, with_retry=False)
        elif outcome.kind is OutcomeKind.STOPPED:
            self.detail.setText("")
            self._show_actions(() if outcome.repairing else ("retry",))
        else:
            self.detail.setText("")
            self._show_actions(outcome.diagnosis.actions if outcome.diagnosis is not None else ())
        self.completeChanged.emit()
        self.retranslate()
        if outcome.ok:
            self.wiz().installed()

    def _show_progress(self) -> None:
        p = self.last
        if p is None:
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(p.overall * 1000))
        self.detail.setText(install_text.progress_text(p))

    # -- actions -----------------------------------------------------------------------------
    def _show_actions(self, actions: tuple[str, ...] | list[str], *, with_retry: bool = True) -> None:
        self.actions_row.show_actions(actions, with_retry=with_retry)

    def _action_label(self, action: str) -> str:
        if action == REINSTALL:
            return self.tr("Install the right build")
        return diagnose.action_label(action)

    def do_action(self, action: str) -> None:
        session = self.ensure_session()
        if action in (REINSTALL, "retry", "retry-longer-timeout"):
            self._reset_view()
        if action == REINSTALL:
            session.repair()
        elif action == "retry":
            session.retry()
        elif action == "retry-longer-timeout":
            session.use_longer_timeout()
        elif action == "set-proxy":
            proxy = self.ask_proxy((session.plan.request.proxy if session.plan else None) or "")
            if proxy is not None:  # a cancelled question keeps the buttons
                self._reset_view()
                session.use_proxy(proxy)
        elif action == "use-wheel-folder":
            folder = self.ask_wheel_folder()
            if folder:
                self._reset_view()
                session.use_wheel_folder(folder)
        elif action in BACK_TO:
            session.discard(then=lambda: self.wiz().return_to_page(BACK_TO[action]))
        elif action == "free-space":
            self.show_space()
        elif install_dialogs.open_help(action):
            pass  # a web page or a settings window of the system
        elif action == "copy-report":
            QGuiApplication.clipboard().setText(self.wiz().build_report())
            self.detail.setText(self.tr("The report is copied. Paste it where you ask for help."))
        self.retranslate()

    def ask_proxy(self, current: str) -> str | None:
        return install_dialogs.ask_proxy(self, current)

    def ask_wheel_folder(self) -> str | None:
        return install_dialogs.ask_wheel_folder(self, self.state.python_version, self.state.os_name)

    def show_space(self) -> None:
        assert self.state.plan is not None
        install_dialogs.show_space(self, self.state.plan, self.state.data)

    # -- looks -------------------------------------------------------------------------------
    def _fit_steps(self) -> None:
        """The step list exactly as tall as its steps (4 to 8 of them, in the font and scale of the
        screen), so that it leaves no empty band and needs no scroll bar."""
        view = self.steps_view
        rows = max(1, view.count())
        row = view.sizeHintForRow(0) if view.count() else -1
        if row <= 0:
            row = view.fontMetrics().height()
        view.setFixedHeight(rows * row + 2 * view.frameWidth() + 2 * view.spacing() * rows)

    def _on_log(self, shown: bool) -> None:
        """The open log takes the room left; closed, the room stays below its button."""
        index = self._layout.indexOf(self.log)
        self._layout.setStretch(index, 1 if shown else 0)
        self._layout.setStretch(self._layout.count() - 1, 0 if shown else 1)

    # -- text --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Installing"))
        self.setSubTitle(
            self.tr(
                "The wizard is creating the environment and installing PyTorch. You can stop at any time."
            )
        )
        self.stop.setText(self.tr("Stop"))
        self.keep_waiting.setText(self.tr("Keep waiting"))
        self.actions_row.retranslate()
        self.steps_view.clear()
        s = self.session
        if s is not None:
            for step, status in zip(s.steps, s.states, strict=False):
                QListWidgetItem(f"{MARKS[status]}  {step_title(step.id)}", self.steps_view)
        self._fit_steps()
        running = s is not None and s.is_running() and 0 <= s.current < len(s.steps)
        self.now.setText(
            self.tr("Now: {step}").format(step=step_title(s.steps[s.current].id)) if running and s else ""
        )
        if running:
            self._show_progress()
        self.result.setText(self._result_text())

    def _result_text(self) -> str:
        s = self.session
        if s is None or s.is_running() or s.is_removing():
            return ""
        return install_text.result_text(self.outcome)
