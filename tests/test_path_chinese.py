"""No English in the Chinese UI: every page from Welcome to Finish in zh_CN, in the states a learner sees
(the Install page while it runs, after a failure with its diagnosis buttons, after success; the Demo page
after a run), and Qt's own dialogs met on the way (file dialogs, message boxes, the proxy question). Each
is read widget by widget (labels, buttons, titles, tooltips, check boxes, group boxes, combo and list items,
the prose of rich text, words painted by hand) against a list of names that stay as they are (PyTorch,
CUDA, pip, Python, ...). Code shown as code, program output and paths are not words to translate.

The install runs against a scripted process runner (tests/test_session.py) and the demo shows a recorded
run (tests/fixtures/gpu): no torch is installed, the whole walk takes a few seconds."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTextEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from tests.conftest import base_python, conda_review, select_interpreter
from tests.test_path_support import PendingTranslator, english_words, visible_texts
from tests.test_session import OK_VERIFY, ScriptedRunner, make_venv
from wizard.core.plan import StepId
from wizard.gui.window import PageId, SetupWizard
from wizard.runner import ProcessResult

FIXTURES = Path(__file__).parent / "fixtures"
RECORD = FIXTURES / "gpu" / "h200-device-run" / "demo_cuda_converted.txt"
OFFLINE_LOG = FIXTURES / "logs" / "network-offline.pip26-dns-index.log"
PIP_LINES = [
    "Collecting torch==2.13.0",
    "Downloading torch-2.13.0%2Bcpu-cp311-cp311-manylinux_2_28_x86_64.whl (191.8 MB)",
    "Progress 50000000 of 191800000",
]


@pytest.fixture
def chinese(wiz: SetupWizard, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[SetupWizard]:
    import wizard.i18n

    monkeypatch.setattr(wizard.i18n, "has_cjk_font", lambda: True)  # the font check has its own test
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # file dialogs open here; shortcuts would go here
    (tmp_path / "home").mkdir()
    # the real catalogue (resources/translations/*.qm), as the learner gets it: a string that lupdate
    # cannot find in the code (it was called through an alias of translate) stays English there
    welcome = wiz.pages[PageId.WELCOME]
    welcome.language.setCurrentIndex(welcome.language.findData("zh_CN"))
    yield wiz


def _prose_blocks(edit: QTextEdit) -> list[str]:
    """The paragraphs of a rich text view that are not code: <pre> blocks are code shown as code."""
    out = []
    block = edit.document().begin()
    while block.isValid():
        if not block.blockFormat().nonBreakableLines() and block.text().strip():
            out.append(block.text())
        block = block.next()
    return out


def all_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every string a learner can see in ``root``: what ``visible_texts`` reads, and tooltips, list items,
    progress bar texts, the prose of rich text views and the words a widget paints itself."""
    found = visible_texts(root)
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        name = f"{type(w).__name__}({w.objectName()})"
        if w.toolTip():
            found.append((name + ".tooltip", w.toolTip()))
        if isinstance(w, QListWidget):
            found += [(name + ".item", w.item(i).text()) for i in range(w.count())]
        elif isinstance(w, QProgressBar) and w.isTextVisible():
            found.append((name + ".text", w.text()))
        elif isinstance(w, QTextEdit) and not isinstance(w, QPlainTextEdit):
            found += [(name + ".prose", t) for t in _prose_blocks(w)]
        painted = getattr(w, "painted_texts", None)
        if callable(painted):
            found += [(name + ".painted", t) for t in painted()]
        if isinstance(w, QWizard) and w.currentPage() is not None:
            found.append((name + ".page title", w.currentPage().title()))
            found.append((name + ".page subtitle", w.currentPage().subTitle()))
    return [(where, text) for where, text in found if text]


# Not words to translate: names of things that are code or addresses, written inside Chinese prose.
NAMES = re.compile(
    r"\b[\w.]+\(\)"  # a function shown as code: backward(), optimizer.zero_grad()
    r"|\b(?:cuda|cpu|mps|xpu):\d+\b"  # a device as PyTorch names it: cuda:0
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|ai|io|net|edu|cn)\b"  # a web address without https://: pytorch.org
    r"|\b[\w-]+\.(?:conf|ini|cfg|cmd|command|desktop|sh|bat)\b"  # a file name: pip.conf, open-terminal.sh
    r"|[A-Za-z][A-Za-z ]*(?: › [A-Za-z][A-Za-z ]*)+"  # a menu of a program that is in English: File › Shut Down
    r"|“(?:pip|conda|python) [^”]*”"  # a command, quoted: “pip install torch”
    r"|“auto”"  # a word typed as it is: the kit's target for this computer
)
PRODUCTS = {
    "PyCharm",
    "NaN",
    "Mac",
}  # more names that stay as they are (NaN: "not a number", as PyTorch prints it)


