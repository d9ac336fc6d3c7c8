"""Choosing the folder of the new environment: the default, and what is refused and why."""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

from .tr import translate

log = logging.getLogger(__name__)

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


_WINDOWS_BAD_CHARS = set('<>:"|?*')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_NAME_MAX = 255  # bytes of one name (ext4, APFS, NTFS: 255 characters)
_PATH_MAX = 4000  # a little under Linux's PATH_MAX (4096)


def _name_problem(raw: str, os_name: str) -> str | None:
    """A problem with the text itself (before anything is asked of the disk), or None."""
    if any(ord(c) < 32 or c == "\x7f" for c in raw):
        return translate(
            "EnvFolder", "A folder name cannot contain invisible control characters. Type the folder again."
        )
    parts = [p for p in re.split(r"[\\/]", raw) if p]
    too_long = len(raw) > _PATH_MAX or any(len(p.encode("utf-8", "replace")) > _NAME_MAX for p in parts)
    if too_long:
        return translate("EnvFolder", "This folder name is too long for the system. Choose a shorter one.")
    if os_name == "windows":
        names = parts[1:] if parts and re.fullmatch(r"[A-Za-z]:", parts[0]) else parts
        if any(c in _WINDOWS_BAD_CHARS for p in names for c in p) or any(
            p.split(".")[0].strip().upper() in _WINDOWS_RESERVED or p != p.rstrip(" .") for p in names
        ):
            return translate(
                "EnvFolder",
                'On Windows a folder name cannot contain < > : " | ? *, cannot end with a dot or a space, '
                "and cannot be a name such as CON or NUL. Choose another name.",
            )
    return None


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return translate("EnvFolder", "This folder name is too long for the system. Choose a shorter one.")
    return translate("EnvFolder", "This folder cannot be checked ({error}). Choose another one.").format(
        error=exc.strerror or exc.__class__.__name__
    )


def _resolve(path: Path) -> Path:
    """``path`` with every symbolic link (and Windows junction) that exists resolved."""
    return Path(os.path.realpath(path))


def _owner(folder: Path) -> tuple[str, Path] | None:
    """("venv" | "conda" | "python", root) when ``folder`` is inside (or is) a Python environment or
    installation: pyvenv.cfg, conda-meta, site-packages, or a standard library (lib/python3.X/os.py,
    Lib/os.py) in a folder above it. The file system's root is never taken for an installation (on
    Debian /lib/python3.X/os.py exists through the /lib link)."""
    chain = (folder, *folder.parents)
    for parent in chain:  # an environment first: its site-packages is the environment's
        try:
            if (parent / "pyvenv.cfg").is_file():
                return "venv", parent
            if (parent / "conda-meta").is_dir():
                return "conda", parent
        except OSError:  # a folder that cannot be read says nothing
            continue
    for parent in chain:
        try:
            if parent.name.lower() in ("site-packages", "dist-packages"):
                return "python", parent
            if parent == parent.parent:
                continue
            if (parent / "Lib" / "os.py").is_file() or any((parent / "lib").glob("python3*/os.py")):
                return "python", parent
        except OSError:  # a folder that cannot be read says nothing
            continue
    return None


def check_env_folder(text: str, os_name: str, *, protected: list[str] | None = None) -> FolderCheck:
    """Is ``text`` a good place for a *new* environment? Never one that holds the learner's files, and
    never inside what belongs to the system, to a Python installation, to a venv or to a conda env (judged
    after following symbolic links). Never raises: what cannot be checked is a problem in words.

    ``protected`` adds folders that must not be used (for example the chosen Python's own prefix).
    """
    raw = text.strip()
    if not raw:
        return FolderCheck(
            path="", problems=[translate("EnvFolder", "Choose a folder for the new environment.")]
        )
    bad = _name_problem(raw, os_name)
    if bad is not None:
        return FolderCheck(path=raw.replace("\x00", ""), problems=[bad])
    try:
        return _check_env_folder(raw, os_name, protected or [])
    except (OSError, ValueError) as exc:  # ValueError: what the OS cannot even take as a name
        log.info("folder check of %r: %s", raw, exc)
        problem = (
            _os_problem(exc) if isinstance(exc, OSError) else _os_problem(OSError(errno.EINVAL, str(exc)))
        )
        return FolderCheck(path=raw, problems=[problem])


