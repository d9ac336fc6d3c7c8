"""The install session, driven with a scripted process runner (no real pip) and, where the point is the
process itself, the real runner with small Python commands: retry, re-plan, repair, stop, the deletion
rule, the journal, the pins and the progress it reports."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

from tests.conftest import base_python
from wizard.core import envpin, journal, releases
from wizard.core.childio import VERIFY_TAG
from wizard.core.plan import (
    CondaTarget,
    InstallRequest,
    Manager,
    PackageSource,
    Route,
    SourceKind,
    Step,
    StepId,
    build_plan,
)
from wizard.runner import PlanRunner, ProcessResult
from wizard.session import Context, InstallSession, Outcome, OutcomeKind, Progress, StepState

DATA = releases.load()
CPU = "https://download.pytorch.org/whl/cpu"
OK_VERIFY = (
    VERIFY_TAG + " " + json.dumps({"ok": True, "torch": "2.13.0+cpu", "torchvision": "", "devices": ["cpu"]})
)

# What a scripted step does: (output lines, exit code) or a callable that gets the step and returns them.
Script = dict[str, Any]


class ScriptedRunner(QObject):
    """Stands in for wizard.runner.PlanRunner: the same signals and calls, each step answered from a
    script instead of a process. Records which steps it was asked to run."""

    step_started = Signal(int, object)
    line = Signal(int, str)
    step_finished = Signal(int, object, object)
    all_finished = Signal(bool, object)
    idle = Signal(float)

    def __init__(self, script: Script) -> None:
        super().__init__()
        self.script = script
        self.log_path: Path | None = None
        self.ran: list[str] = []
        self.runs: list[tuple[list[Step], int]] = []
        self._running = False
        self._cancelled = False
        self.hold: str | None = None  # a step id that runs until cancel()

    def is_running(self) -> bool:
        return self._running

    def keep_waiting(self) -> None:
        pass

    def run(self, steps: list[Step], start_at: int = 0, env: Any = None) -> None:
        if env:  # as PlanRunner does: the plan's environment under each step's own
            steps = [dataclasses.replace(st, env=(*env.items(), *st.env)) for st in steps]
        self.runs.append((list(steps), start_at))
        self._steps, self._index, self._running, self._cancelled = list(steps), start_at, True, False
        QTimer.singleShot(0, self._step)

    def cancel(self) -> None:
        self._cancelled = True
        if self.hold is not None and self._running:
            step = self._steps[self._index]
            QTimer.singleShot(
                0, lambda: self._end(step, ProcessResult(step.program, list(step.args), cancelled=True))
            )

    def _step(self) -> None:
        step = self._steps[self._index]
        self.ran.append(str(step.id))
        self.step_started.emit(self._index, step)
        if self.hold == step.id:
            if self._cancelled:
                self.cancel()
            return
        answer = self.script.get(str(step.id), ([], 0))
        lines, code = answer(step) if callable(answer) else answer
        for text in lines:
            self.line.emit(self._index, text)
        self._end(step, ProcessResult(step.program, list(step.args), exit_code=code, tail=list(lines)))

    def _end(self, step: Step, result: ProcessResult) -> None:
        self.step_finished.emit(self._index, step, result)
        if not result.ok or self._cancelled:
            self._running = False
            if self._cancelled:
                result.cancelled = True
            self.all_finished.emit(False, result)
        elif self._index + 1 < len(self._steps):
            self._index += 1
            QTimer.singleShot(0, self._step)
        else:
            self._running = False
            self.all_finished.emit(True, result)


def venv_request(env: Path, **kw: Any) -> InstallRequest:
    base: dict[str, Any] = dict(
        base_python=base_python(),
        python_version=sys.version_info[:2],
        env_dir=str(env),
        os_name="linux",
        torch="2.13.0",
        torchvision=None,
        source=PackageSource(SourceKind.PYTORCH_INDEX, CPU),
    )
    base.update(kw)
    return InstallRequest(**base)


def make_venv(step: Step) -> tuple[list[str], int]:
    """create-venv as venv would: the folder's usual entries."""
    env = Path(step.args[-1])
    (env / "bin").mkdir(parents=True, exist_ok=True)
    (env / "lib").mkdir(exist_ok=True)
    (env / "pyvenv.cfg").write_text("home = /usr/bin\n")
    return [], 0


