"""Hardware detection: which GPUs this computer has, and what their drivers can run.

No widgets here. ``detect_hardware`` runs a few small tools (each with a timeout, an argument list,
never a shell) and reads a few files; the parsing is done by pure functions (``parse_*``) that the
tests feed with recorded real outputs (``tests/fixtures/gpu``).

Sources, in order:

* NVIDIA: the driver version from ``/sys/module/nvidia/version`` or ``/proc/driver/nvidia/version``
  (Linux), then ``nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap
  --format=csv,noheader,nounits`` (one line per GPU; the banner is never parsed, its fields were
  renamed in driver 610) and ``nvidia-smi --version`` for the newest CUDA the driver supports.
* CUDA toolkit (only to explain that PyTorch does not need it): ``nvcc`` on PATH, ``CUDA_PATH``,
  ``/usr/local/cuda*``, ``Program Files\\NVIDIA GPU Computing Toolkit\\CUDA\\v*``.
* AMD (Linux): ``rocm_agent_enumerator``, then ``rocminfo``, then the kernel's KFD topology
  (``/sys/class/kfd/kfd/topology/nodes/*/properties``, present without ROCm installed).
* Intel and AMD cards on Linux: ``/sys/class/drm/card*/device/{vendor,device,class}``.
  On Windows: ``Win32_VideoController`` through PowerShell (best effort).
* Apple: macOS on arm64 is an Apple Silicon GPU (MPS).
"""

from __future__ import annotations

import os
import platform as _platform
import re
import shutil
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from . import childproc
from .procenv import child_environment
from .tr import translate

PCI_VENDOR_NVIDIA = "0x10de"
PCI_VENDOR_AMD = "0x1002"
PCI_VENDOR_INTEL = "0x8086"

NVIDIA_SMI_QUERY = (
    "--query-gpu=name,driver_version,memory.total,compute_cap",
    "--format=csv,noheader,nounits",
)

NVIDIA_STATES = ("absent", "ok", "driver-not-responding", "smi-missing", "no-driver")


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gpu:
    vendor: str  # "nvidia" | "amd" | "apple" | "intel"
    name: str
    memory_mb: int | None
    compute_capability: str | None  # "8.6" for NVIDIA
    driver_version: str | None
    arch: str | None = None  # AMD "gfx1100"
    pci_device: str | None = None  # PCI device id, e.g. "0x56a0" (Intel/AMD cards found on the PCI bus)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "vendor": self.vendor,
            "name": self.name,
            "memory_mb": self.memory_mb,
            "compute_capability": self.compute_capability,
            "driver_version": self.driver_version,
            "arch": self.arch,
        }
        if self.pci_device:
            data["pci_device"] = self.pci_device
        return data


@dataclass(frozen=True)
class CudaToolkit:
    version: str  # "13.0"
    path: str  # the nvcc executable that reported it

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "path": self.path}


class Note(NamedTuple):
    """A note of the hardware report as a code and its parameters (worded by ``word_note``)."""

    code: str
    params: tuple[tuple[str, str], ...] = ()


def note(code: str, **params: object) -> Note:
    return Note(code, tuple((k, str(v)) for k, v in params.items()))


# note codes
NOTE_DRIVER_NOT_RESPONDING = "nvidia-driver-not-responding"  # driver (may be "")
NOTE_SMI_MISSING = "nvidia-smi-missing"  # driver
NOTE_NO_DRIVER = "nvidia-no-driver"
NOTE_TOOLKIT_INSTALLED = "cuda-toolkit-installed"  # version
NOTE_TOOLKIT_NOT_NEEDED = "cuda-toolkit-not-needed"
NOTE_ROSETTA = "macos-rosetta"


