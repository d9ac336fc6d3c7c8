"""Install: runs the plan with live progress, a log, Stop, and a plain diagnosis with Retry on failure."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
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
from ..core.childio import VERIFY_TAG, tagged_json
from ..core.plan import Step, step_title
from ..core.progress import PipProgress, human_size
from ..runner import PlanRunner, ProcessResult
from .common import LogView, Page, wrap_label

PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
MARKS = {PENDING: "○", RUNNING: "▶", DONE: "✔", FAILED: "✘"}


class InstallPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.steps_view = QListWidget()
        self.steps_view.setMaximumHeight(120)
        self.steps_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.now = wrap_label()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.detail = QLabel()
        self.result = wrap_label()
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.stop = QPushButton()
        self.stop.clicked.connect(self.cancel)
        self.retry = QPushButton()
        self.retry.clicked.connect(self.retry_install)
        self.retry.setVisible(False)
        self.log = LogView()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps_view)
        layout.addWidget(self.now)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        layout.addWidget(self.log, 1)
        self.runner: PlanRunner | None = None
        self.progress = PipProgress()
        self.status: list[str] = []
        self.steps: list[Step] = []
        self.current = -1
        self.succeeded = False
        self.failed_at: int | None = None
        self.diagnosis: Any = None
        self.last_result: ProcessResult | None = None
        self._created_env = False
        self.retranslate()

    # -- wizard hooks ------------------------------------------------------------------------
    def initializePage(self) -> None:
        plan = self.state.plan
        assert plan is not None
        self.steps = list(plan.steps)
        self.status = [PENDING] * len(self.steps)
        env = Path(plan.request.env_dir)
        self._created_env = not env.exists() or not any(env.iterdir())
        self.log.clear()
        self.runner = PlanRunner(self.wiz().new_log_path(), self)
        self.runner.step_started.connect(self._on_step_started)
        self.runner.line.connect(self._on_line)
        self.runner.step_finished.connect(self._on_step_finished)
        self.runner.all_finished.connect(self._on_all_finished)
        self._start(0)

    def isComplete(self) -> bool:
        return self.succeeded

    def is_running(self) -> bool:
        return self.runner is not None and self.runner.is_running()

    # -- actions -----------------------------------------------------------------------------
    def _start(self, index: int) -> None:
        self.succeeded = False
        self.failed_at = None
        self.diagnosis = None
        for i in range(index, len(self.status)):
            self.status[i] = PENDING
        self.result.setText("")
        self.retry.setVisible(False)
        self.stop.setEnabled(True)
        self.stop.setVisible(True)
        self.completeChanged.emit()
        assert self.runner is not None
        self.runner.run(self.steps, start_at=index)
        self.retranslate()

    def cancel(self) -> None:
        """Stop the running step (and all its child processes) and remove the half-made environment."""
        if self.runner is not None and self.runner.is_running():
            self.stop.setEnabled(False)
            self.runner.cancel()

    def retry_install(self) -> None:
        start = self.failed_at or 0
        if start == 0:
            self.remove_created_env()
        self._start(start)

    def remove_created_env(self) -> None:
        """Delete the environment folder, but only if this wizard created it (it was new or empty)."""
        plan = self.state.plan
        if plan is None or not self._created_env:
            return
        env = Path(plan.request.env_dir)
        if env.is_dir():
            shutil.rmtree(env, ignore_errors=True)

    # -- runner signals ----------------------------------------------------------------------
    def _on_step_started(self, index: int, _step: Step) -> None:
        self.current = index
        self.status[index] = RUNNING
        self.progress = PipProgress()
        self.bar.setRange(0, 0)
        self.detail.setText("")
        self.retranslate()

    def _on_line(self, index: int, text: str) -> None:
        if not text.startswith("Progress "):
            self.log.append(text)
        step = self.steps[index]
        if step.id == "verify":
            data = tagged_json(text, VERIFY_TAG)
            if data is not None:
                self.state.verify = data
            return
        if step.id in ("install-torch", "upgrade-pip") and self.progress.feed(text):
            self._show_progress()

    def _show_progress(self) -> None:
        p = self.progress
        frac = p.fraction
        if frac is None:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(frac * 1000))
        if p.phase == "downloading" and p.total:
            self.detail.setText(
                self.tr("Downloading {file}: {done} of {total}").format(
                    file=p.file, done=human_size(p.done), total=human_size(p.total)
                )
            )
        elif p.phase == "downloading":
            self.detail.setText(self.tr("Downloading {file}…").format(file=p.file))
        elif p.phase == "collecting":
            self.detail.setText(self.tr("Getting {file}…").format(file=p.file))
        elif p.phase == "installing":
            self.detail.setText(
                self.tr("Unpacking and installing the packages (this can take a few minutes)…")
            )
        elif p.phase == "done":
            self.detail.setText(self.tr("Installed."))

    def _on_step_finished(self, index: int, _step: Step, result: ProcessResult) -> None:
        self.status[index] = DONE if result.ok else FAILED
        self.retranslate()

    def _on_all_finished(self, ok: bool, result: ProcessResult) -> None:
        self.last_result = result
        self.stop.setVisible(False)
        self.bar.setRange(0, 1000)
        if ok and self.state.verify and self.state.verify.get("ok"):
            self.succeeded = True
            self.bar.setValue(1000)
            self.detail.setText("")
        elif result.cancelled:
            self.failed_at = 0
            self.remove_created_env()
            self.bar.setValue(0)
        else:
            self.failed_at = self.current
            self.bar.setValue(0)
            step = self.steps[self.current]
            self.diagnosis = diagnose.diagnose(self._failure_text(result), result.exit_code, step=step.id)
        self.retry.setVisible(not self.succeeded)
        self.completeChanged.emit()
        self.retranslate()
        if self.succeeded:
            self.wiz().installed()

    def _failure_text(self, result: ProcessResult) -> str:
        text = result.output
        if result.start_error:
            text += "\n" + result.start_error
        if result.timed_out:
            text += "\nRead timed out (the step took too long)"
        verify = self.state.verify
        if verify and verify.get("error"):
            text += "\n" + str(verify["error"])
        return text

    # -- text --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Installing"))
        self.setSubTitle(
            self.tr(
                "The wizard is creating the environment and installing PyTorch. You can stop at any time."
            )
        )
        self.stop.setText(self.tr("Stop"))
        self.retry.setText(self.tr("Retry"))
        self.steps_view.clear()
        for step, status in zip(self.steps, self.status, strict=False):
            QListWidgetItem(f"{MARKS[status]}  {step_title(step.id)}", self.steps_view)
        if 0 <= self.current < len(self.steps) and self.is_running():
            self.now.setText(self.tr("Now: {step}").format(step=step_title(self.steps[self.current].id)))
            self._show_progress()
        else:
            self.now.setText("")
        if self.succeeded:
            v = self.state.verify or {}
            gpu = [n for d, n in (v.get("device_names") or {}).items() if d != "cpu"]
            where = (
                self.tr("It can use: {devices}.").format(devices=", ".join(gpu))
                if gpu
                else self.tr("It will run on the processor (CPU).")
            )
            self.result.setText(
                "<span style='color:#1b7f3a'><b>✔ "
                + self.tr("PyTorch {version} is installed and works.").format(version=v.get("torch", ""))
                + "</b></span><br>"
                + where
                + "<br>"
                + self.tr("Press Next to try it.")
            )
        elif self.last_result is not None and self.last_result.cancelled and not self.is_running():
            self.result.setText(
                self.tr(
                    "Stopped. The unfinished environment was removed; nothing else was "
                    "changed. Press Retry to start again."
                )
            )
        elif self.last_result is not None and not self.is_running() and self.failed_at is not None:
            step = self.steps[self.failed_at]
            d = diagnose.diagnose(
                self._failure_text(self.last_result), self.last_result.exit_code, step=step.id
            )
            self.diagnosis = d
            self.result.setText(
                "<span style='color:#a61b1b'><b>✘ "
                + self.tr("This step failed: {step}").format(step=step_title(step.id))
                + "</b></span><br><b>"
                + d.title
                + "</b><br>"
                + d.explanation
            )
        else:
            self.result.setText("")
