"""The frozen app against a bare one-page QWizard frozen by the same spec: size and start-up, printed.

    python benchmarks/bundle.py [--runs 5] [--no-onefile] [--keep DIR]
    xvfb-run -a -s "-screen 0 1280x900x24" python benchmarks/bundle.py --screenshot docs/screenshots/frozen-welcome-en.png

Builds, in a temporary folder, with build_installer.spec: the app and the bare QWizard
(``WIZARD_SPEC_BARE=1``), one folder each, and (unless ``--no-onefile``) one file each
(``WIZARD_ONEFILE=1``). Then prints:

1. bundle sizes (the one-folder app and the one-file executable) and the ratio app / bare;
   goal: the app within 10 % of the bare build.
2. start-up to the first page shown, median of N runs, each a new process (the app prints
   ``FIRST-PAGE-SHOWN <time>`` with ``WIZARD_QUIT_WHEN_SHOWN=1``, so does the bare one), interleaved so
   both see the same machine load; the ratio app / bare is the figure to read (the machines are noisy).
   A new process each time, but not a cold disk cache: dropping the page cache needs root and
   disturbs every other job on the machine.

``--screenshot PATH`` also starts the one-folder app in the current X display, waits for the window and
saves the screen's pixels around it (run under Xvfb as shown above).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(out: Path, *, bare: bool, onefile: bool) -> tuple[Path, float]:
    """Build with the spec; (path of the executable, seconds the build took)."""
    env = {k: v for k, v in os.environ.items() if k not in ("WIZARD_ONEFILE", "WIZARD_SPEC_BARE")}
    if bare:
        env["WIZARD_SPEC_BARE"] = "1"
    if onefile:
        env["WIZARD_ONEFILE"] = "1"
    tag = ("bare" if bare else "app") + ("-onefile" if onefile else "")
    start = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(out / tag / "dist"), "--workpath", str(out / tag / "build")]
    r = subprocess.run(
        [*cmd, str(ROOT / "build_installer.spec")], env=env, cwd=out, capture_output=True, text=True
    )
    if r.returncode != 0:
        raise SystemExit(f"build {tag} failed:\n{r.stderr[-4000:]}")
    seconds = time.monotonic() - start
    dist = out / tag / "dist"
    if sys.platform == "darwin" and not onefile:
        app = next(dist.glob("*.app"))
        return next((app / "Contents" / "MacOS").iterdir()), seconds
    name = (
        "bare-wizard"
        if bare
        else ("TorchSetupWizard" if sys.platform in ("win32", "darwin") else "torch-setup-wizard")
    )
    exe = name + (".exe" if sys.platform == "win32" else "")
    return (dist / exe if onefile else dist / name / exe), seconds


def bundle_root(exe: Path, onefile: bool) -> Path:
    if onefile:
        return exe
    if sys.platform == "darwin":
        return exe.parent.parent.parent  # the .app
    return exe.parent


def size_mb(path: Path) -> float:
    """Bytes on disk of the files (links counted once, as the links they are), in MB (10^6)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    total = 0
    for p in path.rglob("*"):
        if p.is_symlink():
            continue
        if p.is_file():
            total += p.stat().st_size
    return total / 1e6


def first_page(exe: Path, env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run([str(exe)], capture_output=True, text=True, env=env, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST-PAGE-SHOWN "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first page from {exe}: {out.stdout[-500:]} {out.stderr[-1500:]}")


def screenshot(exe: Path, path: Path, lang: str = "en_US.UTF-8") -> None:
    """Start the app in the current X display and save the screen's pixels of its window."""
    from PySide6.QtGui import QGuiApplication

    home = Path(tempfile.mkdtemp(prefix="wizard-shot-home-"))
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "LANG": lang,
        "LC_ALL": lang,
    }
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.Popen([str(exe)], env=env)
    try:
        app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        time.sleep(6)  # the window, then detection fills the other pages in the background
        shot = app.primaryScreen().grabWindow(0)
        # Crop to the wizard: the screen is empty apart from it (Xvfb has no desktop).
        image = shot.toImage()
        background = image.pixel(0, 0)
        w, h = image.width(), image.height()
        cols = [x for x in range(w) if any(image.pixel(x, y) != background for y in range(0, h, 2))]
        rows = [y for y in range(h) if any(image.pixel(x, y) != background for x in range(0, w, 2))]
        if cols and rows:
            shot = shot.copy(cols[0], rows[0], cols[-1] - cols[0] + 1, rows[-1] - rows[0] + 1)
        path.parent.mkdir(parents=True, exist_ok=True)
        shot.save(str(path))
        print(f"screenshot: {path} ({shot.width()}x{shot.height()})")
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-onefile", action="store_true", help="skip the one-file builds")
    ap.add_argument(
        "--keep", help="build into this folder and keep it (default: a temporary folder, removed)"
    )
    ap.add_argument("--screenshot", help="save the frozen app's first page, from the X display, to this PNG")
    args = ap.parse_args()
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="wizard-bundle-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        kinds = (False,) if args.no_onefile or sys.platform == "darwin" else (False, True)  # no one-file .app
        builds = {}
        for bare in (False, True):
            for onefile in kinds:
                builds[(bare, onefile)] = build(out, bare=bare, onefile=onefile)
        app_exe, bare_exe = builds[(False, False)][0], builds[(True, False)][0]
        print(f"platform: {sys.platform}, Python {sys.version.split()[0]}, runs: {args.runs}")
        print(
            f"build time, one folder: app {builds[(False, False)][1]:.0f} s, bare {builds[(True, False)][1]:.0f} s"
        )
        for onefile in kinds:
            kind = "one-file" if onefile else "one-folder"
            a = size_mb(bundle_root(builds[(False, onefile)][0], onefile))
            b = size_mb(bundle_root(builds[(True, onefile)][0], onefile))
            print(
                f"size, {kind:10}: app {a:6.1f} MB, bare QWizard {b:6.1f} MB, ratio {a / b:.3f}  (goal <= 1.10)"
            )

        env = {**os.environ, "WIZARD_QUIT_WHEN_SHOWN": "1"}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for exe in (app_exe, bare_exe):  # once each, untimed: the first run after a build reads the disk
            first_page(exe, env)
        app_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(first_page(bare_exe, env))
            app_times.append(first_page(app_exe, env))
        a, b = statistics.median(app_times), statistics.median(bare_times)
        print(
            f"first page, one folder ({env['QT_QPA_PLATFORM']}): app {a * 1000:.0f} ms, bare QWizard {b * 1000:.0f} ms (medians)"
        )
        print(f"start-up ratio app / bare: {a / b:.2f}")
        if args.screenshot:
            screenshot(app_exe, Path(args.screenshot))
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
