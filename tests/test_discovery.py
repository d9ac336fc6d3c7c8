"""core/discovery: the places and path keys that the interpreter finder and the conda finder share.

Layouts are made in tmp_path (a fake home, file-system root and environment); a Windows layout is
simulated on this POSIX machine with platform="win32", as tests/test_interpreters.py and
tests/test_conda.py do.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from wizard.core import conda as cd
from wizard.core import discovery as D
from wizard.core import interpreters as I

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX layouts and links")


def exe(path: Path, text: str = "#!/bin/sh\nexit 0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def conda_root(path: Path, *envs: str) -> Path:
    (path / "conda-meta").mkdir(parents=True)
    (path / "condabin").mkdir()
    (path / "envs").mkdir()
    for name in envs:
        (path / "envs" / name / "conda-meta").mkdir(parents=True)
    return path


# -- keys ------------------------------------------------------------------------------------------


def test_path_key_folds_case_and_slashes_on_windows_only(tmp_path: Path) -> None:
    a, b = r"C:\Users\Ana\Miniconda3\envs\Lab", "c:/users/ana/miniconda3/envs/lab"
    assert D.path_key(a, windows=True) == D.path_key(b, windows=True)
    assert D.norm_text(a, True) == D.norm_text(b, True) == b
    upper, lower = tmp_path / "Env", tmp_path / "env"
    assert D.path_key(upper, windows=False) != D.path_key(lower, windows=False)


@POSIX_ONLY
def test_path_key_resolves_links(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert D.path_key(tmp_path / "link", False) == D.path_key(real, False)


def test_unique_paths_keeps_the_first_spelling() -> None:
    paths = [Path("/a/Miniconda3"), Path("/a/miniconda3"), Path("/b")]
    assert D.unique_paths(paths, windows=True) == [Path("/a/Miniconda3"), Path("/b")]
    assert D.unique_paths(paths, windows=False) == paths


@POSIX_ONLY
def test_same_interpreter_before_and_after_probing(tmp_path: Path) -> None:
    base = exe(tmp_path / "base" / "bin" / "python3.12")
    (base.parent / "python3").symlink_to(base.name)
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = x\n", encoding="utf-8")
    (venv / "bin" / "python").symlink_to(base)
    # bin/python3 and bin/python3.12 are one interpreter; the venv's link to the same file is not.
    assert D.interpreter_identity(base.parent / "python3", False) == D.interpreter_identity(base, False)
    assert D.interpreter_identity(venv / "bin" / "python", False) != D.interpreter_identity(base, False)
    assert D.probed_key(str(base), str(tmp_path / "base"), False) == D.probed_key(
        str(base.parent / "python3"), str(tmp_path / "base"), False
    )
    assert D.probed_key("", "/x", False) is None
    assert D.probed_key(r"C:\Py\python.exe", r"C:\Py", True) == D.probed_key("c:/py/python.exe", "c:/py", True)


# -- environments.txt: one reader ----------------------------------------------------------------


def test_environments_txt_reader(tmp_path: Path) -> None:
    f = tmp_path / "environments.txt"
    f.write_bytes(
        b"# made by conda\r\nC:\\Users\\Ana\\miniconda3\r\n\r\n  C:\\Users\\Ana\\miniconda3\\envs\\lab  \r\n"
        b"c:\\users\\ana\\MINICONDA3\\envs\\LAB\r\n\"D:\\quoted env\"\r\n"
    )
    win = D.read_environments_txt(f, windows=True)
    assert [str(p) for p in win] == [
        "C:\\Users\\Ana\\miniconda3",
        "C:\\Users\\Ana\\miniconda3\\envs\\lab",
        "D:\\quoted env",
    ]  # the same env in other letter case is one env on Windows
    assert len(D.read_environments_txt(f, windows=False)) == 4  # a POSIX file system tells them apart
    assert D.read_environments_txt(tmp_path / "missing.txt", True) == []


def test_conda_root_of_env() -> None:
    assert D.conda_root_of_env(Path("/h/miniforge3/envs/lab"), False) == Path("/h/miniforge3")
    assert D.conda_root_of_env(Path("/h/miniforge3"), False) is None
    assert D.conda_root_of_env(Path("/h/x/Envs/lab"), True) == Path("/h/x")
    assert D.conda_root_of_env(Path("/h/x/Envs/lab"), False) is None


# -- the places --------------------------------------------------------------------------------------


def test_known_conda_roots_posix(tmp_path: Path) -> None:
    home, fs = tmp_path / "home", tmp_path / "fs"
    places = D.Places({"HOME": str(home)}, "linux", home, fs)
    roots = places.known_conda_roots()
    for want in (
        home / "miniforge3",
        home / "Miniforge3",
        home / "opt" / "anaconda3",
        fs / "opt" / "miniconda3",
        fs / "usr" / "local" / "mambaforge",
        fs / "opt" / "conda",
        home / ".local" / "share" / "mamba",
    ):
        assert want in roots, want
    assert not any("Caskroom" in str(r) for r in roots)
    mac = D.Places({}, "darwin", home, fs).known_conda_roots()
    assert fs / "opt" / "homebrew" / "Caskroom" / "miniforge" / "base" in mac


def test_known_conda_roots_windows_and_env_lookup_ignoring_case(tmp_path: Path) -> None:
    home = tmp_path / "Users" / "Ana"
    env = {"USERPROFILE": str(home), "PROGRAMDATA": str(tmp_path / "PD"), "LocalAppData": str(tmp_path / "L")}
    places = D.Places(env, "win32", home, tmp_path / "fs")
    assert places.getenv("ProgramData") == str(tmp_path / "PD")  # any spelling of the name
    assert places.getenv("LOCALAPPDATA") == str(tmp_path / "L")
    roots = places.known_conda_roots()
    assert tmp_path / "PD" / "anaconda3" in roots and tmp_path / "L" / "miniconda3" in roots
    assert home / "miniforge3" in roots
    assert len(roots) == len({D.norm_text(str(r), True) for r in roots})  # each place once
    assert D.Places({"ProgramData": "x"}, "linux", home, tmp_path).getenv("PROGRAMDATA") == ""


def test_env_conda_roots_and_path_entries(tmp_path: Path) -> None:
    env = {
        "CONDA_EXE": "/r1/bin/conda",
        "MAMBA_EXE": r"C:\r2\Library\bin\mamba.exe",
        "CONDA_ROOT": "/r3",
        "PATH": ' /a : "/b" ::/c',
    }
    places = D.Places(env, "linux", tmp_path, tmp_path)
    roots = [str(r) for r in places.env_conda_roots()]
    assert roots[0] == "/r1" and "/r3" in roots
    assert places.path_entries() == [Path("/a"), Path("/b"), Path("/c")]
    win = D.Places({"MAMBA_EXE": "C:/r2/Library/bin/mamba.exe", "Path": "C:/x;C:/y"}, "win32", tmp_path, tmp_path)
    assert win.env_conda_roots() == [Path("C:/r2")]
    assert win.path_entries() == [Path("C:/x"), Path("C:/y")]


# -- both finders look in the same places ------------------------------------------------------------


@POSIX_ONLY
def test_both_finders_search_the_same_conda_roots(tmp_path: Path) -> None:
    """Places only one finder knew before: /opt/conda and /usr/local/miniforge3 (conda's list),
    CONDA_ROOT (the interpreter finder's). Now each finds all three."""
    home, fs = tmp_path / "home", tmp_path / "fs"
    home.mkdir()
    roots = [conda_root(fs / "opt" / "conda"), conda_root(fs / "usr" / "local" / "miniforge3"), conda_root(tmp_path / "x")]
    for root in roots:
        exe(root / "bin" / "conda")
        exe(root / "bin" / "python3")
    env = {"HOME": str(home), "PATH": "", "CONDA_ROOT": str(roots[2])}
    pythons = I.find_candidates(env=env, home=home, fs_root=fs, platform="linux")
    assert {c.path for c in pythons if c.source == "conda"} == {str(r / "bin" / "python3") for r in roots}
    condas = cd.find_conda_candidates(env=env, home=home, fs_root=fs, platform="linux")
    assert {c.root for c in condas} == {str(r) for r in roots}


@POSIX_ONLY
def test_both_finders_read_environments_txt_alike(tmp_path: Path) -> None:
    home, fs = tmp_path / "home", tmp_path / "fs"
    fs.mkdir()
    root = conda_root(tmp_path / "tools" / "forge", "lab")
    exe(root / "bin" / "conda")
    exe(root / "envs" / "lab" / "bin" / "python3")
    (home / ".conda").mkdir(parents=True)
    (home / ".conda" / "environments.txt").write_text(
        f"# comment\n{root / 'envs' / 'lab'}\n{root / 'envs' / 'lab'}\n\n", encoding="utf-8"
    )
    env = {"HOME": str(home), "PATH": ""}
    pythons = [c.path for c in I.find_candidates(env=env, home=home, fs_root=fs, platform="linux")]
    assert pythons == [str(root / "envs" / "lab" / "bin" / "python3")]
    condas = cd.find_conda_candidates(env=env, home=home, fs_root=fs, platform="linux")
    assert [(c.root, c.source) for c in condas] == [(str(root), "environments.txt")]


@POSIX_ONLY
def test_a_micromamba_root_is_searched_for_interpreters(tmp_path: Path) -> None:
    """A micromamba root has envs/ and pkgs/ but no conda-meta of its own: its envs still count."""
    home = tmp_path / "home"
    root = home / "micromamba"
    (root / "pkgs").mkdir(parents=True)
    (root / "envs" / "a" / "conda-meta").mkdir(parents=True)
    py = exe(root / "envs" / "a" / "bin" / "python3")
    found = I.find_candidates(env={"HOME": str(home), "PATH": ""}, home=home, fs_root=tmp_path / "fs", platform="linux")
    assert [(c.path, c.source) for c in found] == [(str(py), "conda")]


def test_is_program_and_subdirs(tmp_path: Path) -> None:
    f = tmp_path / "tool"
    f.write_text("x", encoding="utf-8")
    f.chmod(0o644)
    assert D.is_program(f, windows=True) and (sys.platform == "win32" or not D.is_program(f, windows=False))
    os.chmod(f, 0o755)
    assert D.is_program(f, windows=False)
    for name in ("3.10", "3.9", ".hidden"):
        (tmp_path / "v" / name).mkdir(parents=True)
    assert [p.name for p in D.subdirs(tmp_path / "v")] == ["3.9", "3.10"]
    assert D.subdirs(tmp_path / "missing") == [] and D.subdirs(None) == []
