"""Tests for wizard.core.interpreters: discovery, probing, merging and judging of Pythons.

Real interpreters are used where this machine has them (pyenv versions, Debian's python3.11);
a test that needs one that is missing is skipped. Other layouts (pyenv, uv, conda, macOS,
Windows) are simulated with a fake HOME, PATH, file system root and registry reader.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from wizard.core import interpreters as I
from wizard.core.interpreters import Candidate, Interpreter, RegistryEntry
from wizard.core.releases import load

PYENV = Path(os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))) / "versions"
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell scripts and layouts")


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def pyenv_python(prefix: str) -> Path:
    """The real pyenv interpreter whose version starts with ``prefix``, or skip."""
    if PYENV.is_dir():
        for version in sorted(PYENV.iterdir()):
            if version.name.startswith(prefix):
                for name in ("python3", "python"):
                    exe = version / "bin" / name
                    if exe.is_file():
                        return exe
    pytest.skip(f"no pyenv Python {prefix} on this machine")


def touch_exe(path: Path, text: str = "#!/bin/sh\nexit 0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def link(path: Path, target: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    return path


def interp(**changes: object) -> Interpreter:
    """A healthy 64-bit CPython 3.12 on Linux; override what the test is about."""
    base = Interpreter(
        path="/opt/python/bin/python3",
        source="python.org",
        version="3.12.4",
        version_info=(3, 12, 4),
        bits=64,
        implementation="cpython",
        machine="x86_64",
        platform="linux",
        free_threaded=False,
        is_venv=False,
        is_conda=False,
        externally_managed=False,
        has_pip=True,
        has_venv=True,
        has_ensurepip=True,
        prefix="/opt/python",
        base_prefix="/opt/python",
        executable="/opt/python/bin/python3",
    )
    if "version_info" in changes and "version" not in changes:
        changes["version"] = ".".join(str(x) for x in changes["version_info"])  # type: ignore[attr-defined]
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def paths(cands: list[Candidate]) -> list[str]:
    return [c.path for c in cands]


def by_path(cands: list[Candidate]) -> dict[str, str]:
    return {c.path: c.source for c in cands}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    I.clear_cache()


@pytest.fixture(scope="module")
def data():
    return load()


# ---------------------------------------------------------------------------------------------
# discovery on this machine (real)
# ---------------------------------------------------------------------------------------------


def test_find_candidates_real_finds_running_interpreter() -> None:
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    cands = find_with(env)
    real = {os.path.realpath(c.path) for c in cands}
    assert os.path.realpath(sys.executable) in real
    # PATH comes first
    assert os.path.dirname(cands[0].path) == os.path.dirname(sys.executable)
    assert all(c.source in I.SOURCES for c in cands)


def find_with(env: dict[str, str], **kw: object) -> list[Candidate]:
    return I.find_candidates(env=env, **kw)  # type: ignore[arg-type]


@POSIX_ONLY
def test_find_candidates_real_pyenv_versions_never_shims() -> None:
    if not PYENV.is_dir():
        pytest.skip("no pyenv here")
    cands = I.find_candidates()
    found = by_path(cands)
    assert not any("/shims/" in p for p in found)
    versions = [v for v in PYENV.iterdir() if (v / "bin" / "python").exists() and not v.is_symlink()]
    for v in versions:
        mine = [p for p in found if p.startswith(str(v / "bin") + "/")]
        assert len(mine) == 1, (v, mine)  # python, python3, python3.X merged into one
        assert found[mine[0]] == "pyenv"


@POSIX_ONLY
def test_bin_and_usr_bin_are_deduplicated() -> None:
    if not (os.path.islink("/bin") and os.path.realpath("/bin") == "/usr/bin"):
        pytest.skip("/bin is not a link to /usr/bin here")
    if not any(I._POSIX_NAME.match(n) for n in os.listdir("/usr/bin")):
        pytest.skip("no python in /usr/bin")
    cands = I.find_candidates(env={"PATH": "/usr/bin:/bin"}, home=Path("/nonexistent-home"))
    real = [os.path.realpath(c.path) for c in cands]
    assert len(real) == len(set(real))
    assert not any(c.path.startswith("/bin/") for c in cands)
    assert by_path(cands).get("/usr/bin/python3", "system") == "system"


# ---------------------------------------------------------------------------------------------
# probing real interpreters
# ---------------------------------------------------------------------------------------------


def test_probe_running_interpreter() -> None:
    got = I.probe(Candidate(sys.executable, "manual"))
    assert got.ok, got.error
    assert got.version_info == tuple(sys.version_info[:3])
    assert got.version.startswith(f"{sys.version_info[0]}.{sys.version_info[1]}")
    assert got.bits == (64 if sys.maxsize > 2**32 else 32)
    assert got.implementation == sys.implementation.name
    assert got.platform == sys.platform
    assert got.is_venv == (sys.prefix != sys.base_prefix)
    assert os.path.realpath(got.prefix) == os.path.realpath(sys.prefix)
    assert got.has_venv and got.has_ensurepip
    assert got.path == sys.executable and got.source == "manual"
    json.dumps(got.to_json())  # serialisable


@POSIX_ONLY
@pytest.mark.parametrize("prefix", ["3.11", "3.12"])
def test_probe_real_pyenv(prefix: str, data) -> None:
    exe = pyenv_python(prefix)
    got = I.probe(Candidate(str(exe), "pyenv"))
    assert got.ok, got.error
    assert got.version.startswith(prefix + ".")
    assert got.version_info[:2] == tuple(int(x) for x in prefix.split("."))
    assert got.bits == 64 and got.implementation == "cpython"
    assert not got.is_venv and not got.is_conda and not got.externally_managed
    assert got.has_pip and got.has_venv and got.has_ensurepip
    assert os.path.realpath(got.prefix) == os.path.realpath(exe.parent.parent)
    verdict = I.assess(got, data)
    assert verdict.suitable, verdict.reasons
    assert verdict.torch_version == data.recommended


@POSIX_ONLY
def test_probe_real_python27_without_dash_i(data) -> None:
    exe = pyenv_python("2.7")
    got = I.probe(Candidate(str(exe), "pyenv"))
    assert got.ok, got.error  # the -I fallback worked
    assert got.version_info[:2] == (2, 7)
    assert got.bits == 64 and got.implementation == "cpython"
    verdict = I.assess(got, data)
    assert not verdict.suitable
    assert "too old" in verdict.reasons[0] and "Python 2.7" in verdict.reasons[0]


@POSIX_ONLY
def test_probe_real_python36_too_old(data) -> None:
    got = I.probe(Candidate(str(pyenv_python("3.6")), "pyenv"))
    assert got.ok, got.error
    verdict = I.assess(got, data)
    assert not verdict.suitable and "Python 3.6 is too old" in verdict.reasons[0]


@POSIX_ONLY
def test_probe_real_debian_python(data) -> None:
    exe = Path("/usr/bin/python3.11")
    if not exe.exists():
        pytest.skip("no /usr/bin/python3.11")
    got = I.probe(Candidate(str(exe), "system"))
    assert got.ok, got.error
    assert got.prefix == "/usr" and not got.is_venv
    has_marker = Path("/usr/lib/python3.11/EXTERNALLY-MANAGED").exists()
    assert got.externally_managed == has_marker
    has_ensurepip = Path("/usr/lib/python3.11/ensurepip/__init__.py").exists()
    assert got.has_ensurepip == has_ensurepip
    verdict = I.assess(got, data)
    if has_ensurepip:
        assert verdict.suitable
        if has_marker:
            assert any("new virtual environment" in r for r in verdict.reasons)
    else:
        assert not verdict.suitable and "python3.11-venv" in verdict.reasons[0]


# ---------------------------------------------------------------------------------------------
# probing broken candidates (fake pythons)
# ---------------------------------------------------------------------------------------------


@POSIX_ONLY
def test_probe_garbage_output(tmp_path: Path) -> None:
    exe = touch_exe(tmp_path / "python", "#!/bin/sh\necho 'hello, I am not python'\n")
    got = I.probe(Candidate(str(exe), "manual"))
    assert not got.ok and "did not answer like Python" in got.error
    assert "hello, I am not python" in got.error
    assert got.version == "" and got.version_info == (0, 0, 0) and got.bits == 0
    assert not I.assess(got).suitable


@POSIX_ONLY
def test_probe_bad_json_between_sentinels(tmp_path: Path) -> None:
    script = f"#!/bin/sh\necho '{I.PROBE_BEGIN}'\necho '{{not json'\necho '{I.PROBE_END}'\n"
    got = I.probe(Candidate(str(touch_exe(tmp_path / "python3", script)), "manual"))
    assert not got.ok and "did not answer like Python" in got.error


@POSIX_ONLY
def test_probe_hanging_times_out(tmp_path: Path) -> None:
    # A child that keeps the pipes open must not keep us waiting either.
    exe = touch_exe(tmp_path / "python3", "#!/bin/sh\nsleep 60 &\nsleep 60\n")
    start = time.monotonic()
    got = I.probe(Candidate(str(exe), "manual"), timeout=1.5)
    elapsed = time.monotonic() - start
    assert elapsed < 5, elapsed
    assert not got.ok and "1.5 seconds" in got.error


@POSIX_ONLY
def test_probe_exits_but_leaves_a_child_holding_the_pipes(tmp_path: Path) -> None:
    exe = touch_exe(tmp_path / "python3", "#!/bin/sh\nsleep 60 &\necho not python\n")
    start = time.monotonic()
    got = I.probe(Candidate(str(exe), "manual"), timeout=10)
    assert time.monotonic() - start < 4
    assert "did not answer like Python" in got.error


@POSIX_ONLY
@pytest.mark.skipif(not Path("/usr/bin/setsid").exists() and not Path("/bin/setsid").exists(), reason="no setsid")
def test_probe_of_a_python_that_starts_a_setsid_helper_leaves_nothing_running(tmp_path: Path) -> None:
    """The helper leaves the probe's process group, so killing the group alone (the old probe) missed it."""
    token = os.urandom(8).hex()
    helper = f"'{sys.executable}' -c 'import time; time.sleep(300)  # {token}'"
    exe = touch_exe(tmp_path / "python3", f"#!/bin/sh\nsetsid {helper} </dev/null >/dev/null 2>&1 &\n{helper}\n")
    got = I.probe(Candidate(str(exe), "manual"), timeout=1.0)
    assert not got.ok and "1 seconds" in got.error
    deadline = time.monotonic() + 2
    left = ["x"]
    while left and time.monotonic() < deadline:
        left = [
            p.pid
            for p in psutil.process_iter(["cmdline"])
            if p.pid != os.getpid() and token in " ".join(p.info["cmdline"] or [])
        ]
        time.sleep(0.05)
    assert not left