def word_note(n: Note) -> str:
    """The words of a hardware note in the current language (made when shown)."""
    p = dict(n.params)
    if n.code == NOTE_DRIVER_NOT_RESPONDING and p.get("driver"):
        return translate(
            "Hardware",
            "An NVIDIA driver (version {driver}) is installed, but it is not responding: the "
            "nvidia-smi tool could not talk to it. This often happens right after a driver or "
            "system update. Restart the computer; if it still fails, reinstall the NVIDIA driver. "
            "Until then the wizard can only offer the CPU build.",
        ).format(driver=p["driver"])
    if n.code == NOTE_DRIVER_NOT_RESPONDING:
        return translate(
            "Hardware",
            "The NVIDIA driver is not responding: the nvidia-smi tool could not talk to it. "
            "Restart the computer; if it still fails, reinstall the NVIDIA driver. Until then "
            "the wizard can only offer the CPU build.",
        )
    if n.code == NOTE_SMI_MISSING:
        return translate(
            "Hardware",
            "An NVIDIA driver (version {driver}) is loaded, but its nvidia-smi tool was not found, "
            "so the wizard cannot read the GPU's generation. Installing the driver's utilities "
            "package (for example nvidia-utils) fixes this.",
        ).format(driver=p.get("driver", ""))
    if n.code == NOTE_NO_DRIVER:
        return translate(
            "Hardware",
            "This computer has an NVIDIA graphics card, but the NVIDIA driver is not installed (or "
            "not loaded). Install the NVIDIA driver to let PyTorch use the card; until then the "
            "wizard can only offer the CPU build.",
        )
    if n.code == NOTE_TOOLKIT_INSTALLED:
        return translate(
            "Hardware",
            "A CUDA Toolkit (version {version}) is installed. PyTorch does not need it: the PyTorch "
            "packages bring their own copy of the CUDA libraries, so its version does not have to "
            "match. You can leave it installed.",
        ).format(version=p.get("version", ""))
    if n.code == NOTE_TOOLKIT_NOT_NEEDED:
        return translate(
            "Hardware",
            "You do not need to install the CUDA Toolkit: the PyTorch packages bring their own copy "
            "of the CUDA libraries. Only the NVIDIA driver is needed.",
        )
    if n.code == NOTE_ROSETTA:
        return translate(
            "Hardware",
            "This Mac has an Apple Silicon chip, but the program asking runs as Intel code "
            "(through Rosetta). Use a Python made for Apple Silicon (arm64): Intel-Mac Python "
            "cannot install current PyTorch.",
        )
    return n.code


@dataclass(frozen=True)
class HardwareReport:
    os: str  # "linux" | "windows" | "macos"
    arch: str  # "x86_64" | "arm64" (| "x86" on a 32-bit OS)
    gpus: tuple[Gpu, ...]
    nvidia_driver: str | None
    nvidia_cuda_max: str | None  # newest CUDA the driver supports, when known
    # "absent" | "ok" | "driver-not-responding" | "smi-missing"
    # | "no-driver" (Linux: an NVIDIA card on the PCI bus but no NVIDIA driver loaded)
    nvidia_state: str
    cuda_toolkit: CudaToolkit | None
    notes: tuple[str, ...] = ()  # worded in the language of the moment of detection (the command line)
    details: tuple[str, ...] = field(
        default=(), compare=False
    )  # untranslated log lines: what ran, what failed
    # The same notes as codes with parameters: ``worded_notes`` words them when shown, so a window
    # that switches language later shows them in the new language without detecting again.
    note_codes: tuple[Note, ...] = field(default=(), compare=False)

    @property
    def nvidia_gpus(self) -> tuple[Gpu, ...]:
        return tuple(g for g in self.gpus if g.vendor == "nvidia")

    def worded_notes(self) -> tuple[str, ...]:
        """The notes in the current language (``notes`` when the report was made without codes)."""
        if self.note_codes:
            return tuple(word_note(n) for n in self.note_codes)
        return self.notes

    def to_json(self) -> dict[str, Any]:
        return {
            "os": self.os,
            "arch": self.arch,
            "gpus": [g.to_json() for g in self.gpus],
            "nvidia_driver": self.nvidia_driver,
            "nvidia_cuda_max": self.nvidia_cuda_max,
            "nvidia_state": self.nvidia_state,
            "cuda_toolkit": self.cuda_toolkit.to_json() if self.cuda_toolkit else None,
            "notes": list(self.notes),
            "details": list(self.details),
        }


# --------------------------------------------------------------------------------------------
# Pure parsers
# --------------------------------------------------------------------------------------------

_VERSION_RE = re.compile(r"\b(\d{2,4}\.\d{1,3}(?:\.\d{1,3})?)\b")


def _int_or_none(text: str) -> int | None:
    m = re.search(r"\d+", text or "")
    return int(m.group(0)) if m else None


