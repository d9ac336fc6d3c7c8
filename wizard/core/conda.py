"""conda, mamba and micromamba: finding installations, reading their JSON, planning an install into a new env.

Nothing here needs a GUI. Three parts:

* **Discovery.** :func:`find_conda_candidates` lists conda-like programs from the environment variables
  (``CONDA_EXE``, ``_CONDA_EXE``, ``MAMBA_EXE`` + ``MAMBA_ROOT_PREFIX``), ``PATH`` (``conda``, ``mamba``,
  ``micromamba``), ``~/.conda/environments.txt`` and the usual install roots (``anaconda3``,
  ``miniconda3``, ``miniforge3``, ``mambaforge``, ``micromamba`` under ``~``, ``~/opt``, ``/opt``, the
  Windows profile and program-data folders, Homebrew's Caskroom). It runs nothing.
  :func:`find_conda` then asks each one ``info --json`` (and ``env list --json`` when the info has no
  environment list, as with micromamba) and returns one :class:`CondaInstall` per installation (root
  prefix). A broken one comes back with ``error`` set; nothing raises.
* **Parsers** for the JSON the tools print: :func:`parse_info_json`, :func:`parse_env_list_json` and
  :class:`CondaProgress` (the NUL-separated progress records and the final result object of
  ``create/install --json``).
* **Planning** (pure): :func:`validate_env_name`, :func:`env_prefix`, :func:`env_python`,
  :func:`choose_route`, :func:`build_conda_plan` (argument lists as :class:`wizard.core.plan.Step`).

How the route is chosen (:func:`choose_route`)
-----------------------------------------------
Two routes put PyTorch into the new conda environment:

``pip``
    pip inside the conda env, from PyTorch's own index for the chosen build
    (``https://download.pytorch.org/whl/<variant>``) - what PyTorch recommends since it stopped
    publishing conda packages after 2.5 (pytorch/pytorch#138506).
``conda-forge``
    conda-forge's packages: ``pytorch-gpu`` (CUDA libraries come from conda-forge, pinned with
    ``cuda-version=X.Y``), ``pytorch-cpu`` (``pytorch`` on macOS).

The rule: **pip is the default for every build.** It is the one that is known to give a working GPU
build: the wizard checked the NVIDIA driver and the GPU's architecture against exactly these wheels
(``resources/torch_releases.json``), while conda-forge compiles its own builds for its own list of GPUs,
and its solver refuses ``pytorch-gpu`` when conda does not see the driver (``__cuda``). It is also the
smallest or as small: PyTorch's CPU wheels carry no CUDA and no MKL (a few hundred MB against conda-forge's
``pytorch-cpu`` with its BLAS libraries), and for CUDA builds both routes download CUDA libraries of about
the same size. ROCm and Intel XPU builds exist only on PyTorch's index. conda-forge is offered as the
alternative (:func:`available_routes`) for CPU and CUDA builds, where conda-forge publishes them and, for
CUDA, where conda saw the NVIDIA driver.

Steps of a conda plan
---------------------
``conda-create`` (``<exe> create -y --json -n NAME python=X.Y [pip] --override-channels -c conda-forge``;
``--override-channels -c conda-forge`` keeps Anaconda's default channels, and their terms-of-service
prompt, out), then either ``conda-install`` (route ``conda-forge``) or ``upgrade-pip`` + ``install-torch``
(route ``pip``, the env's own interpreter), then ``verify`` (``resources/verify.py``, exactly as in the
venv plan). Steps whose output is conda's JSON are listed in :data:`CONDA_JSON_STEPS`: feed their
output lines to :class:`CondaProgress`; ``install-torch`` prints pip's raw progress (``raw_progress``).
micromamba gets ``-r <root prefix>`` on every command so that ``-n NAME`` lands where
:func:`env_prefix` says.

Never pass a name that already exists: recent conda with ``-y`` *removes* an existing environment of that
name before creating it. :func:`validate_env_name` refuses existing names and :func:`build_conda_plan`
raises ``ValueError`` for one.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from . import childproc, discovery
from .plan import (
    CONDA_JSON_STEPS,
    CondaTarget,
    InstallRequest,
    Manager,
    PackageSource,
    Route,
    SourceKind,
    StepId,
    conda_forge_packages,
    variant_cuda,
    variant_kind,
)
from .releases import ReleaseData
from .tr import translate

KINDS: tuple[str, ...] = ("conda", "mamba", "micromamba")
ROUTE_PIP = "pip"
ROUTE_CONDA_FORGE = "conda-forge"
ROUTES: tuple[str, ...] = (ROUTE_PIP, ROUTE_CONDA_FORGE)

#: Steps whose output is conda's ``--json`` stream: feed it to :class:`CondaProgress`.
STEP_IDS: tuple[str, ...] = (
    StepId.CONDA_CREATE,
    StepId.CONDA_INSTALL,
    StepId.UPGRADE_PIP,
    StepId.INSTALL_TORCH,
    StepId.VERIFY,
)

CONDA_FORGE = "conda-forge"
QUERY_TIMEOUT_S = 20.0
# Solving and downloading Python (~40 MB) on a slow line; conda-forge's repodata alone is ~30 MB.
CREATE_TIMEOUT_S = 1800.0
#: Rough size of a new conda-forge env with Python and pip (the download on top of PyTorch).
PYTHON_ENV_DOWNLOAD_MB = 60

_ENV_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_RESERVED_NAMES = ("base", "root")  # "root" is conda's old name for base
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


# ---------------------------------------------------------------------------------------------
# Data types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CondaInfo:
    """What ``info --json`` says, the same for conda, mamba and micromamba."""

    version: str  # of the tool that answered (conda_version, "micromamba version", ...)
    root_prefix: str
    envs: tuple[str, ...]  # env prefixes, base first when listed
    envs_listed: bool  # False: the info had no env list (micromamba): ask ``env list --json``
    envs_dirs: tuple[str, ...]  # where ``-n NAME`` creates envs, first writable first
    pkgs_dirs: tuple[str, ...]
    channels: tuple[str, ...]
    platform: str  # conda's subdir: linux-64, win-64, osx-arm64, ...
    cuda: str  # the driver's CUDA version from the ``__cuda`` virtual package; "" when none
    root_writable: bool | None  # None: not reported (micromamba)
    active_prefix: str  # "" when none


@dataclass(frozen=True)
class CondaCandidate:
    """A conda-like program found on disk, before it is asked anything."""

    exe: str
    kind: str  # conda | mamba | micromamba
    root: str = ""  # root prefix when known from the layout (or MAMBA_ROOT_PREFIX); "" unknown
    source: str = ""  # where it was found: CONDA_EXE, PATH, environments.txt, known-root, ...


@dataclass(frozen=True)
class CondaInstall:
    exe: str
    kind: str  # conda | mamba | micromamba
    version: str
    root_prefix: str
    envs: tuple[str, ...]
    error: str = ""  # non-empty: this installation could not be used; plain words (translated)
    # Additions beyond the first contract:
    envs_dirs: tuple[str, ...] = ()
    platform: str = ""  # conda subdir, e.g. "linux-64"
    cuda: str = ""  # __cuda virtual package ("" when conda saw no NVIDIA driver)

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def label(self) -> str:
        """``conda 25.5.1 — /home/ana/miniconda3`` (not translated: names and paths only)."""
        head = f"{self.kind} {self.version}".strip()
        where = self.root_prefix or self.exe
        return f"{head} — {where}"

    def env_names(self) -> tuple[str, ...]:
        """Names of the listed environments: "base" for the root, the folder name for envs in an envs dir."""
        dirs = {_norm_path(d) for d in self.envs_dirs}
        dirs.add(_norm_path(_join(self.root_prefix, "envs")))
        root = _norm_path(self.root_prefix)
        names: list[str] = []
        for prefix in self.envs:
            norm = _norm_path(prefix)
            if norm == root:
                name = "base"
            elif _norm_path(_parent(prefix)) in dirs:
                name = _basename(prefix)
            else:
                continue  # an env made with -p somewhere else has no name
            if name not in names:
                names.append(name)
        return tuple(names)

    def to_json(self) -> dict[str, Any]:
        return {
            "exe": self.exe,
            "kind": self.kind,
            "version": self.version,
            "root_prefix": self.root_prefix,
            "envs": list(self.envs),
            "error": self.error,
            "envs_dirs": list(self.envs_dirs),
            "platform": self.platform,
            "cuda": self.cuda,
        }


# ---------------------------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------------------------


def _json_object(text: str) -> dict[str, Any]:
    """The first JSON object in ``text``; tolerates warnings or a banner printed around it."""
    stripped = text.strip().strip("\0").strip()
    with contextlib.suppress(ValueError):
        value = json.loads(stripped)
        if isinstance(value, dict):
            return value
    decoder = json.JSONDecoder()
    # Only objects that start a line at column 0: the tools print the outer object there (indented
    # dumps put the inner ones further right), so half a result is never mistaken for a whole one.
    for match in re.finditer(r"(?m)^\{", stripped):
        with contextlib.suppress(ValueError):
            value, _end = decoder.raw_decode(stripped, match.end() - 1)
            if isinstance(value, dict):
                return value
    raise ValueError("no JSON object in the output")


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if isinstance(v, (str, int, float)) and str(v))
    return ()


def _virtual_cuda(value: Any) -> str:
    """``__cuda``'s version from conda's ``[["__cuda", "12.4", "0"], ...]`` or mamba's ``["__cuda=12.4=0"]``."""
    if not isinstance(value, (list, tuple)):
        return ""
    for item in value:
        if isinstance(item, (list, tuple)) and len(item) >= 2 and item[0] == "__cuda":
            return str(item[1])
        if isinstance(item, str) and item.startswith("__cuda="):
            return item.split("=")[1]
    return ""