@POSIX_ONLY
def test_probe_crash_exit_1(tmp_path: Path) -> None:
    exe = touch_exe(tmp_path / "python3", "#!/bin/sh\necho 'Fatal Python error: boom' >&2\nexit 1\n")
    got = I.probe(Candidate(str(exe), "manual"))
    assert not got.ok
    assert "exit code 1" in got.error and "Fatal Python error: boom" in got.error
    verdict = I.assess(got)
    assert not verdict.suitable and "not a working Python" in verdict.reasons[0]


@POSIX_ONLY
def test_probe_endless_output(tmp_path: Path) -> None:
    exe = touch_exe(tmp_path / "python3", "#!/bin/sh\nexec yes\n")
    start = time.monotonic()
    got = I.probe(Candidate(str(exe), "manual"), timeout=10)
    assert time.monotonic() - start < 5
    assert not got.ok and "endless output" in got.error


@POSIX_ONLY
def test_probe_not_executable_missing_folder_binary(tmp_path: Path) -> None:
    plain = tmp_path / "python3"
    plain.write_text("print('hi')\n", encoding="utf-8")
    plain.chmod(0o644)
    got = I.probe(Candidate(str(plain), "manual"))
    assert not got.ok and "cannot be run" in got.error

    assert "does not exist" in I.probe(Candidate(str(tmp_path / "nope"), "manual")).error
    assert "folder" in I.probe(Candidate(str(tmp_path), "manual")).error

    junk = tmp_path / "junk"
    junk.write_bytes(b"\x00\x01\x02\x03garbage")
    junk.chmod(0o755)
    got = I.probe(Candidate(str(junk), "manual"))
    assert not got.ok and got.error


