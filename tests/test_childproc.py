"""core/childproc: one way to run a child outside Qt. Real processes: sh scripts stand in for a "python"
(or conda, nvidia-smi) that misbehaves; each marks its processes with a token of its own, and the tests
look only for that token (never at anyone else's processes)."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import pytest

from wizard.core import childproc
from wizard.core.childproc import ChildResult

PY = sys.executable
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell scripts, signals and setsid")
NEEDS_SETSID = pytest.mark.skipif(shutil.which("setsid") is None, reason="needs setsid (util-linux)")


def script(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def marked(token: str) -> list[psutil.Process]:
    out = []
    for p in psutil.process_iter(["cmdline", "status"]):
        mine = token in " ".join(p.info["cmdline"] or [])
        if mine and p.pid != os.getpid() and p.info["status"] != psutil.STATUS_ZOMBIE:
            out.append(p)
    return out


def sleeper(token: str, seconds: int = 300) -> str:
    """A shell word that runs a Python sleeping ``seconds``, its command line marked with ``token``."""
    return f"'{PY}' -c 'import time; time.sleep({seconds})  # {token}'"


def settle(token: str, wait_s: float = 2.0) -> list[psutil.Process]:
    until = time.monotonic() + wait_s
    left = marked(token)
    while left and time.monotonic() < until:
        time.sleep(0.05)
        left = marked(token)
    return left


@pytest.fixture
def token() -> str:
    return uuid.uuid4().hex


# -- results ---------------------------------------------------------------------------------------


def test_output_is_decoded_with_replacement_and_the_exit_code_kept() -> None:
    code = "import sys; print('héllo 你好'); sys.stdout.buffer.write(b'bad\\xff\\n'); print('err', file=sys.stderr); sys.exit(3)"
    res = childproc.run([PY, "-c", code], timeout=20)
    assert res.exit_code == 3 and not res.ok and not res.timed_out and not res.start_error
    assert res.stdout.splitlines() == ["héllo 你好", "bad\ufffd"]
    assert res.stderr.strip() == "err"
    assert res.argv == (PY, "-c", code)
    assert res.describe().endswith("exit 3")


def test_merged_stderr_keeps_the_order() -> None:
    code = "import sys; print('a', flush=True); print('b', file=sys.stderr, flush=True); print('c', flush=True)"
    res = childproc.run([PY, "-c", code], timeout=20, merge_stderr=True)
    assert res.ok and res.stdout.split() == ["a", "b", "c"] and res.stderr == ""


def test_the_child_gets_the_clean_utf8_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", "/nonexistent-bundle")
    code = "import os; print(os.environ.get('PYTHONPATH'), os.environ['PYTHONUTF8'], os.environ['X_BASE'])"
    res = childproc.run([PY, "-c", code], timeout=20, env={**os.environ, "X_BASE": "given"})
    assert res.stdout.split() == ["None", "1", "given"]
    marker = childproc.run([PY, "-c", f"import os; print(os.environ['{childproc.TOKEN_ENV}'])"], timeout=20)
    assert len(marker.stdout.strip()) >= 16  # every child carries a token of its own


def test_start_errors_come_back_as_results(tmp_path: Path) -> None:
    missing = childproc.run([str(tmp_path / "nope")], timeout=5)
    assert missing.exit_code is None and missing.start_error and not missing.ok
    assert isinstance(missing.start_exception, FileNotFoundError)
    plain = tmp_path / "plain"
    plain.write_text("hi", encoding="utf-8")
    plain.chmod(0o644)
    denied = childproc.run([str(plain)], timeout=5)
    if sys.platform != "win32":
        assert isinstance(denied.start_exception, PermissionError)
    assert denied.start_error and "could not run" in denied.describe()
    nul = childproc.run([PY, "-c", "print(1)\x00"], timeout=5)
    assert nul.start_error and nul.exit_code is None  # a NUL byte: refused, not raised
    assert childproc.run([], timeout=5).start_error


def test_popen_options_give_an_own_session_or_process_group() -> None:
    assert childproc.popen_options("linux") == {"start_new_session": True}
    assert childproc.popen_options("darwin") == {"start_new_session": True}
    flags = childproc.popen_options("win32")["creationflags"]
    assert flags & 0x00000200  # CREATE_NEW_PROCESS_GROUP
    assert flags & 0x08000000  # CREATE_NO_WINDOW


@POSIX_ONLY
def test_the_child_leads_its_own_session() -> None:
    res = childproc.run([PY, "-c", "import os; print(os.getsid(0) == os.getpid(), os.getpgrp() == os.getpid())"], timeout=20)
    assert res.stdout.split() == ["True", "True"]


# -- the timeout rule ------------------------------------------------------------------------------


@POSIX_ONLY
def test_timeout_kills_the_whole_tree(tmp_path: Path, token: str) -> None:
    exe = script(tmp_path / "python3", f"#!/bin/sh\necho partial\n{sleeper(token, 60)} &\n{sleeper(token, 60)}\n")
    start = time.monotonic()
    res = childproc.run([str(exe)], timeout=1.0)
    assert time.monotonic() - start < 1.0 + childproc.KILL_WAIT_S
    assert res.timed_out and res.exit_code is None and not res.ok
    assert res.stdout == "partial\n"  # what it printed before is kept
    assert not settle(token)


@POSIX_ONLY
@NEEDS_SETSID
def test_a_probed_python_that_starts_a_helper_with_setsid_leaves_nothing_running(
    tmp_path: Path, token: str
) -> None:
    """The helper leaves the process group (``setsid``): killing the group alone misses it."""
    exe = script(
        tmp_path / "python3",
        f"#!/bin/sh\nsetsid {sleeper(token)} </dev/null >/dev/null 2>&1 &\n{sleeper(token)}\n",
    )
    res = childproc.run([str(exe), "-I", "-B", "probe.py"], timeout=1.0)
    assert res.timed_out
    assert not settle(token)


@POSIX_ONLY
@NEEDS_SETSID
def test_a_setsid_helper_that_holds_the_output_open_is_ended(tmp_path: Path, token: str) -> None:
    exe = script(tmp_path / "python3", f"#!/bin/sh\nsetsid {sleeper(token)} &\necho not python\n")
    start = time.monotonic()
    res = childproc.run([str(exe)], timeout=30)
    assert time.monotonic() - start < childproc.LINGER_S + childproc.KILL_WAIT_S + 1
    assert res.exit_code == 0 and not res.timed_out and res.stdout == "not python\n"
    assert not settle(token)


@POSIX_ONLY
@NEEDS_SETSID
def test_a_detached_helper_left_after_a_normal_exit_is_ended(tmp_path: Path, token: str) -> None:
    """Its parent is gone (the helper is an orphan in a session of its own): the token still finds it."""
    exe = script(
        tmp_path / "python3",
        f"#!/bin/sh\nsetsid {sleeper(token)} </dev/null >/dev/null 2>&1 &\nsleep 0.5\necho done\n",
    )
    res = childproc.run([str(exe)], timeout=30)
    assert res.ok and res.stdout == "done\n"
    assert not settle(token)


@POSIX_ONLY
def test_endless_output_is_stopped_at_the_limit(tmp_path: Path) -> None:
    start = time.monotonic()
    res = childproc.run(["yes"], timeout=20, output_limit=1 << 16)
    assert time.monotonic() - start < 10
    assert res.overflow and res.exit_code is None and not res.timed_out and not res.ok
    assert len(res.stdout) <= 1 << 16


# -- stop_tree -------------------------------------------------------------------------------------

STUBBORN = (
    "import signal, subprocess, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "subprocess.Popen([sys.executable, '-c', 'import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "time.sleep(120)  # {token}-kid']); print('ready', flush=True); time.sleep(120)  # {token}"
)


@POSIX_ONLY
def test_stop_tree_asks_first_then_kills_within_its_promise_and_never_reaps(token: str) -> None:
    proc = subprocess.Popen(
        [PY, "-c", STUBBORN.format(token=token)], stdout=subprocess.PIPE, **childproc.popen_options()
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
    until = time.monotonic() + 10
    while len(marked(token)) < 2 and time.monotonic() < until:
        time.sleep(0.05)
    start = time.monotonic()
    assert childproc.stop_tree(proc.pid, grace_s=0.5, wait_s=2.0)
    assert time.monotonic() - start < 0.5 + 2.0 + 1.0
    assert not settle(token, 0.5)
    # The owner still gets the exit status: stop_tree did not wait for (reap) its child.
    assert proc.wait(timeout=5) == -signal.SIGKILL
    proc.stdout.close()


@POSIX_ONLY
def test_stop_tree_lets_a_polite_child_end_on_sigterm(token: str) -> None:
    proc = subprocess.Popen([PY, "-c", f"import time; time.sleep(60)  # {token}"], **childproc.popen_options())
    time.sleep(0.3)
    assert childproc.stop_tree(proc.pid, grace_s=2.0)
    assert proc.wait(timeout=5) == -signal.SIGTERM


def test_stop_tree_of_nothing_is_quick() -> None:
    start = time.monotonic()
    assert childproc.stop_tree(None, token=uuid.uuid4().hex)
    assert childproc.find_tree(None, token=uuid.uuid4().hex) == []
    assert time.monotonic() - start < 2


def test_result_helpers() -> None:
    r = ChildResult(("/x/tool", "a"), 0, "out", "err")
    assert r.ok and r.output == "out\nerr" and r.describe() == "tool: exit 0"
    assert not ChildResult(("t",), None, timed_out=True).ok
    assert "no answer" in ChildResult(("t",), None, timed_out=True, duration_s=2).describe()
