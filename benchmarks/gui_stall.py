"""The longest GUI-thread stall while the runner works, printed (goal: none over 50 ms).

    python benchmarks/gui_stall.py [--files 20000] [--file-kb 10] [--lines 20000]
    python benchmarks/gui_stall.py --runner-file OLD_RUNNER.py   # the same against another runner.py

A QTimer fires every 5 ms on the GUI thread; the largest gap between two firings is the longest
stall. Measured during:

1. **Stop** of a running ``python -c`` whose process and child ignore SIGTERM (what the old runner
   waited for on the GUI thread: 1.2-1.7 s), until ``finished``;
2. **a burst of output**: one step printing N lines through ``PlanRunner`` with its log file (every
   line masked, written and flushed), until ``all_finished``;
3. **removing a folder** of many small files (made in a temp folder first, ~200 MB by default) with
   ``remove_in_background``; a runner without it (the old one) runs ``shutil.rmtree`` on the GUI
   thread, as the old install page did.

``--runner-file`` loads a runner module from a file (``git show REV:wizard/runner.py > old.py``):
``from .core`` imports are rewritten to ``from wizard.core``. The machines are shared and noisy:
run it twice and read the larger figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

GOAL_MS = 50.0

STUBBORN = """
import signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
kid = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)"
subprocess.Popen([sys.executable, "-c", kid])
print("ready", flush=True)
time.sleep(120)
"""


def load_runner(path: str | None) -> types.ModuleType:
    if not path:
        import wizard.runner as runner

        return runner
    source = Path(path).read_text(encoding="utf-8").replace("from .core", "from wizard.core")
    module = types.ModuleType("runner_under_test")
    module.__file__ = path
    sys.modules[module.__name__] = module
    exec(compile(source, path, "exec"), module.__dict__)
    return module


class StallMeter:
    """The largest gap between firings of a 5 ms timer on this thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self.last = 0.0

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.worst = 0.0
        self.clock.start()
        self.last = 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()  # a stall that lasts until the end counts too
        self.timer.stop()
        return self.worst


def wait_for(signal: Any, timeout_s: float, start: Callable[[], None] | None = None) -> list[Any]:
    loop = QEventLoop()
    got: list[Any] = []

    def done(*args: Any) -> None:
        got.extend(args)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if start is not None:
        QTimer.singleShot(0, start)
    loop.exec()
    signal.disconnect(done)
    return got


def bench_stop(runner_mod: types.ModuleType, meter: StallMeter) -> tuple[float, float]:
    runner = runner_mod.ProcessRunner()
    wait_for(runner.line, 20, lambda: runner.start(sys.executable, ["-c", STUBBORN], timeout_s=120))
    time.sleep(0.3)  # the grandchild is up
    meter.start()
    t0 = time.monotonic()
    wait_for(runner.finished, 30, runner.cancel)
    took = time.monotonic() - t0
    return meter.stop(), took


def bench_burst(runner_mod: types.ModuleType, meter: StallMeter, lines: int, tmp: Path) -> tuple[float, float]:
    from wizard.core.plan import Step, StepId

    code = (
        "import sys\n"
        f"for i in range({lines}):\n"
        "    sys.stdout.write(f'Collecting package-{i} from https://user:pw@mirror.invalid/simple (1.2 MB)\\n')\n"
    )
    plan = runner_mod.PlanRunner(tmp / "burst.log")
    count = [0]
    plan.line.connect(lambda _i, _t: count.__setitem__(0, count[0] + 1))
    meter.start()
    t0 = time.monotonic()
    step = Step(StepId.INSTALL_TORCH, sys.executable, ("-c", code), 120)
    wait_for(plan.all_finished, 120, lambda: plan.run([step]))
    took = time.monotonic() - t0
    worst = meter.stop()
    if count[0] != lines:
        print(f"  (the burst gave {count[0]} lines, not {lines})")
    return worst, took


def make_tree(folder: Path, files: int, size_kb: int) -> int:
    blob = os.urandom(size_kb * 1024)
    total = 0
    for i in range(files):
        sub = folder / f"pkg{i // 500:03d}" / f"mod{(i // 50) % 10}"
        if i % 50 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"f{i}.py").write_bytes(blob)
        total += len(blob)
    return total


def bench_remove(runner_mod: types.ModuleType, meter: StallMeter, folder: Path) -> tuple[float, float, str]:
    remove = getattr(runner_mod, "remove_in_background", None)
    meter.start()
    t0 = time.monotonic()
    if remove is None:
        how = "shutil.rmtree on the GUI thread"
        loop = QEventLoop()

        def work() -> None:
            shutil.rmtree(folder)
            loop.quit()

        QTimer.singleShot(0, work)
        loop.exec()
    else:
        how = "remove_in_background"
        job = remove(lambda: shutil.rmtree(folder))
        if job.is_running():
            wait_for(job.finished, 300)
    took = time.monotonic() - t0
    worst = meter.stop()
    if folder.exists():
        print("  (the folder is still there!)")
    return worst, took, how


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner-file", help="measure this runner.py instead of wizard/runner.py")
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--file-kb", type=int, default=10)
    args = ap.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    runner_mod = load_runner(args.runner_file)
    meter = StallMeter()
    print(f"runner: {args.runner_file or 'wizard/runner.py'}; goal: no stall over {GOAL_MS:.0f} ms")
    results: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="gui-stall-") as tmp_name:
        tmp = Path(tmp_name)
        worst, took = bench_stop(runner_mod, meter)
        print(f"Stop of a tree that ignores SIGTERM: longest stall {worst:7.1f} ms  (finished after {took:.2f} s)")
        results.append(("stop", worst))
        worst, took = bench_burst(runner_mod, meter, args.lines, tmp)
        print(f"{args.lines} output lines with the log:  longest stall {worst:7.1f} ms  (all lines in {took:.2f} s)")
        results.append(("burst", worst))
        folder = tmp / "env"
        size = make_tree(folder, args.files, args.file_kb)
        worst, took, how = bench_remove(runner_mod, meter, folder)
        print(
            f"Removing {args.files} files ({size / 2**20:.0f} MB), {how}: longest stall {worst:7.1f} ms"
            f"  (gone after {took:.2f} s)"
        )
        results.append(("remove", worst))
    bad = [name for name, worst in results if worst > GOAL_MS]
    print("goal met" if not bad else f"over the goal: {', '.join(bad)}")
    del app
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