def _tool_version(data: Mapping[str, Any], kind: str) -> str:
    keys = {
        "conda": ("conda_version",),
        "mamba": ("mamba version", "mamba_version"),
        "micromamba": ("micromamba version", "micromamba_version"),
    }.get(kind, ())
    for key in keys:
        if data.get(key):
            return str(data[key])
    agent = str(data.get("user_agent", ""))
    if kind == "mamba":
        # mamba 1.x prints conda's info; its libmambapy has the same version as mamba.
        for pattern in (r"(?<![\w-])mamba/(\S+)", r"libmambapy/(\S+)"):
            m = re.search(pattern, agent)
            if m:
                return m.group(1)
    for key in ("libmamba version", "conda_version"):
        if data.get(key):
            return str(data[key])
    return ""


def parse_info_json(text: str, kind: str) -> CondaInfo:
    """Read ``<tool> info --json``. Raises ValueError when there is no JSON or no root prefix.

    conda (and mamba 1.x, which prints conda's dictionary) uses snake_case keys: ``conda_version``,
    ``root_prefix``, ``envs``, ``envs_dirs``, ``pkgs_dirs``, ``channels``, ``platform``,
    ``active_prefix``, ``root_writable``, ``virtual_pkgs`` (``[name, version, build]`` lists).
    micromamba and mamba 2.x print their human labels as keys: ``"base environment"``,
    ``"env location"`` (``"-"`` when none), ``"envs directories"`` (``envs_dirs`` before 1.5),
    ``"package cache"`` (``pkgs_dirs``), ``"virtual packages"`` (``"name=version=build"`` strings),
    ``"micromamba version"`` / ``"mamba version"``, and no env list.
    """
    data = _json_object(text)
    root = str(data.get("root_prefix") or data.get("base environment") or "")
    if not root:
        raise ValueError("the info has no root prefix")
    envs_listed = "envs" in data
    active = data.get("active_prefix")
    if active is None:
        location = data.get("env location")
        active = location if isinstance(location, str) and location != "-" else ""
    writable = data.get("root_writable")
    return CondaInfo(
        version=_tool_version(data, kind),
        root_prefix=root,
        envs=_unique_strings(_strings(data.get("envs"))),
        envs_listed=envs_listed,
        envs_dirs=_strings(data.get("envs_dirs", data.get("envs directories"))),
        pkgs_dirs=_strings(data.get("pkgs_dirs", data.get("package cache"))),
        channels=_strings(data.get("channels")),
        platform=str(data.get("platform") or ""),
        cuda=_virtual_cuda(data.get("virtual_pkgs", data.get("virtual packages"))),
        root_writable=writable if isinstance(writable, bool) else None,
        active_prefix=str(active or ""),
    )


