"""Startup and detection speed, printed (goals from the trunk issue, measured on this machine).

    python benchmarks/startup.py [--runs 5] [--compile] [--blocks-only]

1. Time from process start to the first page drawn: the wizard (``python -m wizard``) against a bare
   QWizard with one page, started the same way (a new Python process each run, the two interleaved).
   "Drawn" is the turn of the event loop after the window's first paint, for both: Qt runs 0 ms timers
   before the first paint, so a timer alone stops the clock before anything is on the screen.
   Goal: ratio <= 1.15.
2. Full interpreter detection (discovery + probing every Python found), in a new process each run so
   no cache helps. Goal: under 1.5 s.
3. The longest block of the GUI thread after the first page, while the wizard detects, reads the
   journal and builds the other pages (a 5 ms timer on the GUI thread records the largest gap), over
   4 s. The same watch on the bare QWizard, which does nothing, is the machine's noise floor: a block
   that it shows too is the machine's (other processes, the scheduler), not the wizard's. Goal: <= 50 ms.

Bytecode: an installed or frozen app has its modules compiled (pip and PyInstaller write the .pyc), so
by default the runs use a private bytecode cache (a temporary PYTHONPYCACHEPREFIX), filled by one
untimed start first. ``--compile`` compiles every module at every start instead (what a checkout sees
with PYTHONDONTWRITEBYTECODE set, as on the shared development machine): slower for the wizard only,
since PySide and the standard library come compiled.

Medians of N runs. The machines are shared and noisy: read the ratios, not the absolute times, and
run it several times. Beside the wall clock, the CPU time of each start up to its first page (the
process's own ``time.process_time()`` then, printed beside the time): it hardly moves with other load, so
on a busy machine its ratio says how much work the wizard adds before its first page where the wall
clock cannot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
watch_s = float(os.environ.get("WIZARD_WATCH_BLOCKS_S") or 0)
def shown():
    print(f"FIRST-PAGE-SHOWN {time.time():.6f} {time.process_time():.6f}", flush=True)
    if watch_s <= 0:
        app.quit()
        return
    last, longest = [time.perf_counter()], [0.0]
    def beat():
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now
    def done():
        print(f"LONGEST-BLOCK-MS {longest[0] * 1000:.1f} pages=1", flush=True)
        app.quit()
    tick.timeout.connect(beat)
    tick.start(5)
    QTimer.singleShot(int(watch_s * 1000), done)
class Wizard(QWizard):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, shown)
app = QApplication(sys.argv)
tick = QTimer()
wiz = Wizard()
page = QWizardPage()
page.setTitle("Welcome")
wiz.addPage(page)
wiz.show()
app.exec()
"""

DETECT = """
import time
t = time.perf_counter()
from wizard.core import interpreters
found = interpreters.detect()
print(f"DETECT {time.perf_counter() - t:.6f} {len(found)}")
"""

WIZARD = [sys.executable, "-m", "wizard"]
BARE_ARGV = [sys.executable, "-c", BARE]


CPU: dict[tuple[str, ...], list[float]] = {}  # argv -> CPU seconds of each start to its first page


def first_page(argv: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST-PAGE-SHOWN "):
            parts = line.split()
            if len(parts) > 2:
                CPU.setdefault(tuple(argv), []).append(float(parts[2]))
            return float(parts[1]) - start
    raise RuntimeError(f"no first page: {out.stdout[-500:]} {out.stderr[-1500:]}")


def longest_block(argv: list[str], env: dict[str, str], seconds: float = 4.0) -> tuple[float, str]:
    """The longest GUI-thread block (ms) after the first page, and what the process says about it."""
    out = subprocess.run(
        argv, capture_output=True, text=True, env={**env, "WIZARD_WATCH_BLOCKS_S": str(seconds)}, cwd=ROOT,
        timeout=120,
    )  # fmt: skip
    for line in out.stdout.splitlines():
        if line.startswith("LONGEST-BLOCK-MS "):
            parts = line.split()
            return float(parts[1]), " ".join(parts[2:])
    raise RuntimeError(f"no measure: {out.stdout[-500:]} {out.stderr[-1500:]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--compile", action="store_true", help="compile every module at every start (no .pyc)")
    ap.add_argument("--blocks-only", action="store_true", help="only the longest GUI-thread block")
    args = ap.parse_args()
    env = {**os.environ, "WIZARD_QUIT_WHEN_SHOWN": "1", "PYTHONPATH": str(ROOT)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="startup-pyc-") as cache:
        if args.compile:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
            mode = "every module compiled at every start (--compile)"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
            first_page(WIZARD, env)  # untimed: fills the bytecode cache
            mode = "bytecode cached, as installed"
        print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, {mode}")
        if not args.blocks_only:
            measure_first_page(env, args.runs)
        measure_blocks(env, max(1, args.runs // 2) if not args.blocks_only else args.runs)
    return 0


def measure_first_page(env: dict[str, str], runs: int) -> None:
    wizard_times, bare_times, detect_times = [], [], []
    count = 0
    for i in range(runs):  # interleaved, so both see the same machine load; which goes first alternates
        if i % 2:
            wizard_times.append(first_page(WIZARD, env))
            bare_times.append(first_page(BARE_ARGV, env))
        else:
            bare_times.append(first_page(BARE_ARGV, env))
            wizard_times.append(first_page(WIZARD, env))
        out = subprocess.run(
            [sys.executable, "-c", DETECT], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
        )
        _tag, seconds, n = out.stdout.split()
        detect_times.append(float(seconds))
        count = int(n)
    w, b, d = (statistics.median(x) for x in (wizard_times, bare_times, detect_times))
    print(f"first page, bare one-page QWizard: {b * 1000:.0f} ms (median)")
    print(f"first page, Torch Setup Wizard:    {w * 1000:.0f} ms (median)")
    pairs = statistics.median(x / y for x, y in zip(wizard_times, bare_times, strict=True))
    print(
        f"ratio wizard / bare: {w / b:.2f} of the medians; {pairs:.2f} median of run-by-run ratios; "
        f"{min(wizard_times) / min(bare_times):.2f} of the fastest runs  (goal <= 1.15)"
    )
    wizard_cpu, bare_cpu = CPU.get(tuple(WIZARD), [])[-runs:], CPU.get(tuple(BARE_ARGV), [])[-runs:]
    if wizard_cpu and bare_cpu:
        wc, bc = statistics.median(wizard_cpu), statistics.median(bare_cpu)
        print(
            f"CPU time of a start to its first page: bare {bc * 1000:.0f} ms, wizard {wc * 1000:.0f} ms "
            f"(medians); ratio {wc / bc:.2f}  (steadier under load; the goal is the wall-clock ratio)"
        )
    print(f"interpreter detection: {d * 1000:.0f} ms (median) for {count} interpreters  (goal < 1500 ms)")


def measure_blocks(env: dict[str, str], runs: int) -> None:
    wizard, bare = [], []
    for _ in range(runs):
        wizard.append(longest_block(WIZARD, env))
        bare.append(longest_block(BARE_ARGV, env))
    worst = max(wizard)
    print(
        f"longest GUI-thread block after the first page: {statistics.median(b for b, _ in wizard):.0f} ms "
        f"(median of {len(wizard)}; worst {worst[0]:.0f} ms, {worst[1]})  (goal <= 50 ms)"
    )
    print(
        f"  the same watch on the bare QWizard (the machine's noise floor): "
        f"{statistics.median(b for b, _ in bare):.0f} ms (median; worst {max(bare)[0]:.0f} ms)"
    )


if __name__ == "__main__":
    sys.exit(main())