@POSIX_ONLY
def test_probe_store_stub_message(tmp_path: Path) -> None:
    text = "Python was not found; run without arguments to install from the Microsoft Store"
    exe = touch_exe(tmp_path / "python.exe", f"#!/bin/sh\necho '{text}' >&2\nexit 9009\n")
    got = I.probe(Candidate(str(exe), "path"))
    assert "Microsoft Store shortcut" in got.error


def test_probe_macos_clt_stub_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(I, "_clt_installed", lambda: False)
    monkeypatch.setattr(I, "_run", lambda argv, timeout: ran.append(argv))  # must not be called
    monkeypatch.setattr(os.path, "lexists", lambda p: True)
    monkeypatch.setattr(os.path, "isdir", lambda p: False)
    got = I.probe(Candidate("/usr/bin/python3", "system"), platform="darwin")
    assert not ran
    assert not got.ok and "xcode-select --install" in got.error


@POSIX_ONLY
def test_probe_fake_interpreter_reports_facts_and_noise_is_ignored(tmp_path: Path) -> None:
    facts = {
        "version": "3.14.0",
        "version_info": [3, 14, 0],
        "bits": 64,
        "implementation": "cpython",
        "machine": "arm64",
        "platform": "darwin",
        "free_threaded": True,
        "is_venv": False,
        "is_conda": True,
        "externally_managed": False,
        "has_pip": False,
        "has_venv": True,
        "has_ensurepip": True,
        "prefix": "/fake",
        "base_prefix": "/fake",
        "executable": "/fake/bin/python3.14t",
        "translated": False,
    }
    payload = json.dumps(facts)
    script = (
        "#!/bin/sh\necho 'site hook noise'\n"
        f"echo '{I.PROBE_BEGIN}'\necho '{payload}'\necho '{I.PROBE_END}'\necho trailing noise\n"
    )
    got = I.probe(Candidate(str(touch_exe(tmp_path / "python3.14t", script)), "conda"))
    assert got.ok, got.error
    assert got.version_info == (3, 14, 0) and got.free_threaded and got.is_conda
    assert got.machine == "arm64" and got.short_version == "3.14t"
    assert got.source == "conda" and got.path.endswith("python3.14t")


@POSIX_ONLY
def test_probe_cache_by_path_and_mtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exe = pyenv_python("3.12")
    calls = []
    real_run = I._run

    def counting(argv: list[str], timeout: float):
        calls.append(argv)
        return real_run(argv, timeout)

    monkeypatch.setattr(I, "_run", counting)
    a = I.probe(Candidate(str(exe), "pyenv"))
    b = I.probe(Candidate(str(exe), "manual"))
    assert len(calls) == 1
    assert a.ok and b.version == a.version and b.source == "manual"
    I.probe(Candidate(str(exe), "pyenv"), use_cache=False)
    assert len(calls) == 2