def parse_env_list_json(text: str) -> tuple[str, ...]:
    """Env prefixes from ``<tool> env list --json``: ``{"envs": [prefix, ...]}`` (conda, mamba, micromamba).

    conda 25.11+ adds ``"envs_details": {prefix: {"name": ..., "base": ...}}``; its keys are the same
    prefixes, used when ``envs`` is missing. Entries that are objects with a ``prefix``/``path`` are
    accepted too. Raises ValueError when there is no JSON object.
    """
    data = _json_object(text)
    prefixes: list[str] = []
    envs = data.get("envs")
    if isinstance(envs, list):
        for item in envs:
            if isinstance(item, str):
                prefixes.append(item)
            elif isinstance(item, dict):
                value = item.get("prefix") or item.get("path")
                if isinstance(value, str):
                    prefixes.append(value)
    details = data.get("envs_details")
    if not prefixes and isinstance(details, dict):
        prefixes = [str(k) for k in details]
    return _unique_strings(p for p in prefixes if p)


def _unique_strings(items: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Progress of create/install --json
# ---------------------------------------------------------------------------------------------

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)\s*$", re.IGNORECASE)
_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}


def _parse_fetch(description: str) -> tuple[str, int]:
    """conda's bar label ``"pytorch-2.5.1        | 1.2 GB    | "`` -> ("pytorch-2.5.1", bytes)."""
    parts = [p.strip() for p in description.split("|")]
    name = parts[0] if parts else description.strip()
    size = 0
    for part in parts[1:]:
        m = _SIZE.match(part)
        if m:
            size = int(float(m.group(1)) * _UNITS[m.group(2).upper()])
            break
    return name, size


