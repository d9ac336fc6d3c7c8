"""Finding the Python interpreters on this computer, probing them, and judging them for PyTorch.

Three steps, all free of any GUI:

* :func:`find_candidates` lists files that look like Python interpreters (PATH first, then the
  places where python.org, the Microsoft Store, Homebrew, pyenv, uv, conda and the Windows
  registry put them). It only looks at the file system (and the registry); it runs nothing. The
  places it shares with the conda finder (conda roots, ``environments.txt``, what counts as the same
  path) are :mod:`wizard.core.discovery`'s.
* :func:`probe` runs one candidate with ``resources/probe_python.py`` (through
  :func:`wizard.core.childproc.run`: own session, timeout, the whole tree killed) and turns its answer
  into an :class:`Interpreter`. It never raises: a broken candidate comes back with ``error`` set.
  :func:`detect` probes many in parallel and merges duplicates.
* :func:`assess` says whether an interpreter can be the base of the new environment that the
  wizard makes for PyTorch, with reasons in plain words, and a score; :func:`best` picks one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.version import Version

from . import childproc, discovery
from . import releases as _releases
from .releases import Release, ReleaseData
from .resources import resource
from .tr import translate

PROBE_SCRIPT = "probe_python.py"
PROBE_BEGIN = "----TORCH-SETUP-WIZARD-PROBE-BEGIN----"
PROBE_END = "----TORCH-SETUP-WIZARD-PROBE-END----"

#: The last PyTorch release with wheels for Intel (x86_64) Macs.
INTEL_MAC_LAST_TORCH = "2.2.2"

#: Every value that ``Candidate.source`` / ``Interpreter.source`` can take.
SOURCES: tuple[str, ...] = (
    "python.org",
    "microsoft-store",
    "homebrew",
    "pyenv",
    "uv",
    "conda",
    "venv",
    "system",
    "path",
    "manual",
    "python-install-manager",
)

# When two candidates turn out to be the same interpreter, the label earlier in this list wins.
_SOURCE_PREFERENCE: tuple[str, ...] = (
    "manual",
    "python.org",
    "python-install-manager",
    "microsoft-store",
    "homebrew",
    "pyenv",
    "uv",
    "conda",
    "venv",
    "system",
    "path",
)

# Bonus in the score for where a base interpreter comes from (we always make our own venv).
_SOURCE_SCORE: dict[str, int] = {
    "manual": 50,
    "python.org": 40,
    "python-install-manager": 40,
    "pyenv": 40,
    "uv": 40,
    "homebrew": 35,
    "system": 30,
    "path": 25,
    "microsoft-store": 20,
    "conda": 0,
    "venv": 0,
}

_OUTPUT_LIMIT = 1 << 20  # a probe that prints more than this is not Python answering us
_STORE_STUB_EXIT = 9009


# ---------------------------------------------------------------------------------------------
# Data types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    path: str  # as found (not resolved)
    source: str  # one of SOURCES


@dataclass(frozen=True)
class Interpreter:
    path: str  # what to run
    source: str
    version: str  # "3.11.7" ("" when the probe failed)
    version_info: tuple[int, int, int]  # (0, 0, 0) when unknown
    bits: int  # 64 or 32 (0 unknown)
    implementation: str  # "cpython", "pypy", ...
    machine: str  # platform.machine()
    platform: str  # sys.platform
    free_threaded: bool
    is_venv: bool
    is_conda: bool
    externally_managed: bool
    has_pip: bool
    has_venv: bool  # venv module importable
    has_ensurepip: bool
    prefix: str
    base_prefix: str
    executable: str  # sys.executable reported by the interpreter
    error: str = ""  # non-empty: the probe failed; plain words
    # Additions beyond the first contract:
    base_executable: str = ""  # sys._base_executable (the base interpreter of a venv)
    mac_ver: str = ""  # platform.mac_ver()[0] on macOS
    translated: bool = False  # an Intel Python running under Rosetta on an Apple Silicon Mac
    fs_encoding: str = ""
    aliases: tuple[str, ...] = ()  # other paths found for the same interpreter (merged by detect)

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def short_version(self) -> str:
        """``"3.11"`` (``"3.13t"`` for a free-threaded build); ``""`` when unknown."""
        if self.version_info == (0, 0, 0):
            return ""
        return f"{self.version_info[0]}.{self.version_info[1]}" + ("t" if self.free_threaded else "")

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["version_info"] = list(self.version_info)
        data["aliases"] = list(self.aliases)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Interpreter:
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs["version_info"] = _version_tuple(kwargs.get("version_info"))
        kwargs["aliases"] = tuple(kwargs.get("aliases", ()))
        for f in dataclasses.fields(cls):
            if f.name not in kwargs and f.default is dataclasses.MISSING:
                kwargs[f.name] = _FAILED_DEFAULTS[f.name]
        return cls(**kwargs)


_FAILED_DEFAULTS: dict[str, Any] = {
    "path": "",
    "source": "manual",
    "version": "",
    "version_info": (0, 0, 0),
    "bits": 0,
    "implementation": "",
    "machine": "",
    "platform": "",
    "free_threaded": False,
    "is_venv": False,
    "is_conda": False,
    "externally_managed": False,
    "has_pip": False,
    "has_venv": False,
    "has_ensurepip": False,
    "prefix": "",
    "base_prefix": "",
    "executable": "",
}


@dataclass(frozen=True)
class Verdict:
    suitable: bool
    reasons: tuple[str, ...]  # plain-language, translated
    score: int  # higher is better; used to preselect the best
    torch_version: str = ""  # the PyTorch release this interpreter would get ("" when unsuitable)


@dataclass(frozen=True)
class RegistryEntry:
    """One PEP 514 registration (``HKCU|HKLM\\Software\\Python\\<company>\\<tag>``)."""

    company: str
    tag: str
    executable: str
    version: str = ""  # SysVersion
    architecture: str = ""  # SysArchitecture, e.g. "64bit"
    display_name: str = ""


RegistryReader = Callable[[], Iterable[RegistryEntry]]


def _failed(candidate: Candidate, error: str) -> Interpreter:
    values = dict(_FAILED_DEFAULTS)
    values.update(path=candidate.path, source=candidate.source, error=error)
    return Interpreter(**values)


def _version_tuple(value: Any) -> tuple[int, int, int]:
    try:
        parts = [int(x) for x in list(value)[:3]]
    except (TypeError, ValueError):
        return (0, 0, 0)
    while len(parts) < 3:
        parts.append(0)
    return (parts[0], parts[1], parts[2])


# ---------------------------------------------------------------------------------------------
# Labels and hints
# ---------------------------------------------------------------------------------------------


def source_label(source: str) -> str:
    """The display name of a source, translated."""
    labels = {
        "python.org": translate("Interpreters", "python.org"),
        "microsoft-store": translate("Interpreters", "Microsoft Store"),
        "homebrew": translate("Interpreters", "Homebrew"),
        "pyenv": translate("Interpreters", "pyenv"),
        "uv": translate("Interpreters", "uv"),
        "conda": translate("Interpreters", "conda"),
        "venv": translate("Interpreters", "virtual environment"),
        "system": translate("Interpreters", "system"),
        "path": translate("Interpreters", "found on PATH"),
        "manual": translate("Interpreters", "added by you"),
        "python-install-manager": translate("Interpreters", "Python install manager"),
    }
    return labels.get(source, source)


def recommended_python(data: ReleaseData | None = None) -> tuple[int, int]:
    """The Python minor version to suggest installing: well supported by the newest PyTorch.

    Two below the newest supported minor (new minors lack wheels of other packages for a
    while), but never below the oldest supported one.
    """
    rng = (data or _releases.load()).newest.python
    if rng.max[0] != rng.min[0]:
        return rng.max
    return (rng.max[0], max(rng.min[1], rng.max[1] - 2))


def install_hint(platform: str | None = None, data: ReleaseData | None = None) -> str:
    """What to install, and where, when no suitable Python was found (translated)."""
    plat = platform or sys.platform
    major, minor = recommended_python(data)
    version = f"{major}.{minor}"
    if plat.startswith("win"):
        return translate(
            "Interpreters",
            "Install Python {version} (64-bit) from python.org: https://www.python.org/downloads/windows/ "
            '(choose "Windows installer (64-bit)" and tick "Add python.exe to PATH"). '
            "Then search again.",
        ).format(version=version)
    if plat == "darwin":
        return translate(
            "Interpreters",
            "Install Python {version} from python.org: https://www.python.org/downloads/macos/ "
            '(the "macOS 64-bit universal2 installer"). Then search again.',
        ).format(version=version)
    return translate(
        "Interpreters",
        "Install Python {version} or another supported version with its venv module from your "
        "distribution. Debian or Ubuntu: sudo apt install python3 python3-venv. "
        "Fedora: sudo dnf install python3. Then search again.",
    ).format(version=version)


# ---------------------------------------------------------------------------------------------
# Finding candidates
# ---------------------------------------------------------------------------------------------

_POSIX_NAME = re.compile(r"^python(3(\.\d+t?)?)?$")
_WINDOWS_NAME = re.compile(r"^python(3(\.\d+t?)?)?$", re.IGNORECASE)


def _name_order(name: str) -> tuple[int, str]:
    stem = name.lower()
    for ext in (".exe", ".com", ".bat", ".cmd"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
    rank = {"python3": 0, "python": 1}.get(stem, 2)
    return (rank, stem)


class _Finder(discovery.Places):
    """One search: the environment, platform and home it runs against (:class:`discovery.Places`),
    and the results."""

    def __init__(
        self,
        env: Mapping[str, str],
        platform: str,
        home: Path,
        fs_root: Path,
        registry: RegistryReader | None,
    ) -> None:
        super().__init__(env, platform, home, fs_root)
        self.registry = registry
        self.found: list[Candidate] = []
        self._index: dict[tuple[Any, ...], int] = {}
        self._listing: dict[str, list[str]] = {}

    # -- helpers --------------------------------------------------------------------------

    def exe_names(self) -> tuple[str, ...]:
        if not self.windows:
            return ("",)
        raw = self.getenv("PATHEXT") or ".COM;.EXE;.BAT;.CMD"
        exts = [e.strip().lower() for e in raw.split(";") if e.strip()]
        # A python.bat/.cmd is a wrapper (pyenv-win shims are); only real programs count.
        return tuple(e for e in exts if e in (".exe", ".com")) or (".exe",)

    def list_dir(self, directory: Path) -> list[str]:
        key = str(directory)
        if key not in self._listing:
            try:
                self._listing[key] = sorted(os.listdir(directory))
            except OSError:
                self._listing[key] = []
        return self._listing[key]

    def python_files(self, directory: Path) -> list[Path]:
        """The python, python3 and python3.X programs in one folder, python3 first."""
        names = []
        if self.windows:
            exts = self.exe_names()
            for name in self.list_dir(directory):
                stem, ext = os.path.splitext(name)
                if ext.lower() in exts and _WINDOWS_NAME.match(stem):
                    names.append(name)
        else:
            names = [n for n in self.list_dir(directory) if _POSIX_NAME.match(n)]
        return [directory / n for n in sorted(names, key=_name_order)]

    def is_program(self, path: Path) -> bool:
        # Store app-execution aliases are reparse points that look like empty files.
        return discovery.is_program(path, self.windows, alias_ok=True)

    def add(self, path: Path, source: str) -> None:
        if not self.is_program(path):
            return
        if self.windows and self.is_store_stub(path):
            return
        key = discovery.interpreter_identity(path, self.windows)
        if key in self._index:
            i = self._index[key]
            if _prefer_source(source, self.found[i].source):
                self.found[i] = Candidate(self.found[i].path, source)
            return
        self._index[key] = len(self.found)
        self.found.append(Candidate(str(path), source))

    def add_dir(self, directory: Path | None, source: str, *, first_only: bool = False) -> None:
        if directory is None:
            return
        for file in self.python_files(directory):
            self.add(file, source)
            if first_only:
                break

    def add_env(self, env_root: Path, source: str) -> None:
        """A Python installation or environment root: <root>/bin/python3 or <root>\\python.exe."""
        if self.windows:
            for sub in (env_root, env_root / "Scripts"):
                exe = sub / "python.exe"
                if self.is_program(exe):
                    self.add(exe, source)
                    return
        else:
            self.add_dir(env_root / "bin", source, first_only=True)

    @staticmethod
    def subdirs(directory: Path | None) -> list[Path]:
        return discovery.subdirs(directory)

    def is_store_stub(self, path: Path) -> bool:
        """The bare ``...\\Microsoft\\WindowsApps\\python.exe`` alias that opens the Store."""
        parts = [p.lower() for p in path.parts]
        return len(parts) >= 3 and parts[-3:-1] == ["microsoft", "windowsapps"]

    # -- classification -------------------------------------------------------------------

    def pyenv_roots(self) -> list[Path]:
        roots = []
        for var in ("PYENV_ROOT", "PYENV_HOME", "PYENV"):
            p = self.env_path(var)
            if p:
                roots.append(p)
        roots.append(self.home / ".pyenv")
        if self.windows:
            roots = [r / "pyenv-win" if (r / "pyenv-win").is_dir() else r for r in roots]
        return self.unique(roots)

    def uv_dirs(self) -> list[Path]:
        dirs = []
        p = self.env_path("UV_PYTHON_INSTALL_DIR")
        if p:
            dirs.append(p)
        if self.windows:
            appdata = self.env_path("APPDATA")
            if appdata:
                dirs.append(appdata / "uv" / "python")
        xdg = self.env_path("XDG_DATA_HOME")
        if xdg:
            dirs.append(xdg / "uv" / "python")
        dirs.append(self.home / ".local" / "share" / "uv" / "python")
        return self.unique(dirs)

    def classify(self, path: Path) -> str:
        """The source of an interpreter found on PATH, judged from where it lives."""
        env_root = discovery.env_root(path)
        if (env_root / "pyvenv.cfg").is_file():
            return "venv"
        texts = [discovery.norm_text(str(path), self.windows), self.key(path)]

        def under(*bases: Path | None) -> bool:
            for base in bases:
                if base is None:
                    continue
                b = discovery.norm_text(str(base), self.windows).rstrip("/") + "/"
                if any(t.startswith(b) for t in texts):
                    return True
            return False

        if under(*(r / "versions" for r in self.pyenv_roots())):
            return "pyenv"
        if under(*self.uv_dirs()):
            return "uv"
        if (env_root / "conda-meta").is_dir():
            return "conda"
        if self.windows:
            local = self.env_path("LOCALAPPDATA")
            if local and under(local / "Microsoft" / "WindowsApps"):
                return "microsoft-store"
            if local and under(local / "Programs" / "Python"):
                return "python.org"
            if local and under(local / "Python"):
                return "python-install-manager"
            if any(re.search(r"/python3\d+(-32|-arm64)?/python\.exe$", t) for t in texts):
                return "python.org"
            return "path"
        if any("/python.framework/" in t.lower() or "/pythont.framework/" in t.lower() for t in texts):
            return "python.org"
        if under(*self.homebrew_prefixes()) or any("/cellar/" in t.lower() for t in texts):
            return "homebrew"
        if under(self.sys_path("/usr/bin"), self.sys_path("/bin"), self.sys_path("/usr/local/bin")):
            return "system"
        return "path"

    def homebrew_prefixes(self) -> list[Path]:
        prefixes = []
        p = self.env_path("HOMEBREW_PREFIX")
        if p:
            prefixes.append(p)
        if self.platform == "darwin":
            prefixes.append(self.sys_path("/opt/homebrew"))
        else:
            prefixes += [self.sys_path("/home/linuxbrew/.linuxbrew"), self.home / ".linuxbrew"]
        return self.unique(prefixes)

    # -- the places -----------------------------------------------------------------------

    def scan_path(self) -> None:
        for directory in self.path_entries():
            parts = [p.lower() for p in directory.parts]
            if parts and parts[-1] == "shims":  # pyenv, pyenv-win, asdf: wrappers, never the real thing
                continue
            if parts[-2:] == ["microsoft", "windowsapps"]:
                self.scan_store(directory)
                continue
            for file in self.python_files(directory):
                self.add(file, self.classify(file))

    def scan_store(self, windowsapps: Path | None) -> None:
        if windowsapps is None:
            return
        for sub in self.subdirs(windowsapps):
            if sub.name.lower().startswith("pythonsoftwarefoundation.python."):
                self.add(sub / "python.exe", "microsoft-store")

    def scan_pyenv(self) -> None:
        for root in self.pyenv_roots():
            for version in self.subdirs(root / "versions"):
                if self.windows:
                    self.add(version / "python.exe", "pyenv")
                else:
                    self.add_dir(version / "bin", "pyenv")

    def scan_uv(self) -> None:
        for base in self.uv_dirs():
            for install in self.subdirs(base):
                self.add_env(install, "uv")

    def scan_windows(self) -> None:
        local = self.env_path("LOCALAPPDATA")
        if local:
            for sub in self.subdirs(local / "Programs" / "Python"):
                self.add(sub / "python.exe", "python.org")
            # Python Install Manager (3.14+): runtimes in %LOCALAPPDATA%\Python\<id>, aliases in ...\bin
            for sub in self.subdirs(local / "Python"):
                if sub.name.lower() == "bin":
                    self.add_dir(sub, "python-install-manager")
                else:
                    self.add(sub / "python.exe", "python-install-manager")
            self.scan_store(local / "Microsoft" / "WindowsApps")
        for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
            base = self.env_path(var)
            for sub in self.subdirs(base):
                if re.match(r"^python3\d*", sub.name, re.IGNORECASE):
                    self.add(sub / "python.exe", "python.org")

    def scan_registry(self) -> None:
        reader = self.registry
        if reader is None:
            if sys.platform != "win32":
                return
            reader = read_pep514_registry
        try:
            entries = list(reader())
        except Exception:
            return
        for entry in entries:
            if entry.company.lower() == "pylauncher" or not entry.executable:
                continue
            path = Path(entry.executable)
            source = self.classify(path)
            if source == "path":
                company = entry.company.lower()
                if company == "pythoncore":
                    source = "python.org"
                elif company == "astral":
                    source = "uv"
                elif company in ("continuumanalytics", "anaconda"):
                    source = "conda"
                else:
                    source = "system"
            self.add(path, source)

    def scan_mac(self) -> None:
        for framework in ("Python.framework", "PythonT.framework"):
            versions = self.sys_path("/Library/Frameworks") / framework / "Versions"
            for v in self.subdirs(versions):
                if v.name != "Current":
                    self.add_dir(v / "bin", "python.org")

    def scan_homebrew(self) -> None:
        if self.windows:
            return
        prefixes = self.homebrew_prefixes()
        for prefix in prefixes:
            self.add_dir(prefix / "bin", "homebrew")
        if self.platform == "darwin":
            prefixes.append(self.sys_path("/usr/local"))  # Homebrew on Intel Macs (bin: see scan_system)
        for prefix in prefixes:
            # Keg-only or unlinked versions: <prefix>/opt/python@3.X/bin
            for opt in self.subdirs(prefix / "opt"):
                if opt.name.startswith("python@3"):
                    self.add_dir(opt / "bin", "homebrew")

    def scan_system(self) -> None:
        if self.windows:
            return
        for d in ("/usr/bin", "/usr/local/bin", "/bin"):
            directory = self.sys_path(d)
            for file in self.python_files(directory):
                self.add(file, self.classify(file))

    def conda_roots(self) -> list[Path]:
        """The conda, mamba and micromamba installation roots on this computer (shared places)."""
        places = [*self.env_conda_roots(), *self.known_conda_roots()]
        return [r for r in self.unique(places) if discovery.is_conda_root(r) or discovery.is_conda_env(r)]

    def scan_conda(self) -> None:
        prefixes: list[Path] = []
        active = self.env_path("CONDA_PREFIX")
        if active:
            prefixes.append(active)
        for root in self.conda_roots():
            prefixes.append(root)
            prefixes.extend(self.subdirs(root / "envs"))
        prefixes.extend(self.environments_txt())
        for prefix in self.unique(prefixes):
            if discovery.is_conda_env(prefix):
                self.add_env(prefix, "conda")

    def scan_venvs(self) -> None:
        places: list[Path] = []
        active = self.env_path("VIRTUAL_ENV")
        if active:
            places.append(active)
        places += [self.home / ".venv", self.home / "venv"]
        workon = self.env_path("WORKON_HOME") or self.home / ".virtualenvs"
        places += self.subdirs(workon)
        for place in places:
            if (place / "pyvenv.cfg").is_file():
                self.add_env(place, "venv")

    def run(self) -> list[Candidate]:
        self.scan_path()
        if self.windows:
            self.scan_registry()
            self.scan_windows()
        elif self.platform == "darwin":
            self.scan_mac()
        self.scan_homebrew()
        self.scan_pyenv()
        self.scan_uv()
        self.scan_system()
        self.scan_conda()
        self.scan_venvs()
        return list(self.found)


def _prefer_source(new: str, old: str) -> bool:
    order = {s: i for i, s in enumerate(_SOURCE_PREFERENCE)}
    return order.get(new, len(order)) < order.get(old, len(order))


def find_candidates(
    *,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: Path | None = None,
    registry: RegistryReader | None = None,
    fs_root: Path | None = None,
) -> list[Candidate]:
    """Files that look like Python interpreters, PATH first, deduplicated by real file.

    ``env``, ``platform`` and ``home`` default to this process's; tests pass fakes to simulate
    another layout. ``registry`` reads PEP 514 entries (default: the real Windows registry, only
    on Windows). ``fs_root`` replaces ``/`` for the fixed POSIX locations (``/usr/bin``,
    ``/opt/homebrew``, ``/Library/Frameworks``...), also for tests.
    """
    env = os.environ if env is None else env
    plat = platform or sys.platform
    if home is None:
        var = "USERPROFILE" if plat.startswith("win") else "HOME"
        home = Path(env[var]) if env.get(var) else Path.home()
    finder = _Finder(env, plat, Path(home), Path(fs_root) if fs_root else Path("/"), registry)
    return finder.run()


def manual_candidate(path: str | os.PathLike[str]) -> Candidate:
    """A candidate the learner picked by hand."""
    return Candidate(os.fspath(path), "manual")


def read_pep514_registry() -> list[RegistryEntry]:
    """PEP 514 registrations from HKCU and HKLM (64- and 32-bit views). Windows only."""
    if sys.platform != "win32":  # mypy checks the rest for Windows only (--platform win32)
        return []
    import winreg

    def subkeys(key: Any) -> Iterator[str]:
        i = 0
        while True:
            try:
                yield winreg.EnumKey(key, i)
            except OSError:
                return
            i += 1

    def value(key: Any, name: str) -> str:
        try:
            v, _ = winreg.QueryValueEx(key, name)
        except OSError:
            return ""
        return str(v) if v is not None else ""

    views = [
        (winreg.HKEY_CURRENT_USER, 0),
        (winreg.HKEY_LOCAL_MACHINE, winreg.KEY_WOW64_64KEY),
        (winreg.HKEY_LOCAL_MACHINE, winreg.KEY_WOW64_32KEY),
    ]
    out: list[RegistryEntry] = []
    for hive, flag in views:
        access = winreg.KEY_READ | flag
        try:
            root = winreg.OpenKey(hive, r"Software\Python", 0, access)
        except OSError:
            continue
        with root:
            for company in list(subkeys(root)):
                if company.lower() == "pylauncher":
                    continue
                try:
                    ckey = winreg.OpenKey(root, company, 0, access)
                except OSError:
                    continue
                with ckey:
                    for tag in list(subkeys(ckey)):
                        try:
                            tkey = winreg.OpenKey(ckey, tag, 0, access)
                        except OSError:
                            continue
                        with tkey:
                            exe = ""
                            try:
                                with winreg.OpenKey(tkey, "InstallPath", 0, access) as ikey:
                                    exe = value(ikey, "ExecutablePath")
                                    if not exe:
                                        folder = value(ikey, "")
                                        exe = os.path.join(folder, "python.exe") if folder else ""
                            except OSError:
                                pass
                            if exe:
                                out.append(
                                    RegistryEntry(
                                        company=company,
                                        tag=tag,
                                        executable=exe,
                                        version=value(tkey, "SysVersion"),
                                        architecture=value(tkey, "SysArchitecture"),
                                        display_name=value(tkey, "DisplayName"),
                                    )
                                )
    return out


# ---------------------------------------------------------------------------------------------
# Probing
# ---------------------------------------------------------------------------------------------

_cache: dict[tuple[str, str, int, int], Interpreter] = {}
_cache_lock = threading.Lock()


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _cache_key(path: str) -> tuple[str, str, int, int] | None:
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except (OSError, ValueError):
        return None
    # The path as found is part of the key: a venv's python is a link to its base's file.
    return (os.path.abspath(path), real, st.st_mtime_ns, st.st_size)


_RunResult = childproc.ChildResult


def _run(argv: list[str], timeout: float) -> childproc.ChildResult:
    """Run a candidate under the one timeout rule, with a cap on its output (:mod:`childproc`)."""
    return childproc.run(argv, timeout=timeout, output_limit=_OUTPUT_LIMIT)


def _clt_installed() -> bool:
    """macOS: are the Command Line Tools (or Xcode) installed? Without them /usr/bin/python3 is a stub."""
    return childproc.run(["xcode-select", "-p"], timeout=10).ok


def _is_clt_stub_path(path: str) -> bool:
    return os.path.normpath(path) in ("/usr/bin/python3", "/usr/bin/python")


def _is_store_stub_output(run: _RunResult) -> bool:
    text = run.stdout + run.stderr
    return run.exit_code == _STORE_STUB_EXIT or "Python was not found" in text or "Microsoft Store" in text


def _last_line(text: str, limit: int = 200) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    line = lines[-1]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _parse(candidate: Candidate, run: _RunResult) -> Interpreter | None:
    out = run.stdout
    start = out.rfind(PROBE_BEGIN)
    if start < 0:
        return None
    end = out.find(PROBE_END, start)
    if end < 0:
        return None
    try:
        data = json.loads(out[start + len(PROBE_BEGIN) : end].strip())
    except ValueError:
        return None
    if not isinstance(data, dict) or "version_info" not in data:
        return None

    def text(name: str) -> str:
        v = data.get(name, "")
        return v if isinstance(v, str) else str(v)

    def flag(name: str) -> bool:
        return bool(data.get(name, False))

    try:
        bits = int(data.get("bits", 0))
    except (TypeError, ValueError):
        bits = 0
    return Interpreter(
        path=candidate.path,
        source=candidate.source,
        version=text("version"),
        version_info=_version_tuple(data.get("version_info")),
        bits=bits,
        implementation=text("implementation").lower(),
        machine=text("machine"),
        platform=text("platform"),
        free_threaded=flag("free_threaded"),
        is_venv=flag("is_venv"),
        is_conda=flag("is_conda"),
        externally_managed=flag("externally_managed"),
        has_pip=flag("has_pip"),
        has_venv=flag("has_venv"),
        has_ensurepip=flag("has_ensurepip"),
        prefix=text("prefix"),
        base_prefix=text("base_prefix"),
        executable=text("executable"),
        base_executable=text("base_executable"),
        mac_ver=text("mac_ver"),
        translated=flag("translated"),
        fs_encoding=text("fs_encoding"),
    )


def probe(
    candidate: Candidate,
    *,
    timeout: float = 15.0,
    use_cache: bool = True,
    platform: str | None = None,
) -> Interpreter:
    """Run the candidate with the probe script; never raises (a failure sets ``error``)."""
    try:
        return _probe(candidate, timeout=timeout, use_cache=use_cache, platform=platform or sys.platform)
    except Exception as exc:  # a probe must never take the app down
        return _failed(
            candidate,
            translate("Interpreters", "Checking it failed unexpectedly: {detail}").format(detail=exc),
        )


def _probe(candidate: Candidate, *, timeout: float, use_cache: bool, platform: str) -> Interpreter:
    path = candidate.path
    if not os.path.lexists(path):
        return _failed(candidate, translate("Interpreters", "The file does not exist."))
    if os.path.isdir(path):
        return _failed(candidate, translate("Interpreters", "This is a folder, not a Python program."))
    if platform == "darwin" and _is_clt_stub_path(path) and not _clt_installed():
        return _failed(
            candidate,
            translate(
                "Interpreters",
                "This is only Apple's placeholder for Python: the Command Line Tools are not installed "
                "(they can be installed with: xcode-select --install).",
            ),
        )
    key = _cache_key(path) if use_cache else None
    if key is not None:
        with _cache_lock:
            hit = _cache.get(key)
        if hit is not None:
            return dataclasses.replace(hit, path=candidate.path, source=candidate.source)

    script = str(resource(PROBE_SCRIPT))
    result = _probe_once(candidate, [path, "-I", "-B", script], timeout)
    if isinstance(result, _RunResult) and _unknown_option(result):
        # Python 2 and 3.3 or older have no -I: isolate by hand.
        result = _probe_once(candidate, [path, "-E", "-s", "-B", script], timeout)
    if isinstance(result, _RunResult):
        transient = result.timed_out  # a stalled start (virus scanner, sleeping disk) may pass later
        result = _failed(candidate, _explain(result, timeout))
        if transient:
            return result
    if key is not None:
        with _cache_lock:
            _cache[key] = result
    return result


def _probe_once(candidate: Candidate, argv: list[str], timeout: float) -> Interpreter | _RunResult:
    run = _run(argv, timeout)
    if run.start_error:
        return _failed(candidate, _start_error(run))
    parsed = _parse(candidate, run)
    return parsed if parsed is not None else run


def _start_error(run: _RunResult) -> str:
    exc = run.start_exception
    if isinstance(exc, FileNotFoundError):
        return translate("Interpreters", "The file does not exist.")
    if isinstance(exc, PermissionError):
        return translate(
            "Interpreters",
            "This file cannot be run: it is not marked as a program, or access to it is denied.",
        )
    if exc is not None and (
        getattr(exc, "errno", None) == 8 or getattr(exc, "winerror", None) == 193  # ENOEXEC, BAD_EXE
    ):
        return translate("Interpreters", "This file is not a program this computer can run.")
    return translate("Interpreters", "It could not be started: {detail}").format(detail=run.start_error)


def _unknown_option(run: _RunResult) -> bool:
    text = run.stderr + run.stdout
    return run.exit_code not in (0, None) and "-I" in text and ("Unknown option" in text or "usage:" in text)


def _explain(run: _RunResult, timeout: float) -> str:
    if run.timed_out:
        return translate("Interpreters", "It did not answer within {seconds} seconds.").format(
            seconds=f"{timeout:g}"
        )
    if run.overflow:
        return translate("Interpreters", "It printed endless output instead of answering like Python does.")
    if _is_store_stub_output(run):
        return translate(
            "Interpreters",
            "This is only the Microsoft Store shortcut, not an installed Python.",
        )
    detail = _last_line(run.stderr) or _last_line(run.stdout)
    if run.exit_code not in (0, None):
        if detail:
            return translate("Interpreters", "It stopped with an error (exit code {code}): {detail}").format(
                code=run.exit_code, detail=detail
            )
        return translate("Interpreters", "It stopped with an error (exit code {code}).").format(
            code=run.exit_code
        )
    if detail:
        return translate(
            "Interpreters", "It ran but did not answer like Python does. It printed: {detail}"
        ).format(detail=detail)
    return translate("Interpreters", "It ran but did not answer like Python does.")


# ---------------------------------------------------------------------------------------------
# Detecting (probe many, merge duplicates)
# ---------------------------------------------------------------------------------------------


def _merge_key(interp: Interpreter) -> tuple[str, str] | None:
    if not interp.ok:
        return None
    return discovery.probed_key(interp.executable, interp.prefix, interp.platform.startswith("win"))


def detect(
    *,
    on_result: Callable[[Interpreter], None] | None = None,
    candidates: list[Candidate] | None = None,
    max_workers: int = 8,
    timeout: float = 15.0,
) -> list[Interpreter]:
    """Probe candidates in parallel; merge those that are the same interpreter.

    ``on_result`` is called from the worker thread that probed it, once per distinct
    interpreter, as soon as the first probe of that interpreter finishes; a later duplicate is
    not reported again (the GUI marshals the call to its own thread). The returned list holds
    exactly the reported interpreters, ordered by where their earliest candidate was found
    (PATH first); a merged entry keeps the reported path, takes the nicest source label of its
    group and lists the other paths in ``aliases``.
    """
    cands = find_candidates() if candidates is None else list(candidates)
    if not cands:
        return []
    lock = threading.Lock()
    results: dict[int, Interpreter] = {}
    groups: dict[Any, list[int]] = {}  # group key -> candidate indexes, the reported one first

    def work(index: int) -> None:
        interp = probe(cands[index], timeout=timeout)
        key: Any = _merge_key(interp) or ("unmerged", index)
        with lock:
            results[index] = interp
            members = groups.setdefault(key, [])
            members.append(index)
            first = len(members) == 1
        if first and on_result is not None:
            with contextlib.suppress(Exception):  # a GUI callback must not stop detection
                on_result(interp)

    with ThreadPoolExecutor(max_workers=max(1, max_workers), thread_name_prefix="probe") as pool:
        for future in [pool.submit(work, i) for i in range(len(cands))]:
            future.result()

    merged: list[tuple[int, Interpreter]] = []
    for members in groups.values():
        kept = results[members[0]]
        source = kept.source
        aliases: list[str] = []
        for index in sorted(members[1:]):
            other = results[index]
            if _prefer_source(other.source, source):
                source = other.source
            if other.path != kept.path and other.path not in aliases:
                aliases.append(other.path)
        if source != kept.source or aliases:
            kept = dataclasses.replace(kept, source=source, aliases=(*kept.aliases, *aliases))
        merged.append((min(members), kept))
    merged.sort(key=lambda item: item[0])
    return [interp for _, interp in merged]


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------


def _fmt(v: tuple[int, ...]) -> str:
    return ".".join(str(x) for x in v[:2])


def _intel_mac_release(data: ReleaseData, version: tuple[int, int]) -> Release | None:
    last = Version(INTEL_MAC_LAST_TORCH)
    for rel in data.releases:  # newest first
        if rel.version <= last and rel.python.supports(version):
            return rel
    return None


def _intel_mac_any(data: ReleaseData) -> Release | None:
    last = Version(INTEL_MAC_LAST_TORCH)
    return next((r for r in data.releases if r.version <= last), None)


def _version_score(version: tuple[int, int], rng_min: tuple[int, int], rng_max: tuple[int, int]) -> int:
    """Newest well-supported minor first: the interior of the range, then the newest, then the oldest."""
    if rng_min < version < rng_max:
        return 300 + 10 * (version[1] - rng_min[1])
    if version == rng_max and version != rng_min:
        return 250
    return 200


def _last_release_for(data: ReleaseData, newest: Release, version: tuple[int, int]) -> Release | None:
    """The newest release of the previous minor line(s) (``python_fallback_minors``, as the build choice
    uses) that still supports this Python; None further back."""
    for rel in sorted(data.releases, key=lambda r: r.key, reverse=True):
        if rel.fallback_only or rel.key >= newest.key or rel.key[:1] != newest.key[:1]:
            continue
        if newest.key[1] - rel.key[1] > data.python_fallback_minors:
            return None
        if rel.python.min <= version <= rel.python.max:
            return rel
    return None


def assess(interp: Interpreter, data: ReleaseData | None = None) -> Verdict:
    """Can this interpreter be the base of the wizard's new environment for PyTorch?"""
    data = data or _releases.load()
    newest = data.newest
    rng = newest.python
    reasons: list[str] = []

    def no(reason: str, score: int = -1000) -> Verdict:
        return Verdict(False, (reason,), score)

    if not interp.ok:
        return no(
            translate("Interpreters", "This is not a working Python: {error}").format(error=interp.error),
            -2000,
        )
    v = interp.version_info
    short = _fmt(v)
    if interp.implementation and interp.implementation != "cpython":
        return no(
            translate(
                "Interpreters",
                "{name} is not supported by PyTorch: use the regular Python (CPython) from python.org.",
            ).format(name=interp.implementation.capitalize())
        )
    if interp.bits == 32:
        return no(
            translate("Interpreters", "32-bit Python cannot run PyTorch: install the 64-bit version."),
            -900,
        )
    major_minor = (v[0], v[1])
    torch_version = newest.torch
    last: Release | None = None
    mac = interp.platform == "darwin"
    if mac and interp.translated:
        return no(
            translate(
                "Interpreters",
                "This is an Intel build of Python running through Rosetta on an Apple Silicon Mac: "
                "install the Apple Silicon (universal2) Python from python.org instead.",
            ),
            -800,
        )
    intel_mac = mac and interp.machine == "x86_64"
    if intel_mac:
        rel = _intel_mac_release(data, major_minor)
        any_rel = _intel_mac_any(data)
        if rel is None or interp.free_threaded:
            if any_rel is None:
                return no(
                    translate(
                        "Interpreters",
                        "This Mac has an Intel processor: PyTorch stopped making versions for it after "
                        "{torch}, and that version is not in the wizard's data.",
                    ).format(torch=INTEL_MAC_LAST_TORCH)
                )
            r = any_rel.python
            return no(
                translate(
                    "Interpreters",
                    "This Mac has an Intel processor: the newest PyTorch for it is {torch}, which needs "
                    "Python {min} to {max} (not free-threaded). This is Python {version}.",
                ).format(torch=any_rel.torch, min=_fmt(r.min), max=_fmt(r.max), version=short)
            )
        rng = rel.python
        torch_version = rel.torch
        reasons.append(
            translate(
                "Interpreters",
                "This Mac has an Intel processor: the newest PyTorch for it is {torch} "
                "(Python {min} to {max}).",
            ).format(torch=rel.torch, min=_fmt(rng.min), max=_fmt(rng.max))
        )
    else:
        last = _last_release_for(data, newest, major_minor) if major_minor < rng.min else None
        if last is not None:  # Python 3.10 after 2.15 dropped it: 2.14.x is its last release
            rng, torch_version = last.python, last.torch
            reasons.append(
                translate(
                    "Interpreters",
                    "PyTorch {newest} needs Python {min} or newer; {torch} is the last PyTorch release for "
                    "Python {version}. A newer Python gets newer PyTorch.",
                ).format(newest=newest.torch, min=_fmt(newest.python.min), torch=last.torch, version=short)
            )
        if major_minor < rng.min:
            return no(
                translate(
                    "Interpreters",
                    "Python {version} is too old: PyTorch {torch} needs Python {min} to {max}.",
                ).format(version=short, torch=newest.torch, min=_fmt(rng.min), max=_fmt(rng.max)),
                -500,
            )
        if major_minor > rng.max:
            return no(
                translate(
                    "Interpreters",
                    "Python {version} is too new: PyTorch {torch} supports Python {min} to {max}.",
                ).format(version=short, torch=newest.torch, min=_fmt(rng.min), max=_fmt(rng.max)),
                -400,
            )
        if interp.free_threaded and not rng.supports(major_minor, free_threaded=True):
            return no(
                translate(
                    "Interpreters",
                    "This is a free-threaded build of Python {version} (python{version}t): PyTorch {torch} "
                    "has no wheels for it. Use the regular python{version}.",
                ).format(version=short, torch=newest.torch),
                -300,
            )
    if interp.machine.lower() in ("arm64", "aarch64") and interp.platform.startswith("win"):
        reasons.append(
            translate(
                "Interpreters",
                "This is an ARM64 Windows Python: PyTorch for it is CPU-only and comes for fewer "
                "Python versions.",
            )
        )
    if not (interp.has_venv and interp.has_ensurepip):
        if interp.platform.startswith("linux"):
            hint = translate(
                "Interpreters",
                "This Python cannot create virtual environments (its venv support is not installed). "
                "On Debian or Ubuntu: sudo apt install python{version}-venv",
            ).format(version=short)
        else:
            hint = translate(
                "Interpreters",
                "This Python cannot create virtual environments (its venv or ensurepip module is missing): "
                "reinstall Python from python.org.",
            )
        return no(hint, -200)

    # Suitable.
    reasons.insert(
        0,
        translate("Interpreters", "Python {version} works with PyTorch {torch}.").format(
            version=short, torch=torch_version
        ),
    )
    score = _version_score(major_minor, rng.min, rng.max) + _SOURCE_SCORE.get(interp.source, 10)
    if last is not None:
        score -= 150  # it works, but a Python that gets the newest PyTorch comes first
    if interp.free_threaded:
        score -= 100
        reasons.append(
            translate(
                "Interpreters",
                "This is a free-threaded build: PyTorch has wheels for it, but many other packages "
                "don't yet.",
            )
        )
    if interp.externally_managed:
        reasons.append(
            translate(
                "Interpreters",
                "It is managed by the system, which blocks installing packages into it. That's fine: "
                "the wizard always makes a new virtual environment.",
            )
        )
    if interp.is_conda:
        score -= 60
        reasons.append(
            translate(
                "Interpreters",
                "It is a conda environment: it can be the base of the new environment, but a regular "
                "Python installation is preferred.",
            )
        )
    elif interp.is_venv:
        score -= 60
        reasons.append(
            translate(
                "Interpreters",
                "It is a virtual environment: it can be the base of the new environment, but a regular "
                "Python installation is preferred.",
            )
        )
    if interp.source == "microsoft-store":
        reasons.append(
            translate(
                "Interpreters",
                "Microsoft Store Python works, but the python.org version causes fewer problems.",
            )
        )
    if major_minor == rng.max and rng.max != rng.min and not intel_mac:
        reasons.append(
            translate(
                "Interpreters",
                "Python {version} is the newest supported version: some other packages may not have "
                "caught up yet.",
            ).format(version=short)
        )
    return Verdict(True, tuple(reasons), score, torch_version)


def best(interps: Iterable[Interpreter], data: ReleaseData | None = None) -> Interpreter | None:
    """The suitable interpreter with the highest score (newer patch release breaks ties)."""
    data = data or _releases.load()
    chosen: Interpreter | None = None
    chosen_key: tuple[int, tuple[int, int, int]] | None = None
    for interp in interps:
        verdict = assess(interp, data)
        if not verdict.suitable:
            continue
        key = (verdict.score, interp.version_info)
        if chosen_key is None or key > chosen_key:
            chosen, chosen_key = interp, key
    return chosen


def describe(interp: Interpreter) -> str:
    """One line for lists: ``Python 3.11.7 (64-bit, pyenv)`` (translated)."""
    if not interp.ok:
        return translate("Interpreters", "Not working ({source})").format(source=source_label(interp.source))
    return translate("Interpreters", "Python {version} ({bits}-bit, {source})").format(
        version=interp.version + ("t" if interp.free_threaded else ""),
        bits=interp.bits or "?",
        source=source_label(interp.source),
    )