GOOD: Script = {"create-venv": make_venv, "verify": ([OK_VERIFY], 0)}


def session_with(tmp_path: Path, script: Script) -> tuple[InstallSession, ScriptedRunner, list[Outcome]]:
    runner = ScriptedRunner(script)
    s = InstallSession(DATA, tmp_path / "data", tmp_path / "logs", runner=runner)
    outcomes: list[Outcome] = []
    s.finished.connect(outcomes.append)
    return s, runner, outcomes


def wait_outcome(qtbot: QtBot, s: InstallSession, outcomes: list[Outcome], n: int = 1) -> Outcome:
    qtbot.waitUntil(lambda: len(outcomes) >= n and not s.is_removing(), timeout=20000)
    return outcomes[-1]


def test_success_pins_the_environment_clears_the_journal_and_keeps_the_lesson(
    qtbot: QtBot, tmp_path: Path
) -> None:
    env = tmp_path / "env"
    s, runner, outcomes = session_with(tmp_path, GOOD)
    s.start(venv_request(env))
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.SUCCEEDED, out
    assert runner.ran == ["create-venv", "upgrade-pip", "install-torch", "verify"]
    assert s.states == [StepState.DONE] * 4
    assert journal.load(tmp_path / "data") is None
    assert (env / "first_model.py").is_file() and s.lesson_copy == str(env / "first_model.py")
    # pinned as installed: the verify's version with its local label, PyTorch's index as an extra index
    constraints = (env / envpin.CONSTRAINTS).read_text()
    assert "torch==2.13.0+cpu" in constraints
    conf = (env / "pip.conf").read_text()
    assert f"constraint = {env / envpin.CONSTRAINTS}" in conf and f"extra-index-url = {CPU}" in conf
    assert journal.is_ours(env)


def test_every_step_gets_the_installs_own_temp_folder_which_is_removed(qtbot: QtBot, tmp_path: Path) -> None:
    s, runner, outcomes = session_with(tmp_path, GOOD)
    s.start(venv_request(tmp_path / "env"))
    wait_outcome(qtbot, s, outcomes)
    steps, _ = runner.runs[0]
    temps = {dict(st.env)["TMPDIR"] for st in steps}
    assert len(temps) == 1
    temp = Path(temps.pop())
    assert temp.parent == tmp_path / "data" / "tmp"
    assert all(dict(st.env)["TEMP"] == str(temp) == dict(st.env)["TMP"] for st in steps)
    qtbot.waitUntil(lambda: not temp.exists(), timeout=5000)


def test_a_timed_out_download_is_a_timeout_without_a_faked_line(qtbot: QtBot, tmp_path: Path) -> None:
    def timed_out(step: Step) -> tuple[list[str], int]:
        return (["Collecting torch==2.13.0"], 1)

    s, runner, outcomes = session_with(tmp_path, {**GOOD, "install-torch": timed_out})
    runner_end = runner._end

    def end(step: Step, result: ProcessResult) -> None:
        if step.id == StepId.INSTALL_TORCH:
            result.exit_code, result.timed_out = None, True
        runner_end(step, result)

    runner._end = end  # type: ignore[method-assign]
    s.start(venv_request(tmp_path / "env"))
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.FAILED and out.failed_step == StepId.INSTALL_TORCH
    assert out.diagnosis.code == "network-timeout"
    assert "retry-longer-timeout" in out.diagnosis.actions
    assert s.states[2] is StepState.FAILED and s.failed_at == 2


def test_retry_goes_on_from_the_failed_step_and_a_longer_timeout_keeps_the_proxy(
    qtbot: QtBot, tmp_path: Path
) -> None:
    attempts: list[Step] = []

    def flaky(step: Step) -> tuple[list[str], int]:
        attempts.append(step)
        if len(attempts) < 3:
            return (["pip._vendor.urllib3.exceptions.ReadTimeoutError: Read timed out."], 1)
        return ([], 0)

    s, runner, outcomes = session_with(tmp_path, {**GOOD, "install-torch": flaky})
    s.start(venv_request(tmp_path / "env", proxy="http://proxy.example.edu:8080"))
    wait_outcome(qtbot, s, outcomes)
    s.retry()
    wait_outcome(qtbot, s, outcomes, 2)
    assert runner.runs[-1][1] == 2  # from install-torch, not from the start
    s.use_longer_timeout()
    out = wait_outcome(qtbot, s, outcomes, 3)
    assert out.ok
    last = attempts[-1]
    assert last.args[3:5] == ("--timeout", "120")
    assert ("HTTPS_PROXY", "http://proxy.example.edu:8080") in last.env
    assert s.plan is not None and s.plan.request.pip_timeout == 120 and s.plan.request.proxy