def english_in(widget: QWidget) -> list[str]:
    bad = []
    for where, text in all_texts(widget):
        if where.startswith("QComboBox") and text == "English":
            continue  # the language list names each language in its own words
        words = english_words(NAMES.sub(" ", text), PRODUCTS)
        if words:
            bad.append(f"{where}: {words} in {text[:160]!r}")
    return bad


def dialog_texts(qtbot: QtBot, open_it: Callable[[], object], kind: type[QDialog]) -> list[str]:
    """Open a dialog for real (Qt's own), read it, close it: the English found, and "<seen>"."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, look)
            return
        qtbot.wait(200)  # a file dialog's folder view fills in
        seen.extend(english_in(dialog))
        seen.append("<seen>")
        dialog.reject()

    QTimer.singleShot(50, look)
    open_it()
    return seen


def check_dialog(
    problems: dict[str, list[str]],
    name: str,
    qtbot: QtBot,
    open_it: Callable[[], object],
    kind: type[QDialog],
) -> None:
    found = dialog_texts(qtbot, open_it, kind)
    assert "<seen>" in found, f"{name} did not open"
    problems[name] = [f for f in found if f != "<seen>"]


class HeldRunner(ScriptedRunner):
    """The scripted runner whose held step can also end well (``release``), not only be cancelled."""

    def release(self) -> None:
        self.hold = None
        step = self._steps[self._index]
        lines, code = self.script.get(str(step.id), ([], 0))
        for text in lines:
            self.line.emit(self._index, text)
        self._end(step, ProcessResult(step.program, list(step.args), exit_code=code, tail=list(lines)))


def _walk_to_review(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, problems: dict[str, list[str]]) -> Any:
    qtbot.waitUntil(lambda: wiz.windowTitle() == "PyTorch 安装向导", timeout=3000)
    problems["welcome"] = english_in(wiz)
    wiz.start_background_detection()
    wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    problems["python"] = english_in(wiz)
    check_dialog(problems, "python file dialog", qtbot, wiz.pages[PageId.PYTHON]._on_browse, QFileDialog)
    wiz.next()
    manager = wiz.pages[PageId.MANAGER]
    manager.folder.setText(str(tmp_path / "新环境"))
    qtbot.waitUntil(manager.isComplete, timeout=5000)
    problems["manager"] = english_in(wiz)
    check_dialog(problems, "folder dialog", qtbot, manager._on_browse, QFileDialog)
    wiz.next()
    hardware = wiz.pages[PageId.HARDWARE]
    qtbot.waitUntil(hardware.isComplete, timeout=30000)
    problems["hardware"] = english_in(wiz)
    hardware.advanced.setChecked(True)
    problems["hardware, builds list"] = english_in(wiz)
    hardware.advanced.setChecked(False)
    wiz.next()
    review = wiz.pages[PageId.REVIEW]
    review.commands_toggle.setChecked(True)
    problems["review"] = [p for p in english_in(wiz) if "CopyableText" not in p]
    review.src_folder.setChecked(True)
    review.folder.setText(str(tmp_path))
    problems["review, wheel folder"] = english_in(wiz)
    check_dialog(problems, "wheel folder dialog", qtbot, review._on_browse, QFileDialog)
    review.src_index.setChecked(True)
    review.commands_toggle.setChecked(False)
    qtbot.waitUntil(review.isComplete, timeout=20000)  # offline: "install anyway" after the server check
    return review


def test_every_page_is_chinese(qtbot: QtBot, chinese: SetupWizard, tmp_path: Path) -> None:
    wiz = chinese
    problems: dict[str, list[str]] = {}
    _walk_to_review(qtbot, wiz, tmp_path, problems)

    # -- Install: a failure with its diagnosis buttons -----------------------------------------------
    install = wiz.pages[PageId.INSTALL]
    failing = OFFLINE_LOG.read_text(encoding="utf-8").splitlines()
    runner = HeldRunner({"create-venv": make_venv, "install-torch": (failing, 1), "verify": ([OK_VERIFY], 0)})
    install.ensure_session(runner=runner)
    wiz.next()
    assert wiz.currentId() == PageId.INSTALL
    qtbot.waitUntil(lambda: install.failed_at is not None and not install.is_running(), timeout=10000)
    assert {"retry", "set-proxy", "use-wheel-folder"} <= set(install.action_buttons)
    install.log.toggle.setChecked(True)
    problems["install, failed"] = english_in(wiz)
    check_dialog(problems, "proxy question", qtbot, install.action_buttons["set-proxy"].click, QInputDialog)
    check_dialog(
        problems, "wheel folder dialog (install)", qtbot, install.action_buttons["use-wheel-folder"].click,
        QFileDialog,
    )  # fmt: skip
    check_dialog(problems, "disk space box", qtbot, install.show_space, QMessageBox)

    # -- Install: running (a download half done), the quit question, then success -----------------------
    runner.script["install-torch"] = (PIP_LINES, 0)
    runner.hold = StepId.INSTALL_TORCH
    install.do_action("retry")
    session = install.ensure_session()
    qtbot.waitUntil(lambda: runner.ran.count(StepId.INSTALL_TORCH) == 2, timeout=5000)  # held there
    for line in PIP_LINES:
        runner.line.emit(runner._index, line)
    qtbot.waitUntil(lambda: install.last is not None and install.last.done_bytes > 0, timeout=3000)
    problems["install, running"] = english_in(wiz)
    check_dialog(
        problems, "quit question", qtbot, wiz.button(QWizard.WizardButton.CancelButton).click, QMessageBox
    )
    assert session.is_running()  # "no" to the question: the install goes on
    runner.release()
    qtbot.waitUntil(lambda: install.succeeded, timeout=10000)
    problems["install, done"] = english_in(wiz)
    check_dialog(problems, "save report dialog", qtbot, wiz.save_report, QFileDialog)

    # -- Demo: a failed run, then a GPU run that went well (recorded output) ---------------------------
    demo = wiz.pages[PageId.DEMO]
    demo.run_demo = lambda: None  # type: ignore[method-assign]  # the recorded runs below stand in
    wiz.next()
    assert wiz.currentId() == PageId.DEMO
    demo.device.addItem("cuda:0 — NVIDIA H200", "cuda:0")
    demo.device.setCurrentIndex(demo.device.count() - 1)
    recorded = RECORD.read_text(encoding="utf-8")
    nan_run = "\n".join(recorded.splitlines()[:10])  # four training steps, then the numbers blow up
    nan_run += '\nWIZARD-DEMO {"event": "failure", "code": "not_finite", "step": 5, "loss": "nan"}'
    demo.show_recorded(nan_run, exit_code=1)
    assert demo.failure == "not_finite"
    problems["demo, failed"] = english_in(wiz)
    demo.show_recorded(recorded)
    assert demo.succeeded
    demo.curve.finish_animation()
    problems["demo"] = english_in(wiz)

    # -- Finish: every button shown, the details open, a program started ------------------------------
    wiz.next()
    finish = wiz.pages[PageId.FINISH]
    assert wiz.currentId() == PageId.FINISH
    finish.launcher = lambda argv, cwd: True
    finish.vscode = "/usr/bin/code"
    finish.jupyter = [str(Path(wiz.state.env_dir) / "bin" / "jupyter-lab")]
    finish.retranslate()
    finish.details_toggle.setChecked(True)
    finish.start_jupyter.click()
    problems["finish"] = [p for p in english_in(wiz) if "CopyableText" not in p]

    left = {page: found for page, found in problems.items() if found}
    assert not left, "\n".join(f"{page}:\n  " + "\n  ".join(found) for page, found in left.items())


def test_the_checker_finds_english(qtbot: QtBot, wiz: SetupWizard) -> None:
    """The check itself can fail: the English Welcome page is full of English words, and each kind of
    text it reads (a tooltip, a list item, rich text prose, painted words) is read."""
    assert english_in(wiz)
    assert english_words("下载大约 310.0 MB，需要 PyTorch 和 CUDA 13.0") == []
    assert english_words("Look in:") == ["Look", "in"]
    from wizard.gui.losscurve import LossCurve

    box = QWidget()
    qtbot.addWidget(box)
    box.setToolTip("中文")
    items = QListWidget(box)
    items.addItem("Create the environment")
    prose = QTextEdit(box)
    prose.setHtml("<p>Read the code</p><pre>x = torch.tensor([1, 2, 3])</pre>")
    curve = LossCurve(box)
    box.show()
    where = {w.split(":")[0] for w in english_in(box)}
    assert where == {"QListWidget().item", "QTextEdit().prose", "LossCurve().painted"}, where
    box.setToolTip("Copy")
    assert any(w.startswith("QWidget().tooltip") for w in english_in(box))
    assert "training step (0 to 100)" in curve.painted_texts()


# -- words a 15-year-old follows on the Hardware page ----------------------------------------------------
JARGON = re.compile(r"package index|CPU index|index|软件包索引|CPU 索引|索引", re.IGNORECASE)


def test_the_hardware_page_says_where_pytorch_comes_from_in_plain_words(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    """No "standard package index" / "标准软件包索引": the reasons for the build on every kind of computer
    say "a plain pip install torch" and "PyTorch's own download server", in both languages; the exact
    address and packages are behind the Details toggle."""
    from tests.test_builds import CASES
    from wizard.core import builds

    pending = PendingTranslator()
    app = QApplication.instance()
    try:
        for lang in ("en", "zh_CN"):
            wiz.set_language(lang)
            if lang == "zh_CN":
                app.installTranslator(pending)
            for name, (machine, *_rest) in CASES.items():
                rec = builds.recommend(machine)
                words = [*rec.worded("reason"), *rec.worded("warning"), *rec.worded("alternative")]
                jargon = [w for w in words if JARGON.search(w)]
                assert not jargon, f"{lang}, {name}: {jargon}"
            plain = " ".join(builds.recommend(CASES["linux-no-gpu"][0]).reasons)
            assert ("PyTorch's own download server" if lang == "en" else "PyTorch 自己的下载服务器") in plain
        app.removeTranslator(pending)
        wiz.set_language("en")
        wiz.start_background_detection()
        wiz.next()
        select_interpreter(qtbot, wiz, base_python())
        wiz.next()
        wiz.pages[PageId.MANAGER].folder.setText(str(tmp_path / "env"))
        qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
        wiz.next()
        hardware = wiz.pages[PageId.HARDWARE]
        qtbot.waitUntil(hardware.isComplete, timeout=30000)
        assert not JARGON.search(hardware.choice.text()), hardware.choice.text()
        assert hardware.details_toggle.isVisibleTo(hardware) and not hardware.details.isVisibleTo(hardware)
        hardware.details_toggle.click()
        assert hardware.details.isVisibleTo(hardware)
        rec = hardware.recommendation
        assert rec is not None and rec.index_url and rec.index_url in hardware.details.text()
        assert f"torch=={rec.torch}" in hardware.details.text()
    finally:
        app.removeTranslator(pending)


@pytest.mark.local_index
def test_the_live_index_answer_that_comes_while_the_learner_is_away_is_used(
    qtbot: QtBot, chinese: SetupWizard, tmp_path: Path
) -> None:
    """The Hardware page starts reading the index; the learner goes Back before the answer comes. The
    answer must still be used when they come back (it was dropped, and the page stayed on the bundled
    list). A language switch on the way neither drops it nor reads the index again."""
    wiz = chinese
    wiz.start_background_detection()
    wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    wiz.next()
    wiz.pages[PageId.MANAGER].folder.setText(str(tmp_path / "env"))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
    qtbot.waitUntil(lambda: wiz.hardware_detector.report is not None, timeout=30000)
    hardware = wiz.pages[PageId.HARDWARE]
    wiz.next()  # the report is there: the page decides and starts reading the index at once ...
    assert wiz.currentId() == PageId.HARDWARE and hardware._index_reader is not None
    wiz.back()  # ... and the learner leaves in the same moment, before any answer can come
    reader = hardware._index_reader
    qtbot.waitUntil(lambda: reader.result is not None, timeout=30000)
    assert getattr(wiz.state.data.source, "source", "") != "index"  # not used while away
    _switch(qtbot, wiz, "en")
    _switch(qtbot, wiz, "zh_CN")
    wiz.next()
    qtbot.waitUntil(hardware.isComplete, timeout=30000)
    assert hardware._index_reader is reader
    assert getattr(wiz.state.data.source, "source", "") == "index"
    assert hardware.recommendation is not None and hardware.recommendation.torch == "2.17.0"


def _to_hardware(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> Any:
    wiz.start_background_detection()
    wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    wiz.next()
    wiz.pages[PageId.MANAGER].folder.setText(str(tmp_path / "env"))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
    wiz.next()
    hardware = wiz.pages[PageId.HARDWARE]
    qtbot.waitUntil(hardware.isComplete, timeout=30000)
    return hardware


def _switch(qtbot: QtBot, wiz: SetupWizard, lang: str) -> None:
    """The learner's switch (the Welcome page's list), then only the events it posts: no waiting for
    background work, so what is checked next is what the learner sees at once."""
    welcome = wiz.pages[PageId.WELCOME]
    welcome.language.setCurrentIndex(welcome.language.findData(lang))
    title = "PyTorch 安装向导" if lang == "zh_CN" else "PyTorch Setup Wizard"
    qtbot.waitUntil(lambda: wiz.windowTitle() == title, timeout=3000)
    QApplication.processEvents()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the stand-in nvidia-smi is the Linux tool")
def test_the_hardware_page_with_an_nvidia_gpu_is_chinese_and_follows_a_switch(
    qtbot: QtBot,
    chinese: SetupWizard,
    tmp_path: Path,
    standins_on_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An RTX 3060 (the stand-in nvidia-smi): the notes on what was found (the CUDA Toolkit) and the
    reasons for the build are Chinese; and when the learner switches language on the Hardware page, they
    follow at once, both ways, the build picked in the advanced list staying picked (they stayed English
    for as long as the hardware was detected again, and the screenshot caught them so)."""
    monkeypatch.setenv("STANDIN_NVIDIA_GPUS", "3060")
    monkeypatch.setenv("STANDIN_NVIDIA_DRIVER", "580.95.05")
    wiz = chinese
    hardware = _to_hardware(qtbot, wiz, tmp_path)
    rec = hardware.recommendation
    assert rec is not None and rec.variant and rec.variant.startswith("cu")  # the GPU was seen
    assert rec.reasons and hardware._report.notes  # reasons and notes to read
    assert english_in(wiz) == []

    _switch(qtbot, wiz, "en")
    assert "PyTorch can use your NVIDIA GPU" in hardware.choice.text()
    assert "CUDA Toolkit" in hardware.found.text()
    hardware.advanced.setChecked(True)
    cpu = next(i for i in range(hardware.builds.count()) if hardware.builds.itemData(i).variant == "cpu")
    hardware.builds.setCurrentIndex(cpu)
    english = hardware.builds.currentText()

    _switch(qtbot, wiz, "zh_CN")
    assert english_in(wiz) == []
    assert hardware.builds.currentData().variant == "cpu" and hardware.builds.currentText() != english
    assert wiz.state.variant == "cpu"
    hardware.advanced.setChecked(False)
    assert english_in(wiz) == []
    assert wiz.state.variant == rec.variant


