"""Command-line glue for the build recommendation (``python -m wizard recommend``).

With no machine-description arguments it looks at this computer (``detect_hardware``) and uses the
running Python's version. With some of them it describes a machine and fills the rest like this:

* ``--os``: this computer's OS. ``--arch``: this computer's when ``--os`` is this OS (or not given);
  otherwise "arm64" for macos and "x86_64" for the others.
* ``--python``: the running Python's version (``3.13t`` means free-threaded 3.13).
* GPUs: when ``--nvidia-driver``, ``--compute-capability``, ``--amd-gfx`` or ``--intel-gpu`` is
  given, exactly the GPUs they describe (one NVIDIA GPU per ``--compute-capability``; a driver alone
  means one NVIDIA GPU of unknown generation; one Intel GPU per PCI device id). Otherwise, when the
  described OS/arch is this computer's, this computer's detected GPUs; else none.
* ``--macos-version 13.6``: the Mac's macOS (default: this Mac's, when it is one; else unknown,
  taken as new enough). ``--jetson``: an NVIDIA Jetson board (Linux on ARM unless told otherwise).

The list of releases comes from the live PyTorch index (``--index-base``, default
``$TORCH_WIZARD_INDEX_BASE`` or ``https://download.pytorch.org/whl/``), cached for a day under
``~/.cache/torch-setup-wizard``; ``--offline`` (or ``TORCH_WIZARD_OFFLINE=1``) uses only the bundled
data file. The JSON's ``release_data`` says which was used.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform as _platform
import re
import sys
import sysconfig
from typing import Any

from . import torchindex
from .builds import Machine, Recommendation, recommend
from .gpu import Gpu, HardwareReport, detect_hardware, normalize_arch, normalize_os
from .releases import ReleaseData
from .secrets import strip_login
from .torchindex import DEFAULT_INDEX_BASE
from .tr import translate

DESCRIPTION_ARGS = (
    "os",
    "arch",
    "python",
    "nvidia_driver",
    "compute_capability",
    "amd_gfx",
    "bits",
    "intel_gpu",
    "macos_version",
    "jetson",
)


def _python_arg(text: str) -> tuple[tuple[int, int], bool]:
    m = re.fullmatch(r"\s*(\d+)\.(\d+)(t?)\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"expected a Python version such as 3.12 or 3.13t, got {text!r}")
    return (int(m.group(1)), int(m.group(2))), bool(m.group(3))


def _cc_arg(text: str) -> str:
    if not re.fullmatch(r"\d+\.\d+", text.strip()):
        raise argparse.ArgumentTypeError(f"expected a compute capability such as 8.6, got {text!r}")
    return text.strip()


def _gfx_arg(text: str) -> str:
    t = text.strip().lower()
    if not re.fullmatch(r"gfx[0-9a-f]{3,4}", t):
        raise argparse.ArgumentTypeError(f"expected an AMD gfx name such as gfx1100, got {text!r}")
    return t


def _pci_arg(text: str) -> str:
    t = text.strip().lower()
    if not re.fullmatch(r"(0x)?[0-9a-f]{4}", t):
        raise argparse.ArgumentTypeError(f"expected a PCI device id such as 0x56a0, got {text!r}")
    return t if t.startswith("0x") else "0x" + t


def _macos_arg(text: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+){0,2}", text.strip()):
        raise argparse.ArgumentTypeError(f"expected a macOS version such as 13.6, got {text!r}")
    return text.strip()


def _url_arg(text: str) -> str:
    t = text.strip()
    if not re.match(r"(?i)https?://", t):
        raise argparse.ArgumentTypeError(
            f"expected an http(s) address such as {DEFAULT_INDEX_BASE}, got {t!r}"
        )
    return t


def _driver_arg(text: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+){0,2}", text.strip()):
        raise argparse.ArgumentTypeError(f"expected a driver version such as 575.64.03, got {text!r}")
    return text.strip()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the recommendation as JSON")
    parser.add_argument("--os", choices=("linux", "windows", "macos"), help="describe a machine: its OS")
    parser.add_argument(
        "--arch", choices=("x86_64", "arm64", "x86"), help="its processor (x86 = 32-bit Python or OS)"
    )
    parser.add_argument(
        "--python", type=_python_arg, metavar="X.Y[t]", help="its Python version (3.13t = free-threaded)"
    )
    parser.add_argument("--bits", type=int, choices=(32, 64), help="32- or 64-bit Python (default 64)")
    parser.add_argument(
        "--nvidia-driver", type=_driver_arg, metavar="VERSION", help="its NVIDIA driver, e.g. 575.64.03"
    )
    parser.add_argument(
        "--compute-capability",
        type=_cc_arg,
        action="append",
        metavar="X.Y",
        help="an NVIDIA GPU's compute capability, e.g. 8.6 (repeat for several GPUs)",
    )
    parser.add_argument(
        "--amd-gfx",
        type=_gfx_arg,
        action="append",
        metavar="GFX",
        help="an AMD GPU, e.g. gfx1100 (repeatable)",
    )
    parser.add_argument(
        "--intel-gpu",
        type=_pci_arg,
        action="append",
        metavar="PCI_DEVICE_ID",
        help="an Intel GPU by its PCI device id, e.g. 0x56a0 (repeatable)",
    )
    parser.add_argument(
        "--macos-version", type=_macos_arg, metavar="X.Y", help="its macOS version, e.g. 13.6"
    )
    parser.add_argument("--jetson", action="store_true", default=None, help="it is an NVIDIA Jetson board")
    parser.add_argument(
        "--offline", action="store_true", help="use only the bundled release data (no network at all)"
    )
    parser.add_argument(
        "--index-base",
        type=_url_arg,
        metavar="URL",
        help=f"root of a PyTorch index or mirror (default {DEFAULT_INDEX_BASE})",
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds to wait for each detection tool (default 10)"
    )


def _current_python() -> tuple[tuple[int, int], int, bool]:
    bits = 64 if sys.maxsize > 2**32 else 32
    free = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    return (sys.version_info[0], sys.version_info[1]), bits, free


def build_machine(args: argparse.Namespace) -> tuple[Machine, HardwareReport | None]:
    """The machine the arguments describe (see the module docstring), and the detection report when
    this computer was looked at."""
    described = any(getattr(args, name, None) not in (None, [], ()) for name in DESCRIPTION_ARGS)
    py, bits, free = _current_python()
    if getattr(args, "python", None):
        py, free = args.python
    if getattr(args, "bits", None):
        bits = args.bits
    here_os = normalize_os(sys.platform)
    here_arch = normalize_arch(_platform.machine() or "x86_64")
    jetson = bool(getattr(args, "jetson", None))
    macos_version = getattr(args, "macos_version", None)
    intel = list(getattr(args, "intel_gpu", None) or [])
    os_name = args.os or ("linux" if jetson else here_os)
    if args.arch:
        arch = args.arch
    elif jetson:
        arch = "arm64"
    elif os_name == here_os:
        arch = here_arch
    else:
        arch = "arm64" if os_name == "macos" else "x86_64"
    gpu_args = bool(args.nvidia_driver or args.compute_capability or args.amd_gfx or intel or jetson)

    if not described or (not gpu_args and os_name == here_os and arch in (here_arch, "x86")):
        report = detect_hardware(timeout=getattr(args, "timeout", 10.0))
        machine = Machine.from_report(report, python=py, bits=bits, free_threaded=free)
        if arch != machine.arch:
            machine = dataclasses.replace(machine, arch=arch)
        if macos_version:
            machine = dataclasses.replace(machine, macos_version=macos_version)
        return machine, report

    gpus: list[Gpu] = []
    ccs = list(args.compute_capability or [])
    if args.nvidia_driver and not ccs:
        ccs = [None]  # one NVIDIA GPU of unknown generation
    for i, cc in enumerate(ccs):
        name = f"NVIDIA GPU {i + 1}" if len(ccs) > 1 else "NVIDIA GPU"
        gpus.append(Gpu("nvidia", name, None, cc, args.nvidia_driver))
    for gfx in args.amd_gfx or []:
        gpus.append(Gpu("amd", f"AMD {gfx}", None, None, None, arch=gfx))
    for dev in intel:
        gpus.append(Gpu("intel", f"Intel GPU {dev}", None, None, None, pci_device=dev))
    if os_name == "macos" and arch == "arm64":
        gpus.append(Gpu("apple", "Apple Silicon GPU", None, None, None))
    machine = Machine(
        os=os_name,
        arch=arch,
        python=py,
        python_bits=bits,
        free_threaded=free,
        gpus=tuple(gpus),
        nvidia_driver=args.nvidia_driver,
        amd_gfx=tuple(args.amd_gfx or ()),
        nvidia_state="ok" if ccs else "absent",
        macos_version=macos_version,
        jetson=jetson,
    )
    return machine, None


def _machine_json(m: Machine) -> dict[str, Any]:
    return {
        "os": m.os,
        "arch": m.arch,
        "python": f"{m.python[0]}.{m.python[1]}" if m.python else None,
        "python_bits": m.python_bits,
        "free_threaded": m.free_threaded,
        "gpus": [g.to_json() for g in m.gpus],
        "nvidia_driver": m.nvidia_driver,
        "nvidia_state": m.nvidia_state,
        "amd_gfx": list(m.amd_gfx),
        "macos_version": m.macos_version,
        "jetson": m.jetson,
    }


def release_data_for(machine: Machine, args: argparse.Namespace) -> ReleaseData:
    """The live index's releases for the machine (bundled data with ``--offline`` or when unreachable)."""
    return torchindex.load_release_data(
        machine.os,
        machine.arch,
        cache_dir=torchindex.default_cache_dir(),
        base=getattr(args, "index_base", None),
        offline=bool(getattr(args, "offline", False)),
    )