def test_stop_removes_the_unfinished_env_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    env = tmp_path / "env"
    s, runner, outcomes = session_with(tmp_path, GOOD)
    runner.hold = "install-torch"
    busy: list[str] = []
    s.busy.connect(busy.append)
    s.start(venv_request(env))
    qtbot.waitUntil(lambda: runner.ran[-1:] == ["install-torch"], timeout=5000)
    assert env.is_dir()
    s.stop()
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.STOPPED
    assert not env.exists() and out.removal and out.removal.reason == "removed"
    assert busy == ["removing", ""]
    assert all(st is StepState.PENDING for st in s.states)  # no ✔ left for what was removed
    assert journal.load(tmp_path / "data") is None


def test_stop_keeps_a_folder_that_was_there_before_and_empty(qtbot: QtBot, tmp_path: Path) -> None:
    env = tmp_path / "mine"
    env.mkdir()
    s, runner, outcomes = session_with(tmp_path, GOOD)
    runner.hold = "install-torch"
    s.start(venv_request(env))
    qtbot.waitUntil(lambda: runner.ran[-1:] == ["install-torch"], timeout=5000)
    s.stop()
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.STOPPED and env.is_dir() and list(env.iterdir()) == []
    assert out.removal.reason == "emptied"


def test_stop_leaves_a_folder_that_changed_under_it(qtbot: QtBot, tmp_path: Path) -> None:
    """The learner's own file appears in the folder while the install runs: Stop removes nothing."""
    env = tmp_path / "env"

    def learner_writes(step: Step) -> tuple[list[str], int]:
        (env / "thesis.tex").write_text("years of work")
        return ([], 0)

    s, runner, outcomes = session_with(tmp_path, {**GOOD, "upgrade-pip": learner_writes})
    runner.hold = "install-torch"
    s.start(venv_request(env))
    qtbot.waitUntil(lambda: runner.ran[-1:] == ["install-torch"], timeout=5000)
    s.stop()
    out = wait_outcome(qtbot, s, outcomes)
    assert (env / "thesis.tex").read_text() == "years of work"
    assert not out.removal and out.removal.reason == "unknown-files"


def test_a_folder_that_is_not_empty_is_refused_before_anything_runs(qtbot: QtBot, tmp_path: Path) -> None:
    env = tmp_path / "env"
    env.mkdir()
    (env / "notes.txt").write_text("mine")
    s, runner, outcomes = session_with(tmp_path, GOOD)
    s.start(venv_request(env))
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.FAILED and runner.ran == []
    assert (env / "notes.txt").read_text() == "mine" and not journal.is_ours(env)


@pytest.mark.parametrize("how", ["fail", "stop"])
def test_a_failed_or_stopped_repair_keeps_the_working_environment(
    qtbot: QtBot, tmp_path: Path, how: str
) -> None:
    env = tmp_path / "env"
    build = type(
        "Build",
        (),
        {
            "torch": "2.13.0",
            "torchvision": None,
            "variant": "cu130",
            "index_url": "https://download.pytorch.org/whl/cu130",
        },
    )()
    s, runner, outcomes = session_with(tmp_path, GOOD)
    s.start(venv_request(env), context=Context(build=build))
    assert wait_outcome(qtbot, s, outcomes).ok
    (env / "precious.ipynb").write_text("the learner's notebook")
    runner.script["repair"] = (["ERROR: could not install"], 1)
    if how == "stop":
        runner.hold = "repair"
    s.repair()
    assert s.plan is not None and [st.id for st in s.plan.steps] == ["repair", "verify"]
    repair = s.plan.steps[0]
    assert "--force-reinstall" in repair.args and repair.args[-2:] == (
        "--index-url",
        "https://download.pytorch.org/whl/cu130",
    )
    assert not (env / "pip.conf").exists()  # the pin is lifted for the wizard's own reinstall
    if how == "stop":
        qtbot.waitUntil(lambda: runner.ran[-1:] == ["repair"], timeout=5000)
        s.stop()
    out = wait_outcome(qtbot, s, outcomes, 2)
    assert out.repairing and not out.ok
    assert (env / "precious.ipynb").exists() and (env / "pyvenv.cfg").exists()
    if how == "fail":
        s.retry()
        wait_outcome(qtbot, s, outcomes, 3)
        assert (env / "precious.ipynb").exists()