@dataclass
class CondaProgress:
    """Progress of ``conda create/install --json``, with the same attributes as ``PipProgress``.

    conda prints one record per progress update, each a JSON object followed by ``"\\n\\0"``::

        {"fetch":"pytorch-2.5.1        | 1.2 GB    | ","finished":false,"maxval":1,"progress":0.300000}

    and at the end one result object (indented over many lines): ``{"success": true, "actions": ...,
    "prefix": ...}``, or an error object with ``exception_name``, ``message`` and ``error``. micromamba and
    mamba 2.x print only the result (``"success": false`` with ``solver_problems`` on failure).

    Feed it the output line by line (as the runner splits it; NUL separators may arrive inside a line)
    or in raw chunks (``line=False``). ``done``/``total`` are bytes estimated from the size in conda's
    label (0 when it has none); ``fraction`` is conda's own progress of the current package.
    """

    phase: str = "starting"  # starting | downloading | installing | done | failed
    file: str = ""  # package being fetched, e.g. "pytorch-2.5.1"
    done: int = 0
    total: int = 0
    result: dict[str, Any] | None = None  # the final object, once it arrived
    error_message: str = ""  # the error's message (exception_name when there is no message)
    error_name: str = ""  # e.g. "PackagesNotFoundError"
    packages_done: int = 0  # packages whose fetch finished
    _progress: float | None = field(default=None, repr=False)
    _tail: str = field(default="", repr=False)

    @property
    def fraction(self) -> float | None:
        """0..1 while a package downloads, else None (show a busy bar)."""
        if self.phase == "downloading" and self._progress is not None:
            return max(0.0, min(1.0, self._progress))
        return None

    @property
    def succeeded(self) -> bool | None:
        """True/False once the result object arrived; None before."""
        if self.result is None:
            return None
        return self.result.get("success") is True

    def feed(self, text: str, *, line: bool = True) -> bool:
        """Take output (a line without its newline, or a raw chunk); return True when the state changed."""
        self._tail += text + ("\n" if line else "")
        changed = False
        *records, self._tail = self._tail.split("\0")
        for record in records:
            changed |= self._take(record, final=False)
        last = self._tail.rstrip().rsplit("\n", 1)[-1]
        if last == "}" or (last.startswith("{") and last.endswith("}")):
            changed |= self._take(self._tail, final=True)
        return changed

    def finish(self) -> bool:
        """The process ended: read what is left."""
        tail, self._tail = self._tail, ""
        return self._take(tail, final=True) if tail.strip() else False

    def _take(self, text: str, *, final: bool) -> bool:
        try:
            obj = _json_object(text)
        except ValueError:
            return False  # not JSON (a warning); a result still being printed stays in the tail
        if "fetch" in obj and "success" not in obj:
            if final:
                self._tail = ""
            return self._record(obj)
        if "success" in obj or "exception_name" in obj or "error" in obj:
            if final:
                self._tail = ""
            return self._result(obj)
        return False

    def _record(self, obj: Mapping[str, Any]) -> bool:
        name, size = _parse_fetch(str(obj.get("fetch", "")))
        try:
            maxval = float(obj.get("maxval") or 1) or 1.0
            progress = float(obj.get("progress") or 0) / maxval
        except (TypeError, ValueError):
            progress = 0.0
        finished = obj.get("finished") is True
        if finished:
            self.packages_done += 1
            self.phase, self.file, self._progress = "installing", name, 1.0
            self.done = self.total = size
            return True
        self.phase, self.file, self._progress = "downloading", name, progress
        self.total = size
        self.done = int(size * max(0.0, min(1.0, progress)))
        return True

    def _result(self, obj: dict[str, Any]) -> bool:
        self.result = obj
        self._progress = None
        self.done = self.total = 0
        if obj.get("success") is True:
            self.phase, self.file = "done", ""
            return True
        self.phase = "failed"
        self.error_name = str(obj.get("exception_name") or "")
        message = obj.get("message") or obj.get("error")
        problems = obj.get("solver_problems")
        if not message and isinstance(problems, list) and problems:
            message = "\n".join(str(p) for p in problems)
        self.error_message = str(message or self.error_name or "")
        return True


# ---------------------------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------------------------


