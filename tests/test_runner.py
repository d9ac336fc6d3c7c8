"""The QProcess runner, for real: decoding, timeouts, cancel of a whole process tree, step order, log."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import psutil
from pytestqt.qtbot import QtBot

from wizard.core.plan import Step
from wizard.runner import PlanRunner, ProcessResult, ProcessRunner

PY = sys.executable


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
    code = (
        "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']);"
        "print('started', flush=True); time.sleep(60)"
    )
    start = time.monotonic()
    result, _ = run(qtbot, ProcessRunner(), ["-c", code], timeout_s=1.5)
    assert result.timed_out and not result.ok
    assert time.monotonic() - start < 10
    assert not [
        p for p in psutil.process_iter(["cmdline"]) if "time.sleep(60)" in " ".join(p.info["cmdline"] or [])
    ]


def test_cancel_stops_children_quickly(qtbot: QtBot) -> None:
    runner = ProcessRunner()
    code = (
        "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(61)']);"
        "print('ready', flush=True); time.sleep(61)"
    )
    with qtbot.waitSignal(runner.line, timeout=10000):
        runner.start(PY, ["-c", code], timeout_s=60)
    qtbot.wait(300)  # let the grandchild start
    start = time.monotonic()
    with qtbot.waitSignal(runner.finished, timeout=10000) as blocker:
        runner.cancel()
    assert blocker.args[0].cancelled
    assert time.monotonic() - start < 5
    assert not [
        p for p in psutil.process_iter(["cmdline"]) if "time.sleep(61)" in " ".join(p.info["cmdline"] or [])
    ]


def test_missing_program_is_a_start_error(qtbot: QtBot) -> None:
    runner = ProcessRunner()
    with qtbot.waitSignal(runner.finished, timeout=10000) as blocker:
        runner.start("/nonexistent/python", [], timeout_s=5)
    result = blocker.args[0]
    assert result.start_error and not result.ok


def test_plan_runner_stops_at_first_failure_and_logs(qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "logs" / "install.log"
    steps = [
        Step("a", PY, ("-c", "print('one')"), 10),
        Step("b", PY, ("-c", "import sys; sys.exit(2)"), 10),
        Step("c", PY, ("-c", "print('never')"), 10),
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
    fixed = [steps[0], Step("b", PY, ("-c", "print('fixed')"), 10), steps[2]]
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