def test_a_wheel_folder_replans_from_the_start_in_a_fresh_folder(qtbot: QtBot, tmp_path: Path) -> None:
    env = tmp_path / "env"
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / "torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl").write_bytes(b"")
    s, runner, outcomes = session_with(
        tmp_path,
        {
            **GOOD,
            "install-torch": (
                ["Failed to establish a new connection: [Errno -3] Temporary failure in name resolution"],
                1,
            ),
        },
    )
    s.start(venv_request(env, python_version=(3, 11)))
    wait_outcome(qtbot, s, outcomes)
    runner.script["install-torch"] = ([], 0)
    s.use_wheel_folder(str(wheels))
    out = wait_outcome(qtbot, s, outcomes, 2)
    assert out.ok
    steps, start = runner.runs[-1]
    assert start == 0
    install = next(st for st in steps if st.id == StepId.INSTALL_TORCH)
    assert "torch==2.13.0+cpu" in install.args and install.args[-3:] == (
        "--no-index",
        "--find-links",
        str(wheels),
    )
    assert "--timeout" not in install.args


def test_resume_runs_the_steps_not_done_and_keeps_the_claim(qtbot: QtBot, tmp_path: Path) -> None:
    env = tmp_path / "env"
    s, _runner, outcomes = session_with(tmp_path, {**GOOD, "install-torch": (["Killed"], -9)})
    s.start(venv_request(env))
    wait_outcome(qtbot, s, outcomes)
    record = journal.load(tmp_path / "data")
    assert record is not None and record.steps_done == ["create-venv", "upgrade-pip"] and record.claim
    s2, runner2, outcomes2 = session_with(tmp_path, GOOD)
    s2.start(record.plan or build_plan(record.request, DATA), resume=record)
    out = wait_outcome(qtbot, s2, outcomes2)
    assert out.ok and runner2.ran == ["install-torch", "verify"]


def test_progress_is_one_bar_for_the_whole_install(qtbot: QtBot, tmp_path: Path) -> None:
    pip_lines = [
        "Collecting torch==2.13.0",
        "Downloading torch-2.13.0%2Bcpu-cp311-cp311-manylinux_2_28_x86_64.whl (191.8 MB)",
        "Progress 50000000 of 191800000",
        "Progress 191800000 of 191800000",
        "Installing collected packages: torch",
    ]
    s, _runner, outcomes = session_with(tmp_path, {**GOOD, "install-torch": (pip_lines, 0)})
    seen: list[Progress] = []
    s.progress.connect(seen.append)
    lines: list[str] = []
    s.output.connect(lambda _i, t: lines.append(t))
    s.start(venv_request(tmp_path / "env"))
    wait_outcome(qtbot, s, outcomes)
    torch = [p for p in seen if p.step_id == StepId.INSTALL_TORCH and p.total_bytes]
    assert torch and torch[-1].done_bytes == 191800000 and torch[0].done_bytes == 50000000
    assert all(p.step_count == 4 and p.step_number == 3 for p in torch)
    overall = [p.overall for p in seen]
    assert overall == sorted(overall) and 0 < overall[-1] <= 1
    assert not any(t.startswith("Progress ") for t in lines)  # the bar, not the log


