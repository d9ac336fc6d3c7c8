"""The one place that owns QProcess.

``ProcessRunner`` runs one command: argument list (never a shell), a timeout, the clean child
environment, UTF-8 decoding with replacement, one ``line`` signal per output line, and a cancel
that stops the whole process tree. ``PlanRunner`` runs the steps of an install plan in order and
writes every command and its output to a log file.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as _dt
import os
import re
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from .core.plan import Step
from .core.procenv import child_environment

TAIL_LINES = 400
_SPLIT = re.compile(r"\r\n|\r|\n")


@dataclass
class ProcessResult:
    program: str
    args: list[str]
    exit_code: int | None = None
    crashed: bool = False
    timed_out: bool = False
    cancelled: bool = False
    start_error: str = ""  # the program could not be started (missing, not executable)
    tail: list[str] = field(default_factory=list)  # last lines of output

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not (
            self.crashed or self.timed_out or self.cancelled or self.start_error
        )

    @property
    def output(self) -> str:
        return "\n".join(self.tail)

    def __str__(self) -> str:
        if self.start_error:
            return f"{self.program}: could not start ({self.start_error})"
        if self.cancelled:
            return f"{self.program}: cancelled"
        if self.timed_out:
            return f"{self.program}: timed out"
        if self.crashed:
            return f"{self.program}: crashed"
        return f"{self.program}: exit code {self.exit_code}"


def kill_tree(pid: int, timeout: float = 3.0) -> None:
    """Stop a process and everything it started (pip's build helpers, the venv's ensurepip, ...)."""
    try:
        parent = psutil.Process(pid)
        procs = [*parent.children(recursive=True), parent]
    except psutil.Error:
        return
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            proc.terminate()
    _gone, alive = psutil.wait_procs(procs, timeout=timeout / 2)
    for proc in alive:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(alive, timeout=timeout / 2)


class ProcessRunner(QObject):
    """Runs one external command at a time without blocking the GUI thread."""

    started = Signal()
    line = Signal(str)
    finished = Signal(object)  # ProcessResult
    idle = Signal(float)  # seconds without any output: the step may hang (emitted once per quiet spell)

    def __init__(self, parent: QObject | None = None, *, idle_s: float = 600.0) -> None:
        super().__init__(parent)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(int(idle_s * 1000))
        self._idle.timeout.connect(lambda: self.idle.emit(self._idle.interval() / 1000))
        self._proc: QProcess | None = None
        self._result: ProcessResult | None = None
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self._tail: deque[str] = deque(maxlen=TAIL_LINES)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    def is_running(self) -> bool:
        return self._proc is not None

    def start(
        self,
        program: str,
        args: Sequence[str],
        *,
        timeout_s: float,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        if self._proc is not None:
            raise RuntimeError("a command is already running")
        self._result = ProcessResult(program=program, args=list(args))
        self._decoder.reset()
        self._pending = ""
        self._tail.clear()
        proc = QProcess(self)
        proc.setProgram(program)
        proc.setArguments(list(args))
        proc.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        qenv = QProcessEnvironment()
        for key, value in child_environment(env).items():
            qenv.insert(key, value)
        proc.setProcessEnvironment(qenv)
        if cwd:
            proc.setWorkingDirectory(cwd)
        proc.readyReadStandardOutput.connect(self._on_output)
        proc.finished.connect(self._on_finished)
        proc.errorOccurred.connect(self._on_error)
        self._proc = proc
        self._timer.start(int(timeout_s * 1000))
        self._idle.start()
        proc.start()
        proc.closeWriteChannel()

    def keep_waiting(self) -> None:
        """The learner chose to wait after ``idle``: start counting the quiet time again."""
        if self._proc is not None:
            self._idle.start()

    def cancel(self) -> None:
        """Stop the command and its children; ``finished`` follows with ``cancelled`` set."""
        if self._proc is None or self._result is None:
            return
        self._result.cancelled = True
        self._stop()

    # -- internals --------------------------------------------------------------------------
    def _stop(self) -> None:
        proc = self._proc
        if proc is None:
            return
        pid = proc.processId()
        if pid:
            kill_tree(pid)
        if proc.state() != QProcess.ProcessState.NotRunning:
            proc.kill()

    def _on_timeout(self) -> None:
        if self._result is not None:
            self._result.timed_out = True
        self._stop()

    def _on_output(self) -> None:
        if self._proc is None:
            return
        data = bytes(self._proc.readAllStandardOutput().data())
        if data:
            self._idle.start()  # any output counts as a sign of life
        self._emit_text(self._decoder.decode(data))

    def _emit_text(self, text: str, final: bool = False) -> None:
        text = self._pending + text
        parts = _SPLIT.split(text)
        self._pending = "" if final else parts.pop()
        for part in parts:
            if part or not final:
                self._tail.append(part)
                self.line.emit(part)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if (
            error == QProcess.ProcessError.FailedToStart
            and self._proc is not None
            and self._result is not None
        ):
            self._result.start_error = self._proc.errorString()
            self._finish()

    def _on_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        if self._result is None:
            return
        if self._proc is not None:
            self._on_output()
        self._emit_text(self._decoder.decode(b"", final=True), final=True)
        self._result.exit_code = exit_code
        self._result.crashed = status == QProcess.ExitStatus.CrashExit and not (
            self._result.cancelled or self._result.timed_out
        )
        self._finish()

    def _finish(self) -> None:
        self._timer.stop()
        self._idle.stop()
        result = self._result
        proc = self._proc
        self._proc = None
        self._result = None
        if result is None:
            return
        result.tail = list(self._tail)
        if proc is not None:
            proc.deleteLater()
        self.finished.emit(result)


class PlanRunner(QObject):
    """Runs steps one after another; stops at the first failure."""

    step_started = Signal(int, object)  # index, Step
    line = Signal(int, str)  # index, text
    step_finished = Signal(int, object, object)  # index, Step, ProcessResult
    all_finished = Signal(bool, object)  # ok, last ProcessResult (the failing one on failure)
    idle = Signal(float)  # the running step printed nothing for this many seconds

    def __init__(
        self, log_path: Path | None = None, parent: QObject | None = None, *, idle_s: float = 600.0
    ) -> None:
        super().__init__(parent)
        self._runner = ProcessRunner(self, idle_s=idle_s)
        self._runner.idle.connect(self.idle)
        self._runner.line.connect(self._on_line)
        self._runner.finished.connect(self._on_finished)
        self._steps: list[Step] = []
        self._index = -1
        self._cancelled = False
        self.log_path = log_path

    def is_running(self) -> bool:
        return self._runner.is_running()

    def run(self, steps: Sequence[Step], start_at: int = 0) -> None:
        self._steps = list(steps)
        self._index = start_at - 1
        self._cancelled = False
        self._next()

    def cancel(self) -> None:
        self._cancelled = True
        self._runner.cancel()

    def keep_waiting(self) -> None:
        self._runner.keep_waiting()

    def _log(self, text: str) -> None:
        if self.log_path is None:
            return
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.log_path, "a", encoding="utf-8", errors="replace") as fh:
                fh.write(text + "\n")
        except OSError:
            self.log_path = None  # logging must never break the install

    def _next(self) -> None:
        self._index += 1
        step = self._steps[self._index]
        stamp = _dt.datetime.now().isoformat(timespec="seconds")
        self._log(f"[{stamp}] $ {' '.join(step.argv)}")
        self.step_started.emit(self._index, step)
        env = {**os.environ, **dict(step.env)} if step.env else None
        self._runner.start(step.program, step.args, timeout_s=step.timeout_s, env=env)

    def _on_line(self, text: str) -> None:
        self._log(text)
        self.line.emit(self._index, text)

    def _on_finished(self, result: ProcessResult) -> None:
        step = self._steps[self._index]
        stamp = _dt.datetime.now().isoformat(timespec="seconds")
        self._log(f"[{stamp}] -> {result}")
        self.step_finished.emit(self._index, step, result)
        if not result.ok or self._cancelled:
            if self._cancelled:
                result.cancelled = True
            self.all_finished.emit(False, result)
        elif self._index + 1 < len(self._steps):
            self._next()
        else:
            self.all_finished.emit(True, result)


def default_log_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or os.path.expanduser("~/.torch-setup-wizard")) / "logs"
