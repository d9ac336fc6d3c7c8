"""The QProcess runner, for real: decoding, timeouts, cancel of a whole process tree, step order, log,
Stop without blocking the GUI thread, work in the background."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psutil
import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot

import wizard.runner as runner_module
from wizard.core.plan import Step, StepId
from wizard.runner import (
    STOP_PROMISE_S,
    BackgroundResult,
    PlanRunner,
    ProcessResult,
    ProcessRunner,
    remove_in_background,
    run_in_background,
)

PY = sys.executable
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and setsid")


def marked(token: str) -> list[psutil.Process]:
    """The processes that carry this test's own token in their command line (never anyone else's)."""
    found = []
    for p in psutil.process_iter(["cmdline", "status"]):
        if p.pid == os.getpid() or p.info["status"] == psutil.STATUS_ZOMBIE:
            continue
        if token in " ".join(p.info["cmdline"] or []):
            found.append(p)
    return found


def settle(token: str, wait_s: float = 2.0) -> list[psutil.Process]:
    """What is left with ``token`` after a short grace for the kernel to tidy up."""
    until = time.monotonic() + wait_s
    left = marked(token)
    while left and time.monotonic() < until:
        time.sleep(0.05)
        left = marked(token)
    return left


def run(
    qtbot: QtBot, runner: ProcessRunner, args: list[str], timeout_s: float = 20
) -> tuple[ProcessResult, list[str]]:
    lines: list[str] = []
    runner.line.connect(lines.append)
    with qtbot.waitSignal(runner.finished, timeout=30000) as blocker:
        runner.start(PY, args, timeout_s=timeout_s)
    return blocker.args[0], lines


def test_lines_are_utf8_and_split_on_carriage_returns(qtbot: QtBot) -> None:
    runner = ProcessRunner()
    code = "import sys; print('héllo 你好'); sys.stdout.write('a\\rb\\n'); sys.stdout.buffer.write(b'bad\\xff\\n')"
    result, lines = run(qtbot, runner, ["-c", code])
    assert result.ok and result.exit_code == 0
    assert lines == ["héllo 你好", "a", "b", "bad\ufffd"]


def test_child_gets_clean_utf8_environment(qtbot: QtBot, monkeypatch: object) -> None:
    import os

    os.environ["PYTHONPATH"] = "/nonexistent-bundle"
    try:
        _result, lines = run(
            qtbot,
            ProcessRunner(),
            ["-c", "import os; print(os.environ.get('PYTHONPATH'), os.environ['PYTHONUTF8'])"],
        )
    finally:
        del os.environ["PYTHONPATH"]
    assert lines == ["None 1"]


def test_exit_code_and_stderr_merged(qtbot: QtBot) -> None:
    result, lines = run(
        qtbot, ProcessRunner(), ["-c", "import sys; print('oops', file=sys.stderr); sys.exit(3)"]
    )
    assert not result.ok and result.exit_code == 3
    assert "oops" in lines


def test_timeout_stops_the_process_tree(qtbot: QtBot) -> None:
    token = uuid.uuid4().hex
    code = (
        "import subprocess, sys, time; "
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)  # {token}']);"
        f"print('started', flush=True); time.sleep(60)  # {token}"
    )
    start = time.monotonic()
    result, _ = run(qtbot, ProcessRunner(), ["-c", code], timeout_s=1.5)
    assert result.timed_out and not result.ok
    assert time.monotonic() - start < 10
    assert not settle(token)


def test_cancel_stops_children_quickly(qtbot: QtBot) -> None:
    token = uuid.uuid4().hex
    runner = ProcessRunner()
    code = (
        "import subprocess, sys, time; "
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(61)  # {token}']);"
        f"print('ready', flush=True); time.sleep(61)  # {token}"
    )
    with qtbot.waitSignal(runner.line, timeout=10000):
        runner.start(PY, ["-c", code], timeout_s=60)
    qtbot.waitUntil(lambda: len(marked(token)) == 2, timeout=10000)  # the grandchild runs
    start = time.monotonic()
    with qtbot.waitSignal(runner.finished, timeout=10000) as blocker:
        runner.cancel()
    assert blocker.args[0].cancelled
    assert time.monotonic() - start < 5
    assert not settle(token)


# A child and a grandchild that ignore SIGTERM, and a helper that left the session with setsid: Stop must
# end all three within its promise, and never hold the GUI thread while it waits for them.
STUBBORN = """
import signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
kid = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)  # {token}"
subprocess.Popen([sys.executable, "-c", kid])
subprocess.Popen(["setsid", sys.executable, "-c", kid], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("ready", flush=True)
time.sleep(120)  # {token}
"""


@POSIX_ONLY
@pytest.mark.skipif(shutil.which("setsid") is None, reason="needs setsid (util-linux)")
def test_stop_force_kills_a_tree_that_ignores_sigterm_without_blocking(qtbot: QtBot) -> None:
    token = uuid.uuid4().hex
    runner = ProcessRunner()
    with qtbot.waitSignal(runner.line, timeout=15000):
        runner.start(PY, ["-c", STUBBORN.format(token=token)], timeout_s=120)
    qtbot.waitUntil(lambda: len(marked(token)) == 3, timeout=10000)
    # The GUI thread keeps ticking while the tree is stopped: record the largest gap between ticks.
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    ticker.start()
    start = time.monotonic()
    runner.cancel()
    cancel_call = time.monotonic() - start
    with qtbot.waitSignal(runner.finished, timeout=int((STOP_PROMISE_S + 5) * 1000)) as blocker:
        pass
    took = time.monotonic() - start
    ticker.stop()
    assert blocker.args[0].cancelled and not blocker.args[0].ok
    assert not marked(token)  # all gone by the time finished comes
    assert took < STOP_PROMISE_S + 1.0, took
    # The old runner waited for the tree on the GUI thread: 1.5 s for a child that ignores SIGTERM.
    assert cancel_call < 0.25, cancel_call
    assert gaps and max(gaps) < 250, max(gaps)


def test_missing_program_is_a_start_error(qtbot: QtBot) -> None:
    runner = ProcessRunner()
    with qtbot.waitSignal(runner.finished, timeout=10000) as blocker:
        runner.start("/nonexistent/python", [], timeout_s=5)
    result = blocker.args[0]
    assert result.start_error and not result.ok


def test_plan_runner_stops_at_first_failure_and_logs(qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "logs" / "install.log"
    steps = [
        Step(StepId.CREATE_VENV, PY, ("-c", "print('one')"), 10),
        Step(StepId.UPGRADE_PIP, PY, ("-c", "import sys; sys.exit(2)"), 10),
        Step(StepId.INSTALL_TORCH, PY, ("-c", "print('never')"), 10),
    ]
    runner = PlanRunner(log)
    started: list[int] = []
    runner.step_started.connect(lambda i, _s: started.append(i))
    with qtbot.waitSignal(runner.all_finished, timeout=20000) as blocker:
        runner.run(steps)
    ok, result = blocker.args
    assert not ok and result.exit_code == 2
    assert started == [0, 1]
    text = log.read_text(encoding="utf-8")
    assert "one" in text and "never" not in text and "exit code 2" in text
    # resume from the failed step
    started.clear()
    fixed = [steps[0], Step(StepId.UPGRADE_PIP, PY, ("-c", "print('fixed')"), 10), steps[2]]
    with qtbot.waitSignal(runner.all_finished, timeout=20000) as blocker:
        runner.run(fixed, start_at=1)
    assert blocker.args[0] is True and started == [1, 2]


def test_a_quiet_step_reports_idle_and_can_keep_waiting(qtbot: QtBot) -> None:
    runner = ProcessRunner(idle_s=0.5)
    idles: list[float] = []
    runner.idle.connect(idles.append)
    code = "import time; print('a', flush=True); time.sleep(1.2); print('b', flush=True); time.sleep(1.2)"
    with qtbot.waitSignal(runner.finished, timeout=20000) as blocker:
        runner.start(PY, ["-c", code], timeout_s=20)
    assert blocker.args[0].ok
    assert len(idles) >= 2 and idles[0] == 0.5  # once per quiet spell, re-armed by output


# -- Stop at the edge of a step ------------------------------------------------------------------------


def test_stop_just_as_a_step_ends_stops_the_plan(qtbot: QtBot, tmp_path: Path) -> None:
    """The step has exited, but the runner has not heard yet (its finished is still queued): Stop now
    must end the plan there, and the next step never starts."""
    pidfile = tmp_path / "pid"
    steps = [
        Step(StepId.CREATE_VENV, PY, ("-c", f"import os; open({str(pidfile)!r}, 'w').write(str(os.getpid()))"), 10),
        Step(StepId.UPGRADE_PIP, PY, ("-c", "print('never')"), 10),
    ]
    runner = PlanRunner(tmp_path / "install.log")
    started: list[int] = []
    lines: list[str] = []
    runner.step_started.connect(lambda i, _s: started.append(i))
    runner.line.connect(lambda _i, t: lines.append(t))
    runner.run(steps)
    # No Qt event is processed in this loop, so the runner cannot have seen the exit yet.
    until = time.monotonic() + 20
    while time.monotonic() < until and not (pidfile.exists() and pidfile.read_text()):
        time.sleep(0.01)
    child = psutil.Process(int(pidfile.read_text()))
    while time.monotonic() < until and child.status() != psutil.STATUS_ZOMBIE:
        time.sleep(0.01)
    with qtbot.waitSignal(runner.all_finished, timeout=10000) as blocker:
        runner.cancel()
    ok, result = blocker.args
    assert not ok and result.cancelled
    assert started == [0] and "never" not in lines
    qtbot.wait(200)
    assert started == [0]


def test_stop_while_the_step_finished_signal_is_handled_stops_the_plan(qtbot: QtBot) -> None:
    steps = [Step(StepId.CREATE_VENV, PY, ("-c", "print('one')"), 10), Step(StepId.UPGRADE_PIP, PY, ("-c", "print('two')"), 10)]
    runner = PlanRunner(None)
    started: list[int] = []
    runner.step_started.connect(lambda i, _s: started.append(i))
    runner.step_finished.connect(lambda _i, _s, _r: runner.cancel())  # Stop clicked right then
    with qtbot.waitSignal(runner.all_finished, timeout=10000) as blocker:
        runner.run(steps)
    ok, result = blocker.args
    assert not ok and result.cancelled and started == [0]


# -- the plan's own environment ------------------------------------------------------------------------


def test_plan_env_is_added_to_every_step_and_a_step_env_wins(qtbot: QtBot, tmp_path: Path) -> None:
    show = "import os; print(os.environ.get('TMPDIR'), os.environ.get('TEMP'), os.environ.get('PIP_X'))"
    steps = [Step(StepId.CREATE_VENV, PY, ("-c", show), 10), Step(StepId.UPGRADE_PIP, PY, ("-c", show), 10, env=(("PIP_X", "mine"),))]
    runner = PlanRunner(None)
    lines: list[str] = []
    runner.line.connect(lambda _i, t: lines.append(t))
    temp = str(tmp_path / "t")
    with qtbot.waitSignal(runner.all_finished, timeout=20000) as blocker:
        runner.run(steps, env={"TMPDIR": temp, "TEMP": temp, "PIP_X": "plan"})
    assert blocker.args[0] is True
    assert lines == [f"{temp} {temp} plan", f"{temp} {temp} mine"]
    # The next run without env gets none of it.
    lines.clear()
    with qtbot.waitSignal(runner.all_finished, timeout=20000):
        runner.run(steps[:1])
    assert lines and temp not in lines[0]


# -- the log ---------------------------------------------------------------------------------------------


def test_log_is_opened_once_per_run_masked_and_closed_at_the_end(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "logs" / "install.log"
    opened: list[str] = []
    real_open = open

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(log):
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(runner_module, "open", counting_open, raising=False)
    url = "https://ana:s3cret-pw@mirror.example/simple"
    burst = f"for i in range(300): print('line', i, {url!r})"
    steps = [
        Step(StepId.CREATE_VENV, PY, ("-c", burst, "--index-url", url), 20),
        Step(StepId.UPGRADE_PIP, PY, ("-c", "print('two')"), 20),
    ]
    runner = PlanRunner(log)
    with qtbot.waitSignal(runner.all_finished, timeout=20000) as blocker:
        runner.run(steps)
    assert blocker.args[0] is True
    assert len(opened) == 1  # once for the run, not once per line
    text = log.read_text(encoding="utf-8")
    assert "s3cret-pw" not in text
    assert "https://ana:****@mirror.example/simple" in text
    assert text.count("line ") == 300 and "two" in text
    still_open = [f.path for f in psutil.Process().open_files()]
    assert str(log) not in still_open  # closed at the end


def test_log_lines_are_flushed_while_the_step_runs(qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "install.log"
    runner = PlanRunner(log)
    code = "import time; print('first', flush=True); time.sleep(30)"
    with qtbot.waitSignal(runner.line, timeout=10000):
        runner.run([Step(StepId.CREATE_VENV, PY, ("-c", code), 60)])
    assert "first" in log.read_text(encoding="utf-8")  # on disk while the step still runs
    with qtbot.waitSignal(runner.all_finished, timeout=10000):
        runner.cancel()


# -- work in the background ------------------------------------------------------------------------------


def test_remove_in_background_reports_on_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "env"
    for i in range(200):
        (folder / f"d{i % 10}").mkdir(parents=True, exist_ok=True)
        (folder / f"d{i % 10}" / f"f{i}.txt").write_text("x" * 100, encoding="utf-8")
    worker: list[str] = []
    got: list[tuple[BackgroundResult, str]] = []

    def remove() -> str:
        worker.append(threading.current_thread().name)
        shutil.rmtree(folder)
        return "removed"

    job = remove_in_background(remove, lambda r: got.append((r, threading.current_thread().name)))
    assert job.is_running() or got
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    result, thread = got[0]
    assert result.ok and result.value == "removed" and not folder.exists()
    assert thread == threading.main_thread().name and worker and worker[0] != thread


def test_a_failing_background_job_hands_back_its_error(qtbot: QtBot) -> None:
    def boom() -> None:
        raise PermissionError(13, "Permission denied", "/somewhere")

    with qtbot.waitSignal(run_in_background(boom).finished, timeout=10000) as blocker:
        pass
    result = blocker.args[0]
    assert not result.ok and isinstance(result.error, PermissionError)


# -- output in slices ------------------------------------------------------------------------------------


@pytest.mark.parametrize("slice_s", [runner_module.LINE_SLICE_S, 10.0], ids=["5ms", "count-only"])
def test_a_burst_of_output_comes_in_order_in_slices_and_finished_comes_last(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, slice_s: float
) -> None:
    # "count-only": a clock that never says "enough" (a fast moment); the line count alone must slice.
    monkeypatch.setattr(runner_module, "LINE_SLICE_S", slice_s)
    runner = ProcessRunner()
    lines: list[str] = []
    turns: list[int] = []  # how many lines had come at each tick of the event loop
    runner.line.connect(lines.append)
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.append(len(lines)))
    code = "import sys\nfor i in range(20000):\n    sys.stdout.write(f'line {i}\\n')\nsys.stdout.write('tail without newline')"
    ticker.start()
    with qtbot.waitSignal(runner.finished, timeout=60000) as blocker:
        runner.start(PY, ["-c", code], timeout_s=60)
        time.sleep(1.0)  # the output piles up (a full pipe, ~6,000 lines) before the runner reads any
    ticker.stop()
    assert blocker.args[0].ok
    assert lines == [f"line {i}" for i in range(20000)] + ["tail without newline"]  # every line, in order
    assert blocker.args[0].tail[-1] == "tail without newline"
    # The event loop ran between slices: a pile of output is not handed out in one go (the old runner
    # emitted a whole pipe's worth, thousands of lines, in one turn).
    per_turn = [b - a for a, b in itertools.pairwise(turns)]
    # A slice holds at most LINE_SLICE_MAX (1,000) lines and a turn of the loop runs at most a few slices
    # (the socket notifier's and the drain timer's): far below the 20,000 that were waiting. (With a time
    # limit alone, a turn was seen holding 7,688 lines on a loaded machine.)
    assert per_turn and max(per_turn) <= 3000, max(per_turn)
    assert sum(1 for n in per_turn if n) >= 20000 // 3000


def test_output_without_line_breaks_is_handed_out_in_pieces(qtbot: QtBot) -> None:
    big = runner_module.MAX_LINE * 3
    result, lines = run(qtbot, ProcessRunner(), ["-c", f"import sys; sys.stdout.write('x' * {big})"])
    assert result.ok and "".join(lines) == "x" * big
    assert len(lines) >= 3 and max(len(part) for part in lines) <= runner_module.MAX_LINE + 64 * 1024


def test_a_job_whose_owner_is_deleted_meanwhile_neither_crashes_nor_reports(qtbot: QtBot) -> None:
    """A session closed while its temp folder is still being removed: the job outlives its owner. (The job
    used to be the owner's Qt child, deleted with it while its thread was about to emit: a segfault in CI.)"""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QObject

    owner = QObject()
    got: list[object] = []
    release = threading.Event()
    job = run_in_background(release.wait, got.append, name="outlives-owner", parent=owner)
    shiboken6.delete(owner)  # the C++ owner is gone now, as after deleteLater
    release.set()
    assert job.wait(10)
    for _ in range(20):
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert got == [] and job.result is not None and job.result.ok


def test_a_job_with_a_living_owner_reports_on_the_gui_thread(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject

    owner = QObject()
    with qtbot.waitSignal(run_in_background(lambda: 42, parent=owner).finished, timeout=10000) as blocker:
        pass
    assert blocker.args[0].value == 42