def test_a_password_in_the_mirror_address_is_masked_in_the_log_lines(qtbot: QtBot, tmp_path: Path) -> None:
    url = "https://ann:s3cret@mirror.example.edu/simple"
    s, _r, outcomes = session_with(tmp_path, {**GOOD, "install-torch": ([f"Looking in indexes: {url}"], 0)})
    lines: list[str] = []
    s.output.connect(lambda _i, t: lines.append(t))
    s.start(venv_request(tmp_path / "env", source=PackageSource(SourceKind.CUSTOM_INDEX, url)))
    wait_outcome(qtbot, s, outcomes)
    assert lines and all("s3cret" not in t for t in lines)
    assert "s3cret" not in (tmp_path / "env" / journal.MARKER).read_text()
    assert s.log_path is not None


def conda_request(tmp_path: Path, **kw: Any) -> InstallRequest:
    prefix = tmp_path / "miniforge3" / "envs" / "course"
    base: dict[str, Any] = dict(
        base_python=str(tmp_path / "conda"),
        python_version=(3, 12),
        env_dir=str(prefix),
        os_name="linux",
        torch="2.2.2",
        torchvision="0.17.2",
        source=PackageSource(SourceKind.PYTORCH_INDEX, CPU),
        extra=("numpy<2",),
        manager=Manager.CONDA,
        conda=CondaTarget(str(tmp_path / "conda"), "conda", "course", str(tmp_path / "miniforge3")),
    )
    base.update(kw)
    return InstallRequest(**base)


def test_stop_during_conda_create_removes_what_conda_started(qtbot: QtBot, tmp_path: Path) -> None:
    req = conda_request(tmp_path)
    prefix = Path(req.env_dir)

    def conda_starts(step: Step) -> tuple[list[str], int]:
        (prefix / "conda-meta").mkdir(parents=True)
        return ([], 0)

    s, runner, outcomes = session_with(tmp_path, {})
    runner.hold = "conda-create"
    s.start(req)
    qtbot.waitUntil(lambda: runner.ran == ["conda-create"], timeout=5000)
    conda_starts(runner._steps[0])
    s.stop()
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.STOPPED and not prefix.exists()


def test_both_conda_routes_carry_the_release_pins(tmp_path: Path) -> None:
    """Bug of the first round: the conda route's pip steps dropped numpy<2 for torch 2.2.2."""
    pip_route = build_plan(conda_request(tmp_path), DATA)
    install = pip_route.step(StepId.INSTALL_TORCH)
    assert install is not None and "numpy<2" in install.args
    forge = build_plan(conda_request(tmp_path, route=Route.CONDA_FORGE), DATA)
    conda_install = forge.step(StepId.CONDA_INSTALL)
    assert conda_install is not None and "numpy<2" in conda_install.args
    venv = build_plan(venv_request(tmp_path / "v", torch="2.2.2", extra=("numpy<2",)), DATA)
    assert "numpy<2" in venv.steps[2].args


def test_a_wheel_folder_keeps_the_conda_nvcc_step(qtbot: QtBot, tmp_path: Path) -> None:
    """Bug of the first round: after "Install from a folder…", a conda plan lost its install-nvcc step."""
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / "torch-2.13.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl").write_bytes(b"")
    req = conda_request(tmp_path, variant="cu130", torch="2.13.0", torchvision=None, extra=(), nvcc=True)
    plan = build_plan(req, DATA)
    assert plan.step(StepId.INSTALL_NVCC) is not None
    s, _runner, outcomes = session_with(tmp_path, {"install-torch": (["Read timed out."], 1)})
    s.start(plan)
    wait_outcome(qtbot, s, outcomes)
    s.use_wheel_folder(str(wheels))
    wait_outcome(qtbot, s, outcomes, 2)
    assert s.plan is not None and s.plan.step(StepId.INSTALL_NVCC) is not None
    assert s.plan.request.source.kind is SourceKind.WHEEL_FOLDER and s.plan.is_conda