CONDA_NAMES = {"Mac", "conda-forge", "pytorch-cpu", "pytorch-gpu"}  # names of a computer and of packages


def test_the_conda_routes_say_where_pytorch_comes_from_in_plain_words(wiz: SetupWizard) -> None:
    """The Review page's reason for the conda route (pip into the conda env, or conda-forge) on every
    kind of build: no "standard Python package index" / "PyTorch's own index" / "wheels", in both
    languages; PyTorch's own download server, or a plain “pip install torch” on a Mac."""
    from wizard.core import conda, releases

    data = releases.load()
    install = conda.CondaInstall("/opt/conda/bin/conda", "conda", "25.5.1", "/opt/conda", (), cuda="13.0")
    cases = [("mps", "macos"), ("cpu", "linux"), ("cpu", "windows"), ("cu130", "linux"), ("rocm7.2", "linux")]
    cases.append(("xpu", "windows"))
    plain = {
        "en": ("PyTorch's own download server", "“pip install torch”"),
        "zh_CN": ("PyTorch 自己的下载服务器", "“pip install torch”"),
    }
    try:
        for lang in ("en", "zh_CN"):
            wiz.set_language(lang)
            for variant, os_name in cases:
                reasons = [r for _route, r in conda.available_routes(install, variant, os_name, data)]
                assert len(reasons) >= 1
                for reason in reasons:
                    assert not re.search(r"index|wheel|索引", reason, re.IGNORECASE), (lang, variant, reason)
                    if lang == "zh_CN":
                        assert english_words(NAMES.sub(" ", reason), {*PRODUCTS, *CONDA_NAMES}) == [], reason
                assert any(p in reasons[0] for p in plain[lang]), (lang, variant, reasons[0])
    finally:
        wiz.set_language("en")


