"""Smaller parts of the learner's path: the start on a minimal Linux, the Chinese font check, build names
made when shown, the same size on every page, a stable Python list, asking before pytorch-env-2, and Cancel
after a failure naming the unfinished folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from tests.conftest import base_python, walk_to_review
from wizard import app as wizard_app
from wizard.core import interpreters
from wizard.gui.window import PageId, SetupWizard

ROOT = Path(__file__).resolve().parent.parent


# -- a minimal Linux without the xcb libraries ------------------------------------------------------
def test_debian_package_names() -> None:
    assert wizard_app.debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert wizard_app.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert wizard_app.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert wizard_app.debian_package("libEGL.so.1") == "libegl1"


def test_missing_xcb_libraries_found_by_loading_and_by_name(tmp_path: Path) -> None:
    def load(path: str) -> None:
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    def find(name: str) -> str | None:
        return None if name == "xcb-keysyms" else f"lib{name}.so"

    env = {"DISPLAY": ":0"}
    if not sys.platform.startswith("linux"):
        assert wizard_app.missing_xcb_libraries(env, find=find, load=load) == []
        return
    assert wizard_app.missing_xcb_libraries(env, find=find, load=load) == [
        "libxcb-cursor.so.0",
        "libxcb-keysyms.so.1",
    ]
    # the plugin loads: all it is linked with is there, whatever a lookup by name would say
    assert wizard_app.missing_xcb_libraries({"DISPLAY": ":0"}, find=find, load=lambda p: None) == []
    # offscreen or Wayland: xcb is not used, nothing is missing
    assert wizard_app.missing_xcb_libraries({"QT_QPA_PLATFORM": "offscreen"}, find=find, load=load) == []
    assert (
        wizard_app.missing_xcb_libraries(
            {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"},
            find=find,
            load=load,
        )
        == []
    )


@pytest.mark.parametrize("lang, words", [("en_US.UTF-8", "sudo apt install"), ("zh_CN.UTF-8", "Debian")])
def test_start_without_xcb_libraries_names_the_package(lang: str, words: str) -> None:
    """The real start (a child process), with the check's answer forced: no Qt crash text, our message."""
    code = (
        "import sys, wizard.app as a\n"
        "a.missing_xcb_libraries = lambda: ['libxcb-cursor.so.0']\n"
        "sys.exit(a.main(['torch-setup-wizard']))\n"
    )
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "PYTHONUTF8": "1", "QT_QPA_PLATFORM": "xcb"}
    env.pop("LC_MESSAGES", None)
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        env=env,
        cwd=ROOT,
    )
    assert r.returncode == 3
    assert "sudo apt install libxcb-cursor0" in r.stderr
    assert words in r.stderr
    assert "Could not load the Qt platform plugin" not in r.stderr
    if lang.startswith("zh"):
        assert "向导" in r.stderr or "pending" in str(list((ROOT / "resources").rglob("path.json")))


# -- Chinese needs a Chinese font ---------------------------------------------------------------------
@pytest.mark.parametrize("has_font", [True, False])
def test_chinese_without_a_chinese_font_is_said(
    wiz: SetupWizard, monkeypatch: pytest.MonkeyPatch, has_font: bool
) -> None:
    import wizard.i18n

    monkeypatch.setattr(wizard.i18n, "has_cjk_font", lambda: has_font)
    welcome = wiz.pages[PageId.WELCOME]
    welcome.language.setCurrentIndex(welcome.language.findData("zh_CN"))
    assert welcome.font_warning.isVisibleTo(welcome) is (not has_font)
    if not has_font:
        assert "fonts-noto-cjk" in welcome.font_warning.text()
    welcome.language.setCurrentIndex(welcome.language.findData("en"))
    assert not welcome.font_warning.isVisibleTo(welcome)


