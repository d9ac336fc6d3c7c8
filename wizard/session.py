"""The install session: one install, from a request to a verified environment, free of widgets.

It builds the plan (``wizard.core.plan.build_plan``), claims the folder (``wizard.core.journal``), runs the
steps through the one process runner (``wizard.runner.PlanRunner``), keeps the journal, retries a step,
re-plans after a repair or a changed source, applies the safety rules (only what this install claimed is
ever removed, and a working environment under repair never), runs the after-install check, pins the new
environment, and reports progress and the outcome as signals. The Install page shows them and forwards
the learner's clicks; ``python -m wizard install`` drives the same session with a QCoreApplication.

Layers: core <- runner <- session <- gui. Nothing here imports a widget.
"""

from __future__ import annotations

import datetime as _dt
import logging
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from .core import diagnose, envpin, handoff, journal
from .core.aftercheck import explain_verify
from .core.childio import VERIFY_TAG, tagged_json
from .core.conda import CondaProgress
from .core.plan import (
    InstallPlan,
    InstallRequest,
    PackageSource,
    SourceKind,
    Step,
    StepId,
    _StrEnum,
    build_plan,
    repair_plan,
    replan,
)
from .core.progress import PipProgress
from .core.releases import ReleaseData
from .core.secrets import mask_secrets
from .runner import (
    BackgroundJob,
    BackgroundResult,
    PlanRunner,
    ProcessResult,
    remove_in_background,
    run_in_background,
)

log = logging.getLogger(__name__)

LONGER_TIMEOUT_S = 120
LESSON_FILE = "first_model.py"  # the example, kept in the new environment for the learner