@POSIX_ONLY
def test_probe_timeout_is_not_cached(tmp_path: Path) -> None:
    exe = touch_exe(tmp_path / "python3", "#!/bin/sh\nsleep 30\n")
    assert "seconds" in I.probe(Candidate(str(exe), "manual"), timeout=0.5).error
    # Same size and modification time: a cached answer would come back; a timeout must not be cached.
    before = exe.stat()
    exe.write_text("#!/bin/sh\necho nop\n", encoding="utf-8")
    os.utime(exe, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert exe.stat().st_size == before.st_size
    assert "did not answer like Python" in I.probe(Candidate(str(exe), "manual")).error


@POSIX_ONLY
def test_probe_failure_other_than_timeout_is_cached(tmp_path: Path) -> None:
    exe = touch_exe(tmp_path / "python3", "#!/bin/sh\necho nop\n")
    first = I.probe(Candidate(str(exe), "manual"))
    before = exe.stat()
    exe.write_text("#!/bin/sh\necho xyz\n", encoding="utf-8")
    os.utime(exe, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert I.probe(Candidate(str(exe), "manual")).error == first.error  # from the cache


# ---------------------------------------------------------------------------------------------
# fake layouts: pyenv, uv, conda, venv, macOS, Windows
# ---------------------------------------------------------------------------------------------


@POSIX_ONLY
def test_fake_pyenv_layout(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = home / ".pyenv"
    for v in ("3.9.1", "3.12.3", "3.10.0"):
        minor = ".".join(v.split(".")[:2])
        real = touch_exe(root / "versions" / v / "bin" / f"python{minor}")
        link(real.parent / "python3", real.name)
        link(real.parent / "python", real.name)
        touch_exe(real.parent / f"python{minor}-config")
    touch_exe(root / "shims" / "python3", '#!/usr/bin/env bash\nexec pyenv exec python3 "$@"\n')
    env = {"HOME": str(home), "PATH": f"{root / 'shims'}:{root / 'bin'}"}
    cands = I.find_candidates(env=env, fs_root=tmp_path / "root")
    assert [(Path(c.path).parent.parent.name, c.source) for c in cands] == [
        ("3.9.1", "pyenv"),
        ("3.10.0", "pyenv"),
        ("3.12.3", "pyenv"),
    ]
    assert all(Path(c.path).name == "python3" for c in cands)

    # $PYENV_ROOT wins over ~/.pyenv
    other = tmp_path / "elsewhere"
    touch_exe(other / "versions" / "3.11.9" / "bin" / "python3")
    env2 = {"HOME": str(tmp_path / "nohome"), "PATH": "", "PYENV_ROOT": str(other)}
    assert paths(I.find_candidates(env=env2, fs_root=tmp_path / "root")) == [
        str(other / "versions" / "3.11.9" / "bin" / "python3")
    ]


@POSIX_ONLY
def test_fake_uv_layout(tmp_path: Path) -> None:
    home = tmp_path / "home"
    uv = home / ".local" / "share" / "uv" / "python"
    real = touch_exe(uv / "cpython-3.12.5-linux-x86_64-gnu" / "bin" / "python3.12")
    link(real.parent / "python3", "python3.12")
    (uv / ".lock").write_text("", encoding="utf-8")
    touch_exe(uv / ".temp" / "bin" / "python3")
    env = {"HOME": str(home), "PATH": ""}
    cands = I.find_candidates(env=env, fs_root=tmp_path / "root")
    assert [(c.path, c.source) for c in cands] == [(str(real.parent / "python3"), "uv")]

    xdg = tmp_path / "xdg"
    exe = touch_exe(xdg / "uv" / "python" / "cpython-3.13.1-linux-x86_64-gnu" / "bin" / "python3")
    env = {"HOME": str(tmp_path / "nohome"), "PATH": "", "XDG_DATA_HOME": str(xdg)}
    assert by_path(I.find_candidates(env=env, fs_root=tmp_path / "root")) == {str(exe): "uv"}

    # Found on PATH, still labelled uv
    env = {"HOME": str(home), "PATH": str(real.parent)}
    assert I.find_candidates(env=env, fs_root=tmp_path / "root")[0].source == "uv"


@POSIX_ONLY
def test_fake_conda_layout(tmp_path: Path) -> None:
    home = tmp_path / "home"
    base = home / "miniconda3"
    (base / "conda-meta").mkdir(parents=True)
    touch_exe(base / "bin" / "python3.12")
    link(base / "bin" / "python", "python3.12")
    link(base / "bin" / "python3", "python3.12")
    env_a = base / "envs" / "torch"
    (env_a / "conda-meta").mkdir(parents=True)
    touch_exe(env_a / "bin" / "python3")
    elsewhere = tmp_path / "projects" / "env-b"
    (elsewhere / "conda-meta").mkdir(parents=True)
    touch_exe(elsewhere / "bin" / "python")
    (home / ".conda").mkdir()
    (home / ".conda" / "environments.txt").write_text(
        f"{base}\n{env_a}\n{elsewhere}\n{tmp_path / 'gone'}\n\n", encoding="utf-8"
    )
    cands = I.find_candidates(env={"HOME": str(home), "PATH": ""}, fs_root=tmp_path / "root")
    assert by_path(cands) == {
        str(base / "bin" / "python3"): "conda",
        str(env_a / "bin" / "python3"): "conda",
        str(elsewhere / "bin" / "python"): "conda",
    }


@POSIX_ONLY
def test_conda_envs_sharing_hardlinked_python_stay_separate(tmp_path: Path) -> None:
    a = tmp_path / "a"
    b = tmp_path / "b"
    for p in (a, b):
        (p / "conda-meta").mkdir(parents=True)
    touch_exe(a / "bin" / "python3")
    (b / "bin").mkdir()
    os.link(a / "bin" / "python3", b / "bin" / "python3")  # conda hard-links from its package cache
    env = {"HOME": str(tmp_path / "h"), "PATH": "", "CONDA_PREFIX": str(a)}
    (tmp_path / "h" / ".conda").mkdir(parents=True)
    (tmp_path / "h" / ".conda" / "environments.txt").write_text(f"{a}\n{b}\n", encoding="utf-8")
    assert len(I.find_candidates(env=env, fs_root=tmp_path / "root")) == 2


@POSIX_ONLY
def test_macos_layout(tmp_path: Path) -> None:
    root = tmp_path / "root"
    fw = root / "Library" / "Frameworks" / "Python.framework" / "Versions"
    real = touch_exe(fw / "3.12" / "bin" / "python3.12")
    link(real.parent / "python3", "python3.12")
    link(fw / "Current", "3.12")
    brew = touch_exe(root / "opt" / "homebrew" / "Cellar" / "python@3.13" / "3.13.1" / "bin" / "python3.13")
    link(root / "opt" / "homebrew" / "bin" / "python3", str(brew))
    link(root / "usr" / "local" / "bin" / "python3", str(real))  # python.org installer's link
    touch_exe(root / "usr" / "bin" / "python3")  # the CLT stub (found, judged by probe)
    env = {"HOME": str(tmp_path / "home"), "PATH": f"{root / 'usr/local/bin'}:{root / 'usr/bin'}"}
    cands = I.find_candidates(env=env, platform="darwin", fs_root=root)
    found = by_path(cands)
    assert found[str(root / "usr/local/bin/python3")] == "python.org"
    assert found[str(root / "usr/bin/python3")] == "system"
    assert found[str(root / "opt/homebrew/bin/python3")] == "homebrew"
    # The framework's own bin is the same file as /usr/local/bin/python3 (listed once) and Current is skipped.
    assert not any("/Versions/" in p for p in found)
    assert paths(cands)[0] == str(root / "usr/local/bin/python3")  # PATH first


def _windows_layout(tmp_path: Path) -> tuple[dict[str, str], dict[str, Path]]:
    local = tmp_path / "Local"
    apps = local / "Microsoft" / "WindowsApps"
    stub = touch_exe(apps / "python.exe")
    touch_exe(apps / "python3.exe")
    store = touch_exe(apps / "PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0" / "python.exe")
    pyorg = touch_exe(local / "Programs" / "Python" / "Python313" / "python.exe")
    touch_exe(local / "Programs" / "Python" / "Python313" / "pythonw.exe")
    pim = touch_exe(local / "Python" / "pythoncore-3.14-64" / "python.exe")
    pf = tmp_path / "Program Files"
    allusers = touch_exe(pf / "Python311" / "python.exe")
    reg_only = touch_exe(tmp_path / "Custom" / "Py310" / "python.exe")
    x86 = touch_exe(tmp_path / "Custom" / "Py310-32" / "python.exe")
    pyenv = touch_exe(tmp_path / "User" / ".pyenv" / "pyenv-win" / "versions" / "3.11.5" / "python.exe")
    shim = touch_exe(tmp_path / "User" / ".pyenv" / "pyenv-win" / "shims" / "python.bat")
    bat_dir = tmp_path / "tools"
    touch_exe(bat_dir / "python.bat")
    uv_dir = tmp_path / "Roaming" / "uv" / "python" / "cpython-3.12.8-windows-x86_64-none"
    uv = touch_exe(uv_dir / "python.exe")
    conda = tmp_path / "User" / "miniconda3"
    (conda / "conda-meta").mkdir(parents=True)
    conda_exe = touch_exe(conda / "python.exe")
    env = {
        "USERPROFILE": str(tmp_path / "User"),
        "LOCALAPPDATA": str(local),
        "APPDATA": str(tmp_path / "Roaming"),
        "ProgramFiles": str(pf),
        "PATHEXT": ".COM;.EXE;.BAT;.CMD;.VBS;.JS",
        "PATH": ";".join([str(apps), str(shim.parent), str(bat_dir), str(pyorg.parent), ""]),
    }
    files = {
        "stub": stub,
        "store": store,
        "pyorg": pyorg,
        "pim": pim,
        "allusers": allusers,
        "reg_only": reg_only,
        "x86": x86,
        "pyenv": pyenv,
        "uv": uv,
        "conda": conda_exe,
    }
    return env, files


@POSIX_ONLY
def test_windows_layout_with_fake_registry(tmp_path: Path) -> None:
    env, f = _windows_layout(tmp_path)
    calls = []

    def registry() -> list[RegistryEntry]:
        calls.append(1)
        return [
            RegistryEntry("PyLauncher", "3", str(tmp_path / "launcher" / "py.exe")),
            RegistryEntry("PythonCore", "3.13", str(f["pyorg"]), "3.13", "64bit"),  # also on PATH
            RegistryEntry("PythonCore", "3.10", str(f["reg_only"]), "3.10", "64bit"),
            RegistryEntry("PythonCore", "3.10-32", str(f["x86"]), "3.10", "32bit"),
            RegistryEntry("PythonCore", "3.9", str(tmp_path / "uninstalled" / "python.exe"), "3.9"),
            RegistryEntry("Astral", "CPython3.12.8", str(f["uv"]), "3.12"),
        ]

    cands = I.find_candidates(env=env, platform="win32", home=tmp_path / "User", registry=registry)
    assert calls == [1]
    found = by_path(cands)
    assert str(f["stub"]) not in found  # the Store alias stub is skipped
    assert not any(p.endswith("python3.exe") and "WindowsApps" in p and "Foundation" not in p for p in found)
    assert not any(p.endswith((".bat", "pythonw.exe")) for p in found)
    assert found[str(f["store"])] == "microsoft-store"
    assert found[str(f["pyorg"])] == "python.org"
    assert found[str(f["reg_only"])] == "python.org"
    assert found[str(f["x86"])] == "python.org"
    assert found[str(f["pim"])] == "python-install-manager"
    assert found[str(f["allusers"])] == "python.org"
    assert found[str(f["pyenv"])] == "pyenv"
    assert found[str(f["uv"])] == "uv"
    assert found[str(f["conda"])] == "conda"
    assert not any("uninstalled" in p or "launcher" in p for p in found)
    # PATH first: the Store package (from the WindowsApps PATH entry), then python.org on PATH
    assert paths(cands)[:2] == [str(f["store"]), str(f["pyorg"])]
    assert len(paths(cands)) == len(set(paths(cands)))


def test_windows_registry_default_reader_is_guarded() -> None:
    # On Linux/macOS there is no winreg: simulated Windows without an injected reader finds no entries.
    if sys.platform == "win32":
        pytest.skip("real registry here")
    assert I.read_pep514_registry() == []
    assert I.find_candidates(env={"PATH": ""}, platform="win32", home=Path("/nonexistent")) == []


# ---------------------------------------------------------------------------------------------
# venvs and detect()
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("venvs") / "myenv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=60)
    return where


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def test_venv_is_found_and_probed_as_venv(real_venv: Path, data) -> None:
    env = {"HOME": str(real_venv.parent / "nohome"), "PATH": "", "VIRTUAL_ENV": str(real_venv)}
    cands = I.find_candidates(env=env, fs_root=real_venv.parent / "noroot")
    assert [c.source for c in cands] == ["venv"]
    # Also labelled venv when found on PATH
    env = {"HOME": str(real_venv.parent / "nohome"), "PATH": str(_venv_python(real_venv).parent)}
    cands = I.find_candidates(env=env, fs_root=real_venv.parent / "noroot")
    assert cands and {c.source for c in cands} == {"venv"}
    assert len(cands) == 1  # python, python3, python3.X in the venv are one interpreter
    got = I.probe(cands[0])
    assert got.ok and got.is_venv
    assert os.path.realpath(got.prefix) == os.path.realpath(real_venv)
    verdict = I.assess(got, data)
    if verdict.suitable:
        assert any("virtual environment" in r for r in verdict.reasons)


def test_detect_keeps_venv_apart_from_its_base(real_venv: Path) -> None:
    base = I.probe(Candidate(sys.executable, "manual")).base_executable or sys.executable
    cands = [Candidate(str(_venv_python(real_venv)), "venv"), Candidate(base, "pyenv")]
    got = I.detect(candidates=cands)
    assert len(got) == 2
    assert got[0].is_venv and not got[1].is_venv


@POSIX_ONLY
def test_detect_merges_same_interpreter(tmp_path: Path) -> None:
    exe = pyenv_python("3.12")
    # Same real file in another folder: not merged by find_candidates, merged by detect via the probe.
    other = link(tmp_path / "bin" / "python3", str(exe.resolve()))
    cands = [Candidate(str(other), "path"), Candidate(str(exe), "pyenv"), Candidate(str(exe), "path")]
    seen: list[Interpreter] = []
    got = I.detect(candidates=cands, on_result=seen.append)
    assert len(got) == 1 and len(seen) == 1
    assert seen[0].path == got[0].path  # what was reported is what is returned
    assert got[0].path in (str(other), str(exe))  # the first to finish
    assert got[0].source == "pyenv"  # the nicer label
    assert set(got[0].aliases) == {str(other), str(exe)} - {got[0].path}


@POSIX_ONLY
def test_detect_merges_bin_and_usr_bin() -> None:
    if not (os.path.islink("/bin") and os.path.exists("/usr/bin/python3")):
        pytest.skip("needs /bin -> /usr/bin and /usr/bin/python3")
    got = I.detect(candidates=[Candidate("/usr/bin/python3", "system"), Candidate("/bin/python3", "system")])
    assert len(got) == 1
    assert {got[0].path, *got[0].aliases} == {"/usr/bin/python3", "/bin/python3"}


def test_detect_real_machine_on_result_and_wall_time(data) -> None:
    cands = I.find_candidates()
    cands.append(Candidate(sys.executable, "manual"))
    lock = threading.Lock()
    seen: list[tuple[str, str]] = []
    threads: set[str] = set()

    def on_result(i: Interpreter) -> None:
        with lock:
            seen.append((i.path, threading.current_thread().name))
            threads.add(threading.current_thread().name)

    start = time.monotonic()
    got = I.detect(candidates=cands, on_result=on_result)
    elapsed = time.monotonic() - start
    assert elapsed < 15, elapsed
    assert len(seen) == len(got)  # once per interpreter
    assert sorted(p for p, _ in seen) == sorted(i.path for i in got)
    assert [i.path for i in got][: len(cands) - 1] == [
        c.path for c in cands if any(i.path == c.path for i in got)
    ][: len(cands) - 1]  # candidate order
    assert threading.main_thread().name not in threads  # from worker threads
    assert any(i.ok for i in got)
    assert len({(os.path.realpath(i.executable), os.path.realpath(i.prefix)) for i in got if i.ok}) == len(
        [i for i in got if i.ok]
    )
    chosen = I.best(got, data)
    suitable = [i for i in got if I.assess(i, data).suitable]
    assert (chosen is None) == (not suitable)


def test_detect_with_broken_candidates_never_raises(tmp_path: Path) -> None:
    cands = [Candidate(str(tmp_path / "missing"), "manual"), Candidate(str(tmp_path), "manual")]
    seen: list[Interpreter] = []

    def boom(i: Interpreter) -> None:
        seen.append(i)
        raise RuntimeError("GUI bug")

    got = I.detect(candidates=cands, on_result=boom)
    assert len(got) == 2 and len(seen) == 2 and all(not i.ok for i in got)
    assert I.detect(candidates=[]) == []


# ---------------------------------------------------------------------------------------------
# assess and best (synthetic facts)
# ---------------------------------------------------------------------------------------------


def test_assess_rules(data) -> None:
    rng = data.newest.python
    lo, hi = rng.min, rng.max
    torch = data.newest.torch

    ok = I.assess(interp(), data)
    assert ok.suitable and ok.torch_version == torch and ok.score > 0

    old = I.assess(interp(version_info=(3, 8, 10)), data)
    assert not old.suitable
    span = f"{lo[0]}.{lo[1]} to {hi[0]}.{hi[1]}"
    assert old.reasons[0] == f"Python 3.8 is too old: PyTorch {torch} needs Python {span}."

    new = I.assess(interp(version_info=(hi[0], hi[1] + 1, 0)), data)
    assert not new.suitable and "too new" in new.reasons[0]

    bits = I.assess(interp(bits=32), data)
    assert not bits.suitable
    assert bits.reasons[0] == "32-bit Python cannot run PyTorch: install the 64-bit version."

    pypy = I.assess(interp(implementation="pypy"), data)
    assert not pypy.suitable and "Pypy" in pypy.reasons[0]

    broken = I.assess(I._failed(Candidate("/x", "manual"), "It did not answer within 15 seconds."), data)
    assert not broken.suitable and "not a working Python: It did not answer" in broken.reasons[0]

    no_venv = I.assess(interp(version_info=(3, 11, 2), has_ensurepip=False), data)
    assert not no_venv.suitable and "sudo apt install python3.11-venv" in no_venv.reasons[0]
    win_no_venv = I.assess(interp(platform="win32", has_venv=False), data)
    assert not win_no_venv.suitable and "python.org" in win_no_venv.reasons[0]

    managed = I.assess(interp(externally_managed=True, source="system"), data)
    assert managed.suitable and any("always makes a new virtual environment" in r for r in managed.reasons)


def test_assess_free_threaded(data) -> None:
    rng = data.newest.python
    if not rng.free_threaded:
        pytest.skip("no free-threaded builds listed")
    listed = rng.free_threaded[-1]
    ft_ok = I.assess(interp(version_info=(*listed, 0), free_threaded=True), data)
    assert ft_ok.suitable and any("free-threaded" in r for r in ft_ok.reasons)
    unlisted = next(
        (m for m in range(rng.min[1], rng.max[1] + 1) if (3, m) not in rng.free_threaded),
        None,
    )
    assert unlisted is not None
    ft_bad = I.assess(interp(version_info=(3, unlisted, 0), free_threaded=True), data)
    assert not ft_bad.suitable and "free-threaded" in ft_bad.reasons[0] and "no wheels" in ft_bad.reasons[0]
    regular = I.assess(interp(version_info=(*listed, 0)), data)
    assert regular.score > ft_ok.score


def test_assess_intel_mac(data) -> None:
    mac = {"platform": "darwin", "machine": "x86_64"}
    fits = I.assess(interp(version_info=(3, 12, 4), **mac), data)
    assert fits.suitable and fits.torch_version == I.INTEL_MAC_LAST_TORCH
    assert any("Intel processor" in r and I.INTEL_MAC_LAST_TORCH in r for r in fits.reasons)
    too_new = I.assess(interp(version_info=(3, 13, 1), **mac), data)
    assert not too_new.suitable and "Intel processor" in too_new.reasons[0]
    assert "3.8 to 3.12" in too_new.reasons[0]
    arm = I.assess(interp(version_info=(3, 13, 1), platform="darwin", machine="arm64"), data)
    assert arm.suitable and arm.torch_version == data.recommended
    rosetta = I.assess(interp(version_info=(3, 12, 4), translated=True, **mac), data)
    assert not rosetta.suitable and "Rosetta" in rosetta.reasons[0]
    # Without the 2.2.2 entry in the data, an Intel Mac has no PyTorch at all.
    trimmed = data._replace(releases=tuple(r for r in data.releases if r.torch != I.INTEL_MAC_LAST_TORCH))
    assert not I.assess(interp(version_info=(3, 12, 4), **mac), trimmed).suitable


def test_scores_prefer_well_supported_and_base_installs(data) -> None:
    lo, hi = data.newest.python.min, data.newest.python.max
    if hi[1] - lo[1] < 3:
        pytest.skip("range too narrow for this ordering")

    def score(minor: int, **kw: object) -> int:
        return I.assess(interp(version_info=(3, minor, 0), **kw), data).score

    interior = [score(m) for m in range(lo[1] + 1, hi[1])]
    assert interior == sorted(interior)  # newer interior minor is better
    assert min(interior) > score(hi[1]) > score(lo[1])  # 3.12/3.13 over 3.14 over 3.10
    assert score(12) > score(12, is_venv=True, source="venv")
    assert score(12) > score(12, is_conda=True, source="conda")
    assert score(12, source="python.org") > score(12, source="microsoft-store")
    too_old = I.assess(interp(version_info=(3, lo[1] - 1, 0)), data).score
    assert all(score(m) > too_old for m in (lo[1], hi[1]))


def test_best(data) -> None:
    a = interp(path="/a", version_info=(3, 12, 1))
    b = interp(path="/b", version_info=(3, 12, 7))
    c = interp(path="/c", version_info=(3, 13, 0), is_venv=True, source="venv")
    old = interp(path="/d", version_info=(3, 8, 0))
    assert I.best([a, b, old], data) is b  # same score: newer patch
    assert I.best([old], data) is None
    assert I.best([], data) is None
    assert I.best([old, c], data) is c


# ---------------------------------------------------------------------------------------------
# labels, hints, serialisation
# ---------------------------------------------------------------------------------------------


def test_source_labels() -> None:
    labels = [I.source_label(s) for s in I.SOURCES]
    assert all(labels) and len(set(labels)) == len(labels)
    assert I.source_label("microsoft-store") == "Microsoft Store"
    assert I.source_label("venv") == "virtual environment"
    assert I.source_label("path") == "found on PATH"
    assert I.source_label("manual") == "added by you"
    assert I.source_label("unknown-thing") == "unknown-thing"


@pytest.mark.parametrize(
    ("platform", "needles"),
    [
        ("win32", ["python.org", "64-bit", "3.12"]),
        ("darwin", ["python.org", "3.12"]),
        ("linux", ["sudo apt install python3 python3-venv", "dnf"]),
    ],
)
def test_install_hint(platform: str, needles: list[str], data) -> None:
    hint = I.install_hint(platform, data)
    rec = I.recommended_python(data)
    assert data.newest.python.supports(rec)
    for needle in needles:
        if needle == "3.12":
            needle = f"{rec[0]}.{rec[1]}"
        assert needle in hint


def test_interpreter_json_roundtrip() -> None:
    one = interp(aliases=("/b",))
    data = one.to_json()
    for key in ("path", "version", "bits", "source", "error", "has_ensurepip", "executable", "free_threaded"):
        assert key in data
    assert json.loads(json.dumps(data)) == data
    assert Interpreter.from_json(data) == one
    assert Interpreter.from_json({"path": "/x", "error": "bad"}).version_info == (0, 0, 0)
    assert I.describe(one) == "Python 3.12.4 (64-bit, python.org)"


def test_probe_script_is_python2_compatible_source() -> None:
    text = I.resource(I.PROBE_SCRIPT).read_text(encoding="utf-8")
    assert text.isascii()
    assert 'f"' not in text and "f'" not in text and "->" not in text
    assert I.PROBE_BEGIN in text and I.PROBE_END in text


def test_python_310_is_suitable_for_its_last_release_and_ranked_below_a_newer_python() -> None:
    """2.15 dropped Python 3.10 (pytorch/pytorch#197242): 2.14.x is its last release, as the build choice says."""
    data = load()
    old = interp(version="3.10.13", version_info=(3, 10, 13), path="/opt/py310/bin/python3")
    verdict = I.assess(old, data)
    assert verdict.suitable and verdict.torch_version.startswith("2.14")
    assert any("last PyTorch release" in r for r in verdict.reasons)
    new = interp(version="3.12.4", version_info=(3, 12, 4))
    assert I.assess(new, data).score > verdict.score
    assert I.best([old, new], data) is new
    very_old = interp(version="3.8.18", version_info=(3, 8, 18))
    assert not I.assess(very_old, data).suitable  # further back no release is offered