def test_the_conda_routes_follow_a_language_switch_on_the_review_page(qtbot: QtBot, wiz: SetupWizard) -> None:
    """The route list and its reason are worded again when the language changes on the Review page (they
    were made once, when the page opened, and stayed English in the Chinese conda screenshot)."""
    review = conda_review(wiz)
    review.route.setCurrentIndex(review.route.count() - 1)
    chosen = review.route.currentData()[0]
    english = [review.route.itemText(i) for i in range(review.route.count())]
    try:
        _switch(qtbot, wiz, "zh_CN")
        assert review.route.currentData()[0] == chosen  # the learner's choice stays
        for i in range(review.route.count()):
            label, (_route, reason) = review.route.itemText(i), review.route.itemData(i)
            assert label != english[i]
            for text in (label, reason):
                plain = NAMES.sub(" ", text.replace("conda install", " "))  # the command, named as it is
                assert english_words(plain, {*PRODUCTS, *CONDA_NAMES}) == [], text
    finally:
        _switch(qtbot, wiz, "en")


def test_the_start_up_question_the_login_and_the_kit_dialog_are_chinese(
    qtbot: QtBot, chinese: SetupWizard, tmp_path: Path
) -> None:
    """What a Chinese learner meets off the eight pages: the start-up question about an install cut short,
    the login it asks for again when that install's mirror had one (review_login.py), and the kit dialog
    ("Prepare PyTorch for other computers…") as it opens, with a folder of wheel files that has nothing for
    some computers, a computer typed wrong, Start without a folder, and a kit that could not be made."""
    from tests.test_review_wiring import _unfinished_with_login
    from wizard.gui.kit_dialog import KitDialog
    from wizard.gui.review_login import LoginDialog

    wiz = chinese
    problems: dict[str, list[str]] = {}
    qtbot.waitUntil(lambda: wiz.windowTitle() == "PyTorch 安装向导", timeout=3000)

    # -- the unfinished install: the question, then (Finish) the login; Cancel keeps it for later --------
    _unfinished_with_login(tmp_path, wiz.data_dir)
    seen: dict[str, list[str]] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox) and "unfinished question" not in seen:
            seen["unfinished question"] = english_in(dialog)
            finish = next(
                b for b in dialog.buttons() if dialog.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole
            )
            finish.click()
        elif isinstance(dialog, LoginDialog):
            dialog.password.setText("x")  # the Ok button is enabled, its words are the ones shown
            seen["login dialog"] = english_in(dialog)
            dialog.reject()
            return
        QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    assert wiz.check_unfinished() == "later"
    assert set(seen) == {"unfinished question", "login dialog"}, seen
    problems.update(seen)

    # -- the kit dialog, opened from the Welcome page ----------------------------------------------------
    welcome = wiz.pages[PageId.WELCOME]
    welcome.kit_button.click()
    dialog = welcome.kit_dialog
    assert isinstance(dialog, KitDialog) and dialog.isVisible()
    problems["kit dialog"] = english_in(dialog)
    empty = tmp_path / "no wheels"
    empty.mkdir()
    dialog.source.setCurrentIndex(dialog.source.findData("wheels"))
    dialog.source_text.setText(str(empty))
    dialog.source_text.editingFinished.emit()
    problems["kit dialog, a folder of wheel files"] = english_in(dialog)
    before = len(dialog.checked_names())
    dialog.other.setText("windows-py3.12")
    dialog.add_other.click()
    typed_wrong = dialog.status.text()
    assert typed_wrong and len(dialog.checked_names()) == before
    problems["kit dialog, a computer typed wrong"] = english_in(dialog)
    dialog.start.click()
    assert dialog.status.text() not in ("", typed_wrong)
    problems["kit dialog, Start without a folder"] = english_in(dialog)
    dialog.folder.setText(str(tmp_path / "kit"))
    dialog.set_checked(["linux-x86_64-py3.12-cpu"])
    dialog.start.click()
    qtbot.waitUntil(lambda: dialog.state in ("failed", "done"), timeout=30000)
    assert dialog.state == "failed"
    problems["kit dialog, failed"] = english_in(dialog)
    check_dialog(problems, "kit folder dialog", qtbot, dialog._browse, QFileDialog)
    dialog.close()

    left = {name: found for name, found in problems.items() if found}
    assert not left, "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in left.items())