def _cc_or_none(text: str) -> str | None:
    m = re.fullmatch(r"\s*(\d+)\.(\d+)\s*", text or "")
    return f"{int(m.group(1))}.{int(m.group(2))}" if m else None


def parse_nvidia_smi_csv(text: str) -> tuple[Gpu, ...]:
    """GPUs from ``nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,...``.

    One line per GPU. Accepts ``noheader`` or not, ``nounits`` or not (``143771 MiB``), and
    ``[N/A]`` / ``[Not Supported]`` values. Names may contain commas only in the first field, so the
    last three fields are split from the right.
    """
    gpus: list[Gpu] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.lower().startswith("name,") or "," not in line:
            continue
        parts = line.rsplit(",", 3)
        if len(parts) != 4:
            continue
        name, driver, memory, cc = (p.strip() for p in parts)
        if not name or not re.match(r"\d", driver):
            continue
        gpus.append(
            Gpu(
                vendor="nvidia",
                name=name,
                memory_mb=_int_or_none(memory),
                compute_capability=_cc_or_none(cc),
                driver_version=driver,
            )
        )
    return tuple(gpus)


def parse_proc_driver_version(text: str) -> str | None:
    """The driver version from ``/proc/driver/nvidia/version`` (``NVRM version: ... 580.159.04 ...``)
    or ``/sys/module/nvidia/version`` (just ``580.159.04``)."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("GCC version"):
            continue
        if line.startswith("NVRM"):
            # "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build ..."
            after = line.split(":", 1)[1] if ":" in line else line
            after = after.replace("x86_64", " ").replace("aarch64", " ")
            m = _VERSION_RE.search(after)
            if m:
                return m.group(1)
            continue
        m = re.fullmatch(r"(\d{2,4}\.\d{1,3}(?:\.\d{1,3})?)", line)
        if m:
            return m.group(1)
    return None


def parse_nvidia_smi_version(text: str) -> tuple[str | None, str | None]:
    """(driver version, newest CUDA the driver supports) from ``nvidia-smi --version``.

    Tolerant: looks for "DRIVER version : X" and "CUDA Version : X.Y" in any spelling.
    """
    driver = cuda = None
    for line in text.splitlines():
        low = line.lower()
        if driver is None and "driver" in low:
            m = _VERSION_RE.search(line.split(":", 1)[-1])
            if m:
                driver = m.group(1)
        if cuda is None and "cuda" in low:
            m = re.search(r"cuda[^0-9:]*:?\s*(\d+\.\d+)", line, re.IGNORECASE)
            if m:
                cuda = m.group(1)
    return driver, cuda


def parse_nvcc_version(text: str) -> str | None:
    """ "13.0" from ``nvcc --version`` (``Cuda compilation tools, release 13.0, V13.0.88``)."""
    m = re.search(r"release\s+(\d+\.\d+)", text)
    if m:
        return m.group(1)
    m = re.search(r"\bV(\d+\.\d+)(?:\.\d+)?\b", text)
    return m.group(1) if m else None


_GFX_RE = re.compile(r"\bgfx[0-9a-f]{3,4}\b")


def parse_rocm_agent_enumerator(text: str) -> tuple[str, ...]:
    """gfx names, one a line; the CPU agent ``gfx000`` is dropped; order kept, duplicates kept
    (two cards of one kind are two GPUs)."""
    return tuple(
        line.strip()
        for line in text.splitlines()
        if _GFX_RE.fullmatch(line.strip()) and line.strip() != "gfx000"
    )


def parse_rocminfo(text: str) -> tuple[Gpu, ...]:
    """AMD GPU agents from ``rocminfo``: ``Name: gfx1100`` with its ``Marketing Name`` and the size of
    its first GLOBAL memory pool. CPU agents (``Device Type: CPU``) and ISA names are ignored."""
    gpus: list[Gpu] = []
    for block in re.split(r"^\*{5,}\s*$\s*^Agent \d+\s*$\s*^\*{5,}\s*$", text, flags=re.M)[1:]:
        fields: dict[str, str] = {}
        memory_kb: int | None = None
        for line in block.splitlines():
            stripped = line.strip()
            if ":" not in stripped:
                continue
            key, value = (s.strip() for s in stripped.split(":", 1))
            indent = len(line) - len(line.lstrip())
            if indent <= 2 and key not in fields:
                fields[key] = value
            if key == "Size" and memory_kb is None and indent > 2:
                memory_kb = _int_or_none(value)
        if fields.get("Device Type", "").upper() != "GPU":
            continue
        gfx = fields.get("Name", "")
        if not _GFX_RE.fullmatch(gfx) or gfx == "gfx000":
            continue
        gpus.append(
            Gpu(
                vendor="amd",
                name=fields.get("Marketing Name") or gfx,
                memory_mb=memory_kb // 1024 if memory_kb else None,
                compute_capability=None,
                driver_version=None,
                arch=gfx,
            )
        )
    return tuple(gpus)


def gfx_from_target_version(value: int) -> str | None:
    """KFD ``gfx_target_version`` (major*10000 + minor*100 + stepping) -> ``gfxNNN``; 0 (CPU) -> None.

    110000 -> gfx1100, 90010 -> gfx90a, 90402 -> gfx942, 100300 -> gfx1030.
    """
    if value <= 0:
        return None
    major, rest = divmod(value, 10000)
    minor, stepping = divmod(rest, 100)
    return f"gfx{major}{minor:x}{stepping:x}"


def parse_kfd_properties(text: str) -> str | None:
    """gfx name of one KFD topology node (``gfx_target_version 110000``); None for CPU nodes."""
    m = re.search(r"^gfx_target_version\s+(\d+)\s*$", text, re.M)
    return gfx_from_target_version(int(m.group(1))) if m else None


def parse_win_video_controllers(text: str) -> tuple[tuple[str, str, str], ...]:
    """``Name|PNPDeviceID`` lines (from PowerShell Win32_VideoController) -> (vendor id, device id,
    name), e.g. ("0x8086", "0x56a0", "Intel(R) Arc(TM) A770 Graphics")."""
    found: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if "|" not in line:
            continue
        name, pnp = (s.strip() for s in line.split("|", 1))
        m = re.search(r"VEN_([0-9A-Fa-f]{4}).*?DEV_([0-9A-Fa-f]{4})", pnp)
        if not m:
            continue
        found.append(("0x" + m.group(1).lower(), "0x" + m.group(2).lower(), name))
    return tuple(found)


# --------------------------------------------------------------------------------------------
# Running tools
# --------------------------------------------------------------------------------------------


def normalize_os(value: str) -> str:
    v = value.lower()
    if v.startswith("win") or v == "cygwin":
        return "windows"
    if v in ("darwin", "macos", "mac", "osx"):
        return "macos"
    if v.startswith("linux"):
        return "linux"
    return v


def normalize_arch(value: str) -> str:
    v = value.lower()
    if v in ("x86_64", "amd64", "x64"):
        return "x86_64"
    if v in ("arm64", "aarch64", "armv8", "arm64e"):
        return "arm64"
    if v in ("x86", "i386", "i486", "i586", "i686", "win32"):
        return "x86"
    return v


@dataclass
class _Runner:
    timeout: float
    env: dict[str, str]
    windows: bool
    log: list[str] = field(default_factory=list)
    # what the children start from: childproc cleans it (once: cleaning twice would drop the learner's
    # own LD_LIBRARY_PATH in the frozen app, whose *_ORIG the first cleaning used up)
    raw_env: dict[str, str] | None = None

    def run(self, argv: Sequence[str]) -> tuple[int | None, str]:
        """(exit code or None when it could not run / timed out, stdout+stderr text); :mod:`childproc`."""
        res = childproc.run(argv, timeout=self.timeout, env=self.raw_env, merge_stderr=True)
        if res.timed_out:
            self.log.append(f"{argv[0]}: no answer within {self.timeout:g} s")
            return None, ""
        if res.start_error or res.exit_code is None:
            self.log.append(f"{argv[0]}: could not run ({res.start_error or res.describe()})")
            return None, ""
        self.log.append(f"{Path(argv[0]).name} {' '.join(argv[1:])}: exit {res.exit_code}")
        return res.exit_code, res.stdout

    def which(self, name: str) -> str | None:
        return shutil.which(name, path=self.env.get("PATH", os.defpath))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _find_nvidia_smi(r: _Runner, os_name: str, env: Mapping[str, str]) -> str | None:
    found = r.which("nvidia-smi")
    if found:
        return found
    candidates: list[Path] = []
    if os_name == "windows":
        system_root = env.get("SystemRoot") or env.get("SYSTEMROOT") or r"C:\Windows"
        program_files = env.get("ProgramFiles") or env.get("PROGRAMFILES") or r"C:\Program Files"
        candidates += [
            Path(system_root) / "System32" / "nvidia-smi.exe",
            Path(program_files) / "NVIDIA Corporation" / "NVSMI" / "nvidia-smi.exe",
        ]
    elif os_name == "linux":
        candidates += [Path("/usr/lib/wsl/lib/nvidia-smi")]  # WSL 2
    for c in candidates:
        if c.is_file():
            return str(c)
    return None


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text))


def _find_nvcc(r: _Runner, os_name: str, env: Mapping[str, str]) -> list[str]:
    exe = "nvcc.exe" if os_name == "windows" else "nvcc"
    found: list[str] = []
    on_path = r.which("nvcc")
    if on_path:
        found.append(on_path)
    cuda_path = env.get("CUDA_PATH") or env.get("CUDA_HOME")
    if cuda_path:
        found.append(str(Path(cuda_path) / "bin" / exe))
    if os_name == "linux":
        found.append("/usr/local/cuda/bin/nvcc")
        found += [
            str(p / "bin" / "nvcc")
            for p in sorted(
                Path("/usr/local").glob("cuda-*"), key=lambda p: _version_key(p.name), reverse=True
            )
        ]
    elif os_name == "windows":
        base = Path(env.get("ProgramFiles") or r"C:\Program Files") / "NVIDIA GPU Computing Toolkit" / "CUDA"
        if base.is_dir():
            found += [
                str(p / "bin" / exe)
                for p in sorted(base.glob("v*"), key=lambda p: _version_key(p.name), reverse=True)
            ]
    unique: list[str] = []
    for f in found:
        if f not in unique and Path(f).is_file():
            unique.append(f)
    return unique


def _detect_cuda_toolkit(r: _Runner, os_name: str, env: Mapping[str, str]) -> CudaToolkit | None:
    for nvcc in _find_nvcc(r, os_name, env):
        code, out = r.run([nvcc, "--version"])
        if code == 0:
            version = parse_nvcc_version(out)
            if version:
                return CudaToolkit(version=version, path=nvcc)
    return None


def _pci_display_devices(root: Path) -> list[tuple[str, str, Path]]:
    """(vendor, device, sysfs path) of display-class PCI devices under ``<root>/sys/class/drm``."""
    drm = root / "sys" / "class" / "drm"
    seen: set[str] = set()
    devices: list[tuple[str, str, Path]] = []
    if not drm.is_dir():
        return devices
    for card in sorted(drm.glob("card*")):
        if not re.fullmatch(r"card\d+", card.name):
            continue  # connectors such as card0-DP-1
        dev = card / "device"
        vendor = (_read(dev / "vendor") or "").strip().lower()
        klass = (_read(dev / "class") or "").strip().lower()
        device = (_read(dev / "device") or "").strip().lower()
        if not vendor or not klass.startswith("0x03"):
            continue
        key = str(dev.resolve()) if dev.exists() else str(dev)
        if key in seen:
            continue
        seen.add(key)
        devices.append((vendor, device, dev))
    return devices


def _kfd_gfx(root: Path) -> tuple[str, ...]:
    nodes = root / "sys" / "class" / "kfd" / "kfd" / "topology" / "nodes"
    found: list[str] = []
    if nodes.is_dir():
        for node in sorted(nodes.iterdir(), key=lambda p: _version_key(p.name)):
            gfx = parse_kfd_properties(_read(node / "properties") or "")
            if gfx:
                found.append(gfx)
    return tuple(found)


def _detect_amd_linux(r: _Runner, root: Path, amd_pci: int) -> tuple[Gpu, ...]:
    tool = r.which("rocm_agent_enumerator")
    if tool:
        code, out = r.run([tool])
        names = parse_rocm_agent_enumerator(out) if code == 0 else ()
        if names:
            # rocminfo adds names and memory when it is there too
            info = r.which("rocminfo")
            if info:
                code2, out2 = r.run([info])
                gpus = parse_rocminfo(out2) if code2 == 0 else ()
                if gpus and sorted(g.arch or "" for g in gpus) == sorted(names):
                    return gpus
            return tuple(Gpu("amd", "AMD " + n, None, None, None, arch=n) for n in names)
    tool = r.which("rocminfo")
    if tool:
        code, out = r.run([tool])
        gpus = parse_rocminfo(out) if code == 0 else ()
        if gpus:
            return gpus
    names = _kfd_gfx(root)
    if names:
        return tuple(Gpu("amd", "AMD " + n, None, None, None, arch=n) for n in names)
    if amd_pci:
        return tuple(Gpu("amd", "AMD Radeon", None, None, None) for _ in range(amd_pci))
    return ()


def _detect_windows_controllers(r: _Runner) -> tuple[tuple[str, str, str], ...]:
    shell = r.which("powershell") or r.which("pwsh")
    if not shell:
        return ()
    code, out = r.run(
        [
            shell,
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            "Get-CimInstance Win32_VideoController | ForEach-Object { $_.Name + '|' + $_.PNPDeviceID }",
        ]
    )
    return parse_win_video_controllers(out) if code == 0 else ()


def _apple_chip(r: _Runner) -> str | None:
    sysctl = r.which("sysctl") or ("/usr/sbin/sysctl" if Path("/usr/sbin/sysctl").is_file() else None)
    if not sysctl:
        return None
    code, out = r.run([sysctl, "-n", "machdep.cpu.brand_string"])
    if code != 0:
        return None
    return out.strip() or None


def _rosetta(r: _Runner) -> bool:
    sysctl = r.which("sysctl") or ("/usr/sbin/sysctl" if Path("/usr/sbin/sysctl").is_file() else None)
    if not sysctl:
        return False
    code, out = r.run([sysctl, "-n", "sysctl.proc_translated"])
    return code == 0 and out.strip() == "1"


# --------------------------------------------------------------------------------------------
# detect_hardware
# --------------------------------------------------------------------------------------------


def detect_hardware(
    *,
    timeout: float = 10.0,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    machine: str | None = None,
    root: str | os.PathLike[str] = "/",
) -> HardwareReport:
    """Look at this computer's GPUs and drivers.

    ``env`` is the environment used to find tools (``PATH``, ``CUDA_PATH``, ``ProgramFiles``) and
    given to them (with ``PYTHONUTF8=1``); ``platform`` (``sys.platform`` or "linux"/"windows"/
    "macos") and ``machine`` (``platform.machine()`` spelling) describe another machine for tests;
    ``root`` replaces ``/`` for the files read under ``/sys`` and ``/proc``. Never raises for a
    missing or broken tool: the report says what was found.
    """
    base_env = child_environment(env)
    os_name = normalize_os(platform or sys.platform)
    arch = normalize_arch(machine or _platform.machine() or "x86_64")
    root_path = Path(root)
    r = _Runner(
        timeout=timeout,
        env=base_env,
        windows=os_name == "windows",
        raw_env=dict(env) if env is not None else None,
    )
    gpus: list[Gpu] = []
    notes: list[Note] = []

    # ---- NVIDIA -------------------------------------------------------------------------
    driver: str | None = None
    cuda_max: str | None = None
    if os_name == "linux":
        for rel in ("sys/module/nvidia/version", "proc/driver/nvidia/version"):
            text = _read(root_path / rel)
            if text:
                driver = parse_proc_driver_version(text)
                if driver:
                    r.log.append(f"/{rel}: {driver}")
                    break
    pci = _pci_display_devices(root_path) if os_name == "linux" else []
    nvidia_on_pci = sum(1 for v, _, _ in pci if v == PCI_VENDOR_NVIDIA)

    state = "absent"
    nvidia_gpus: tuple[Gpu, ...] = ()
    smi = _find_nvidia_smi(r, os_name, base_env) if os_name != "macos" else None
    if smi:
        code, out = r.run([smi, *NVIDIA_SMI_QUERY])
        if code == 0:
            nvidia_gpus = parse_nvidia_smi_csv(out)
            if nvidia_gpus:
                state = "ok"
                driver = nvidia_gpus[0].driver_version or driver
                code2, out2 = r.run([smi, "--version"])
                if code2 == 0:
                    cuda_max = parse_nvidia_smi_version(out2)[1]
            elif driver:
                state = "driver-not-responding"
        elif code == 6 or "no devices were found" in out.lower():
            # the driver answers but sees no GPU
            state = "driver-not-responding" if nvidia_on_pci else "absent"
        else:
            # exit 9 "couldn't communicate with the NVIDIA driver", a crash, or no answer in time
            state = "driver-not-responding"
        if state == "driver-not-responding":
            r.log.append("nvidia-smi: " + " ".join(out.split())[:300])
    elif driver:
        state = "smi-missing"
        nvidia_gpus = _nvidia_from_proc(root_path, driver)
    elif nvidia_on_pci:
        state = "no-driver"
    gpus += nvidia_gpus

    if state == "driver-not-responding":
        notes.append(note(NOTE_DRIVER_NOT_RESPONDING, driver=driver or ""))
    elif state == "smi-missing":
        notes.append(note(NOTE_SMI_MISSING, driver=driver))
    elif state == "no-driver":
        notes.append(note(NOTE_NO_DRIVER))

    # ---- CUDA toolkit ---------------------------------------------------------------------
    toolkit = _detect_cuda_toolkit(r, os_name, base_env) if os_name != "macos" else None
    if toolkit:
        notes.append(note(NOTE_TOOLKIT_INSTALLED, version=toolkit.version))
    elif nvidia_gpus:
        notes.append(note(NOTE_TOOLKIT_NOT_NEEDED))

    # ---- AMD / Intel / Apple ---------------------------------------------------------------
    if os_name == "linux":
        amd_pci = sum(1 for v, _, _ in pci if v == PCI_VENDOR_AMD)
        gpus += _detect_amd_linux(r, root_path, amd_pci)
        for vendor, device, _path in pci:
            if vendor == PCI_VENDOR_INTEL:
                gpus.append(Gpu("intel", "Intel graphics", None, None, None, pci_device=device or None))
    elif os_name == "windows":
        for vendor, device, name in _detect_windows_controllers(r):
            if vendor == PCI_VENDOR_AMD:
                gpus.append(Gpu("amd", name, None, None, None, pci_device=device))
            elif vendor == PCI_VENDOR_INTEL:
                gpus.append(Gpu("intel", name, None, None, None, pci_device=device))
            elif vendor == PCI_VENDOR_NVIDIA and state == "absent":
                state = "no-driver"
    elif os_name == "macos":
        if arch == "x86_64" and _rosetta(r):
            arch = "arm64"
            notes.append(note(NOTE_ROSETTA))
        if arch == "arm64":
            chip = _apple_chip(r)
            gpus.append(Gpu("apple", (chip + " GPU") if chip else "Apple Silicon GPU", None, None, None))

    return HardwareReport(
        os=os_name,
        arch=arch,
        gpus=tuple(gpus),
        nvidia_driver=driver,
        nvidia_cuda_max=cuda_max,
        nvidia_state=state,
        cuda_toolkit=toolkit,
        notes=tuple(word_note(n) for n in notes),
        details=tuple(r.log),
        note_codes=tuple(notes),
    )


def _nvidia_from_proc(root: Path, driver: str) -> tuple[Gpu, ...]:
    """GPU names from ``/proc/driver/nvidia/gpus/*/information`` (``Model: ...``) when nvidia-smi is
    missing; the compute capability stays unknown."""
    base = root / "proc" / "driver" / "nvidia" / "gpus"
    gpus: list[Gpu] = []
    if base.is_dir():
        for d in sorted(base.iterdir()):
            text = _read(d / "information") or ""
            m = re.search(r"^Model:\s*(.+?)\s*$", text, re.M)
            if m:
                gpus.append(Gpu("nvidia", m.group(1), None, None, driver))
    return tuple(gpus)


__all__ = [
    "NVIDIA_STATES",
    "CudaToolkit",
    "Gpu",
    "HardwareReport",
    "detect_hardware",
    "gfx_from_target_version",
    "normalize_arch",
    "normalize_os",
    "parse_kfd_properties",
    "parse_nvcc_version",
    "parse_nvidia_smi_csv",
    "parse_nvidia_smi_version",
    "parse_proc_driver_version",
    "parse_rocm_agent_enumerator",
    "parse_rocminfo",
    "parse_win_video_controllers",
]
