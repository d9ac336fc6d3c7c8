"""What the interpreter finder and the conda finder share: the places, and when two paths are the same.

Both finders look at one computer through the same eyes: an environment (``PATH``, ``CONDA_EXE``...),
a platform, a home folder and a file-system root (all replaceable by tests). :class:`Places` holds
those and answers the questions both ask:

* environment variables, case-insensitive on Windows (``Path`` and ``PATH`` are one variable there);
* the entries of ``PATH``;
* where conda, mamba and micromamba installations live: the roots named by environment variables
  (:meth:`Places.env_conda_roots`), the usual folders (:meth:`Places.known_conda_roots`) and
  ``~/.conda/environments.txt`` (:meth:`Places.environments_txt`, one reader);
* whether a folder is a conda installation root (:func:`is_conda_root`) and which root an env
  belongs to (:func:`conda_root_of_env`).

"The same path" is :func:`path_key` everywhere: the real path (links resolved), and on Windows with
``/`` for ``\\`` and case folded, since its file systems ignore case. "The same interpreter" before
running it is :func:`interpreter_identity` (same file *and* same environment); after probing it is
:func:`probed_key` (same ``sys.executable`` and ``sys.prefix``).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

#: Folder names of conda-like installations (Anaconda, Miniconda, Miniforge, Mambaforge, micromamba).
CONDA_ROOT_NAMES: tuple[str, ...] = (
    "anaconda3",
    "miniconda3",
    "miniforge3",
    "mambaforge",
    "micromamba",
    "miniconda",
    "anaconda",
)
#: Homebrew casks that install a conda root under ``Caskroom/<cask>/base``.
CONDA_CASKS: tuple[str, ...] = ("miniforge", "miniconda", "anaconda", "mambaforge", "anaconda3", "miniconda3")


def norm_text(text: str, windows: bool) -> str:
    """A path's text for comparing, without touching the disk: on Windows ``/`` and case folded."""
    return text.replace("\\", "/").lower() if windows else text


def path_key(path: str | os.PathLike[str], windows: bool) -> str:
    """The key that says two paths are the same place: real path, case folded on Windows."""
    try:
        text = os.path.realpath(path)
    except (OSError, ValueError):
        text = os.fspath(path)
    return norm_text(text, windows)


def unique_paths(paths: Iterable[Path], windows: bool) -> list[Path]:
    """``paths`` in order, each place once (by its text; case folded on Windows), without touching the disk."""
    seen: set[str] = set()
    out: list[Path] = []
    for p in paths:
        key = norm_text(str(p), windows).rstrip("/") or "/"
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def env_root(exe: Path) -> Path:
    """The installation or environment folder of an interpreter: <root>/bin/python, <root>\\python.exe."""
    folder = exe.parent
    return folder.parent if folder.name.lower() in ("bin", "scripts") else folder


def interpreter_identity(path: Path, windows: bool) -> tuple[Any, ...]:
    """Same real file, and the same environment when it sits in a venv or conda env.

    A venv's python is a link to its base's file, and conda envs hard-link the same file from the
    package cache: those stay apart; ``/bin/python3`` and ``/usr/bin/python3`` merge, and so do
    ``bin/python`` and ``bin/python3.12``.
    """
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        real = str(path)
    try:
        st = os.stat(real)
        file_id: Any = (st.st_dev, st.st_ino) if st.st_ino else norm_text(real, windows)
    except OSError:
        file_id = norm_text(real, windows)
    root = env_root(path)
    marker = ""
    try:
        if (root / "pyvenv.cfg").is_file() or (root / "conda-meta").is_dir():
            marker = path_key(root, windows)
    except OSError:
        marker = norm_text(str(root), windows)
    return (file_id, marker)


def probed_key(executable: str, prefix: str, windows: bool) -> tuple[str, str] | None:
    """After probing: the same ``sys.executable`` in the same ``sys.prefix`` is the same interpreter."""
    if not executable:
        return None
    return (path_key(executable, windows), path_key(prefix, windows) if prefix else "")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts 3.9 before 3.10."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", name) if part)


def subdirs(directory: Path | None) -> list[Path]:
    """The visible sub-folders of ``directory`` in natural order; [] when it cannot be read."""
    if directory is None:
        return []
    try:
        entries = sorted(os.scandir(directory), key=lambda e: natural_key(e.name))
    except OSError:
        return []
    out = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                out.append(Path(entry.path))
        except OSError:
            continue
    return out


def is_program(path: Path, windows: bool, *, alias_ok: bool = False) -> bool:
    """A file this computer can run. ``alias_ok``: on Windows, also an app-execution alias (a
    reparse point that looks like an empty, unreadable file, as the Store's python.exe is)."""
    try:
        if windows:
            return path.is_file() or (alias_ok and os.path.lexists(path))
        return path.is_file() and os.access(path, os.X_OK)
    except OSError:
        return False


def is_conda_root(path: Path, kind: str | None = None) -> bool:
    """An installation root: ``conda-meta`` plus ``condabin`` or ``envs``; micromamba's may be just
    ``envs`` + ``pkgs`` (``kind`` None or "micromamba")."""
    try:
        if (path / "conda-meta").is_dir() and ((path / "condabin").is_dir() or (path / "envs").is_dir()):
            return True
        if kind in (None, "micromamba") and path.name.lower() != ".conda":
            return (path / "envs").is_dir() and (path / "pkgs").is_dir()
    except OSError:
        return False
    return False


