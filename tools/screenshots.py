"""Walk the real wizard in a real X window and save a screenshot of every page.

    python tools/screenshots.py --all --wheels DIR      # every page, English and Chinese, three screens
    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshots.py --langs en,zh_CN --scale 1.25 \
        --size-name 1366x768-125pct --wheels DIR

``--all`` starts one Xvfb per screen (1024×768 at 100 %, 1366×768 at 125 %, 1920×1080 at 200 %; needs
``xvfb-run``: ``apt-get install xvfb``), then the variants the README shows (a stand-in RTX 3060, a failed
download, the conda path) at 1024×768. Each run really installs once (from the wheel folder DIR, into a
temporary folder) and runs the demo, so the Install, Demo and Finish pages show real results; on every page
it takes one picture per language, switching the language live. Pixels come from the X server (the screen),
not from Qt's own painting of the widget. ``--gpu 3060`` puts the stand-in nvidia-smi on PATH.

Nothing is fetched from the world: the wheel folder is also served on 127.0.0.1 as the PyTorch index the
Hardware page reads (so it shows the version that is installed, as on-line), and the Python picked is one
that the wheels are for (``--python`` to name another).
Files: ``<page>[-<variant>]-<lang>[-<screen>].png`` (no screen part for 1024×768). A variant saves only
the pages it changes (``VARIANT_PAGES``: the Hardware page for ``--gpu``, the Install page for ``--failure``,
the Where-to-install and Review pages for ``--conda``); the pages before them are walked, not saved,
because they are the same as in the plain run's pictures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wizard.gui.window import PageId, SetupWizard  # noqa: E402
from wizard.i18n import Translations  # noqa: E402


def wait(app: QApplication, cond: Callable[[], bool], timeout: float = 600) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def wheel_python(wheels: str) -> tuple[int, int] | None:
    """The Python version the torch wheel in the folder is for (cp311 -> (3, 11))."""
    import re

    for wheel in sorted(Path(wheels).glob("torch-*.whl")):
        m = re.search(r"-cp(\d)(\d+)-", wheel.name)
        if m:
            return int(m.group(1)), int(m.group(2))
    return None


def serve_wheels_as_index(wheels: str) -> str:
    """The wheel folder served on 127.0.0.1 as a PyTorch-style index (…/whl/cpu/torch/), the way the
    7-click walk test does it; returns the index base. The server lives as long as this process."""
    import contextlib

    from tests.localindex import serve_index
    from tests.test_path_walks import _index_of_wheels

    root = _index_of_wheels(Path(wheels), Path(tempfile.mkdtemp(prefix="wizard-index-")) / "index")
    stack = contextlib.ExitStack()
    base = stack.enter_context(serve_index(root))
    _SERVERS.append(stack)
    return base


_SERVERS: list[object] = []

# The pages each variant changes, and so saves (the others would be copies of the plain run's).
VARIANT_PAGES = {"gpu": {"hardware"}, "failure": {"install"}, "conda": {"manager", "review"}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default=None, help="one language (same as --langs LANG)")
    ap.add_argument("--langs", default="en", help="languages, comma separated: one picture each per page")
    ap.add_argument("--scale", default=None, help="QT_SCALE_FACTOR, e.g. 1.25 or 2")
    ap.add_argument("--size-name", default="", help="added to the file names, e.g. 1366x768-125pct")
    ap.add_argument("--all", action="store_true", help="both languages on the three screens, one Xvfb each")
    ap.add_argument("--wheels", required=True)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument(
        "--only",
        default="",
        help="save only these pages, comma separated (welcome, python, manager, hardware, review, "
        "install-running, install, demo, finish); the walk ends after the last of them",
    )
    ap.add_argument("--python", default=None, help="the interpreter to pick (default: the wizard's choice)")
    ap.add_argument("--gpu", default=None, help="stand-in NVIDIA GPU preset: saves the Hardware page only")
    ap.add_argument(
        "--failure",
        action="store_true",
        help="install from an index that refuses: saves the Install page only",
    )
    ap.add_argument(
        "--conda",
        action="store_true",
        help="the conda path (stand-in conda): saves Where to install and Review",
    )
    args = ap.parse_args()
    if args.all:
        return run_all(args)
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    langs = [args.lang] if args.lang else [x for x in args.langs.split(",") if x]
    # This computer's own pip settings stay out of the pictures (as out of the tests): a find-links or
    # an index there would let the "failed download" install from it, and show its paths in the log.
    for key in [k for k in os.environ if k.startswith("PIP_")]:
        del os.environ[key]
    os.environ["PIP_CONFIG_FILE"] = os.devnull
    standins = str(ROOT / "tests" / "standins")
    if args.conda:
        root = Path(tempfile.mkdtemp(prefix="wizard-conda-")) / "miniforge3"
        (root / "conda-meta").mkdir(parents=True)
        (root / "envs").mkdir()
        os.environ["PATH"] = standins + os.pathsep + os.environ["PATH"]
        os.environ.update(
            STANDIN_CONDA_ROOT=str(root),
            STANDIN_CONDA_PYTHON=args.python or sys.executable,
            STANDIN_CONDA_PIP="1",
        )
    if args.failure:
        os.environ["PIP_RETRIES"] = "1"
    if args.gpu:
        os.environ["TORCH_WIZARD_OFFLINE"] = "1"  # the stand-in index has CPU wheels only: the bundled list
    elif not os.environ.get("TORCH_WIZARD_INDEX_BASE"):
        base = serve_wheels_as_index(args.wheels)
        os.environ["TORCH_WIZARD_INDEX_BASE"] = base
        os.environ["PIP_INDEX_URL"] = f"{base}cpu/"  # pip itself, for the new environment, from there too
        os.environ.pop("TORCH_WIZARD_OFFLINE", None)
    if args.gpu:
        os.environ["PATH"] = str(ROOT / "tests" / "standins") + os.pathsep + os.environ["PATH"]
        os.environ["STANDIN_NVIDIA_GPUS"] = args.gpu
        os.environ.setdefault("STANDIN_NVIDIA_DRIVER", "580.95.05")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    tmp = Path(tempfile.mkdtemp(prefix="wizard-shots-"))
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    # The catalogue as the learner gets it (tools/update_translations.py merges pending/*.json into it).
    # No translator of the pending lists besides: it stayed installed in English too, so the English
    # pictures showed those strings in Chinese.
    translations = Translations(app)
    translations.switch(langs[0])
    wiz = SetupWizard(translations, settings, log_dir=tmp / "logs")
    wiz.show()
    wiz.start_background_detection()
    suffix = f"-{args.gpu}" if args.gpu else "-conda" if args.conda else "-failure" if args.failure else ""
    variant = "gpu" if args.gpu else "conda" if args.conda else "failure" if args.failure else None
    saved = set(VARIANT_PAGES[variant]) if variant else None  # None: every page
    if args.only:
        only = {x.strip() for x in args.only.split(",") if x.strip()}
        saved = only if saved is None else saved & only
    remaining = set(saved) if saved is not None else None
    if remaining is not None and not remaining:
        print("nothing to save:", args.only, "is not a page this run saves", flush=True)
        return 0

    size = f"-{args.size_name}" if args.size_name else ""

    def settle() -> None:
        detector = wiz.hardware_detector
        wait(app, lambda: detector is None or not detector.running, 60)  # notes remade in the new language
        wait(app, lambda: True)

    def shot(name: str) -> None:
        if saved is not None and name not in saved:
            return  # not asked for, or the same as the plain run's picture of this page
        take(name)
        if remaining is not None:
            remaining.discard(name)
            if not remaining:
                raise _AllSaved

    def take(name: str) -> None:
        for lang in langs:
            if translations.language != lang:
                wiz.set_language(lang)
                welcome = wiz.pages[PageId.WELCOME]
                welcome.select_language(lang)
            settle()
            geo = wiz.frameGeometry()
            pix = app.primaryScreen().grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
            path = out / f"{name}{suffix}-{lang}{size}.png"
            pix.save(str(path), "PNG", 9)
            print(path, flush=True)
        if translations.language != langs[0]:
            wiz.set_language(langs[0])
            wiz.pages[PageId.WELCOME].select_language(langs[0])
            settle()

    try:
        return walk(args, app, wiz, tmp, shot)
    except _AllSaved:
        return 0


class _AllSaved(Exception):
    """Every page asked for is saved: the rest of the walk is not needed."""


def walk(
    args: argparse.Namespace, app: QApplication, wiz: SetupWizard, tmp: Path, shot: Callable[[str], None]
) -> int:
    """Next through the pages as a learner would, calling ``shot`` on each."""
    wait(app, lambda: wiz.isVisible())
    shot("welcome")
    wiz.next()
    page = wiz.pages[PageId.PYTHON]
    wait(app, lambda: not page.detecting)
    fits = wheel_python(args.wheels)
    for i in range(page.tree.topLevelItemCount()):
        item = page.tree.topLevelItem(i)
        interp = item.data(0, 256)
        if interp.is_venv or interp.error:
            continue
        if args.python:
            if os.path.realpath(interp.executable) == os.path.realpath(args.python):
                page.tree.setCurrentItem(item)
                break
        elif fits is not None and tuple(interp.version_info[:2]) == fits:
            page.tree.setCurrentItem(item)  # a Python the wheel folder has PyTorch for
            break
    shot("python")
    wiz.next()
    manager = wiz.pages[PageId.MANAGER]
    manager.folder.setText(str(tmp / "测试 env"))
    if args.conda:
        wait(app, lambda: manager.conda_searched, 60)
        manager.conda.setChecked(True)
        manager.name.setText("pytorch-course")
    wait(app, manager.isComplete)
    shot("manager")
    wiz.next()
    hardware = wiz.pages[PageId.HARDWARE]
    wait(app, hardware.isComplete, 60)
    # the newest versions from the (stand-in) index, as a learner sees them after a few seconds
    if not args.gpu:
        wait(app, lambda: getattr(wiz.state.data.source, "source", "") == "index", 60)
    shot("hardware")
    if args.gpu:
        return 0
    wiz.next()
    review = wiz.pages[PageId.REVIEW]
    if args.failure:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        chosen = f"http://127.0.0.1:{port}/simple"
        review.src_custom.setChecked(True)
        review.custom.setText(chosen)
    else:
        chosen = args.wheels
        review.src_folder.setChecked(True)
        review.folder.setText(args.wheels)

    def accepted() -> bool:
        """Complete for the source chosen here: the page was complete before (with its default source),
        and the check of a typed address comes a moment later; Next then would install from the default."""
        src = wiz.state.source
        return review.isComplete() and src is not None and chosen in (src.index_url, src.folder)

    try:
        wait(app, accepted, 60)
    except TimeoutError:
        print("the Review page did not accept the choices:", review.message.text(), file=sys.stderr)
        raise
    review.commands_toggle.setChecked(True)  # the longest Review: it must scroll, not grow
    shot("review")
    review.commands_toggle.setChecked(False)
    if args.conda:
        return 0  # the conda path's own pages end here (its install is the stand-in conda's)
    wiz.next()
    install = wiz.pages[PageId.INSTALL]
    if args.failure:
        wait(app, lambda: install.failed_at is not None and not install.is_running(), 300)
        shot("install")
        return 0
    install.log.toggle.setChecked(True)
    wait(app, lambda: getattr(install.session, "current", -1) >= 2, 300)
    time.sleep(1.0)
    shot("install-running")
    wait(app, lambda: install.succeeded or install.failed_at is not None, 900)
    install.log.toggle.setChecked(False)
    shot("install")
    wiz.next()
    demo = wiz.pages[PageId.DEMO]
    wait(app, demo.isComplete, 300)
    shot("demo")
    wiz.next()
    shot("finish")
    return 0


SCREENS = (
    ("1024x768", "1", ""),
    ("1366x768", "1.25", "1366x768-125pct"),
    ("1920x1080", "2", "1920x1080-200pct"),
)


def run_all(args: argparse.Namespace) -> int:
    """One Xvfb per screen; both languages on every page."""
    import shutil
    import subprocess

    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("xvfb-run is missing: apt-get install xvfb", file=sys.stderr)
        return 2
    worst = 0
    for geometry, scale, name in SCREENS:
        cmd = [
            xvfb, "-a", "-s", f"-screen 0 {geometry}x24",
            sys.executable, str(Path(__file__).resolve()),
            "--langs", "en,zh_CN", "--scale", scale, "--size-name", name, "--wheels", args.wheels,
            "--out", args.out, "--only", args.only,
        ]  # fmt: skip
        if args.python:
            cmd += ["--python", args.python]
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONUTF8": "1"}
        print("::", geometry, "at", scale, flush=True)
        worst = max(worst, subprocess.run(cmd, env=env, timeout=1800).returncode)
    for variant in (["--gpu", "3060"], ["--failure"], ["--conda"]):  # the README's examples, 1024×768
        cmd = [
            xvfb, "-a", "-s", "-screen 0 1024x768x24", sys.executable, str(Path(__file__).resolve()),
            "--langs", "en,zh_CN", "--wheels", args.wheels, "--out", args.out, "--only", args.only, *variant,
        ]  # fmt: skip
        print("::", *variant, flush=True)
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONUTF8": "1"}
        worst = max(worst, subprocess.run(cmd, env=env, timeout=1800).returncode)
    return worst


if __name__ == "__main__":
    try:
        code = main()
    except Exception:  # a page that never got ready: say where, and end (not hang in the teardown)
        import traceback

        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    # At once, without Qt's teardown: the window (an install that just ended, its threads) and the local
    # index server must not ask or wait at exit, which under Xvfb nobody answers.
    os._exit(code)
