"""Choosing the folder of the new environment: the default, and what is refused and why."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .tr import translate

DEFAULT_NAME = "pytorch-env"
WINDOWS_SAFE_PATH_LENGTH = 150  # torch's deepest files add ~110 characters to the env path


@dataclass
class FolderCheck:
    path: str  # absolute, user's ~ expanded
    problems: list[str] = field(default_factory=list)  # any problem refuses the folder
    warnings: list[str] = field(default_factory=list)  # shown, but the folder may be used

    @property
    def ok(self) -> bool:
        return not self.problems


def default_env_dir(home: Path | None = None) -> str:
    """A short ASCII path under the home folder; a free name if the default is taken."""
    home = home or Path.home()
    candidate = home / DEFAULT_NAME
    n = 2
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        candidate = home / f"{DEFAULT_NAME}-{n}"
        n += 1
    if not str(candidate).isascii():
        # A Chinese user name makes a non-ASCII home: prefer a plain folder on the same drive.
        drive = Path(candidate.anchor or "/")
        alt = drive / DEFAULT_NAME
        if os.name == "nt" and not alt.exists():
            return str(alt)
    return str(candidate)


def _system_roots(os_name: str) -> list[str]:
    if os_name == "windows":
        roots = [
            os.environ.get("SystemRoot", r"C:\Windows"),
            os.environ.get("ProgramFiles", r"C:\Program Files"),
            os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            os.environ.get("ProgramData", r"C:\ProgramData"),
        ]
        return [r for r in roots if r]
    roots = [
        "/bin",
        "/sbin",
        "/boot",
        "/dev",
        "/etc",
        "/lib",
        "/lib32",
        "/lib64",
        "/proc",
        "/sys",
        "/usr",
        "/var",
        "/run",
        "/snap",
    ]
    if os_name == "macos":
        roots += ["/System", "/Library", "/Applications", "/private", "/opt/homebrew", "/usr/local"]
    return roots


def _is_within(path: str, root: str, os_name: str) -> bool:
    norm = (lambda s: os.path.normcase(os.path.normpath(s))) if os_name == "windows" else os.path.normpath
    p, r = norm(path), norm(root)
    sep = "\\" if os_name == "windows" else "/"
    return p == r or p.startswith(r.rstrip(sep) + sep)


def nearest_existing(path: Path) -> Path:
    for parent in (path, *path.parents):
        if parent.exists():
            return parent
    return Path(path.anchor or "/")


def free_bytes(path: str | Path) -> int | None:
    """Free space on the drive that holds ``path`` (or would hold it once created)."""
    try:
        return shutil.disk_usage(nearest_existing(Path(path))).free
    except OSError:
        return None


def _writable(folder: Path) -> bool:
    """Really try: os.access is wrong for root on read-only mounts and for Windows ACLs."""
    probe = folder / f".pytorch-wizard-write-test-{os.getpid()}"
    try:
        with open(probe, "wb"):
            pass
        probe.unlink()
        return True
    except OSError:
        return False


def check_env_folder(text: str, os_name: str, *, protected: list[str] | None = None) -> FolderCheck:
    """Is ``text`` a good place for a *new* environment? Never one that holds the learner's files.

    ``protected`` adds folders that must not be used (for example the chosen Python's own prefix).
    """
    raw = text.strip()
    if not raw:
        return FolderCheck(
            path="", problems=[translate("EnvFolder", "Choose a folder for the new environment.")]
        )
    path = Path(os.path.expanduser(raw))
    if not path.is_absolute():
        return FolderCheck(
            path=raw,
            problems=[
                translate("EnvFolder", "Give the full path of the folder, for example {example}.").format(
                    example=default_env_dir()
                )
            ],
        )
    path = Path(os.path.normpath(path))
    check = FolderCheck(path=str(path))
    for root in _system_roots(os_name) + list(protected or []):
        if _is_within(str(path), root, os_name):
            check.problems.append(
                translate(
                    "EnvFolder",
                    "{path} is inside {root}, which belongs to the system or to another "
                    "program. Choose a folder in your home folder instead.",
                ).format(path=path, root=root)
            )
            return check
    if path.exists():
        if not path.is_dir():
            check.problems.append(translate("EnvFolder", "{path} is a file, not a folder.").format(path=path))
            return check
        try:
            entries = list(path.iterdir())
        except OSError:
            entries = None
        if entries is None:
            check.problems.append(translate("EnvFolder", "This folder cannot be read. Choose another one."))
            return check
        if entries:
            check.problems.append(
                translate(
                    "EnvFolder",
                    "This folder already has files in it. The wizard only creates new "
                    "environments so that nothing you have is changed: choose an empty or new folder.",
                )
            )
            return check
    parent = nearest_existing(path)
    if not parent.is_dir() or not _writable(parent):
        check.problems.append(
            translate(
                "EnvFolder", "You cannot create files in {folder}. Choose a folder in your home folder."
            ).format(folder=parent)
        )
        return check
    if os_name == "windows" and len(str(path)) > WINDOWS_SAFE_PATH_LENGTH:
        check.warnings.append(
            translate(
                "EnvFolder",
                "This path is long. Windows limits path lengths, and PyTorch has deeply "
                "nested files: a shorter path such as C:\\pytorch-env is safer.",
            )
        )
    return check
