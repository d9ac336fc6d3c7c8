"""The learner's path with no dead ends: a wheel folder made for another Python is fixed on the Review page
with one click (no restart), and the default path reaches the demo's [5, 7, 9] in at most 7 clicks."""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWizard
from pytestqt.qtbot import QtBot

from tests.conftest import base_python, select_interpreter
from tests.test_path_support import ClickCounter
from wizard.core import interpreters
from wizard.gui.window import PageId, SetupWizard

PYENV = Path.home() / ".pyenv" / "versions"
CP = f"cp{sys.version_info[0]}{sys.version_info[1]}"


def other_python() -> str | None:
    """A suitable Python of another minor version than the tests' own (the mismatch)."""
    for folder in sorted(PYENV.glob("3.1[2-9]*"), reverse=True):
        exe = folder / "bin" / "python3"
        if exe.exists():
            interp = interpreters.probe(interpreters.Candidate(path=str(exe), source="pyenv"))
            if not interp.error and interp.version_info[:2] != sys.version_info[:2]:
                return str(exe)
    return None


def _walk_to_review_with(qtbot: QtBot, wiz: SetupWizard, python: str, env: Path) -> Any:
    wiz.start_background_detection()
    wiz.next()
    select_interpreter(qtbot, wiz, python)
    wiz.next()
    wiz.pages[PageId.MANAGER].folder.setText(str(env))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
    wiz.next()
    qtbot.waitUntil(wiz.pages[PageId.HARDWARE].isComplete, timeout=30000)
    wiz.next()
    assert wiz.currentId() == PageId.REVIEW
    return wiz.pages[PageId.REVIEW]


def _fake_wheel_folder(folder: Path) -> Path:
    """A small valid torch wheel made for this test run's Python only (the Review page checks that each
    wheel is a complete archive, so an empty file would be refused as damaged)."""
    from tests.localindex import make_wheel

    make_wheel(folder, "torch", "2.13.0+cpu", f"{CP}-{CP}-manylinux_2_28_x86_64")
    return folder


