"""The window fits the screen's free area at every size and scale: at 1366×768 with 125 % and at
1920×1080 with 200 %, every page keeps Next (Install) and Cancel on the screen, the last one Finish;
long pages scroll instead of growing the window. Install runs against the scripted runner and the Demo
shows a recorded GPU run, so every page is as long as it gets without installing anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.gui.window import PageId

ROOT = Path(__file__).resolve().parent.parent

WALK = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QWizard
app = QApplication([])
from wizard.i18n import Translations
from wizard.gui.window import PageId, SetupWizard
from tests.conftest import base_python, select_interpreter

class Bot:  # the little of pytest-qt's qtbot that select_interpreter uses
    def waitUntil(self, cond, timeout=5000):
        import time
        end = time.monotonic() + timeout / 1000
        while not cond():
            app.processEvents()
            if time.monotonic() > end:
                raise TimeoutError
            time.sleep(0.01)

tmp = Path(sys.argv[2])
t = Translations(app); t.switch(sys.argv[1])
w = SetupWizard(t, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), data_dir=tmp / "data")
w.show()
bot = Bot()
out = []

def record():
    for _ in range(20):
        app.processEvents()
    free = w.screen().availableGeometry()
    buttons = {}
    for name, which in (("next", QWizard.WizardButton.NextButton), ("commit", QWizard.WizardButton.CommitButton),
                        ("cancel", QWizard.WizardButton.CancelButton), ("finish", QWizard.WizardButton.FinishButton)):
        b = w.button(which)
        if b.isVisible():
            top_left = b.mapToGlobal(b.rect().topLeft())
            buttons[name] = [top_left.x(), top_left.y(), b.width(), b.height()]
    g = w.frameGeometry()
    out.append({"page": w.currentId(), "free": [free.x(), free.y(), free.width(), free.height()],
                "window": [g.x(), g.y(), g.width(), g.height()], "buttons": buttons})

w.start_background_detection()
record()
w.next()
select_interpreter(bot, w, base_python())
record()
w.next()
w.pages[PageId.MANAGER].folder.setText(str(tmp / "env"))
bot.waitUntil(w.pages[PageId.MANAGER].isComplete)
record()
w.next()
bot.waitUntil(w.pages[PageId.HARDWARE].isComplete, 30000)
record()
w.next()
review = w.pages[PageId.REVIEW]
review.commands_toggle.setChecked(True)  # the longest Review: commands shown
review.src_folder.setChecked(True)
review.folder.setText(str(tmp))
record()
# Install, Demo and Finish: the install against the scripted runner, the demo from a recorded GPU run
from tests.test_session import OK_VERIFY, ScriptedRunner, make_venv
review.src_index.setChecked(True)
review.commands_toggle.setChecked(False)
bot.waitUntil(review.isComplete, 20000)
install = w.pages[PageId.INSTALL]
install.ensure_session(runner=ScriptedRunner({"create-venv": make_venv, "verify": ([OK_VERIFY], 0)}))
w.next()
bot.waitUntil(lambda: install.succeeded, 20000)
install.log.toggle.setChecked(True)
record()
demo = w.pages[PageId.DEMO]
demo.run_demo = lambda: None
w.next()
demo.device.addItem("cuda:0 — NVIDIA H200", "cuda:0")
demo.device.setCurrentIndex(demo.device.count() - 1)
demo.show_recorded(Path("tests/fixtures/gpu/h200-device-run/demo_cuda_converted.txt").read_text(encoding="utf-8"))
record()
w.next()
finish = w.pages[PageId.FINISH]
finish.vscode, finish.jupyter = "/usr/bin/code", ["jupyter-lab"]  # every button shown
finish.retranslate()
finish.details_toggle.setChecked(True)  # the longest Finish: the terminal commands shown
record()
print("FIT " + json.dumps(out))
"""

PAGES = (
    PageId.WELCOME, PageId.PYTHON, PageId.MANAGER, PageId.HARDWARE, PageId.REVIEW,
    PageId.INSTALL, PageId.DEMO, PageId.FINISH,
)  # fmt: skip

SCREENS = {
    "1366x768@125": (1366, 768, "1.25"),
    "1920x1080@200": (1920, 1080, "2"),
    "1024x768@100": (1024, 768, "1"),
}


def _inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_window_fits_the_screen(tmp_path: Path, screen: str, lang: str) -> None:
    width, height, scale = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": screen, "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}]}
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
        "PYTHONUTF8": "1",
        "HOME": str(tmp_path),  # the default folder and settings of a new learner
    }
    r = subprocess.run(
        [sys.executable, "-c", WALK, lang, str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=240,
        env=env,
        cwd=ROOT,
    )
    line = next((x for x in r.stdout.splitlines() if x.startswith("FIT ")), None)
    assert line, r.stdout[-2000:] + r.stderr[-3000:]
    pages = json.loads(line[4:])
    assert [p["page"] for p in pages] == [int(pid) for pid in PAGES]
    for p in pages:
        free = p["free"]
        assert free[2] == round(width / float(scale)) and free[3] == round(height / float(scale))
        # the window, with room for a title bar and a taskbar of 40 logical pixels
        assert p["window"][2] <= free[2] and p["window"][3] <= free[3] - 40, p
        if p["page"] == int(PageId.FINISH):
            assert "finish" in p["buttons"], p  # the last page has Finish and no Cancel
        else:
            assert "cancel" in p["buttons"] and ("next" in p["buttons"] or "commit" in p["buttons"]), p
        for rect in p["buttons"].values():
            assert _inside(rect, free), p
