"""Walk the real wizard in a real X window and save a screenshot of every page, in one language.

    xvfb-run -a -s "-screen 0 1280x900x24" python tools/screenshots.py --lang zh_CN --wheels DIR

It really installs (from the wheel folder DIR, into a temporary folder) and runs the demo, so the
Install, Demo and Finish pages show real results. Pixels come from the X server (the screen), not
from Qt's own painting of the widget. ``--gpu 3060`` puts the stand-in nvidia-smi on PATH.
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en")
    ap.add_argument("--wheels", required=True)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--python", default=None, help="the interpreter to pick (default: the wizard's choice)")
    ap.add_argument("--gpu", default=None, help="stand-in NVIDIA GPU preset (hardware page only)")
    ap.add_argument("--failure", action="store_true", help="install from an index that refuses connections")
    ap.add_argument("--conda", action="store_true", help="the conda path, with the stand-in conda")
    args = ap.parse_args()
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
        os.environ["PATH"] = str(ROOT / "tests" / "standins") + os.pathsep + os.environ["PATH"]
        os.environ["STANDIN_NVIDIA_GPUS"] = args.gpu
        os.environ.setdefault("STANDIN_NVIDIA_DRIVER", "580.95.05")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    tmp = Path(tempfile.mkdtemp(prefix="wizard-shots-"))
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    translations = Translations(app)
    translations.switch(args.lang)
    wiz = SetupWizard(translations, settings, log_dir=tmp / "logs")
    wiz.show()
    wiz.start_background_detection()
    suffix = f"-{args.gpu}" if args.gpu else "-conda" if args.conda else "-failure" if args.failure else ""

    def shot(name: str) -> None:
        wait(app, lambda: True)
        pix = app.primaryScreen().grabWindow(
            0, wiz.x(), wiz.y(), wiz.frameGeometry().width(), wiz.frameGeometry().height()
        )
        path = out / f"{name}{suffix}-{args.lang}.png"
        pix.save(str(path))
        print(path)

    wait(app, lambda: wiz.isVisible())
    shot("welcome")
    wiz.next()
    page = wiz.pages[PageId.PYTHON]
    wait(app, lambda: not page.detecting)
    if args.python:
        want = os.path.realpath(args.python)
        for i in range(page.tree.topLevelItemCount()):
            item = page.tree.topLevelItem(i)
            interp = item.data(0, 256)
            if os.path.realpath(interp.executable) == want and not interp.is_venv:
                page.tree.setCurrentItem(item)
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
    wait(app, wiz.pages[PageId.HARDWARE].isComplete, 60)
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
        review.src_custom.setChecked(True)
        review.custom.setText(f"http://127.0.0.1:{port}/simple")
    else:
        review.src_folder.setChecked(True)
        review.folder.setText(args.wheels)
    wait(app, review.isComplete, 10)
    shot("review")
    wiz.next()
    install = wiz.pages[PageId.INSTALL]
    if args.failure:
        wait(app, lambda: install.failed_at is not None and not install.is_running(), 300)
        shot("install")
        return 0
    install.log.toggle.setChecked(True)
    wait(app, lambda: install.current >= 2, 300)
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


if __name__ == "__main__":
    sys.exit(main())