def release_data_json(rec: Recommendation) -> dict[str, Any]:
    out = rec.release_data.to_json()
    out["index_base"] = strip_login(out.get("index_base") or "") or None
    return out


def pip_command(rec: Recommendation) -> list[str] | None:
    """The pip arguments that install the recommendation (after ``python -m pip``)."""
    reqs = list(rec.requirements())
    if not reqs:
        return None
    cmd = ["install", *reqs]
    if rec.index_url:
        cmd += ["--index-url", rec.index_url]
    return cmd


def format_text(rec: Recommendation, machine: Machine, report: HardwareReport | None) -> str:
    lines: list[str] = []
    py = f"{machine.python[0]}.{machine.python[1]}" if machine.python else "?"
    if machine.free_threaded:
        py += "t"
    lines.append(
        translate("Builds", "Machine: {os} {arch}, Python {py} ({bits}-bit)").format(
            os=machine.os, arch=machine.arch, py=py, bits=machine.python_bits
        )
    )
    for g in machine.gpus:
        extra = []
        if g.compute_capability:
            extra.append("compute capability " + g.compute_capability)
        if g.arch:
            extra.append(g.arch)
        if g.driver_version:
            extra.append("driver " + g.driver_version)
        lines.append("  GPU: " + g.name + (" (" + ", ".join(extra) + ")" if extra else ""))
    if report is not None:
        for note in report.notes:
            lines.append("  " + translate("Builds", "Note:") + " " + note)
    src = rec.release_data
    if src.source == "index":
        lines.append(
            translate("Builds", "Versions: from the index {url} (read {when})").format(
                url=strip_login(src.index_base) or src.index_base, when=src.fetched_at
            )
        )
    else:
        lines.append(
            translate("Builds", "Versions: the wizard's own list ({why})").format(why=src.reason or "-")
        )
    lines.append("")
    if rec.variant is None:
        lines.append(translate("Builds", "No PyTorch build can be installed on this machine as it is."))
    else:
        lines.append(
            translate("Builds", 'Recommended: torch {torch} ({variant}), device "{device}"').format(
                torch=rec.torch, variant=rec.variant, device=rec.device
            )
        )
        if rec.torchvision:
            lines.append("  torchvision " + rec.torchvision)
        lines.append(
            "  " + translate("Builds", "Index: {url}").format(url=rec.index_url or "PyPI (default index)")
        )
        if rec.download_mb:
            lines.append("  " + translate("Builds", "Download: about {mb} MB").format(mb=rec.download_mb))
        cmd = pip_command(rec)
        if cmd:
            lines.append("  python -m pip " + " ".join(f'"{c}"' if "<" in c or ">" in c else c for c in cmd))
    for title, items in (
        (translate("Builds", "Why:"), rec.reasons),
        (translate("Builds", "Warnings:"), rec.warnings),
        (translate("Builds", "Alternatives:"), rec.alternatives),
    ):
        if items:
            lines.append("")
            lines.append(title)
            lines += ["  - " + item for item in items]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the recommendation; exit 0 when a build was chosen, 1 when none can be installed."""
    machine, report = build_machine(args)
    rec = recommend(machine, release_data_for(machine, args))
    if args.json:
        data = rec.to_json()
        data["release_data"] = release_data_json(rec)
        data["machine"] = _machine_json(machine)
        data["hardware"] = report.to_json() if report is not None else None
        data["pip_args"] = pip_command(rec)
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_text(rec, machine, report))
    sys.stdout.flush()
    return 0 if rec.variant is not None else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wizard recommend",
        description="Which PyTorch build fits this (or a described) machine.",
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
