"""Install: runs the plan with live progress, a log, Stop, and on failure a plain diagnosis with the
actions that help (retry, a longer timeout, a proxy, a wheel folder, another build, ...)."""

from __future__ import annotations

import dataclasses
import platform
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import conda, diagnose, journal
from ..core.aftercheck import explain_verify
from ..core.childio import VERIFY_TAG, tagged_json
from ..core.conda import CONDA_JSON_STEPS, CondaProgress
from ..core.plan import (
    INSTALL_TIMEOUT_S,
    InstallPlan,
    InstallRequest,
    PackageSource,
    SourceKind,
    Step,
    build_plan,
    check_proxy_url,
    check_wheel_folder,
    is_conda_plan,
    proxy_env,
    scan_wheel_folder,
    step_title,
    with_pip_timeout,
    with_proxy,
)
from ..core.precheck import space_checks, where_label
from ..core.progress import PipProgress, human_size
from ..core.resources import resource
from ..runner import PlanRunner, ProcessResult
from .common import Page, wrap_label
from .widgets import LogView

PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
MARKS = {PENDING: "○", RUNNING: "▶", DONE: "✔", FAILED: "✘"}
LONGER_TIMEOUT_S = 120
REINSTALL = "reinstall-right-build"  # the after-check's repair, run as a step
DEMO_COPY = "first_model.py"  # the demo, kept in the new environment for the learner
NVIDIA_DRIVER_URL = "https://www.nvidia.com/Download/index.aspx"
VC_REDIST_URL = "https://aka.ms/vs/17/release/vc_redist.x64.exe"


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
        # shown when a step prints nothing for a long time
        self.idle_box = QFrame()
        self.idle_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.idle_text = wrap_label()
        self.keep_waiting = QPushButton()
        self.keep_waiting.clicked.connect(self._on_keep_waiting)
        idle_row = QHBoxLayout(self.idle_box)
        idle_row.addWidget(self.idle_text, 1)
        idle_row.addWidget(self.keep_waiting)
        self.idle_box.setVisible(False)
        self.actions_row = QWidget()
        self.actions_layout = QHBoxLayout(self.actions_row)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.action_buttons: dict[str, QPushButton] = {}
        self.stop = QPushButton()
        self.stop.clicked.connect(self.cancel)
        self.log = LogView()
        buttons = QHBoxLayout()
        buttons.addWidget(self.actions_row, 1)
        buttons.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps_view)
        layout.addWidget(self.now)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.idle_box)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        layout.addWidget(self.log, 1)
        self.runner: PlanRunner | None = None
        self.progress: PipProgress | CondaProgress = PipProgress()
        self.status: list[str] = []
        self.steps: list[Step] = []
        self.current = -1
        self.succeeded = False
        self.failed_at: int | None = None
        self.diagnosis: Any = None
        self.last_result: ProcessResult | None = None
        self.journal: journal.Journal | None = None
        self.resume_from = 0  # set when finishing an install a killed app left behind
        self.after: Any = None  # what the after-install check found (AfterCheck)
        self.repairing = False  # running the after-check's repair in a working environment: never remove it
        self.removal_failed = ""  # a folder the wizard made but could not delete
        self.retranslate()

    # -- wizard hooks ------------------------------------------------------------------------
    def initializePage(self) -> None:
        plan = self.state.plan
        assert plan is not None
        if self.runner is None:
            self.runner = PlanRunner(None, self)
            self.runner.step_started.connect(self._on_step_started)
            self.runner.line.connect(self._on_line)
            self.runner.step_finished.connect(self._on_step_finished)
            self.runner.all_finished.connect(self.finish_run)
            self.runner.idle.connect(self._on_idle)
        self.log.clear()
        self.last_result = None
        self.state.verify = None
        self._set_plan(plan)
        start = self.resume_from
        self.resume_from = 0
        self._start(start)

    def isComplete(self) -> bool:
        return self.succeeded

    def is_running(self) -> bool:
        return self.runner is not None and self.runner.is_running()

    # -- running -----------------------------------------------------------------------------
    def _set_plan(self, plan: InstallPlan) -> None:
        self.state.plan = plan
        self.steps = list(plan.steps)
        self.status = [PENDING] * len(self.steps)

    def _start(self, index: int) -> None:
        plan = self.state.plan
        assert plan is not None and self.runner is not None
        self.succeeded = False
        self.failed_at = None
        self.diagnosis = None
        self.after = None
        for i in range(len(self.status)):
            self.status[i] = DONE if i < index else PENDING
        self.result.setText("")
        self._show_actions(())
        self.idle_box.setVisible(False)
        self.stop.setEnabled(True)
        self.stop.setVisible(True)
        self.completeChanged.emit()
        data_dir = self.wiz().data_dir
        try:
            if index == 0 and not self.repairing and not is_conda_plan(plan):
                # Mark the folder as ours before anything goes into it: only marked folders are removed.
                journal.create_env_folder(plan.request.env_dir, plan.request)
            self.journal = journal.start(data_dir, plan.request, plan)
            if index == 0 and is_conda_plan(plan):
                # conda refuses an existing folder: the prefix is ours if it did not exist before the create
                self.journal.made_by_us = not Path(plan.request.env_dir).exists()
            elif self.journal is not None:
                self.journal.made_by_us = True
            self.journal.steps_done = [s.id for s in self.steps[:index]]
            journal.save(data_dir, self.journal)
        except OSError as exc:  # a removed USB stick, a full disk, no permission: explain, never crash
            self.current = index
            self.finish_run(
                False,
                ProcessResult(
                    program="",
                    args=[],
                    exit_code=1,
                    tail=[f"[Errno {exc.errno}] {exc.strerror}: {exc.filename}"],
                ),
            )
            return
        self.runner.log_path = self.wiz().new_log_path()
        self.runner.run(self.steps, start_at=index)
        self.retranslate()

    def cancel(self) -> None:
        """Stop the running step and all its child processes; the half-made environment is removed."""
        if self.runner is not None and self.runner.is_running():
            self.stop.setEnabled(False)
            self.runner.cancel()

    def remove_created_env(self) -> None:
        """Delete the environment folder, but only if this wizard created it (its marker is inside, or the
        journal says conda made it for us), and never the working environment under repair."""
        plan = self.state.plan
        self.removal_failed = ""
        if plan is not None and not self.repairing:
            made = self.journal is not None and self.journal.made_by_us
            if not journal.remove_env(plan.request.env_dir, force=made):
                self.removal_failed = plan.request.env_dir
        if not self.repairing:
            journal.clear(self.wiz().data_dir)

    def retry_install(self, request: InstallRequest | None = None) -> None:
        """Run again from the failed step, or from the start when the package source changed."""
        plan = self.state.plan
        assert plan is not None
        start = self.failed_at or 0
        if request is not None and request != plan.request:
            self._set_plan(self._replan(plan, request))
            start = 0
        if start == 0 and not self.repairing:
            self.remove_created_env()
        self._start(start)

    def retry_with(self, plan: InstallPlan) -> None:
        """Run the changed plan (a proxy, a longer timeout) again from the step that failed."""
        start = self.failed_at or 0
        self._set_plan(plan)
        if start == 0 and not self.repairing:
            self.remove_created_env()
        self._start(start)

    def _replan(self, plan: InstallPlan, req: InstallRequest) -> InstallPlan:
        """The plan for a changed request: a venv plan is rebuilt; a conda plan too, through conda."""
        st = self.state
        if not is_conda_plan(plan):
            return build_plan(req, st.data)
        if st.conda_install is None:  # resumed after a restart: conda's details are not known
            return plan
        folder = req.source.folder if req.source.kind is SourceKind.WHEEL_FOLDER else None
        forge = any(s.id == "conda-install" for s in plan.steps) and folder is None
        torch, vision = req.torch, req.torchvision
        if folder:
            wheels = scan_wheel_folder(folder)
            best = wheels.best("torch", req.python_version, req.os_name)
            torch = str(best.version) if best else torch
            best_vision = wheels.best("torchvision", req.python_version, req.os_name)
            vision = str(best_vision.version) if best_vision and vision is not None else None
        new = conda.build_conda_install_plan(
            st.conda_install,
            st.conda_env_name,
            f"{req.python_version[0]}.{req.python_version[1]}",
            req.os_name,
            req.variant,
            torch,
            vision,
            conda.ROUTE_CONDA_FORGE if forge else conda.ROUTE_PIP,
            st.data,
            req.source.index_url,
            proxy=req.proxy,
            wheel_folder=folder,
        )
        return with_pip_timeout(new, req.pip_timeout) if req.pip_timeout else new

    # -- runner signals ----------------------------------------------------------------------
    def _on_step_started(self, index: int, step: Step) -> None:
        self.current = index
        self.status[index] = RUNNING
        self.progress = CondaProgress() if step.id in CONDA_JSON_STEPS else PipProgress()
        self.bar.setRange(0, 0)
        self.detail.setText("")
        self.idle_box.setVisible(False)
        self.retranslate()

    def _on_line(self, index: int, text: str) -> None:
        if not text.startswith("Progress ") and "\0" not in text and not text.startswith('{"fetch"'):
            self.log.append(text)
        step = self.steps[index]
        if step.id == "verify":
            data = tagged_json(text, VERIFY_TAG)
            if data is not None:
                self.state.verify = data
            return
        if (
            step.raw_progress or step.id in ("install-torch", "upgrade-pip") or step.id in CONDA_JSON_STEPS
        ) and self.progress.feed(text):
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
        if self.runner is not None:
            self.runner.keep_waiting()

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

    def _on_step_finished(self, index: int, step: Step, result: ProcessResult) -> None:
        self.status[index] = DONE if result.ok else FAILED
        if result.ok and step.id == "conda-create" and self.state.plan is not None:
            journal.create_env_folder(self.state.plan.request.env_dir, self.state.plan.request)
        if result.ok and self.journal is not None:
            self.journal.steps_done.append(step.id)
            journal.save(self.wiz().data_dir, self.journal)
        self.retranslate()

    def finish_run(self, ok: bool, result: ProcessResult) -> None:
        self.last_result = result
        self.stop.setVisible(False)
        self.idle_box.setVisible(False)
        self.bar.setRange(0, 1000)
        if ok and self.state.verify and self.state.verify.get("ok"):
            self.succeeded = True
            self.bar.setValue(1000)
            self.detail.setText("")
            journal.clear(self.wiz().data_dir)
            self._keep_demo_copy()
            self._check_after(result)
        elif result.cancelled:
            self.failed_at = 0
            self.remove_created_env()  # keeps a working environment under repair
            self.bar.setValue(0)
            self._show_actions(("retry",))
        else:
            self.failed_at = self.current
            self.bar.setValue(0)
            self.detail.setText("")
            step = self.steps[self.current]
            self.diagnosis = diagnose.diagnose(self._failure_text(result), result.exit_code, step=step.id)
            self._show_actions(self.diagnosis.actions)
        self.completeChanged.emit()
        self.retranslate()
        if self.succeeded:
            self.wiz().installed()

    def _installed_build(self) -> Any:
        """The build that was installed: the recommendation, or the learner's own choice of build."""
        rec = self.state.recommendation
        if rec is None or getattr(rec, "variant", None) == self.state.variant:
            return rec
        return next((c for c in rec.choices if c.variant == self.state.variant), rec)

    def _check_after(self, result: ProcessResult) -> None:
        """Does the installed PyTorch use the GPU it should? A mismatch is explained, not hidden."""
        plan = self.state.plan
        assert plan is not None
        self.after = explain_verify(
            self.state.verify or {},
            self._installed_build(),
            self.state.hardware,
            data=self.state.data,
            macos_version=platform.mac_ver()[0] or None if self.state.os_name == "macos" else None,
            env_python=plan.env_python,
            extra_text=result.output,
        )
        self.state.demo_device = self.after.device
        self.repairing = False
        actions = list(self.after.actions)
        if self.after.fix_command:
            actions.insert(0, REINSTALL)
        self._show_actions(actions, with_retry=False)

    def reinstall_right_build(self) -> None:
        """Run the repair command the after-check proposed, then check again."""
        plan = self.state.plan
        assert plan is not None and self.after is not None and self.after.fix_command
        argv = self.after.fix_command
        verify = next(s for s in plan.steps if s.id == "verify")
        fix = Step(
            "install-torch",
            argv[0],
            tuple(argv[1:]),
            INSTALL_TIMEOUT_S,
            raw_progress="raw" in argv,
            env=proxy_env(plan.request.proxy),
        )
        repair = dataclasses.replace(plan, steps=(fix, verify))
        if plan.request.pip_timeout:
            repair = with_pip_timeout(repair, plan.request.pip_timeout)
        self.repairing = True  # the environment works: a failed or stopped repair must not remove it
        self._set_plan(repair)
        self.after = None
        self._start(0)

    def _keep_demo_copy(self) -> None:
        """Put the example beside the environment's Python, so the Finish page's command works later
        (a one-file app's own resources vanish when it quits)."""
        plan = self.state.plan
        if plan is None:
            return
        target = Path(plan.request.env_dir) / DEMO_COPY
        try:
            shutil.copyfile(resource("demo.py"), target)
            self.state.demo_copy = str(target)
        except OSError:
            self.state.demo_copy = ""

    def _failure_text(self, result: ProcessResult) -> str:
        text = result.output
        if result.start_error:
            text += "\n" + result.start_error
        if (
            result.timed_out
            and self.current >= 0
            and self.steps[self.current].id in ("upgrade-pip", "install-torch")
        ):
            text += "\nRead timed out (the step took too long)"
        verify = self.state.verify
        if verify and verify.get("error"):
            text += "\n" + str(verify["error"])
        return text

    # -- actions -----------------------------------------------------------------------------
    def _show_actions(self, actions: tuple[str, ...] | list[str], *, with_retry: bool = True) -> None:
        for button in self.action_buttons.values():
            button.deleteLater()
        self.action_buttons.clear()
        wanted = list(actions)
        if with_retry and wanted and "retry" not in wanted:
            wanted.insert(0, "retry")
        for action in wanted:
            button = QPushButton(self._action_label(action))
            button.setProperty("action", action)
            button.clicked.connect(lambda _checked=False, a=action: self.do_action(a))
            self.actions_layout.addWidget(button)
            if self.isVisible():
                button.show()  # a widget added to a shown layout only appears on the next event loop turn
            self.action_buttons[action] = button

    def _action_label(self, action: str) -> str:
        if action == REINSTALL:
            return self.tr("Install the right build")
        return diagnose.action_label(action)

    def do_action(self, action: str) -> None:
        plan = self.state.plan
        assert plan is not None
        req = plan.request
        if action == REINSTALL:
            self.reinstall_right_build()
        elif action == "retry":
            self.retry_install()
        elif action == "retry-longer-timeout":
            self.retry_with(with_pip_timeout(plan, LONGER_TIMEOUT_S))
        elif action == "set-proxy":
            proxy = self.ask_proxy(req.proxy or "")
            if proxy is not None:
                self.retry_with(with_proxy(plan, proxy or None))
        elif action == "use-wheel-folder" and is_conda_plan(plan) and self.state.conda_install is None:
            QMessageBox.information(
                self,
                self.tr("Wheel folder"),
                self.tr(
                    "To install this conda environment from a folder, remove it and start the wizard again."
                ),
            )
        elif action == "use-wheel-folder":
            folder = self.ask_wheel_folder()
            if folder:
                self.retry_install(
                    dataclasses.replace(req, source=PackageSource(SourceKind.WHEEL_FOLDER, folder=folder))
                )
        elif action == "choose-another-build":
            self.remove_created_env()
            self.wiz().return_to_page("hardware")
        elif action == "choose-another-python":
            self.remove_created_env()
            self.wiz().return_to_page("python")
        elif action == "free-space":
            self.show_space()
        elif action == "open-driver-page":
            QDesktopServices.openUrl(QUrl(NVIDIA_DRIVER_URL))
        elif action == "install-vc-redist":
            QDesktopServices.openUrl(QUrl(VC_REDIST_URL))
        elif action == "copy-report":
            QGuiApplication.clipboard().setText(self.wiz().build_report())
            self.detail.setText(self.tr("The report is copied. Paste it where you ask for help."))

    def ask_proxy(self, current: str) -> str | None:
        """The proxy address, '' to use none, or None when the learner cancels."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Proxy"),
            self.tr(
                "Address of the proxy your network needs (ask your school or company), for example "
                "http://proxy.example.edu:8080. Leave empty to use this computer's own settings."
            ),
            QLineEdit.EchoMode.Normal,
            current,
        )
        if not ok:
            return None
        text = text.strip()
        if text:
            text, problems = check_proxy_url(text)
            if problems:
                QMessageBox.warning(self, self.tr("Proxy"), problems[0])
                return None
        return text

    def ask_wheel_folder(self) -> str | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder with the wheel files"), str(Path.home())
        )
        if not folder:
            return None
        problems = check_wheel_folder(
            scan_wheel_folder(folder), self.state.python_version, self.state.os_name
        )
        if problems:
            QMessageBox.warning(self, self.tr("Wheel folder"), problems[0])
            return None
        return folder

    def show_space(self) -> None:
        plan = self.state.plan
        assert plan is not None
        checks = space_checks(
            plan.request.env_dir,
            self.state.data.installed_mb(plan.request.variant, plan.request.os_name),
            plan.download_mb,
            os_name=plan.request.os_name,
        )
        lines = []
        for check in checks:
            uses = self.tr(", ").join(where_label(n.where) for n in check.needs)
            lines.append(
                self.tr("{path}: needs {need} ({uses}), free {free}.").format(
                    path=check.path,
                    need=human_size(check.need_bytes),
                    uses=uses,
                    free=human_size(check.free_bytes or 0),
                )
            )
            if not check.ok:
                lines.append(
                    self.tr("Free up at least {size} there.").format(size=human_size(check.short_by))
                )
        QMessageBox.information(self, self.tr("Disk space"), "\n".join(lines))

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
        for action, button in self.action_buttons.items():
            button.setText(self._action_label(action))
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
            after = self.after
            if after is not None and not after.ok:
                self.result.setText(
                    "<span style='color:#9a6700'><b>⚠ "
                    + self.tr("PyTorch {version} is installed and works, but not as expected:").format(
                        version=v.get("torch", "")
                    )
                    + "</b></span><br>"
                    + "<br>".join(after.messages)
                )
                return
            if after is not None and after.messages:
                where = "<br>".join(after.messages)
            self.result.setText(
                "<span style='color:#1b7f3a'><b>✔ "
                + self.tr("PyTorch {version} is installed and works.").format(version=v.get("torch", ""))
                + "</b></span><br>"
                + where
                + "<br>"
                + self.tr("Press Next to try it.")
            )
        elif self.last_result is not None and self.last_result.cancelled and not self.is_running():
            if self.repairing or self.removal_failed:
                text = (
                    self.tr("Stopped. Your environment was kept as it was.")
                    if self.repairing
                    else self.tr(
                        "Stopped. The unfinished environment in {path} could not be removed; you can "
                        "delete that folder yourself. Nothing else was changed."
                    ).format(path=self.removal_failed)
                )
            else:
                text = self.tr(
                    "Stopped. The unfinished environment was removed; nothing else was "
                    "changed. Press Retry to start again."
                )
            self.result.setText(text)
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