class StepState(_StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class OutcomeKind(_StrEnum):
    SUCCEEDED = "succeeded"  # installed and verified (``after`` says whether the GPU is used as it should)
    FAILED = "failed"  # a step failed: ``diagnosis`` says why and what helps
    STOPPED = "stopped"  # the learner pressed Stop (or Ctrl+C)


@dataclass
class Outcome:
    kind: OutcomeKind
    result: ProcessResult | None = None  # the last step's result (the failing one on failure)
    failed_step: StepId | None = None
    diagnosis: Any = None  # wizard.core.diagnose.Diagnosis on failure
    after: Any = None  # wizard.core.aftercheck.AfterCheck on success
    verify: dict[str, Any] = field(default_factory=dict)
    removal: Any = None  # journal.RemoveResult when an unfinished environment was removed (or kept)
    repairing: bool = False  # the outcome of a repair: the environment was working before it

    @property
    def ok(self) -> bool:
        return self.kind is OutcomeKind.SUCCEEDED


@dataclass(frozen=True)
class Progress:
    """The whole install at a glance: "Step 3 of 5 · Downloading PyTorch · 182 of 560 MB · 4.2 MB/s"."""

    step_number: int  # 1-based
    step_count: int
    step_id: StepId
    phase: str  # PipProgress / CondaProgress phase: collecting, downloading, installing, done, ""
    file: str  # the file being fetched, its name decoded
    done_bytes: int
    total_bytes: int
    bytes_per_s: float  # 0 when not known
    seconds_left: float | None
    fraction: float | None  # of the running step; None = no measure (busy)
    overall: float  # 0..1 of the whole plan, weighted by what each step usually takes


@dataclass(frozen=True)
class Context:
    """What the after-install check needs besides the plan: the chosen build and the hardware."""

    build: Any = None  # builds.Recommendation or builds.Choice: what was meant to be installed
    hardware: Any = None  # gpu.HardwareReport
    macos_version: str | None = None


# How much of the whole install each step usually is (for one overall bar); the rest share what is left.
_WEIGHTS = {
    StepId.CREATE_VENV: 1,
    StepId.UPGRADE_PIP: 2,
    StepId.INSTALL_TORCH: 30,
    StepId.REPAIR: 30,
    StepId.CONDA_CREATE: 8,
    StepId.CONDA_INSTALL: 30,
    StepId.INSTALL_NVCC: 6,
    StepId.INSTALL_JUPYTER: 4,
    StepId.VERIFY: 2,
}


class InstallSession(QObject):
    """One install; signals carry state, the session never shows anything itself."""

    plan_changed = Signal(object)  # InstallPlan
    step_started = Signal(int, object)  # index, Step
    step_finished = Signal(int, object, object)  # index, Step, ProcessResult
    output = Signal(int, str)  # index, a line of output (any secret masked)
    progress = Signal(object)  # Progress
    idle = Signal(float)  # the running step printed nothing for this many seconds
    busy = Signal(str)  # "" or what runs in the background: "removing"
    finished = Signal(object)  # Outcome

    def __init__(
        self,
        data: ReleaseData,
        data_dir: Path,
        log_dir: Path,
        *,
        runner: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.data_dir = Path(data_dir)
        self.log_dir = Path(log_dir)
        self.runner = runner if runner is not None else PlanRunner(None, self)
        self.runner.step_started.connect(self._on_step_started)
        self.runner.line.connect(self._on_line)
        self.runner.step_finished.connect(self._on_step_finished)
        self.runner.all_finished.connect(self._on_all_finished)
        self.runner.idle.connect(self.idle)
        self.plan: InstallPlan | None = None
        self.context = Context()
        self.states: list[StepState] = []
        self.current = -1
        self.failed_at: int | None = None
        self.outcome: Outcome | None = None
        self.verify: dict[str, Any] = {}
        self.claim: Any = None  # journal.Claim of the environment folder
        self.record: journal.Journal | None = None
        self.repairing = False  # running the after-check's repair in a working environment: never remove it
        self.log_path: Path | None = None
        self.lesson_copy = ""
        self._progress: PipProgress | CondaProgress = PipProgress()
        self._rate = _Rate()
        self._temp: Path | None = None
        self._overall = 0.0
        self._temp_used: Path | None = None  # the last run's temporary folder (its name decides nothing)
        self._removing = False
        self._after_removal: Callable[[], None] | None = None
        self._jobs: list[BackgroundJob] = []
        self._stop_requested = False

    # -- state ------------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.runner.is_running()

    def is_removing(self) -> bool:
        return self._removing

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.plan.steps if self.plan is not None else ()

    # -- starting -----------------------------------------------------------------------------------
    def build(self, request: InstallRequest) -> InstallPlan:
        """The plan for a request (the Review page shows it before anything runs)."""
        return build_plan(request, self.data)

    def start(
        self,
        plan: InstallPlan | InstallRequest,
        *,
        context: Context | None = None,
        resume: journal.Journal | None = None,
    ) -> None:
        """Run a plan from its first step, or finish an install a killed app left behind (``resume``)."""
        if isinstance(plan, InstallRequest):
            plan = self.build(plan)
        if context is not None:
            self.context = context
        self.repairing = False
        self._set_plan(plan)
        start = 0
        if resume is not None:
            self.record = resume
            self.claim = resume.claim
            done = set(resume.steps_done)
            start = next((i for i, s in enumerate(plan.steps) if s.id not in done), len(plan.steps) - 1)
        else:
            self.claim = None
            self.record = None
        self._run_from(start)

    def _set_plan(self, plan: InstallPlan) -> None:
        self.plan = plan
        self.states = [StepState.PENDING] * len(plan.steps)
        self.plan_changed.emit(plan)

    def _run_from(self, index: int) -> None:
        plan = self.plan
        assert plan is not None
        self.outcome = None
        self.failed_at = None
        self.verify = {}
        self._stop_requested = False
        self._overall = 0.0
        self.current = index
        for i in range(len(self.states)):
            self.states[i] = StepState.DONE if i < index else StepState.PENDING
        try:
            if index == 0 and not self.repairing:
                self._claim_folder(plan)
            if not self.repairing:
                if self.record is None or index == 0:
                    self.record = journal.start(self.data_dir, plan.request, plan, claim=self.claim)
                self.record.plan = plan
                self.record.claim = self.claim
                self.record.steps_done = [str(s.id) for s in plan.steps[:index]]
                journal.save(self.data_dir, self.record)
        except OSError as exc:  # a removed USB stick, a full disk, no permission, a folder not ours
            log.warning("could not claim or record %s: %s", plan.request.env_dir, exc)
            reason = getattr(exc, "reason", "")
            text = f"[Errno {exc.errno}] {exc.strerror}: {exc.filename}" if exc.errno else str(exc)
            if reason == "not-empty":
                text = f"the folder is not empty: {plan.request.env_dir}"
            self._fail_before_start(index, text)
            return
        self._temp = self._new_temp()
        env = {}
        if self._temp is not None:
            env = {"TMPDIR": str(self._temp), "TEMP": str(self._temp), "TMP": str(self._temp)}
        self.log_path = self._new_log_path()
        self.runner.log_path = self.log_path
        log.info("install session: %s steps from %s into %s", len(plan.steps), index, plan.request.env_dir)
        self.runner.run(list(plan.steps), start_at=index, env=env)

    def _claim_folder(self, plan: InstallPlan) -> None:
        """Mark the folder as this install's before anything goes into it: only what carries this
        install's marker is ever removed. conda makes its own prefix: the claim is confirmed after it."""
        if plan.is_conda:
            self.claim = journal.begin_conda_claim(plan.request.env_dir)
        else:
            self.claim = journal.claim_env_folder(plan.request.env_dir, plan.request)

    def _fail_before_start(self, index: int, text: str) -> None:
        result = ProcessResult(program="", args=[], exit_code=1, tail=[text])
        self.current = index
        self._finish_failed(result, index)

    def _new_temp(self) -> Path | None:
        """Each install gets its own temporary folder inside one the wizard owns (pip's downloads and
        build folders go there), removed at the end, whatever the end."""
        try:
            path = self.data_dir / "tmp" / uuid.uuid4().hex[:12]
            path.mkdir(parents=True, exist_ok=False)
            return path
        except OSError as exc:
            log.warning("no temporary folder of our own (%s): the system's is used", exc)
            return None

    def _drop_temp(self) -> None:
        temp, self._temp = self._temp, None
        self._temp_used = temp
        if temp is not None:
            self._jobs.append(
                run_in_background(lambda: shutil.rmtree(temp, True), name="remove-temp", parent=self)
            )

    def _new_log_path(self) -> Path:
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return self.log_dir / f"install-{stamp}.log"

    # -- the learner's actions ------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop the running step and all its child processes; the unfinished environment is removed
        (in the background) unless it is a working environment under repair."""
        if self.runner.is_running():
            self._stop_requested = True
            self.runner.cancel()

    def keep_waiting(self) -> None:
        self.runner.keep_waiting()

    def retry(self) -> None:
        """Run again from the step that failed (from the start after Stop: the folder was removed)."""
        self._run_from(self.failed_at or 0)

    def change(self, **changes: Any) -> None:
        """Run the plan again with some of the request changed (a proxy, a longer timeout, a wheel
        folder); re-planned by the one plan builder. A changed source starts from the beginning, in a
        freshly made folder; anything else goes on from the step that failed."""
        plan = self.plan
        assert plan is not None
        new = replan(plan, self.data, **changes)
        start = self.failed_at or 0
        if "source" in changes and changes["source"] != plan.request.source:
            start = 0
        self._set_plan(new)
        if start == 0 and not self.repairing:
            self.discard(then=lambda: self._run_from(0))
        else:
            self._run_from(start)

    def use_longer_timeout(self) -> None:
        self.change(pip_timeout=LONGER_TIMEOUT_S)

    def use_proxy(self, proxy: str | None) -> None:
        self.change(proxy=proxy or None)

    def use_wheel_folder(self, folder: str) -> None:
        self.change(source=PackageSource(SourceKind.WHEEL_FOLDER, folder=folder))

    def repair(self) -> None:
        """Install the build that was meant to be installed over the working one (the after-check found
        another one), then check again. A failed or stopped repair keeps the environment as it was."""
        plan, build = self.plan, self.context.build
        assert plan is not None and build is not None
        fixed = repair_plan(
            plan,
            self.data,
            torch=getattr(build, "torch", None),
            torchvision=getattr(build, "torchvision", None),
            variant=str(getattr(build, "variant", plan.request.variant)),
            index_url=getattr(build, "index_url", None),
        )
        self.repairing = True
        envpin.remove_pins(plan.request.env_dir, plan.request.os_name)  # written again after the check
        self._set_plan(fixed)
        self._run_from(0)

    def discard(self, then: Callable[[], None] | None = None) -> None:
        """Remove what this install made (only what it claimed), in the background; ``then`` runs on the
        GUI thread when it is done. A working environment under repair is never removed."""
        plan = self.plan
        if plan is None or self.repairing:
            if then is not None:
                then()
            return
        env_dir, claim = plan.request.env_dir, self.claim
        self._removing = True
        self._after_removal = then
        self.busy.emit("removing")
        self._jobs.append(
            remove_in_background(lambda: journal.remove_env(env_dir, claim), self._removed, parent=self)
        )

    def _removed(self, job: BackgroundResult) -> None:
        self._jobs = [j for j in self._jobs if j.is_running()]
        then, self._after_removal = self._after_removal, None
        self._removing = False
        if not job.ok:  # never lose the answer: the page would wait for ever
            log.error("removing the environment failed", exc_info=job.error)
        result: Any = job.value if job.ok else None
        log.info("removal of %s: %s", getattr(result, "path", "?"), getattr(result, "reason", result))
        if getattr(result, "status", "") == "done":
            journal.clear(self.data_dir)
            self.claim = None
            self.record = None
        if self.outcome is not None and self.outcome.kind is not OutcomeKind.SUCCEEDED:
            self.outcome.removal = result
        self.busy.emit("")
        if then is not None:
            then()

    # -- what the runner says ------------------------------------------------------------------------
    def _on_step_started(self, index: int, step: Step) -> None:
        self.current = index
        self.states[index] = StepState.RUNNING
        self._progress = CondaProgress() if step.conda_json else PipProgress()
        self._rate = _Rate()
        self.step_started.emit(index, step)
        self._emit_progress(index)

    def _on_line(self, index: int, text: str) -> None:
        step = self.plan.steps[index] if self.plan is not None and index < len(self.plan.steps) else None
        if step is not None and step.id == StepId.VERIFY:
            data = tagged_json(text, VERIFY_TAG)
            if data is not None:
                self.verify = data
                return
        if step is not None and self._progress.feed(text):
            self._emit_progress(index)
        if text.startswith("Progress ") or "\0" in text or text.startswith('{"fetch"'):
            return  # machine-readable progress: shown as the bar, not as log lines
        self.output.emit(index, mask_secrets(text))

    def _emit_progress(self, index: int) -> None:
        plan = self.plan
        if plan is None or not plan.steps:
            return
        step = plan.steps[index]
        p = self._progress
        done, total = int(p.done or 0), int(p.total or 0)
        rate = self._rate.update(str(p.file or ""), done)
        left = (total - done) / rate if rate > 0 and total > done else None
        frac = p.fraction
        weights = [_WEIGHTS.get(s.id, 2) for s in plan.steps]
        before = sum(weights[:index])
        overall = (before + weights[index] * (frac or 0.0)) / max(1, sum(weights))
        # never backwards: after a file's download the "installing" phase has no measure of its own
        overall = self._overall = max(self._overall, overall)
        self.progress.emit(
            Progress(
                step_number=index + 1,
                step_count=len(plan.steps),
                step_id=step.id,
                phase=str(p.phase or ""),
                file=str(p.file or ""),
                done_bytes=done,
                total_bytes=total,
                bytes_per_s=rate,
                seconds_left=left,
                fraction=frac,
                overall=min(1.0, overall),
            )
        )

    def _on_step_finished(self, index: int, step: Step, result: ProcessResult) -> None:
        self.states[index] = StepState.DONE if result.ok else StepState.FAILED
        plan = self.plan
        if result.ok and step.id == StepId.CONDA_CREATE and plan is not None:
            try:
                self.claim = journal.claim_conda_prefix(plan.request.env_dir, plan.request, self.claim)
            except OSError as exc:
                log.warning("could not mark the conda env %s: %s", plan.request.env_dir, exc)
        if result.ok and self.record is not None and not self.repairing:
            self.record.steps_done.append(str(step.id))
            self.record.claim = self.claim
            try:
                journal.save(self.data_dir, self.record)
            except OSError as exc:
                log.warning("could not save the journal: %s", exc)
        self.step_finished.emit(index, step, result)

    def _on_all_finished(self, ok: bool, result: ProcessResult) -> None:
        self._drop_temp()
        if self._stop_requested or result.cancelled:
            self._finish_stopped(result)
        elif ok and self.verify.get("ok"):
            self._finish_succeeded(result)
        elif self._index_has_no_pip(result):
            log.info("the index has no pip: going on with the pip the new environment brought")
            self.failed_at = self.current  # go on from this step, in the same folder
            self.change(bundled_pip=True)
        else:
            self._finish_failed(result, self.current)

    def _index_has_no_pip(self, result: ProcessResult) -> bool:
        """A mirror or a served kit without pip: not a failure, the environment's own pip will do."""
        plan = self.plan
        if (
            plan is None
            or plan.request.bundled_pip
            or plan.request.source.kind is not SourceKind.CUSTOM_INDEX
        ):
            return False
        if not (0 <= self.current < len(plan.steps)) or plan.steps[self.current].id != StepId.UPGRADE_PIP:
            return False
        text = result.output
        answered = not any(
            w in text for w in ("Retrying", "NewConnectionError", "timed out", "ProxyError", "SSLError")
        )
        return answered and (
            "No matching distribution found for pip" in text or "from versions: none" in text
        )

    def _finish_stopped(self, result: ProcessResult) -> None:
        self.failed_at = 0 if not self.repairing else None
        for i, state in enumerate(self.states):
            if state is not StepState.DONE or not self.repairing:
                self.states[i] = StepState.PENDING  # stopped, and what those steps made is being removed
        outcome = Outcome(OutcomeKind.STOPPED, result=result, repairing=self.repairing)
        self.outcome = outcome
        if self.repairing:
            self.finished.emit(outcome)
            return
        self.discard(then=lambda: self.finished.emit(outcome))

    def _finish_failed(self, result: ProcessResult, index: int) -> None:
        plan = self.plan
        self.failed_at = index
        step_id = plan.steps[index].id if plan is not None and 0 <= index < len(plan.steps) else None
        if 0 <= index < len(self.states):
            self.states[index] = StepState.FAILED
        req = plan.request if plan is not None else None
        source = req.source if req is not None else None
        diagnosis = diagnose.diagnose(
            self._failure_text(result),
            result.exit_code,
            step=str(step_id) if step_id is not None else None,
            timed_out=result.timed_out,
            crashed=result.crashed,
            os_name=req.os_name if req is not None else None,
            custom_index_url=source.index_url
            if source is not None and source.kind is SourceKind.CUSTOM_INDEX
            else None,
            wheel_folder=source.folder
            if source is not None and source.kind is SourceKind.WHEEL_FOLDER
            else None,
            env_dir=req.env_dir if req is not None else None,
            need_mb=self.data.installed_mb(req.variant, req.os_name) if req is not None else None,
            paths=[str(self._temp_used)] if self._temp_used is not None else (),
        )
        self.outcome = Outcome(
            OutcomeKind.FAILED,
            result=result,
            failed_step=step_id,
            diagnosis=diagnosis,
            verify=dict(self.verify),
            repairing=self.repairing,
        )
        log.info("install failed at %s: %s", step_id, getattr(diagnosis, "code", "?"))
        self.finished.emit(self.outcome)

    def _failure_text(self, result: ProcessResult) -> str:
        text = result.output
        plan = self.plan
        if (
            plan is not None
            and result.start_error
            and not plan.is_conda
            and not Path(plan.env_python).is_file()
        ):
            # the chosen "python" said it made the environment but did not (a forged probe answer)
            text += (
                f"\nError: the new environment has no Python at {plan.env_python}: ensurepip is not available"
            )
        if result.start_error:
            text += "\n" + result.start_error
        error = self.verify.get("error")
        if error:
            text += "\n" + str(error)
        return text

    def _finish_succeeded(self, result: ProcessResult) -> None:
        plan = self.plan
        assert plan is not None
        self.failed_at = None
        journal.clear(self.data_dir)
        self.record = None
        self._pin(plan)
        after = explain_verify(
            self.verify,
            self.context.build,
            self.context.hardware,
            data=self.data,
            macos_version=self.context.macos_version,
            env_python=plan.env_python,
            extra_text=result.output,
        )
        self._keep_lesson(plan, str(getattr(after, "device", "") or "cpu"))
        self.outcome = Outcome(
            OutcomeKind.SUCCEEDED,
            result=result,
            after=after,
            verify=dict(self.verify),
            repairing=self.repairing,
        )
        self.repairing = False
        self.finished.emit(self.outcome)

    def _keep_lesson(self, plan: InstallPlan, device: str) -> None:
        """Write the lesson file (``first_model.py``, the demo as a clean program for the learner's device
        and language) beside the environment's Python, so that it can be run again later."""
        req = plan.request
        target = handoff.Target(
            req.env_dir,
            plan.env_python,
            req.os_name,
            req.manager.value,
            req.conda.name if req.conda is not None else "",
        )
        try:
            (path,) = handoff.write_files([handoff.lesson_file(target, device)])
            self.lesson_copy = str(path)
        except (OSError, ValueError) as exc:
            log.warning("could not write the lesson file into %s: %s", req.env_dir, exc)
            self.lesson_copy = ""

    def _pin(self, plan: InstallPlan) -> None:
        """The new environment keeps the PyTorch build it got: a later ``pip install something`` in it
        cannot swap the CUDA build for another one or upgrade torch (see ``core/envpin.py``)."""
        try:
            envpin.write_pins(
                plan.request.env_dir,
                plan.request.os_name,
                torch=str(self.verify.get("torch") or plan.torch or ""),
                torchvision=str(self.verify.get("torchvision") or plan.torchvision or ""),
                index_url=plan.request.source.index_url
                if plan.request.source.kind is SourceKind.PYTORCH_INDEX
                else None,
            )
        except OSError as exc:
            log.warning("could not pin the environment %s: %s", plan.request.env_dir, exc)


class _Rate:
    """Download speed over the last few seconds of one file."""

    def __init__(self) -> None:
        self.file = ""
        self.samples: list[tuple[float, int]] = []

    def update(self, file: str, done: int) -> float:
        now = time.monotonic()
        if file != self.file or (self.samples and done < self.samples[-1][1]):
            self.file, self.samples = file, []
        self.samples.append((now, done))
        self.samples = [s for s in self.samples if now - s[0] <= 5.0] or [(now, done)]
        (t0, d0), (t1, d1) = self.samples[0], self.samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 - t0 >= 0.5 else 0.0


def remove_unfinished(
    data_dir: Path, record: journal.Journal, done: Callable[[Any], None], *, parent: QObject | None = None
) -> BackgroundJob:
    """Remove what a cut-short install claimed (``record.claim``), off the GUI thread; ``done`` gets the
    ``journal.RemoveResult`` on the GUI thread. The journal is cleared when the folder is gone."""

    def finished(job: BackgroundResult) -> None:
        result = (
            job.value
            if job.ok
            else journal.RemoveResult("failed", "os-error", record.request.env_dir, str(job.error))
        )
        if result:
            journal.clear(data_dir)
        done(result)

    return remove_in_background(
        lambda: journal.remove_env(record.request.env_dir, record.claim), finished, parent=parent
    )


__all__ = [
    "Context",
    "InstallSession",
    "Outcome",
    "OutcomeKind",
    "Progress",
    "StepState",
    "remove_in_background",
]