def _check_env_folder(raw: str, os_name: str, protected: list[str]) -> FolderCheck:
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
    real = _resolve(path)
    check = FolderCheck(path=str(real))
    home = _resolve(Path(os.path.expanduser("~")))
    in_home = _is_within(str(real), str(home), os_name) and real != home
    for root in _system_roots(os_name) + protected:
        real_root = str(_resolve(Path(root))) if os.path.isabs(root) else root
        if in_home and root not in protected and _is_within(str(home), real_root, os_name):
            continue  # a home under /var (Fedora Silverblue: /home -> /var/home) is still the learner's
        if any(_is_within(str(p), r, os_name) for p in (path, real) for r in {root, real_root}):
            check.problems.append(
                translate(
                    "EnvFolder",
                    "{path} is inside {root}, which belongs to the system or to another "
                    "program. Choose a folder in your home folder instead.",
                ).format(path=real if real != path else path, root=root)
            )
            return check
    owner = _owner(nearest_existing(real))
    if owner is not None:
        kind, root_path = owner
        if kind == "venv":
            message = translate(
                "EnvFolder",
                "{path} is inside the environment {root}. A new environment cannot go into another one: "
                "choose a folder outside it.",
            )
        elif kind == "conda":
            message = translate(
                "EnvFolder",
                "{path} is inside the conda environment {root}. A new environment cannot go into another "
                "one: choose a folder outside it.",
            )
        else:
            message = translate(
                "EnvFolder",
                "{path} is inside the Python installation {root}. Choose a folder in your home folder "
                "instead.",
            )
        check.problems.append(message.format(path=real, root=root_path))
        return check
    if real.exists():
        if not real.is_dir():
            check.problems.append(translate("EnvFolder", "{path} is a file, not a folder.").format(path=real))
            return check
        try:
            entries = list(real.iterdir())
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
    elif os.path.lexists(real):  # a link that leads nowhere
        check.problems.append(translate("EnvFolder", "{path} is a file, not a folder.").format(path=real))
        return check
    parent = nearest_existing(real)
    if not parent.is_dir() or not _writable(parent):
        check.problems.append(
            translate(
                "EnvFolder", "You cannot create files in {folder}. Choose a folder in your home folder."
            ).format(folder=parent)
        )
        return check
    if os_name == "windows" and len(str(real)) > WINDOWS_SAFE_PATH_LENGTH:
        check.warnings.append(
            translate(
                "EnvFolder",
                "This path is long. Windows limits path lengths, and PyTorch has deeply "
                "nested files: a shorter path such as C:\\pytorch-env is safer.",
            )
        )
    return check


# --------------------------------------------------------------------------------------------
# Addresses: the mirror (index) and the proxy. Never an exception, IPv6 literals understood.
# --------------------------------------------------------------------------------------------


def _split(url: str) -> SplitResult | None:
    """urlsplit, or None where it (or its port) raises: "http://[::1", "http://host:99999"."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises for a port that is not a number from 0 to 65535
        if parts.netloc.startswith("[") or "[" in parts.netloc:
            host = parts.hostname or ""
            ipaddress.IPv6Address(host.split("%", 1)[0])
        return parts
    except ValueError:
        return None


def check_index_url(text: str) -> tuple[list[str], list[str]]:
    """(problems, warnings) for an index URL the learner typed (a mirror, a school's server). Never
    raises, whatever was typed (a half-typed IPv6 address, a NUL, a port of letters)."""
    url = text.strip()
    if not url:
        return [translate("Plan", "Type the address of the package index.")], []
    not_web = [translate("Plan", "This is not a web address. It should look like https://example.org/simple")]
    if any(c.isspace() for c in url):
        return [translate("Plan", "A web address cannot contain spaces.")], []
    if any(ord(c) < 32 or c == "\x7f" for c in url):
        return not_web, []
    parts = _split(url)
    if parts is None or parts.scheme not in ("http", "https", "file"):
        return not_web, []
    if parts.scheme != "file" and not parts.hostname:
        return not_web, []
    if parts.scheme == "file" and not (parts.path or parts.netloc):
        return not_web, []
    if parts.scheme == "http":
        return [], [
            translate(
                "Plan",
                "This address uses http, not https: downloads are not encrypted and could "
                "be changed on the way. Use it only on a network you trust.",
            )
        ]
    return [], []


def check_proxy_url(text: str) -> tuple[str, list[str]]:
    """(normalised proxy URL, problems). 'proxy.school.edu:8080' becomes 'http://proxy.school.edu:8080',
    '[2001:db8::1]:3128' becomes 'http://[2001:db8::1]:3128'. Never raises."""
    url = text.strip()
    if url and "://" not in url:
        url = "http://" + url
    parts = _split(url)
    if (
        parts is None
        or parts.scheme not in ("http", "https", "socks5", "socks5h")
        or not parts.hostname
        or parts.port == 0
        or any(c.isspace() or ord(c) < 32 for c in url)
    ):
        return url, [
            translate(
                "Plan",
                "This is not a proxy address. It looks like proxy.example.edu:8080 or "
                "http://proxy.example.edu:8080",
            )
        ]
    return url, []


_LABEL = re.compile(r"^(?!-)[^\W_](?:[\w-]*[^\W_])?$")


def _complete_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return True
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return False
    if all(label.isdigit() for label in labels):
        return False  # "10.0": an IPv4 address still being typed
    return len(labels[-1]) >= 2 and not labels[-1].isdigit()


def is_complete_url(text: str) -> bool:
    """Whether an address is finished enough to be contacted: http(s) with a host that has a dot (and a
    top-level name of two letters or more), an IP literal (IPv4 of four numbers, IPv6 in brackets) or
    localhost, and a valid port; or a file: URL with a path. "http://1" (that is 0.0.0.1) or "https://mirr"
    are not: a check is started only for a complete address."""
    url = text.strip()
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    parts = _split(url)
    if parts is None:
        return False
    if parts.scheme == "file":
        return bool(parts.path)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.port == 0 or parts.netloc.endswith(":"):
        return False
    return _complete_host(parts.hostname)
