"""The whole install against the bare commands it stands for, printed (issue 9's goal: within 1.03x).

    python benchmarks/install.py --wheels DIR [--runs 2] [--python PYTHON]

Bare: ``python -m venv ENV`` then ``ENV/bin/python -m pip install --no-index --find-links DIR torch``.
Wizard: ``python -m wizard install --source wheels:DIR --no-torchvision --yes`` (a venv made without pip,
pip from Python's own wheel, the same install, the check that PyTorch imports, the pin). Runs alternate
(bare, wizard, bare, ...) in new folders; the ratio of the medians is printed. The machines are shared and
noisy: read the ratio, not the seconds. Beside the wall-clock time, the CPU time of everything each run
started (user + system, all its processes: ``RUSAGE_CHILDREN``) is printed too: it barely moves when other
programs load the machine, so its ratio is the steadier figure of the work the wizard adds.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "TORCH_WIZARD_DATA_DIR": str(data_dir), "TORCH_WIZARD_OFFLINE": "1", "PYTHONUTF8": "1"}  # fmt: skip


def children_cpu_s() -> float:
    """User + system seconds of every child process waited for so far (and of their waited children)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bare(python: str, wheels: Path, where: Path) -> float:
    env_dir = where / "bare"
    t = time.perf_counter()
    subprocess.run([python, "-m", "venv", str(env_dir)], check=True, timeout=600, env=clean_env(where))
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels), "torch"],
        check=True, timeout=1800, env=clean_env(where),
    )  # fmt: skip
    return time.perf_counter() - t


def wizard(python: str, wheels: Path, where: Path) -> float:
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "wizard", "install", "--python", python, "--env", str(where / "wizard"),
         "--source", f"wheels:{wheels}", "--no-torchvision", "--yes", "--json"],
        cwd=str(ROOT), env=clean_env(where / "data"), timeout=1800, capture_output=True, text=True,
    )  # fmt: skip
    if r.returncode != 0:
        raise SystemExit(
            f"the wizard's install failed ({r.returncode}):\n{r.stdout[-2000:]}{r.stderr[-2000:]}"
        )
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--wheels", required=True, type=Path, help="a folder with the torch wheel and its dependencies"
    )
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--python", default=shutil.which("python3.11") or sys.executable)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"bare": [], "wizard": []}
    cpu: dict[str, list[float]] = {"bare": [], "wizard": []}
    for i in range(args.runs):
        for name, fn in (("bare", bare), ("wizard", wizard)):
            with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
                before = children_cpu_s()
                seconds = fn(args.python, args.wheels, Path(tmp))
                used = children_cpu_s() - before
            times[name].append(seconds)
            cpu[name].append(used)
            print(f"run {i + 1} {name:6} {seconds:7.1f} s wall {used:7.1f} s CPU", flush=True)
    b, w = statistics.median(times["bare"]), statistics.median(times["wizard"])
    print(f"median bare {b:.1f} s, wizard {w:.1f} s, ratio {w / b:.3f} (goal <= 1.03)")
    cb, cw = statistics.median(cpu["bare"]), statistics.median(cpu["wizard"])
    print(f"CPU time: median bare {cb:.1f} s, wizard {cw:.1f} s, ratio {cw / cb:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