def test_wheel_folder_for_another_python_offers_a_one_click_switch(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    other = other_python()
    if other is None:
        pytest.skip("needs a second Python (3.12 or newer) besides the tests' own")
    review = _walk_to_review_with(qtbot, wiz, other, tmp_path / "env")
    assert wiz.state.python_version != sys.version_info[:2]
    review.src_folder.setChecked(True)
    review.folder.setText(str(_fake_wheel_folder(tmp_path / "wheels")))
    assert not review.isComplete()
    assert review.help_box.isVisibleTo(review)
    assert review.switch_python.isVisibleTo(review)
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert version in review.switch_python.text()
    qtbot.mouseClick(review.switch_python, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert wiz.currentId() == PageId.REVIEW  # no restart, no going back
    assert wiz.state.python_version == sys.version_info[:2]
    assert wiz.pages[PageId.PYTHON].selected().path == wiz.state.interpreter.path
    qtbot.waitUntil(review.isComplete, timeout=10000)  # the folder's quick check: milliseconds
    assert not review.help_box.isVisibleTo(review)
    assert wiz.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert wiz.state.interpreter.path in review.commands.text.toPlainText()


def test_no_switch_is_offered_when_no_python_fits(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    review = _walk_to_review_with(qtbot, wiz, base_python(), tmp_path / "env")
    folder = tmp_path / "wheels"
    folder.mkdir()
    (folder / "torch-2.13.0+cpu-cp39-cp39-manylinux_2_28_x86_64.whl").write_bytes(b"")  # no 3.9 is suitable
    review.src_folder.setChecked(True)
    review.folder.setText(str(folder))
    assert not review.isComplete()
    assert not review.switch_python.isVisibleTo(review)
    assert "3.9" not in review.help_text.text()


def test_torchvision_is_unticked_and_greyed_when_the_folder_lacks_it(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    review = _walk_to_review_with(qtbot, wiz, base_python(), tmp_path / "env")
    assert review.torchvision.isEnabled() and review.torchvision.isChecked()
    review.src_folder.setChecked(True)
    review.folder.setText(str(_fake_wheel_folder(tmp_path / "wheels")))
    assert not review.torchvision.isEnabled() and not review.torchvision.isChecked()
    assert review.torchvision_why.isVisibleTo(review)
    assert "torchvision=" not in review.commands.text.toPlainText()
    review.src_index.setChecked(True)  # the learner's choice comes back where torchvision can be had
    assert review.torchvision.isEnabled() and review.torchvision.isChecked()


def test_unreachable_download_server_is_said_before_install(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    """Offline (the tests are cut off from the world): the server check answers "unknown"."""
    review = _walk_to_review_with(qtbot, wiz, base_python(), tmp_path / "env")
    qtbot.waitUntil(lambda: review.help_box.isVisibleTo(review), timeout=20000)
    assert review.help_kind == "server-unreachable"
    for button in (review.retry, review.use_folder, review.use_mirror):
        assert button.isVisibleTo(review)
    assert wiz.button(QWizard.WizardButton.CommitButton).text() != "Install"  # "Install anyway"
    review.use_folder.click()
    assert review.src_folder.isChecked()
    review.src_index.setChecked(True)
    started = len(review.checker.started)
    review.retry.click()
    qtbot.waitUntil(lambda: len(review.checker.started) == started + 1, timeout=5000)


# -- real installs ------------------------------------------------------------------------------------


def _demo_result(wiz: SetupWizard) -> str:
    page = wiz.pages[PageId.DEMO]
    texts = [w.text() for w in page.findChildren(QLabel)]
    texts += [w.toPlainText() for w in page.findChildren(QTextBrowser)]
    return html.unescape(" ".join(texts))


def _walk_clicking_next(qtbot: QtBot, wiz: SetupWizard, clicks: ClickCounter, limit: int) -> None:
    """Click Next/Install (whatever the wizard offers) until the demo has shown its result."""
    while "[5, 7, 9]" not in _demo_result(wiz):
        assert clicks.count < limit + 1, f"more than {limit} clicks: {clicks.log}"
        page = wiz.currentPage()
        slow = wiz.currentId() in (PageId.INSTALL, PageId.DEMO)
        try:
            qtbot.waitUntil(
                lambda p=page: (
                    p.isComplete()
                    or "[5, 7, 9]" in _demo_result(wiz)
                    or getattr(p, "failed_at", None) is not None
                ),
                timeout=int(os.environ.get("WIZARD_TEST_SLOW_PAGE_MS", "900000")) if slow else 60000,
            )
        except Exception as exc:
            words = " | ".join(
                w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.text()
            )
            raise AssertionError(f"stuck on {page.title()!r} after {clicks.log}: {words[:3000]}") from exc
        if "[5, 7, 9]" in _demo_result(wiz):
            break
        if wiz.currentId() == PageId.HARDWARE:  # a learner reads the page while the index answers (no click)
            qtbot.waitUntil(lambda: getattr(wiz.state.data.source, "source", "") == "index", timeout=30000)
            qtbot.waitUntil(page.isComplete, timeout=30000)
        if getattr(page, "failed_at", None) is not None and not page.isComplete():
            words = " | ".join(
                w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.text()
            )
            outcome = getattr(page, "outcome", None)
            tail = "\n".join(outcome.result.tail[-25:]) if outcome is not None and outcome.result else ""
            steps = [" ".join(st.argv) for st in getattr(page, "steps", ())]
            raise AssertionError(f"the install failed after {clicks.log}: {words[:3000]}\n{steps}\n{tail}")
        which = QWizard.WizardButton.CommitButton if page.isCommitPage() else QWizard.WizardButton.NextButton
        clicks.click(wiz.button(which))
        QApplication.processEvents()


def _index_of_wheels(wheels: Path, root: Path) -> Path:
    """A PyTorch-style index (…/whl/cpu/<project>/index.html) of the wheels on disk, to serve on 127.0.0.1."""
    import re
    from urllib.parse import quote

    cpu = root / "whl" / "cpu"
    cpu.mkdir(parents=True)
    projects: dict[str, list[str]] = {}
    for wheel in sorted(wheels.glob("*.whl")):
        (cpu / wheel.name).symlink_to(wheel)
        project = re.sub(r"[-_.]+", "-", wheel.name.split("-")[0]).lower()
        projects.setdefault(project, []).append(wheel.name)
    for project, files in projects.items():
        (cpu / project).mkdir()
        links = "".join(f'<a href="/whl/cpu/{quote(f)}">{f}</a><br/>' for f in files)
        (cpu / project / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    return root


@pytest.fixture
def wheels_index(tmp_path: Path, torch_wheels: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from tests.localindex import serve_index

    with serve_index(_index_of_wheels(torch_wheels, tmp_path / "index")) as base:
        monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
        # pip itself comes from the "default index" (PyTorch's has no pip): the same stand-in here
        monkeypatch.setenv("PIP_INDEX_URL", f"{base}cpu/")
        # the wizard reads this stand-in as the PyTorch index, as it reads the real one: it has 2.13.0
        monkeypatch.setenv("TORCH_WIZARD_INDEX_BASE", base)
        monkeypatch.delenv("TORCH_WIZARD_OFFLINE", raising=False)
        yield base


@pytest.mark.e2e
def test_mismatched_wheel_folder_walks_to_success_without_a_restart(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, torch_wheels: Path
) -> None:
    other = other_python()
    if other is None:
        pytest.skip("needs a second Python (3.12 or newer) besides the tests' own")
    review = _walk_to_review_with(qtbot, wiz, other, tmp_path / "env")
    review.src_folder.setChecked(True)
    review.folder.setText(str(torch_wheels))
    assert not review.isComplete() and review.switch_python.isVisibleTo(review)
    review.switch_python.click()
    qtbot.waitUntil(review.isComplete, timeout=10000)  # the folder's quick check: milliseconds
    wiz.button(QWizard.WizardButton.CommitButton).click()
    install = wiz.pages[PageId.INSTALL]
    qtbot.waitUntil(lambda: install.isComplete() or install.failed_at is not None, timeout=900000)
    assert install.isComplete(), getattr(install, "result", None) and install.result.text()
    env_python = Path(wiz.state.env_dir) / "bin" / "python"
    assert env_python.exists()


@pytest.mark.e2e
def test_default_path_reaches_the_demo_in_seven_clicks(
    qtbot: QtBot, tmp_path: Path, settings: Any, wheels_index: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default path on this machine: its own Python, the default folder, the build chosen for it, the
    PyTorch download server (a stand-in on 127.0.0.1 serving the real CPU wheel). Needs the install
    session to run the default path end to end."""
    from wizard.core import releases
    from wizard.gui.state import WizardState
    from wizard.i18n import Translations

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    own = interpreters.probe(interpreters.Candidate(path=base_python(), source="pyenv"))

    def only_own(on_result: Any = None, **_kw: Any) -> list[Any]:
        if on_result:
            on_result(own)
        return [own]

    monkeypatch.setattr(interpreters, "detect", only_own)
    data = releases.load()
    data = data._replace(index_base=wheels_index, recommended="2.13.0")
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    window = SetupWizard(translations, settings, data_dir=tmp_path / "data", state=WizardState(data=data))
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_leaving_done", True))  # no question at teardown
    window.show()
    window.start_background_detection()
    clicks = ClickCounter(qtbot)
    _walk_clicking_next(qtbot, window, clicks, limit=7)
    assert clicks.count <= 7, clicks.log
