"""Startup and detection speed, printed (goals from the trunk issue, measured on this machine).

    python benchmarks/startup.py [--runs 5]

1. Time from process start to the first page shown: the wizard (``python -m wizard``) against a bare
   QWizard with one page, started the same way (a new Python process each run). Goal: ratio <= 1.15.
2. Full interpreter detection (discovery + probing every Python found), in a new process each run so
   no cache helps. Goal: under 1.5 s.
Medians of N runs. The machines are shared and noisy: read the ratio, not the absolute times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication(sys.argv)
wiz = QWizard()
page = QWizardPage()
page.setTitle("Welcome")
wiz.addPage(page)
wiz.show()
def shown():
    print(f"FIRST-PAGE-SHOWN {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

DETECT = """
import time
t = time.perf_counter()
from wizard.core import interpreters
found = interpreters.detect()
print(f"DETECT {time.perf_counter() - t:.6f} {len(found)}")
"""


def first_page(argv: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST-PAGE-SHOWN "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first page: {out.stdout[-500:]} {out.stderr[-1500:]}")


def longest_block(env: dict[str, str], seconds: float = 4.0) -> tuple[float, str]:
    """The longest GUI-thread block (ms) after the first page, while the wizard builds the other pages and
    detects (a 5 ms timer on the GUI thread records the largest gap)."""
    out = subprocess.run(
        [sys.executable, "-m", "wizard"],
        capture_output=True, text=True, env={**env, "WIZARD_WATCH_BLOCKS_S": str(seconds)}, cwd=ROOT, timeout=120,
    )  # fmt: skip
    for line in out.stdout.splitlines():
        if line.startswith("LONGEST-BLOCK-MS "):
            parts = line.split()
            return float(parts[1]), parts[2]
    raise RuntimeError(f"no measure: {out.stdout[-500:]} {out.stderr[-1500:]}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = {**os.environ, "WIZARD_QUIT_WHEN_SHOWN": "1", "PYTHONPATH": str(ROOT)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    wizard_times, bare_times, detect_times = [], [], []
    count = 0
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        bare_times.append(first_page([sys.executable, "-c", BARE], env))
        wizard_times.append(first_page([sys.executable, "-m", "wizard"], env))
        out = subprocess.run(
            [sys.executable, "-c", DETECT], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
        )
        _tag, seconds, n = out.stdout.split()
        detect_times.append(float(seconds))
        count = int(n)
    w, b, d = (statistics.median(x) for x in (wizard_times, bare_times, detect_times))
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"first page, bare one-page QWizard: {b * 1000:.0f} ms (median)")
    print(f"first page, Torch Setup Wizard:    {w * 1000:.0f} ms (median)")
    pairs = statistics.median(x / y for x, y in zip(wizard_times, bare_times, strict=True))
    print(
        f"ratio wizard / bare: {w / b:.2f} of the medians; {pairs:.2f} median of run-by-run ratios; "
        f"{min(wizard_times) / min(bare_times):.2f} of the fastest runs  (goal <= 1.15)"
    )
    print(f"interpreter detection: {d * 1000:.0f} ms (median) for {count} interpreters  (goal < 1500 ms)")
    blocks = [longest_block(env) for _ in range(max(1, args.runs // 2))]
    print(
        f"longest GUI-thread block after the first page: {statistics.median(b for b, _ in blocks):.0f} ms "
        f"(median of {len(blocks)}; {blocks[-1][1]})  (goal <= 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