def test_has_cjk_font_asks_qt(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFontDatabase

    from wizard.i18n import has_cjk_font

    assert has_cjk_font() is bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


# -- build names, sizes ---------------------------------------------------------------------------------
def test_build_names_are_made_when_shown(wiz: SetupWizard) -> None:
    from tests.test_path_support import PendingTranslator
    from wizard.gui.common import variant_text
    from wizard.gui.summary import compute_platform

    assert variant_text("cu130") == "NVIDIA CUDA 13.0"
    assert variant_text("rocm7.2") == "AMD ROCm 7.2"
    assert variant_text("cpu") == "CPU only"
    assert compute_platform("cu132") == "CUDA 13.2" and compute_platform("cpu") == "CPU"
    pending = PendingTranslator()
    app: Any = wiz.translations._app
    app.installTranslator(pending)
    try:
        wiz.set_language("zh_CN")
        assert variant_text("cpu") == "仅 CPU"
        assert "CUDA 13.0" in variant_text("cu130") and variant_text("cu130") != "NVIDIA CUDA 13.0"
    finally:
        wiz.set_language("en")
        app.removeTranslator(pending)


def test_one_size_for_the_cpu_download_on_every_page(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    review = walk_to_review(qtbot, wiz, tmp_path / "env")
    assert wiz.state.variant == "cpu"
    size = re.compile(r"\d+(?:\.\d)? [KMG]B")
    welcome_text = wiz.pages[PageId.WELCOME].cost.text()
    hardware_text = wiz.pages[PageId.HARDWARE].choice.text()
    review_text = review.sizes.text()
    cpu_download = size.findall(welcome_text)[0]
    assert size.findall(hardware_text)[0] == cpu_download, hardware_text
    assert size.findall(review_text)[0] == cpu_download, review_text


# -- the Python list keeps its order ------------------------------------------------------------------------
def test_python_list_order_does_not_depend_on_the_order_probes_finish(
    qtbot: QtBot, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from wizard.i18n import Translations

    found = [interpreters.probe(interpreters.Candidate(path=base_python(), source="pyenv"))]
    for exe in sorted((Path.home() / ".pyenv" / "versions").glob("3.*/bin/python3")):
        interp = interpreters.probe(interpreters.Candidate(path=str(exe), source="pyenv"))
        if not interp.error and all(
            os.path.realpath(interp.executable) != os.path.realpath(f.executable) for f in found
        ):
            found.append(interp)
    if len(found) < 3:
        pytest.skip("needs three Pythons")
    orders = []
    for run in (found, list(reversed(found)), found[1:] + found[:1]):

        def detect(on_result: Any = None, _run: list[Any] = run, **_kw: Any) -> list[Any]:
            for interp in _run:
                if on_result:
                    on_result(interp)
            return list(_run)

        monkeypatch.setattr(interpreters, "detect", detect)
        window = SetupWizard(Translations(QApplication.instance()), settings, data_dir=tmp_path / "d")  # type: ignore[arg-type]
        qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_leaving_done", True))  # no question at teardown
        window.show()
        window.next()
        page = window.pages[PageId.PYTHON]
        qtbot.waitUntil(lambda p=page: not p.detecting, timeout=10000)
        orders.append([i.path for i in page.all()])
        window.close()
    assert orders[0] == orders[1] == orders[2]
    verdicts = [
        interpreters.assess(i, wiz_data()) for i in [next(f for f in found if f.path == p) for p in orders[0]]
    ]
    suitable = [v.suitable for v in verdicts]
    assert suitable == sorted(suitable, reverse=True)  # usable ones first


def wiz_data() -> Any:
    from wizard.core import releases

    return releases.load()


# -- asking before pytorch-env-2 ----------------------------------------------------------------------------
@pytest.mark.parametrize("earlier", ["finished", "not the wizard's"])
def test_rerun_asks_before_making_pytorch_env_2(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, earlier: str
) -> None:
    from tests.test_pages import go_to
    from wizard.core import journal

    home = tmp_path / "home"
    (home / "pytorch-env").mkdir(parents=True)
    (home / "pytorch-env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    if earlier == "finished":
        (home / "pytorch-env" / journal.MARKER).write_text(
            '{"created_by": "Torch Setup Wizard", "format": 2}'
        )
    monkeypatch.setenv("HOME", str(home))
    go_to(qtbot, wiz, PageId.MANAGER)
    page = wiz.pages[PageId.MANAGER]
    if earlier == "finished":
        assert page.earlier_panel.isVisibleTo(page)
        assert str(home / "pytorch-env") in page.earlier.text()
        assert page.folder.text() == ""  # nothing chosen for the learner
        qtbot.wait(400)
        assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
        page.use_new.click()
    else:
        assert not page.earlier_panel.isVisibleTo(page)
    assert page.folder.text() == str(home / "pytorch-env-2")
    qtbot.waitUntil(page.isComplete, timeout=3000)
    assert (home / "pytorch-env" / "pyvenv.cfg").exists()


# -- Cancel after a failure ---------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["Keep it and quit", "Stay"])
def test_cancel_after_a_failure_names_the_unfinished_folder(
    wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    from tests.test_failures_gui import failed_install_page

    page = failed_install_page(wiz, tmp_path, "ERROR: something failed\n")
    env = tmp_path / "env"
    env.mkdir()
    (env / "pyvenv.cfg").write_text("home = /usr/bin\n")
    wiz.state.env_dir = str(env)
    seen: dict[str, str] = {}

    def exec_(box: QMessageBox) -> int:
        seen["text"] = box.text()
        for b in box.buttons():
            if b.text() == answer:
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert page.failed_at is not None
    closed = wiz._confirm_leave()
    assert str(env) in seen["text"]
    assert closed is (answer != "Stay")
    assert env.exists()
