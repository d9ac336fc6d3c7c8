"""The one way to run a child process outside Qt: interpreter probes, conda queries, GPU tools.

:func:`run` starts a program from an argument list (never a shell) with the clean child environment
(:func:`wizard.core.procenv.child_environment`: ``PYTHONUTF8=1``, nothing of ours inherited), no
console window on Windows, stdin closed, and returns one :class:`ChildResult`: exit code, stdout and
stderr decoded as UTF-8 with replacement, ``timed_out``, ``start_error``. It never raises for
anything the child does.

The timeout rule, the same for every caller
-------------------------------------------
``timeout`` is the most the program may run. When it passes, the program and everything it started
are killed and the result says ``timed_out``. When the program ends but something it started still
holds its output open, that output is read for at most :data:`LINGER_S` more (never past the
timeout) and then the holders are killed. Whatever the program started and left running is killed
when it ends. Killing waits at most :data:`KILL_WAIT_S`, so a call returns within
``timeout + KILL_WAIT_S`` (plus one :data:`LINGER_S`).

Killing a whole tree
--------------------
The child starts in its own session (``start_new_session`` on POSIX, ``CREATE_NEW_PROCESS_GROUP``
on Windows), and its environment carries a random token in :data:`TOKEN_ENV`. :func:`stop_tree`
signals the process groups led by the tree's members and every process psutil finds below the
child *or* carrying the token: a helper that left the session with ``setsid``, or was orphaned when
its parent died, is found by the token. It never reaps (``waitpid``) the child itself, so the
owner of the child (``subprocess.Popen``, ``QProcess``) still gets its exit status.
``wizard.runner`` uses the same :func:`stop_tree`, from a worker thread, for the install steps.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import psutil

from .procenv import child_environment

log = logging.getLogger(__name__)

#: The environment variable that marks every process started for one child (see :func:`stop_tree`).
TOKEN_ENV = "TORCH_SETUP_WIZARD_CHILD"
#: After the program ends, how long output that something it started holds open is still read.
LINGER_S = 1.0
#: How long killing may wait to see a killed tree gone.
KILL_WAIT_S = 3.0
#: How much one stream may print before the program is stopped as "endless output".
DEFAULT_OUTPUT_LIMIT = 8 << 20

_CREATE_NEW_PROCESS_GROUP = 0x00000200
_CREATE_NO_WINDOW = 0x08000000
_POLL_S = 0.02


@dataclass(frozen=True)
class ChildResult:
    """What one child process did. ``exit_code`` is None when it did not start, timed out or was
    stopped for printing more than the limit."""

    argv: tuple[str, ...]
    exit_code: int | None = None
    stdout: str = ""
    stderr: str = ""  # "" when stderr was merged into stdout
    timed_out: bool = False
    overflow: bool = False  # it printed more than the output limit and was stopped
    start_error: str = ""  # it could not be started (missing, not a program, access denied)
    start_exception: OSError | None = field(default=None, compare=False, repr=False)
    duration_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not (self.timed_out or self.overflow or self.start_error)

    @property
    def output(self) -> str:
        """stdout and stderr together (stdout first)."""
        if self.stdout and self.stderr and not self.stdout.endswith("\n"):
            return self.stdout + "\n" + self.stderr
        return self.stdout + self.stderr

    def describe(self) -> str:
        """One line for a log: what ran and how it ended (not translated: for logs and reports)."""
        name = os.path.basename(self.argv[0]) if self.argv else "?"
        if self.start_error:
            return f"{name}: could not run ({self.start_error})"
        if self.timed_out:
            return f"{name}: no answer within {self.duration_s:.1f} s"
        if self.overflow:
            return f"{name}: stopped, it printed too much"
        return f"{name}: exit {self.exit_code}"


def new_token() -> str:
    """A fresh value for :data:`TOKEN_ENV`."""
    return secrets.token_hex(12)


def popen_options(platform: str = sys.platform) -> dict[str, Any]:
    """``subprocess.Popen`` options for a child of its own: own session / process group, no window."""
    if platform == "win32":
        return {"creationflags": _CREATE_NO_WINDOW | _CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def run(
    argv: Sequence[str],
    *,
    timeout: float,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    merge_stderr: bool = False,
    output_limit: int = DEFAULT_OUTPUT_LIMIT,
) -> ChildResult:
    """Run ``argv`` under the timeout rule (module docstring). Never raises for the child's doing.

    ``env`` is the base of the child's environment (default: this process's), cleaned by
    :func:`child_environment`. ``merge_stderr`` sends stderr into ``stdout`` (in order).
    ``output_limit`` bounds each stream; past it the tree is killed and ``overflow`` is set.
    """
    args = tuple(os.fspath(a) for a in argv)
    started = time.monotonic()
    deadline = started + max(0.0, timeout)
    token = new_token()
    child_env = child_environment(env)
    child_env[TOKEN_ENV] = token
    since = time.time()
    try:
        if not args:
            raise ValueError("no program given")
        proc = subprocess.Popen(
            list(args),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
            env=child_env,
            cwd=cwd,
            **popen_options(),
        )
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in an argument or the environment
        return ChildResult(
            args,
            start_error=str(exc) or type(exc).__name__,
            start_exception=exc if isinstance(exc, OSError) else None,
            duration_s=time.monotonic() - started,
        )
    try:
        root: psutil.Process | None = psutil.Process(proc.pid)
    except psutil.Error:
        root = None  # already gone

    overflow = threading.Event()
    chunks: dict[str, list[bytes]] = {"out": [], "err": []}

    def stop() -> None:
        stop_tree(root if root is not None else proc.pid, token=token, since=since)

    def reader(stream: IO[bytes], key: str) -> None:
        total = 0
        try:
            while True:
                data = stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536)
                if not data:
                    break
                total += len(data)
                if total > output_limit:
                    overflow.set()
                    stop()
                    break
                chunks[key].append(data)
        except (OSError, ValueError) as exc:
            log.debug("reading from %s: %s", args[0], exc)

    streams = [(proc.stdout, "out"), (proc.stderr, "err")]
    threads = [
        threading.Thread(target=reader, args=(s, k), daemon=True, name="childproc-read")
        for s, k in streams
        if s is not None
    ]
    for t in threads:
        t.start()

    timed_out = False
    try:
        proc.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        timed_out = not overflow.is_set()
        stop()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=KILL_WAIT_S)

    linger_until = min(deadline, time.monotonic() + LINGER_S) if not timed_out else time.monotonic()
    for t in threads:
        t.join(timeout=max(0.0, linger_until - time.monotonic()))
    if any(t.is_alive() for t in threads):
        # Something it started still holds its output open: end it.
        stop()
        for t in threads:
            t.join(timeout=1.0)
    else:
        leftovers = find_tree(None, token=token, since=since)
        if leftovers:
            log.info("%s left %d process(es) running: stopping them", args[0], len(leftovers))
            stop_tree(None, token=token, since=since, known=leftovers)
    for t, (stream, _key) in zip(threads, [s for s in streams if s[0] is not None], strict=True):
        # Closing a stream that a reader still blocks on would wait for that read: leave those.
        if stream is not None and not t.is_alive():
            try:
                stream.close()
            except OSError as exc:
                log.debug("closing a pipe of %s: %s", args[0], exc)

    out = b"".join(chunks["out"]).decode("utf-8", errors="replace")
    err = b"".join(chunks["err"]).decode("utf-8", errors="replace")
    duration = time.monotonic() - started
    if overflow.is_set():
        return ChildResult(args, None, out, err, overflow=True, duration_s=duration)
    if timed_out:
        return ChildResult(args, None, out, err, timed_out=True, duration_s=duration)
    return ChildResult(args, proc.returncode, out, err, duration_s=duration)


# ---------------------------------------------------------------------------------------------
# Process trees
# ---------------------------------------------------------------------------------------------


def _as_process(root: psutil.Process | int | None) -> psutil.Process | None:
    if root is None or isinstance(root, psutil.Process):
        return root
    try:
        return psutil.Process(root)
    except psutil.Error:
        return None


def _alive(proc: psutil.Process) -> bool:
    """Running and not a zombie. Never waits for (reaps) it: its owner must still see it exit."""
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _marked(token: str, since: float | None) -> list[psutil.Process]:
    """Processes whose environment carries ``TOKEN_ENV=token`` (only those started after ``since``)."""
    me = os.getpid()
    out: list[psutil.Process] = []
    for proc in psutil.process_iter():
        if proc.pid == me:
            continue
        try:
            if since is not None and proc.create_time() < since - 1.0:
                continue
            if proc.environ().get(TOKEN_ENV) == token:
                out.append(proc)
        except psutil.Error:
            continue
    return out


def find_tree(
    root: psutil.Process | int | None, *, token: str | None = None, since: float | None = None
) -> list[psutil.Process]:
    """The live processes of one child: ``root``, everything below it, and what carries ``token``."""
    found: dict[int, psutil.Process] = {}
    proc = _as_process(root)
    if proc is not None and _alive(proc):
        found[proc.pid] = proc
        try:
            for child in proc.children(recursive=True):
                found.setdefault(child.pid, child)
        except psutil.Error:
            pass
    if token:
        for marked in _marked(token, since):
            found.setdefault(marked.pid, marked)
            try:
                for child in marked.children(recursive=True):
                    found.setdefault(child.pid, child)
            except psutil.Error:
                continue
    return [p for p in found.values() if p.pid != os.getpid() and _alive(p)]


def _signal_all(procs: Iterable[psutil.Process], sig: int) -> None:
    procs = list(procs)
    if sys.platform != "win32":
        own = os.getpgrp()
        for proc in procs:
            # The process groups our children lead (their own session, or a shell's job) go at once.
            try:
                if os.getpgid(proc.pid) == proc.pid and proc.pid != own:
                    os.killpg(proc.pid, sig)
            except OSError:
                continue
    for proc in procs:
        try:
            if sig == getattr(signal, "SIGKILL", None) or sys.platform == "win32":
                proc.kill()
            else:
                proc.send_signal(sig)
        except psutil.Error:
            continue


def _wait_gone(procs: Iterable[psutil.Process], until: float) -> list[psutil.Process]:
    alive = [p for p in procs if _alive(p)]
    while alive and time.monotonic() < until:
        time.sleep(_POLL_S)
        alive = [p for p in alive if _alive(p)]
    return alive


def stop_tree(
    root: psutil.Process | int | None,
    *,
    token: str | None = None,
    since: float | None = None,
    grace_s: float = 0.0,
    wait_s: float = KILL_WAIT_S,
    known: Sequence[psutil.Process] = (),
) -> bool:
    """End ``root`` and every process of its tree (see the module docstring); True when all are gone.

    With ``grace_s`` > 0 they are first asked to end (SIGTERM) and given that long; then whatever
    is left is killed (SIGKILL; on Windows TerminateProcess) and awaited for at most ``wait_s``.
    Blocks for at most ``grace_s + wait_s`` (plus a scan or two): call it off the GUI thread.
    """
    procs: dict[int, psutil.Process] = {p.pid: p for p in known}
    for p in find_tree(root, token=token, since=since):
        procs.setdefault(p.pid, p)
    if not procs:
        return True
    if grace_s > 0 and sys.platform != "win32":
        _signal_all(procs.values(), signal.SIGTERM)
        _wait_gone(procs.values(), time.monotonic() + grace_s)
        for p in find_tree(root, token=token, since=since):
            procs.setdefault(p.pid, p)
    until = time.monotonic() + wait_s
    kill = getattr(signal, "SIGKILL", signal.SIGTERM)
    for _round in range(3):
        alive = [p for p in procs.values() if _alive(p)]
        if not alive:
            return True
        _signal_all(alive, kill)
        _wait_gone(alive, until)
        # Children forked just before the kill landed are orphans now: the token still finds them.
        procs = {p.pid: p for p in alive}
        for p in find_tree(None, token=token, since=since):
            procs.setdefault(p.pid, p)
        if time.monotonic() >= until:
            break
    left = [p for p in procs.values() if _alive(p)]
    if left:
        log.warning("could not end %d process(es): %s", len(left), [p.pid for p in left])
    return not left


__all__ = [
    "DEFAULT_OUTPUT_LIMIT",
    "KILL_WAIT_S",
    "LINGER_S",
    "TOKEN_ENV",
    "ChildResult",
    "find_tree",
    "new_token",
    "popen_options",
    "run",
    "stop_tree",
]
