"""The one place that owns QProcess.

``ProcessRunner`` runs one command: argument list (never a shell), a timeout, the clean child
environment, UTF-8 decoding with replacement, one ``line`` signal per output line, and a cancel
that stops the whole process tree. ``PlanRunner`` runs the steps of an install plan in order and
writes every command and its output to a log file (kept open for the run, every line masked with
:func:`wizard.core.secrets.mask_secrets`).

Nothing here blocks the GUI thread: Stop asks the tree to end (SIGTERM), and a worker thread
force-kills what is left after :data:`STOP_GRACE_S`, so every process is gone within
:data:`STOP_PROMISE_S`; ``finished`` comes once they are. :func:`run_in_background` (and its name for
deleting, :func:`remove_in_background`) runs slow work such as removing a folder off the GUI thread
and hands the result back on it.

Each child starts in its own session (POSIX) and carries a random token in its environment
(:data:`wizard.core.childproc.TOKEN_ENV`), so that Stop also finds helpers that left the session
(``setsid``) or lost their parent: the kill is :func:`wizard.core.childproc.stop_tree`, the same as
for the probes outside Qt.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import logging
import os
import re
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import psutil
from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Qt, QTimer, Signal, Slot

from .core import childproc
from .core.plan import Step
from .core.procenv import child_environment
from .core.secrets import mask_secrets

log = logging.getLogger(__name__)

TAIL_LINES = 400
#: After Stop, how long the process tree is given to end by itself (SIGTERM) before it is killed.
STOP_GRACE_S = 1.5
#: Stop's promise: every process of the tree is gone this long after Stop (or the timeout).
STOP_PROMISE_S = 3.0
#: The most time one turn of the event loop spends handing out output lines; the rest waits a turn.
LINE_SLICE_S = 0.005
#: ... and at most this many lines, whatever the clock says: on a fast moment of a loaded machine 5 ms
#: held several thousand lines, which the page then had to lay out in the same turn.
LINE_SLICE_MAX = 1000
#: The most output read from the process in one go (the rest stays in QProcess's buffer a turn).
READ_CHUNK = 64 * 1024
#: A longer "line" (output without line breaks) is handed out in pieces of this many characters.
MAX_LINE = 256 * 1024
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


def kill_tree(pid: int, timeout: float = STOP_PROMISE_S) -> bool:
    """Stop a process and everything it started, waiting for them: never on the GUI thread.

    (The runner itself stops trees from a worker thread; this is for scripts and tests.)"""
    return childproc.stop_tree(pid, grace_s=timeout / 2, wait_s=timeout / 2)


# ---------------------------------------------------------------------------------------------
# Work off the GUI thread
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackgroundResult:
    """What a background job returned, or the exception it raised."""

    value: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class BackgroundJob(QObject):
    """One callable run on a worker thread; ``finished`` (a :class:`BackgroundResult`) comes on the
    thread that made the job (the GUI thread), through its event loop. Make it on that thread."""

    finished = Signal(object)  # BackgroundResult
    _ready = Signal(object)

    def __init__(self, work: Callable[[], Any], *, name: str = "background", parent: QObject | None = None):
        # No Qt parent: the worker thread emits on this object, and a parent deleted meanwhile (a session
        # closed while its temp folder is removed) would delete it under the thread's feet - a crash, not
        # an exception. The job keeps itself alive (_JOBS) until it has reported; ``parent`` only says
        # whose job it is: once that object is gone, the result is dropped instead of delivered.
        super().__init__(None)
        self._work = work
        self._name = name
        self._owner_gone = False
        self.result: BackgroundResult | None = None
        self._ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        if parent is not None:
            parent.destroyed.connect(self._on_owner_destroyed)
        # Not a daemon: a removal or a kill that is under way when the app quits is finished first.
        self._thread = threading.Thread(target=self._run, name=name, daemon=False)

    def start(self) -> BackgroundJob:
        _JOBS.add(self)
        self._thread.start()
        return self

    def is_running(self) -> bool:
        return self.result is None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work is done (for tests and the app's exit); True when it is."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:  # the worker thread
        try:
            res = BackgroundResult(self._work())
        except BaseException as exc:  # handed to the caller, who decides what the learner sees
            log.warning("%s failed: %s", self._name, exc, exc_info=True)
            res = BackgroundResult(None, exc)
        self._ready.emit(res)  # safe: nothing but _JOBS owns this object until _deliver

    @Slot()
    def _on_owner_destroyed(self) -> None:
        self._owner_gone = True

    @Slot(object)
    def _deliver(self, res: BackgroundResult) -> None:
        self.result = res
        _JOBS.discard(self)
        if self._owner_gone:
            log.debug("%s finished after its owner was gone", self._name)
            return
        self.finished.emit(res)


_JOBS: set[BackgroundJob] = set()  # running jobs stay alive until they have reported


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[BackgroundResult], None] | None = None,
    *,
    name: str = "background",
    parent: QObject | None = None,
) -> BackgroundJob:
    """Run ``work()`` on a worker thread; ``on_done(result)`` is called on this (the GUI) thread."""
    job = BackgroundJob(work, name=name, parent=parent)
    if on_done is not None:
        job.finished.connect(on_done)
    return job.start()


def remove_in_background(
    remove: Callable[[], Any],
    on_done: Callable[[BackgroundResult], None] | None = None,
    *,
    parent: QObject | None = None,
) -> BackgroundJob:
    """Delete something off the GUI thread: ``remove`` does the deleting (with the caller's own rules
    about what may be deleted, e.g. the journal's claim); ``on_done`` gets its result on this thread."""
    return run_in_background(remove, on_done, name="remove", parent=parent)


# ---------------------------------------------------------------------------------------------
# One command
# ---------------------------------------------------------------------------------------------


class ProcessRunner(QObject):
    """Runs one external command at a time without blocking the GUI thread."""

    started = Signal()
    line = Signal(str)
    finished = Signal(object)  # ProcessResult
    idle = Signal(float)  # seconds without any output: the step may hang (emitted once per quiet spell)

    def __init__(
        self, parent: QObject | None = None, *, idle_s: float = 600.0, stop_grace_s: float = STOP_GRACE_S
    ) -> None:
        super().__init__(parent)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(int(idle_s * 1000))
        self._idle.timeout.connect(lambda: self.idle.emit(self._idle.interval() / 1000))
        self._grace = max(0.0, min(stop_grace_s, STOP_PROMISE_S - 0.5))
        self._proc: QProcess | None = None
        self._result: ProcessResult | None = None
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self._tail: deque[str] = deque(maxlen=TAIL_LINES)
        self._queue: deque[str] = deque()  # lines read but not yet emitted (see _drain)
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._token = ""
        self._since = 0.0
        self._root: psutil.Process | None = None
        self._stopping: BackgroundJob | None = None  # the worker that ends the tree
        self._exited = False  # the process has ended (finished, or it failed to start)
        self._flushed = False  # the decoder's last bytes are out (after the process ended)

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
        self._queue.clear()
        self._root = None
        self._stopping = None
        self._exited = False
        self._flushed = False
        self._token = childproc.new_token()
        self._since = time.time()
        proc = QProcess(self)
        proc.setProgram(program)
        proc.setArguments(list(args))
        proc.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        if sys.platform != "win32":
            # Its own session, like childproc's children: Stop signals the whole process group.
            flags = QProcess.UnixProcessFlag.CreateNewSession | QProcess.UnixProcessFlag.ResetSignalHandlers
            proc.setUnixProcessParameters(flags)
        qenv = QProcessEnvironment()
        for key, value in child_environment(env).items():
            qenv.insert(key, value)
        qenv.insert(childproc.TOKEN_ENV, self._token)
        proc.setProcessEnvironment(qenv)
        if cwd:
            proc.setWorkingDirectory(cwd)
        proc.started.connect(self._on_started)
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
        """Stop the command and its children without waiting; ``finished`` follows with
        ``cancelled`` set once every process of the tree is gone (within :data:`STOP_PROMISE_S`)."""
        if self._proc is None or self._result is None:
            return
        self._result.cancelled = True
        self._stop()

    # -- internals --------------------------------------------------------------------------
    def _on_started(self) -> None:
        proc = self._proc
        if proc is None:
            return
        try:
            self._root = psutil.Process(proc.processId())
        except (psutil.Error, ValueError) as exc:
            log.debug("the started process is gone already: %s", exc)
        if self._stopping is not None:
            proc.kill()  # Stop came while it was starting: it has started nothing yet
        self.started.emit()

    def _stop(self) -> None:
        proc = self._proc
        if proc is None or self._stopping is not None:
            return
        self._timer.stop()
        self._idle.stop()
        root: psutil.Process | int | None = self._root or (proc.processId() or None)
        token, since, grace = self._token, self._since, self._grace

        def stop() -> bool:
            return childproc.stop_tree(
                root, token=token, since=since, grace_s=grace, wait_s=STOP_PROMISE_S - grace
            )

        self._stopping = run_in_background(stop, self._on_tree_stopped, name="stop-tree", parent=self)

    def _on_tree_stopped(self, res: BackgroundResult) -> None:
        if not res.ok or not res.value:
            log.warning("Stop: not every process of %s could be ended", self._result and self._result.program)
        proc = self._proc
        if proc is not None and proc.state() != QProcess.ProcessState.NotRunning:
            proc.kill()  # finished follows
            return
        self._maybe_finish()

    def _on_timeout(self) -> None:
        if self._result is not None:
            self._result.timed_out = True
        self._stop()

    def _on_output(self) -> None:
        self._drain()

    def _read_chunk(self) -> bool:
        """Take the next piece of output (at most :data:`READ_CHUNK` bytes) apart into lines."""
        proc = self._proc
        if proc is None or proc.bytesAvailable() <= 0:
            return False
        data = bytes(proc.read(READ_CHUNK).data())
        if data:
            self._idle.start()  # any output counts as a sign of life
        self._split(self._decoder.decode(data))
        return True

    def _split(self, text: str, final: bool = False) -> None:
        text = self._pending + text
        parts = _SPLIT.split(text)
        self._pending = "" if final else parts.pop()
        self._queue.extend(part for part in parts if part or not final)
        if len(self._pending) > MAX_LINE:  # output without line breaks: hand it out in pieces
            self._queue.append(self._pending)
            self._pending = ""

    def _drain(self) -> None:
        """Hand out output lines for at most :data:`LINE_SLICE_S`, then let the event loop run: a burst
        of output (pip prints thousands of lines at once) never holds the GUI thread. Once the process
        has ended and everything it printed is out, ``finished`` follows."""
        until = time.perf_counter() + LINE_SLICE_S
        left = LINE_SLICE_MAX
        queue = self._queue
        while True:
            while queue:
                part = queue.popleft()
                self._tail.append(part)
                self.line.emit(part)
                left -= 1
                if left <= 0 or time.perf_counter() >= until:
                    self._drain_timer.start()
                    return
            if self._read_chunk():
                if left <= 0 or time.perf_counter() >= until:
                    self._drain_timer.start()
                    return
                continue
            if self._exited and not self._flushed:
                self._flushed = True
                self._split(self._decoder.decode(b"", final=True), final=True)
                continue
            break
        self._maybe_finish()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if (
            error == QProcess.ProcessError.FailedToStart
            and self._proc is not None
            and self._result is not None
        ):
            self._result.start_error = self._proc.errorString()
            self._exited = True
            self._drain()

    def _on_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        if self._result is None:
            return
        self._result.exit_code = exit_code
        self._result.crashed = status == QProcess.ExitStatus.CrashExit and not (
            self._result.cancelled or self._result.timed_out
        )
        self._exited = True
        self._drain()

    def _maybe_finish(self) -> None:
        """``finished`` comes when the process has ended, every line is out, and (after Stop or a
        timeout) the rest of its tree is gone."""
        if not self._exited or not self._flushed or self._queue or self._result is None:
            return
        if self._stopping is not None and self._stopping.result is None:
            return
        self._finish()

    def _finish(self) -> None:
        self._timer.stop()
        self._idle.stop()
        self._drain_timer.stop()
        result = self._result
        proc = self._proc
        self._proc = None
        self._result = None
        self._root = None
        if result is None:
            return
        result.tail = list(self._tail)
        if proc is not None:
            proc.deleteLater()
        self.finished.emit(result)


# ---------------------------------------------------------------------------------------------
# A plan of steps
# ---------------------------------------------------------------------------------------------


class PlanRunner(QObject):
    """Runs steps one after another; stops at the first failure, or at Stop (the next step never starts)."""

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
        self._env: dict[str, str] = {}
        self._log_file: IO[str] | None = None
        self._log_file_path: Path | None = None
        self.log_path = log_path

    def is_running(self) -> bool:
        return self._runner.is_running()

    def run(self, steps: Sequence[Step], start_at: int = 0, env: Mapping[str, str] | None = None) -> None:
        """Run ``steps[start_at:]``. ``env`` is added to every step's environment (a step's own
        ``env`` wins over it), e.g. this install's own TMPDIR/TEMP/TMP."""
        if self._runner.is_running():
            raise RuntimeError("a plan is already running")
        self._steps = list(steps)
        self._index = start_at - 1
        self._cancelled = False
        self._env = dict(env or {})
        self._open_log()
        self._next()

    def cancel(self) -> None:
        """Stop the running step and its process tree; no later step starts. ``all_finished``
        follows (with ``cancelled`` set) once the tree is gone."""
        self._cancelled = True
        self._runner.cancel()

    def keep_waiting(self) -> None:
        self._runner.keep_waiting()

    # -- the log ----------------------------------------------------------------------------
    def _open_log(self) -> None:
        """Open the log once for the run (appending); a new ``log_path`` gets a new file."""
        if self._log_file is not None and self._log_file_path == self.log_path:
            return
        self._close_log()
        if self.log_path is None:
            return
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log_file = open(self.log_path, "a", encoding="utf-8", errors="replace")  # noqa: SIM115
            self._log_file_path = self.log_path
        except OSError as exc:  # logging must never break the install
            log.warning("no install log at %s: %s", self.log_path, exc)
            self._log_file = None

    def _close_log(self) -> None:
        fh, self._log_file, self._log_file_path = self._log_file, None, None
        if fh is not None:
            try:
                fh.close()
            except OSError as exc:
                log.warning("closing the install log: %s", exc)

    def _log(self, text: str) -> None:
        fh = self._log_file
        if fh is None:
            return
        try:
            fh.write(mask_secrets(text) + "\n")
            fh.flush()
        except (OSError, ValueError) as exc:  # a full disk, a pulled USB stick: the install goes on
            log.warning("writing the install log failed, logging stops: %s", exc)
            self._close_log()

    # -- steps ------------------------------------------------------------------------------
    def _next(self) -> None:
        self._index += 1
        step = self._steps[self._index]
        stamp = _dt.datetime.now().isoformat(timespec="seconds")
        self._log(f"[{stamp}] $ {' '.join(step.argv)}")
        self.step_started.emit(self._index, step)
        extra = {**self._env, **dict(step.env)}
        env = {**os.environ, **extra} if extra else None
        self._runner.start(step.program, step.args, timeout_s=step.timeout_s, env=env)

    def _on_line(self, text: str) -> None:
        self._log(text)
        self.line.emit(self._index, text)

    def _on_finished(self, result: ProcessResult) -> None:
        step = self._steps[self._index]
        stamp = _dt.datetime.now().isoformat(timespec="seconds")
        self._log(f"[{stamp}] -> {result}")
        self.step_finished.emit(self._index, step, result)
        # Stop pressed at any moment up to here (even while step_finished was being handled) ends the plan.
        if not result.ok or self._cancelled:
            if self._cancelled:
                result.cancelled = True
            self._close_log()
            self.all_finished.emit(False, result)
        elif self._index + 1 < len(self._steps):
            self._next()
        else:
            self._close_log()
            self.all_finished.emit(True, result)


def launch_detached(argv: Sequence[str], cwd: str = "") -> bool:
    """Start a program that lives on after the wizard (VS Code, JupyterLab, a settings window): an argument
    list, the clean child environment, never waited for."""
    proc = QProcess()
    proc.setProgram(argv[0])
    proc.setArguments(list(argv[1:]))
    env = QProcessEnvironment()
    for key, value in child_environment().items():
        env.insert(key, value)
    proc.setProcessEnvironment(env)
    if cwd:
        proc.setWorkingDirectory(cwd)
    ok = bool(proc.startDetached())
    if not ok:
        log.warning("could not start %s", argv[0])
    return ok


def default_log_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or os.path.expanduser("~/.torch-setup-wizard")) / "logs"