def test_the_real_runner_stop_ends_the_plan_and_the_next_step_never_starts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """With the real PlanRunner: Stop during a long step; the step after it never runs."""
    env = tmp_path / "env"
    marker = tmp_path / "second-step-ran"
    req = venv_request(env)
    plan = build_plan(req, DATA)
    steps = (
        Step(StepId.CREATE_VENV, sys.executable, ("-c", "import time; time.sleep(30)"), 60),
        Step(StepId.UPGRADE_PIP, sys.executable, ("-c", f"open({str(marker)!r}, 'w')"), 60),
        *plan.steps[2:],
    )
    plan = plan.__class__(request=req, steps=steps, env_python=plan.env_python, download_mb=0)
    s = InstallSession(DATA, tmp_path / "data", tmp_path / "logs", runner=PlanRunner(None))
    outcomes: list[Outcome] = []
    s.finished.connect(outcomes.append)
    s.start(plan)
    qtbot.waitUntil(s.is_running, timeout=5000)
    s.stop()
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.STOPPED and not marker.exists() and not env.exists()
    assert s.log_path is not None and s.log_path.is_file()


def test_an_index_without_pip_goes_on_with_the_environments_own_pip(qtbot: QtBot, tmp_path: Path) -> None:
    """A kit served by http.server (or a mirror) has torch but no pip: the bundled pip is used instead."""
    no_pip = [
        "ERROR: Could not find a version that satisfies the requirement pip>=24.1 (from versions: none)",
        "ERROR: No matching distribution found for pip>=24.1",
    ]

    def upgrade(step: Step) -> tuple[list[str], int]:
        return ([], 0) if "--bundled-pip" in step.args else (no_pip, 1)

    kit_url = "http://127.0.0.1:8000/simple"
    s, runner, outcomes = session_with(tmp_path, {**GOOD, "upgrade-pip": upgrade})
    s.start(venv_request(tmp_path / "env", source=PackageSource(SourceKind.CUSTOM_INDEX, kit_url)))
    out = wait_outcome(qtbot, s, outcomes)
    assert out.ok and len(outcomes) == 1  # no failure was shown on the way
    assert runner.ran == ["create-venv", "upgrade-pip", "upgrade-pip", "install-torch", "verify"]
    steps, start = runner.runs[-1]
    assert start == 1
    install = steps[2]
    assert "--progress-bar" not in install.args and install.args[-2:] == ("--index-url", kit_url)


def test_a_mirror_that_does_not_answer_is_not_taken_for_one_without_pip(qtbot: QtBot, tmp_path: Path) -> None:
    lines = [
        "WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection "
        "broken by 'NewConnectionError(\"Failed to establish a new connection: [Errno 111] Connection refused\")': /simple/pip/",
        "ERROR: Could not find a version that satisfies the requirement pip>=24.1 (from versions: none)",
        "ERROR: No matching distribution found for pip>=24.1",
    ]
    s, runner, outcomes = session_with(tmp_path, {**GOOD, "upgrade-pip": (lines, 1)})
    s.start(
        venv_request(
            tmp_path / "env", source=PackageSource(SourceKind.CUSTOM_INDEX, "http://127.0.0.1:9/simple")
        )
    )
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.FAILED and runner.ran == ["create-venv", "upgrade-pip"]
    assert out.diagnosis.code == "network-offline"


def test_without_a_mirror_a_missing_pip_is_a_failure(qtbot: QtBot, tmp_path: Path) -> None:
    lines = ["ERROR: No matching distribution found for pip>=24.1"]
    s, runner, outcomes = session_with(tmp_path, {**GOOD, "upgrade-pip": (lines, 1)})
    s.start(venv_request(tmp_path / "env"))
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.FAILED and runner.ran == ["create-venv", "upgrade-pip"]


def test_a_python_that_made_no_environment_is_caught_at_the_next_step(qtbot: QtBot, tmp_path: Path) -> None:
    """A "python" that forges the probe's answer and exits 0 without making the venv: the first step that
    needs the environment's Python cannot start, and the diagnosis names the environment, not the network."""
    s, runner, outcomes = session_with(tmp_path, {**GOOD, "create-venv": ([], 0)})
    end = runner._end

    def no_python(step: Step, result: ProcessResult) -> None:
        if step.id == StepId.UPGRADE_PIP:
            result.exit_code, result.start_error = None, "execve: No such file or directory"
        end(step, result)

    runner._end = no_python  # type: ignore[method-assign]
    s.start(venv_request(tmp_path / "env"))
    out = wait_outcome(qtbot, s, outcomes)
    assert out.kind is OutcomeKind.FAILED and out.failed_step == StepId.UPGRADE_PIP
    assert out.diagnosis.code == "venv-unavailable"