def _kind_of(path: str | os.PathLike[str]) -> str:
    stem = os.path.basename(os.fspath(path)).lower()
    for ext in (".exe", ".bat", ".cmd"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
    if stem.startswith("micromamba"):
        return "micromamba"
    if stem.startswith("mamba"):
        return "mamba"
    return "conda"


class _Finder(discovery.Places):
    """One search for conda-like programs; the places and path keys are :class:`discovery.Places`'."""

    def __init__(self, env: Mapping[str, str], platform: str, home: Path, fs_root: Path) -> None:
        super().__init__(env, platform, home, fs_root)
        self.found: list[CondaCandidate] = []
        self._keys: set[tuple[str, str]] = set()
        self.bare_roots: list[Path] = []  # micromamba-style roots without a program inside

    def is_program(self, path: Path) -> bool:
        return discovery.is_program(path, self.windows)

    def root_of(self, exe: Path, kind: str) -> Path | None:
        """<root>/bin/conda, <root>\\Scripts\\conda.exe, <root>\\condabin\\conda.bat, <root>\\Library\\bin\\…"""
        folder = exe.parent
        if folder.name.lower() == "bin" and folder.parent.name.lower() == "library":
            return folder.parent.parent
        if folder.name.lower() in ("bin", "scripts", "condabin") and kind != "micromamba":
            return folder.parent
        return None

    def add(self, exe: Path, kind: str | None = None, root: Path | None = None, source: str = "") -> None:
        if not self.is_program(exe):
            return
        kind = kind or _kind_of(exe)
        if root is None and kind != "micromamba":
            root = self.root_of(exe, kind)
        if kind != "micromamba" and root is not None and not _is_root(root, kind):
            root = None  # a conda on PATH outside an installation layout: ask it
        if self.windows and root is not None and exe.name.lower() == "conda.bat":
            # condabin\conda.bat is what a GUI usually finds on PATH; run the real program beside it, since
            # a .bat goes through cmd.exe's own quoting rules.
            real = root / "Scripts" / "conda.exe"
            if self.is_program(real):
                exe = real
        key_root = _real(root, self.windows) if root is not None else ""
        # One candidate per conda/mamba root; micromamba may serve several roots with one program.
        key = (
            (kind, key_root) if (kind != "micromamba" and key_root) else (_real(exe, self.windows), key_root)
        )
        if key in self._keys:
            return
        self._keys.add(key)
        self.found.append(CondaCandidate(str(exe), kind, str(root) if root is not None else "", source))

    def add_root(self, root: Path, source: str) -> None:
        if not _is_root(root, None):
            return
        exe, kind = self.program_in(root)
        if exe is None:
            if all(_real(root, self.windows) != _real(r, self.windows) for r in self.bare_roots):
                self.bare_roots.append(root)
            return
        self.add(exe, kind, root, source)

    def program_in(self, root: Path) -> tuple[Path | None, str]:
        if self.windows:
            names = [
                ("Scripts/conda.exe", "conda"),
                ("condabin/conda.bat", "conda"),
                ("Scripts/mamba.exe", "mamba"),
                ("Library/bin/mamba.exe", "mamba"),
                ("Library/bin/micromamba.exe", "micromamba"),
            ]
        else:
            names = [
                ("bin/conda", "conda"),
                ("condabin/conda", "conda"),
                ("bin/mamba", "mamba"),
                ("bin/micromamba", "micromamba"),
            ]
        for rel, kind in names:
            path = root.joinpath(*rel.split("/"))
            if self.is_program(path):
                return path, kind
        return None, ""

    # -- sources ----------------------------------------------------------------------------

    def scan_env_vars(self) -> None:
        for var in ("CONDA_EXE", "_CONDA_EXE"):
            exe = self.env_path(var)
            if exe:
                self.add(exe, source=var)
        exe = self.env_path("MAMBA_EXE")
        if exe:
            kind = _kind_of(exe)
            root = self.env_path("MAMBA_ROOT_PREFIX") if kind == "micromamba" else None
            self.add(exe, kind, root, "MAMBA_EXE")
        root = self.env_path("MAMBA_ROOT_PREFIX")
        if root:
            self.add_root(root, "MAMBA_ROOT_PREFIX")
        for root in self.env_conda_roots():  # CONDA_ROOT, and the roots of the programs above
            self.add_root(root, "environment")

    def scan_path(self) -> None:
        exts = ("", ".exe", ".bat") if self.windows else ("",)
        for folder in self.path_entries():
            for name in ("conda", "mamba", "micromamba"):
                for ext in exts:
                    if self.windows and name != "conda" and ext == ".bat":
                        continue
                    path = folder / (name + ext)
                    if (ext or not self.windows) and self.is_program(path):
                        self.add(path, source="PATH")
                        break

    def scan_environments_txt(self) -> None:
        for prefix in self.environments_txt():
            # The env itself (base) or, for <root>/envs/NAME, the root two levels up.
            for place in (prefix, discovery.conda_root_of_env(prefix, self.windows)):
                if place is not None and _is_root(place, None):
                    self.add_root(place, "environments.txt")
                    break

    def scan_known_roots(self) -> None:
        for root in self.known_conda_roots():
            self.add_root(root, "known-root")

    def micromamba_programs(self) -> list[Path]:
        places: list[Path] = []
        if self.windows:
            local = self.env_path("LOCALAPPDATA")
            if local:
                places.append(local / "micromamba" / "micromamba.exe")
            places.append(self.home / "micromamba" / "micromamba.exe")
            places.append(self.home / ".local" / "bin" / "micromamba.exe")
        else:
            places += [
                self.home / ".local" / "bin" / "micromamba",
                self.home / "bin" / "micromamba",
                self.sys_path("/usr/local/bin/micromamba"),
                self.sys_path("/opt/homebrew/bin/micromamba"),
                self.sys_path("/home/linuxbrew/.linuxbrew/bin/micromamba"),
            ]
        return [p for p in places if self.is_program(p)]

    def scan_micromamba(self) -> None:
        programs = [Path(c.exe) for c in self.found if c.kind == "micromamba"]
        for exe in self.micromamba_programs():
            self.add(exe, "micromamba", None, "known-place")
            programs.append(exe)
        if not programs:
            return
        exe = programs[0]
        for root in self.bare_roots:
            self.add(exe, "micromamba", root, "known-root")

    def run(self) -> list[CondaCandidate]:
        self.scan_env_vars()
        self.scan_path()
        self.scan_environments_txt()
        self.scan_known_roots()
        self.scan_micromamba()
        return list(self.found)


_is_root = discovery.is_conda_root


def _real(path: Path | str, windows: bool) -> str:
    return discovery.path_key(path, windows)


def find_conda_candidates(
    *,
    env: Mapping[str, str] | None = None,
    home: Path | str | None = None,
    platform: str | None = None,
    fs_root: Path | str | None = None,
) -> list[CondaCandidate]:
    """conda-like programs on this computer, without running any. ``fs_root`` replaces ``/`` (tests)."""
    env = os.environ if env is None else env
    plat = platform or sys.platform
    if home is None:
        var = "USERPROFILE" if plat.startswith("win") else "HOME"
        home = Path(env[var]) if env.get(var) else Path.home()
    finder = _Finder(env, plat, Path(home), Path(fs_root) if fs_root else Path("/"))
    return finder.run()


def find_conda(
    *,
    env: Mapping[str, str] | None = None,
    home: Path | str | None = None,
    platform: str | None = None,
    timeout: float = QUERY_TIMEOUT_S,
    fs_root: Path | str | None = None,
) -> list[CondaInstall]:
    """Every conda/mamba/micromamba installation found, asked for its info; one per root prefix.

    Working installations come first (conda before mamba before micromamba for the same root); a
    broken one is returned with ``error`` set. ``env`` is also the base of the children's environment.
    """
    candidates = find_conda_candidates(env=env, home=home, platform=platform, fs_root=fs_root)
    if not candidates:
        return []
    with ThreadPoolExecutor(max_workers=min(8, len(candidates))) as pool:
        results = list(pool.map(lambda c: query_install(c, env=env, timeout=timeout), candidates))
    return _merge(results, (platform or sys.platform).startswith("win"))


def _merge(installs: Sequence[CondaInstall], windows: bool) -> list[CondaInstall]:
    best: dict[str, CondaInstall] = {}
    order: list[str] = []
    for inst in installs:
        key = _real(inst.root_prefix, windows) if inst.root_prefix else _real(inst.exe, windows)
        if key not in best:
            best[key] = inst
            order.append(key)
        elif _rank(inst) < _rank(best[key]):
            best[key] = inst
    merged = [best[k] for k in order]
    return sorted(merged, key=lambda i: not i.ok)  # stable: working ones first, else as found


def _rank(inst: CondaInstall) -> tuple[int, int]:
    return (0 if inst.ok else 1, _KIND_ORDER.get(inst.kind, len(KINDS)))


def query_install(
    candidate: CondaCandidate, *, env: Mapping[str, str] | None = None, timeout: float = QUERY_TIMEOUT_S
) -> CondaInstall:
    """Ask one program ``info --json`` (and ``env list --json`` when needed). Never raises."""
    extra = ["-r", candidate.root] if candidate.kind == "micromamba" and candidate.root else []

    def failed(error: str) -> CondaInstall:
        return CondaInstall(candidate.exe, candidate.kind, "", candidate.root, (), error=error)

    res = _run([candidate.exe, "info", "--json", *extra], env, timeout)
    if res.exit_code is None:
        return failed(_run_error(candidate.exe, res, timeout))
    try:
        info = parse_info_json(res.stdout, candidate.kind)
    except ValueError:
        detail = (res.stderr.strip() or res.stdout.strip()).splitlines()[-1:] or [""]
        return failed(
            translate("Conda", "{program} did not answer as expected (exit code {code}). {detail}").format(
                program=os.path.basename(candidate.exe), code=res.exit_code, detail=detail[0][:300]
            )
        )
    envs = info.envs
    if not info.envs_listed:
        listed = _run([candidate.exe, "env", "list", "--json", *extra], env, timeout)
        if listed.exit_code is not None:
            with contextlib.suppress(ValueError):
                envs = parse_env_list_json(listed.stdout)
    return CondaInstall(
        exe=candidate.exe,
        kind=candidate.kind,
        version=info.version,
        root_prefix=info.root_prefix,
        envs=envs,
        envs_dirs=info.envs_dirs,
        platform=info.platform,
        cuda=info.cuda,
    )


def _run_error(exe: str, res: childproc.ChildResult, timeout: float) -> str:
    if res.start_error:
        return translate("Conda", "{program} could not be started: {error}").format(
            program=os.path.basename(exe), error=res.start_error
        )
    if res.overflow:
        return translate("Conda", "{program} printed endless output instead of answering.").format(
            program=os.path.basename(exe)
        )
    return translate("Conda", "{program} did not answer within {seconds} seconds.").format(
        program=os.path.basename(exe), seconds=int(timeout)
    )


def _run(argv: list[str], env: Mapping[str, str] | None, timeout: float) -> childproc.ChildResult:
    """One query under :mod:`childproc`'s timeout rule; ``env`` is the base of the child's environment."""
    return childproc.run(argv, timeout=timeout, env=env)


# ---------------------------------------------------------------------------------------------
# Names and places
# ---------------------------------------------------------------------------------------------


def validate_env_name(name: str, existing: Iterable[str]) -> list[str]:
    """Problems with a new environment's name (translated); an empty list means it can be used.

    Letters (A-Z), digits, ``-`` and ``_`` only, not starting with ``-``; not "base" (nor "root");
    not the name of an environment that exists (compared ignoring case: on Windows and macOS those are
    the same folder) - conda would replace it.
    """
    text = name.strip()
    if not text:
        return [translate("Conda", "Type a name for the new environment.")]
    problems: list[str] = []
    if not _ENV_NAME.match(text):
        problems.append(
            translate(
                "Conda",
                "Use only letters (A-Z), digits, - and _ in the name: no spaces, dots or accented letters.",
            )
        )
    elif text.startswith("-"):
        problems.append(translate("Conda", "The name cannot start with -."))
    if text.lower() in _RESERVED_NAMES:
        problems.append(
            translate("Conda", "“{name}” is conda's own main environment. Choose another name.").format(
                name=text
            )
        )
    elif text.casefold() in {e.casefold() for e in existing}:
        problems.append(
            translate(
                "Conda",
                "An environment called “{name}” already exists. Choose another name: the wizard never "
                "replaces an environment.",
            ).format(name=text)
        )
    return problems


def existing_env_names(install: CondaInstall) -> list[str]:
    """Names that cannot be used: the listed envs, and every folder already in the envs directory
    where the new env would go (this one looks at the disk)."""
    names = list(install.env_names())
    folder = _target_envs_dir(install)
    if folder:
        with contextlib.suppress(OSError):
            for entry in sorted(os.listdir(folder)):
                if entry not in names:
                    names.append(entry)
    return names


def _target_envs_dir(install: CondaInstall) -> str:
    if install.kind == "micromamba" and install.root_prefix:
        return _join(install.root_prefix, "envs")  # the plan passes -r <root>
    dirs = [d for d in install.envs_dirs if d]
    if dirs:
        return dirs[0]
    return _join(install.root_prefix, "envs") if install.root_prefix else ""


def _is_windows_path(path: str) -> bool:
    return bool(re.match(r"^[A-Za-z]:[\\/]", path)) or path.startswith("\\\\")


def _join(base: str, *parts: str) -> str:
    if _is_windows_path(base):
        return str(PureWindowsPath(base, *parts))
    return str(PurePosixPath(base, *parts))


def _parent(path: str) -> str:
    return str(PureWindowsPath(path).parent) if _is_windows_path(path) else str(PurePosixPath(path).parent)


def _basename(path: str) -> str:
    return PureWindowsPath(path).name if _is_windows_path(path) else PurePosixPath(path).name


def _norm_path(path: str) -> str:
    if _is_windows_path(path):
        return str(PureWindowsPath(path)).rstrip("\\").lower()
    return str(PurePosixPath(path)).rstrip("/") if path else ""


def env_prefix(install: CondaInstall, name: str) -> str:
    """Where ``create -n NAME`` puts the env: the first envs directory that the tool reports.

    conda lists its envs directories writable-first (``<root>/envs`` when the root is writable,
    ``~/.conda/envs`` for a read-only, all-users installation); micromamba's is ``<root>/envs``
    (the plan passes ``-r <root>``). Without a list: ``<root>/envs/NAME``.
    """
    folder = _target_envs_dir(install)
    return _join(folder, name) if folder else name


def env_python(prefix: str, os_name: str) -> str:
    """The env's own interpreter: ``<prefix>/bin/python``, ``<prefix>\\python.exe`` on Windows."""
    if os_name == "windows":
        return str(PureWindowsPath(prefix) / "python.exe")
    return str(PurePosixPath(prefix) / "bin" / "python")


# ---------------------------------------------------------------------------------------------
# Routes
# ---------------------------------------------------------------------------------------------


def _major(version: str) -> int:
    m = re.match(r"\d+", version)
    return int(m.group(0)) if m else 0


def available_routes(
    install: CondaInstall, variant: str, os_name: str, data: ReleaseData
) -> list[tuple[str, str]]:
    """The routes that can install this build into a new env of this installation, default first,
    each with its reason (translated)."""
    route, reason = choose_route(install, variant, os_name, data)
    routes = [(route, reason)]
    forge = _conda_forge_reason(install, variant, os_name, data)
    if forge is not None and route != ROUTE_CONDA_FORGE:
        routes.append((ROUTE_CONDA_FORGE, forge))
    return routes


def _conda_forge_reason(install: CondaInstall, variant: str, os_name: str, data: ReleaseData) -> str | None:
    """Why conda-forge would do (translated), or None when conda-forge has no such build here."""
    kind = variant_kind(variant, data)
    if kind == "cpu":
        return translate(
            "Conda",
            "conda-forge's PyTorch for the processor (pytorch-cpu): every package from conda-forge, "
            "a larger download than the one from PyTorch's own download server.",
        )
    if kind != "cuda" or os_name not in ("linux", "windows"):
        return None
    need = variant_cuda(variant, data)
    if not install.cuda or (need and _major(install.cuda) < _major(need)):
        return None  # the solver refuses pytorch-gpu without a fitting __cuda
    return translate(
        "Conda",
        "conda-forge's pytorch-gpu: PyTorch and the CUDA {cuda} libraries, all from conda-forge. "
        "conda-forge builds it for its own list of GPUs, which the wizard cannot check.",
    ).format(cuda=need or install.cuda)


def choose_route(install: CondaInstall, variant: str, os_name: str, data: ReleaseData) -> tuple[str, str]:
    """(route, reason): how PyTorch gets into the new conda env. See the module's documentation."""
    kind = variant_kind(variant, data)
    if kind == "cpu" and os_name == "macos":
        reason = translate(
            "Conda",
            "pip puts PyTorch into the new conda environment, as a plain “pip install torch” does: on a "
            "Mac that is the build that uses the Apple GPU (MPS), and the smallest download.",
        )
    elif kind == "cpu":
        reason = translate(
            "Conda",
            "pip puts PyTorch's CPU-only build into the new conda environment, from PyTorch's own "
            "download server: it has no files for a GPU, so it is the smallest download.",
        )
    elif kind in ("rocm", "xpu"):
        reason = translate(
            "Conda",
            "pip puts PyTorch into the new conda environment, from PyTorch's own download server: this "
            "build is only there, not on conda-forge.",
        )
    else:
        reason = translate(
            "Conda",
            "pip puts PyTorch into the new conda environment, from PyTorch's own download server, as "
            "PyTorch recommends: the wizard checked that your driver and GPU work with exactly this "
            "build. The CUDA libraries come with it.",
        )
    return ROUTE_PIP, reason


# ---------------------------------------------------------------------------------------------
# Requests: the one plan builder (wizard.core.plan.build_plan) makes the steps
# ---------------------------------------------------------------------------------------------


def conda_request(
    install: CondaInstall,
    name: str,
    python: str,
    os_name: str,
    variant: str,
    torch: str | None,
    torchvision: str | None,
    route: str,
    data: ReleaseData,
    index_url: str | None,
    *,
    proxy: str | None = None,
    wheel_folder: str | None = None,
) -> InstallRequest:
    """The install request for a new env NAME with Python ``python`` ("3.12") of this installation.

    ``torchvision``: None = no torchvision; "" = torchvision without a pin. ``index_url``: the pip
    route's index (PyTorch's for the variant; None = the default index, as on macOS). ``wheel_folder``:
    the pip route installs offline from it. Raises ValueError for a name that is not valid or already
    exists (recent conda with ``-y`` *removes* an existing env of that name), an unknown route, or a
    build conda-forge does not have.
    """
    problems = validate_env_name(name, install.env_names())
    if problems:
        raise ValueError(problems[0])
    if route not in ROUTES:
        raise ValueError(f"unknown route {route!r}")
    if route == ROUTE_CONDA_FORGE:
        conda_forge_packages(variant, os_name, torch, torchvision, data)  # raises for a build it lacks
    major, _, minor = python.partition(".")
    if wheel_folder and route == ROUTE_PIP:
        source = PackageSource(SourceKind.WHEEL_FOLDER, folder=wheel_folder)
    elif index_url and not index_url.rstrip("/").startswith(data.index_base.rstrip("/")):
        source = PackageSource(SourceKind.CUSTOM_INDEX, index_url=index_url)
    else:
        source = PackageSource(SourceKind.PYTORCH_INDEX, index_url=index_url)
    return InstallRequest(
        base_python=install.exe,
        python_version=(int(major), int(minor.split(".")[0] or 0)),
        env_dir=env_prefix(install, name),
        os_name=os_name,
        torch=torch,
        torchvision=torchvision,
        source=source,
        variant=variant,
        proxy=proxy,
        manager=Manager.CONDA,
        conda=CondaTarget(install.exe, install.kind, name, install.root_prefix or ""),
        route=Route(route),
    )


__all__ = [
    "CONDA_JSON_STEPS",
    "KINDS",
    "ROUTES",
    "ROUTE_CONDA_FORGE",
    "ROUTE_PIP",
    "STEP_IDS",
    "CondaCandidate",
    "CondaInfo",
    "CondaInstall",
    "CondaProgress",
    "available_routes",
    "choose_route",
    "conda_request",
    "env_prefix",
    "env_python",
    "existing_env_names",
    "find_conda",
    "find_conda_candidates",
    "parse_env_list_json",
    "parse_info_json",
    "query_install",
    "validate_env_name",
]