def is_conda_env(path: Path) -> bool:
    """A conda environment (the base one included): it has ``conda-meta``."""
    try:
        return (path / "conda-meta").is_dir()
    except OSError:
        return False


def conda_root_of_env(prefix: Path, windows: bool) -> Path | None:
    """For ``<root>/envs/NAME`` the root; None for any other prefix (the base env is its own root)."""
    name = prefix.parent.name
    if (name.lower() if windows else name) == "envs":
        return prefix.parent.parent
    return None


def read_environments_txt(path: Path, windows: bool) -> list[Path]:
    """The env prefixes conda recorded in an ``environments.txt``: one a line, ``#`` comments and blank
    lines skipped, each place once (case folded on Windows). [] when the file cannot be read."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    prefixes = []
    for line in text.splitlines():
        line = line.strip().strip('"')
        if line and not line.startswith("#"):
            prefixes.append(Path(line))
    return unique_paths(prefixes, windows)


class Places:
    """One computer as both finders see it: environment, platform, home, and the root of ``/``."""

    def __init__(self, env: Mapping[str, str], platform: str, home: Path, fs_root: Path) -> None:
        self.env = env
        self.platform = platform
        self.windows = platform.startswith("win")
        self.home = home
        self.root = fs_root

    # -- the environment ----------------------------------------------------------------------

    def getenv(self, name: str) -> str:
        """A variable's value without surrounding blanks or quotes; on Windows any spelling of the name."""
        value = self.env.get(name)
        if value is None and self.windows:
            upper = name.upper()
            value = next((v for k, v in self.env.items() if k.upper() == upper), None)
        return (value or "").strip().strip('"')

    def env_path(self, name: str) -> Path | None:
        value = self.getenv(name)
        return Path(value) if value else None

    def path_entries(self) -> list[Path]:
        """The folders on ``PATH``, in order, quotes stripped, blanks skipped."""
        sep = ";" if self.windows else ":"
        out = []
        for raw in self.getenv("PATH").split(sep):
            entry = raw.strip().strip('"')
            if entry:
                out.append(Path(entry))
        return out

    # -- paths ----------------------------------------------------------------------------------

    def sys_path(self, posix_path: str) -> Path:
        """An absolute POSIX location under the (test-replaceable) file-system root."""
        return self.root / posix_path.lstrip("/")

    def key(self, path: str | os.PathLike[str]) -> str:
        return path_key(path, self.windows)

    def unique(self, paths: Iterable[Path]) -> list[Path]:
        return unique_paths(paths, self.windows)

    # -- conda places -------------------------------------------------------------------------

    def env_conda_roots(self) -> list[Path]:
        """Roots named by the environment: ``CONDA_EXE``/``_CONDA_EXE``/``MAMBA_EXE`` (the program's
        root), ``MAMBA_ROOT_PREFIX``, ``CONDA_ROOT``. Not checked on disk."""
        roots: list[Path] = []
        for var in ("CONDA_EXE", "_CONDA_EXE", "MAMBA_EXE"):
            exe = self.env_path(var)
            if exe:
                # <root>/bin/conda, <root>\Scripts\conda.exe, <root>\condabin\conda.bat, <root>\Library\bin\mamba.exe
                folder = exe.parent
                if folder.name.lower() == "bin" and folder.parent.name.lower() == "library":
                    roots.append(folder.parent.parent)
                else:
                    roots.append(folder.parent)
        for var in ("MAMBA_ROOT_PREFIX", "CONDA_ROOT"):
            p = self.env_path(var)
            if p:
                roots.append(p)
        return self.unique(roots)

    def known_conda_roots(self) -> list[Path]:
        """The usual install folders of conda-like tools, in search order. Not checked on disk."""
        bases = [self.home, self.home / "opt"]
        if self.windows:
            for var in ("USERPROFILE", "ProgramData", "ALLUSERSPROFILE", "LOCALAPPDATA"):
                p = self.env_path(var)
                if p:
                    bases.append(p)
            if sys.platform == "win32":
                bases.append(Path("C:/ProgramData"))
        else:
            bases += [self.sys_path("/opt"), self.sys_path("/usr/local")]
        roots: list[Path] = []
        for base in self.unique(bases):
            for name in CONDA_ROOT_NAMES:
                roots.append(base / name)
                if not self.windows:  # Windows file systems ignore case
                    roots.append(base / name.capitalize())
        if not self.windows:
            roots.append(self.sys_path("/opt/conda"))  # Docker images and HPC modules
            roots.append(self.home / ".local" / "share" / "mamba")  # micromamba 2's default root
        if self.platform == "darwin":
            for caskroom in (self.sys_path("/opt/homebrew/Caskroom"), self.sys_path("/usr/local/Caskroom")):
                for cask in CONDA_CASKS:
                    roots.append(caskroom / cask / "base")
        return self.unique(roots)

    def environments_txt(self) -> list[Path]:
        """The env prefixes in ``~/.conda/environments.txt`` (see :func:`read_environments_txt`)."""
        return read_environments_txt(self.home / ".conda" / "environments.txt", self.windows)


__all__ = [
    "CONDA_CASKS",
    "CONDA_ROOT_NAMES",
    "Places",
    "conda_root_of_env",
    "env_root",
    "interpreter_identity",
    "is_conda_env",
    "is_conda_root",
    "is_program",
    "natural_key",
    "norm_text",
    "path_key",
    "probed_key",
    "read_environments_txt",
    "subdirs",
    "unique_paths",
]
