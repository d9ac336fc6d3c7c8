"""The Review page uses the core's checks before Install (issues 11, 12, 13): a damaged wheel folder, a kit
(a folder, a served address, one beside the app), the index's torchvision for the plan's torch, and a
login that was never stored, asked for again when an unfinished install is finished (window and command
line). Real fake wheels (tests/localindex.py), a real kit written with wizard/core/kit.py, a local index
on 127.0.0.1."""

from __future__ import annotations

import argparse
import functools
import hashlib
import http.server
import io
import os
import signal
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from tests.conftest import base_python
from tests.localindex import FakeRelease, make_wheel, serve_index, write_index
from wizard.core import interpreters, journal, kit, wheelverify
from wizard.core.plan import InstallRequest, PackageSource, SourceKind, build_plan
from wizard.core.secrets import mask_secrets
from wizard.gui import review_checks
from wizard.gui.window import PageId, SetupWizard

PY = f"{sys.version_info[0]}.{sys.version_info[1]}"
CP = f"cp{sys.version_info[0]}{sys.version_info[1]}"
LINUX_TAG = f"{CP}-{CP}-manylinux_2_28_x86_64"
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the fake wheels are tagged for Linux x86-64")


@functools.lru_cache(maxsize=1)
def _interpreter() -> interpreters.Interpreter:
    interp = interpreters.probe(interpreters.Candidate(path=base_python(), source="pyenv"))
    assert not interp.error
    return interp


@pytest.fixture
def cli_started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, Any]]:
    """The command line's install session does not run: each start is recorded, then ends as stopped
    (from the event loop, as a real session does)."""
    from wizard import session

    calls: list[tuple[Any, Any]] = []

    def start(self: Any, plan: Any, *, context: Any = None, resume: Any = None) -> None:
        calls.append((plan, resume))
        QTimer.singleShot(0, lambda: self.finished.emit(session.Outcome(session.OutcomeKind.STOPPED)))

    monkeypatch.setattr(session.InstallSession, "start", start)
    return calls


def _run_unfinished(args: argparse.Namespace) -> int:
    """``python -m wizard unfinished`` in this process; the Ctrl+C handlers it sets are put back after."""
    from wizard import installcli

    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        return installcli.run_unfinished(args)
    finally:
        for s, h in handlers.items():
            signal.signal(s, h)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, Any]]:
    """Install sessions do not run: each start is recorded as (plan, resume record)."""
    from wizard import session

    calls: list[tuple[Any, Any]] = []

    def start(self: Any, plan: Any, *, context: Any = None, resume: Any = None) -> None:
        calls.append((plan, resume))

    monkeypatch.setattr(session.InstallSession, "start", start)
    return calls


def open_review(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, *, index: str | None = None) -> Any:
    """The Review page for this Python on a CPU-only Linux computer, PyTorch 2.17.0 with torchvision
    0.31.0 (not 0.32.0, the local index's), without walking the pages before it."""
    st = wiz.state
    st.os_name = "linux"
    st.interpreter = _interpreter()
    st.env_dir = str(tmp_path / "env")
    st.variant, st.torch_version, st.torchvision_version = "cpu", "2.17.0", "0.31.0"
    st.source_index_url = index or "http://127.0.0.1:9/whl/cpu"
    wiz.setStartId(int(PageId.REVIEW))
    wiz.restart()
    assert wiz.currentId() == PageId.REVIEW
    return wiz.pages[PageId.REVIEW]


def wheel_folder(folder: Path, torch: str = "2.17.0+cpu", vision: str | None = "0.32.0+cpu") -> Path:
    make_wheel(folder, "torch", torch, LINUX_TAG)
    if vision:
        make_wheel(folder, "torchvision", vision, LINUX_TAG, [f"torch=={torch}"])
    for meta in folder.glob("*.metadata"):
        meta.unlink()
    return folder


def install_enabled(wiz: SetupWizard) -> bool:
    return bool(wiz.button(QWizard.WizardButton.CommitButton).isEnabled())


# -- 1. the wheel folder ------------------------------------------------------------------------------------
def test_a_cut_short_wheel_is_named_and_install_stays_off(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    page = open_review(qtbot, wiz, tmp_path)
    folder = wheel_folder(tmp_path / "stick")
    torch = next(folder.glob("torch-*.whl"))
    torch.write_bytes(torch.read_bytes()[:-40])  # the USB stick was pulled out too early
    page.src_folder.setChecked(True)
    page.folder.setText(str(folder))
    qtbot.waitUntil(lambda: torch.name in page.message.text(), timeout=5000)
    assert "cut short" in page.message.text()
    assert not page.isComplete() and not install_enabled(wiz)
    assert page.help_kind == "broken-wheel" and page.choose_folder.isVisibleTo(page)
    assert page.quick_checker.started and page.quick_checker.started[-1][0] == "quick"
    # "Choose another folder": a sound copy, and Install is possible again
    good = wheel_folder(tmp_path / "copied again")
    from PySide6.QtWidgets import QFileDialog

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(good))
        page.choose_folder.click()
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert torch.name not in page.message.text() and install_enabled(wiz)
    qtbot.waitUntil(lambda: "complete and undamaged" in page.sizes.text(), timeout=5000)  # every byte too


def test_a_checksum_that_differs_names_the_file(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    page = open_review(qtbot, wiz, tmp_path)
    folder = wheel_folder(tmp_path / "wheels")
    vision = next(folder.glob("torchvision-*.whl"))
    torch = next(folder.glob("torch-*.whl"))
    sums = f"{hashlib.sha256(torch.read_bytes()).hexdigest()}  {torch.name}\n{'0' * 64}  {vision.name}\n"
    (folder / "SHA256SUMS").write_text(sums, encoding="utf-8")
    page.src_folder.setChecked(True)
    page.folder.setText(str(folder))
    qtbot.waitUntil(lambda: vision.name in page.message.text(), timeout=5000)  # found by the deep pass
    assert "list of checksums" in page.message.text() and torch.name not in page.message.text()
    assert not page.isComplete() and page.help_kind == "broken-wheel"


def _big_wheel(folder: Path, megabytes: int) -> Path:
    """A valid torch wheel with one large stored member (hashing it takes a while)."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"torch-2.17.0+cpu-{LINUX_TAG}.whl"
    blob = os.urandom(1024 * 1024) * megabytes
    info = "torch-2.17.0+cpu.dist-info"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("torch/big.bin", blob)
        zf.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\nName: torch\nVersion: 2.17.0+cpu\n")
        zf.writestr(f"{info}/RECORD", f"torch/big.bin,,\n{info}/METADATA,,\n{info}/RECORD,,\n")
    path = folder / name
    path.write_bytes(buf.getvalue())
    (folder / "SHA256SUMS").write_text(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {name}\n")
    return path


def test_hashing_a_big_wheel_never_blocks_and_a_newer_folder_stops_it(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_review(qtbot, wiz, tmp_path)
    _big_wheel(tmp_path / "big", 48)
    real_sha = wheelverify.sha256_file
    hashing = threading.Event()

    def slow_sha(path: Path, cancel: Any = None) -> str:  # the real hash, then as slow as a 2 GB file
        hashing.set()
        digest = real_sha(path, cancel)
        for _ in range(1000):
            wheelverify._check_cancel(cancel)
            time.sleep(0.01)
        return digest

    monkeypatch.setattr(wheelverify, "sha256_file", slow_sha)
    page.src_folder.setChecked(True)
    began = time.perf_counter()
    page.folder.setText(str(tmp_path / "big"))
    assert time.perf_counter() - began < 0.3  # the quick look waits a few ms at most; the hash is elsewhere
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    qtbot.waitUntil(hashing.is_set, timeout=5000)
    qtbot.wait(300)  # the deep pass is hashing now
    assert page.deep_checker.is_busy() and page.checking.isVisibleTo(page)
    assert page.isComplete()  # the quick look found the file complete: Install may start meanwhile
    deep_big = page.deep_checker.running
    page.folder.setText(str(wheel_folder(tmp_path / "small")))  # another folder
    qtbot.waitUntil(lambda: deep_big in page.deep_checker.cancelled, timeout=3000)
    timer.stop()
    assert max(gaps) < 0.25, f"the GUI thread stalled {max(gaps):.3f} s"
    qtbot.waitUntil(lambda: "complete and undamaged" in page.sizes.text(), timeout=5000)
    assert page.isComplete() and not page.checking.isVisibleTo(page)


# -- 2. a kit ------------------------------------------------------------------------------------------------
def make_kit(root: Path, targets: dict[str, str], with_vision: bool = True) -> kit.Kit:
    """A kit written with wizard/core/kit.py: fake torch (and torchvision) wheels per target."""
    (root / "wheels").mkdir(parents=True)
    k = kit.Kit(root=str(root), made_at="2026-12-01T00:00:00Z")
    for name, tag in targets.items():
        t = kit.parse_target(name)
        label = "" if t.variant == "mps" else "+" + t.variant
        files = [make_wheel(root / "wheels", "torch", f"2.15.0{label}", tag)]
        if with_vision:
            files.append(
                make_wheel(root / "wheels", "torchvision", f"0.30.0{label}", tag, [f"torch==2.15.0{label}"])
            )
        for p in files:
            project, version = p.name.split("-")[:2]
            k.files[p.name] = kit.KitFile(
                p.name, p.stat().st_size, kit.sha256_of(p), [t.name], project, version
            )
        k.targets[t.name] = kit.KitTarget(
            t.name, t.os, t.arch, f"{t.python[0]}.{t.python[1]}", t.variant, f"2.15.0{label}",
            f"0.30.0{label}" if with_vision else None, [], [p.name for p in files], True,
        )  # fmt: skip
    for meta in (root / "wheels").glob("*.metadata"):
        meta.unlink()
    k.write_indexes()
    k.save()
    return k


HERE = f"linux-x86_64-py{PY}-cpu"
WIN = "windows-x86_64-py3.12-cpu"


def test_a_kit_folder_is_checked_and_installed_from_as_the_command_line_does(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    from wizard import installcli

    made = make_kit(tmp_path / "kit", {HERE: LINUX_TAG, WIN: "cp312-cp312-win_amd64"})
    page = open_review(qtbot, wiz, tmp_path)
    page.src_folder.setChecked(True)
    page.folder.setText(str(made.folder))
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert "every file matches kit.json" in page.sizes.text()
    assert page.kit_checker.started and page.kit_checker.started[-1][0] == str(made.folder)
    request = wiz.state.plan.request
    # the command line's --source kit:DIR gives the same source and pins
    build = argparse.Namespace(torch="2.17.0", torchvision="0.31.0", index_url=None)
    machine = page._machine()
    out = installcli.Out(as_json=True)
    source, torch, vision = installcli._source(f"kit:{made.folder}", build, machine, wiz.state.data, out)
    assert (request.source, request.torch, request.torchvision) == (source, torch, vision)
    commands = page.commands.text.toPlainText()
    assert f"--no-index --find-links {made.wheel_dir}" in commands
    assert "torch==2.15.0+cpu" in commands and "torchvision==0.30.0+cpu" in commands
    # a file of the kit damaged (same size, other bytes): named, Install off
    torch_file = next(made.wheel_dir.glob("torch-*manylinux*.whl"))
    data = bytearray(torch_file.read_bytes())
    data[20] ^= 0xFF
    torch_file.write_bytes(bytes(data))
    page.kit_checker.results.clear()
    page._update()
    qtbot.waitUntil(lambda: torch_file.name in page.message.text(), timeout=10000)
    assert "checksum" in page.message.text() and not page.isComplete()
    assert page.help_kind == "kit-broken" and page.choose_folder.isVisibleTo(page)


def test_a_kit_with_nothing_for_this_computer_says_what_it_has(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path
) -> None:
    made = make_kit(
        tmp_path / "kit", {WIN: "cp312-cp312-win_amd64", "macos-arm64-py3.12": "cp312-none-macosx_14_0_arm64"}
    )
    page = open_review(qtbot, wiz, tmp_path)
    page.src_folder.setChecked(True)
    page.folder.setText(str(made.wheel_dir))  # its wheels folder is recognised as the kit too
    qtbot.waitUntil(lambda: "nothing for this computer" in page.message.text(), timeout=10000)
    text = page.message.text()
    assert "Windows (64-bit), Python 3.12, CPU only" in text
    assert "Apple Silicon Macs, Python 3.12, Apple GPU (MPS)" in text
    assert f"Python {PY}" in text  # this computer, in words too
    assert not page.isComplete() and page.help_kind == "kit-nothing"


@pytest.fixture
def served_kit(tmp_path: Path) -> Iterator[tuple[kit.Kit, str]]:
    made = make_kit(tmp_path / "served", {HERE: LINUX_TAG})

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(made.folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield made, f"http://127.0.0.1:{httpd.server_address[1]}/simple"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_kit_address_typed_as_the_source_is_used_as_a_kit(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, served_kit: tuple[kit.Kit, str]
) -> None:
    _made, url = served_kit
    page = open_review(qtbot, wiz, tmp_path)
    page.src_custom.setChecked(True)
    page.custom.setText(url)
    page.custom.editingFinished.emit()
    qtbot.waitUntil(lambda: "every file matches kit.json" in page.sizes.text(), timeout=10000)
    commands = page.commands.text.toPlainText()
    assert f"--index-url {url}" in commands and "torch==2.15.0+cpu" in commands
    assert wiz.state.plan.request.source == PackageSource(SourceKind.CUSTOM_INDEX, index_url=url)


def test_a_kit_beside_the_app_is_chosen_for_the_learner(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "USB stick"
    made = make_kit(stick / "PyTorch-kit", {HERE: LINUX_TAG})
    monkeypatch.setattr(review_checks, "app_folder", lambda: stick)
    page = open_review(qtbot, wiz, tmp_path)
    qtbot.waitUntil(
        lambda: page.src_folder.isChecked() and page.folder.text() == str(made.folder), timeout=5000
    )
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert "--find-links" in page.commands.text.toPlainText()


# -- 3. torchvision on the index -------------------------------------------------------------------------
def test_a_torchvision_the_index_lacks_is_replaced_by_the_one_for_this_torch(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, started: list[Any]
) -> None:
    root = write_index(
        tmp_path / "index", [FakeRelease("2.17.0", "0.32.0", variants=("cpu",), pythons=(PY,))]
    )
    with serve_index(root) as base:
        page = open_review(qtbot, wiz, tmp_path, index=f"{base}cpu")
        qtbot.waitUntil(lambda: "torchvision==0.32.0+cpu" in page.commands.text.toPlainText(), timeout=10000)
        assert "torchvision==0.31.0" not in page.commands.text.toPlainText()
        assert "does not have torchvision 0.31.0" in page.message.text()
        assert page.torchvision.isChecked() and page.isComplete()
        wiz.next()
    assert wiz.currentId() == PageId.INSTALL
    assert started[-1][0].request.torchvision == "0.32.0+cpu"


def test_no_torchvision_for_this_torch_unticks_it_with_the_reason(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, started: list[Any]
) -> None:
    root = write_index(
        tmp_path / "index",
        [
            FakeRelease("2.17.0", None, variants=("cpu",), pythons=(PY,)),
            FakeRelease("2.16.0", "0.31.5", variants=("cpu",), pythons=(PY,)),  # for another torch
        ],
    )
    with serve_index(root) as base:
        page = open_review(qtbot, wiz, tmp_path, index=f"{base}cpu")
        qtbot.waitUntil(lambda: not page.torchvision.isChecked(), timeout=10000)
        assert not page.torchvision.isEnabled() and page.torchvision_why.isVisibleTo(page)
        assert "no torchvision 0.31.0, and none made for PyTorch 2.17.0" in page.torchvision_why.text()
        assert "torchvision==" not in page.commands.text.toPlainText()
        wiz.next()
    plan = started[-1][0]
    assert plan.request.torchvision is None and not any(
        "torchvision=" in a for s in plan.steps for a in s.args
    )


def test_install_waits_for_the_torchvision_answer(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, started: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real = review_checks.check_torchvision

    def slow(key: Any, cancelled: Any, progress: Any) -> Any:
        gate.wait(10)
        return real(key, cancelled, progress)

    root = write_index(
        tmp_path / "index", [FakeRelease("2.17.0", "0.32.0", variants=("cpu",), pythons=(PY,))]
    )
    with serve_index(root) as base:
        page = open_review(qtbot, wiz, tmp_path, index=f"{base}cpu")
        qtbot.waitUntil(lambda: page.vision is not None, timeout=10000)  # the first answer came
        qtbot.waitUntil(lambda: "The package index has torch" in page.sizes.text(), timeout=10000)
        page.vision_checker._work_fn = slow  # the index is slow now: asked again, it takes a while
        page.vision_checker.results.clear()
        page._update()
        wiz.next()  # pressed while the index is still being asked
        assert wiz.currentId() == PageId.REVIEW and not started
        assert "Install starts by itself" in page.message.text()
        gate.set()
        qtbot.waitUntil(lambda: wiz.currentId() == PageId.INSTALL, timeout=10000)
    assert started[-1][0].request.torchvision == "0.32.0+cpu"  # never the pin the index lacks


# -- 4. a login that was never stored ---------------------------------------------------------------------
SECRET = "s3cr@t:pw"
LOGIN_URL = "http://ana:s3cr%40t%3Apw@127.0.0.1:9/simple"


def _unfinished_with_login(tmp_path: Path, data_dir: Path) -> InstallRequest:
    req = InstallRequest(
        base_python=base_python(),
        python_version=sys.version_info[:2],
        env_dir=str(tmp_path / "env"),
        os_name="linux",
        torch="2.17.0",
        torchvision=None,
        source=PackageSource(SourceKind.CUSTOM_INDEX, LOGIN_URL),
    )
    from wizard.core import releases

    plan = build_plan(req, releases.load())
    claim = journal.claim_env_folder(req.env_dir, req)
    record = journal.start(data_dir, req, plan, claim=claim)
    record.steps_done = ["create-venv"]
    journal.save(data_dir, record)
    assert "s3cr" not in (data_dir / journal.JOURNAL).read_text(encoding="utf-8")
    return req


def _click(label: str) -> Any:
    def fake_exec(box: QMessageBox) -> int:
        for button in box.buttons():
            if button.text() == label:
                button.click()
                return 0
        raise AssertionError(label)

    return fake_exec


def _no_secret_under(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            assert b"s3cr" not in path.read_bytes(), path


def test_finishing_asks_for_the_login_again_and_writes_it_nowhere(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, started: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.gui.review_login import LoginDialog

    _unfinished_with_login(tmp_path, wiz.data_dir)
    shown: list[str] = []

    def type_login(dialog: LoginDialog) -> int:
        assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
        shown.append(dialog.text.text())
        dialog.user.setText("ana")
        dialog.password.setText(SECRET)
        return 1

    monkeypatch.setattr(QMessageBox, "exec", _click("Finish installing"))
    monkeypatch.setattr(LoginDialog, "exec", type_login)
    assert wiz.check_unfinished() == "finish"
    assert "http://127.0.0.1:9/simple" in shown[0] and "ana" not in shown[0]
    plan, resume = started[-1]
    assert resume is not None and plan.request.source.index_url == LOGIN_URL
    install = next(s for s in plan.steps if s.id == "install-torch")
    assert LOGIN_URL in install.args
    assert mask_secrets(LOGIN_URL) == "http://ana:****@127.0.0.1:9/simple"
    _no_secret_under(wiz.data_dir)


def test_cancel_keeps_the_unfinished_install_as_it_is(
    wiz: SetupWizard, tmp_path: Path, started: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.gui.review_login import LoginDialog

    _unfinished_with_login(tmp_path, wiz.data_dir)
    before = (wiz.data_dir / journal.JOURNAL).read_text(encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "exec", _click("Finish installing"))
    monkeypatch.setattr(LoginDialog, "exec", lambda self: 0)
    assert wiz.check_unfinished() == "later"
    assert not started and wiz.currentId() != PageId.INSTALL
    assert (wiz.data_dir / journal.JOURNAL).read_text(encoding="utf-8") == before
    assert Path(tmp_path / "env").exists()


def test_without_a_login_nothing_is_asked(
    wiz: SetupWizard, tmp_path: Path, started: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.gui.review_login import LoginDialog

    req = InstallRequest(
        base_python=base_python(), python_version=sys.version_info[:2], env_dir=str(tmp_path / "env"),
        os_name="linux", torch="2.17.0", torchvision=None,
        source=PackageSource(SourceKind.CUSTOM_INDEX, "http://127.0.0.1:9/simple"),
    )  # fmt: skip
    claim = journal.claim_env_folder(req.env_dir, req)
    journal.start(wiz.data_dir, req, claim=claim)
    monkeypatch.setattr(QMessageBox, "exec", _click("Finish installing"))
    monkeypatch.setattr(LoginDialog, "exec", lambda self: pytest.fail("asked for a login"))
    assert wiz.check_unfinished() == "finish" and started


def test_the_login_goes_back_into_every_address_of_the_index() -> None:
    from wizard.core import releases
    from wizard.core.plan import with_login

    req = InstallRequest(
        base_python="/usr/bin/python3", python_version=(3, 12), env_dir="/tmp/env", os_name="linux",
        torch="2.17.0", torchvision="0.32.0",
        source=PackageSource(SourceKind.CUSTOM_INDEX, "https://mirror.example.edu/simple"),
        extra=("numpy @ https://mirror.example.edu/files/numpy.whl",),
    )  # fmt: skip
    plan = with_login(build_plan(req, releases.load()), "ana", "p@ss:w/rd", releases.load())
    assert plan.request.source.index_url == "https://ana:p%40ss%3Aw%2Frd@mirror.example.edu/simple"
    assert plan.request.extra == ("numpy @ https://ana:p%40ss%3Aw%2Frd@mirror.example.edu/files/numpy.whl",)
    args = [a for s in plan.steps for a in s.args]
    assert "https://ana:p%40ss%3Aw%2Frd@mirror.example.edu/simple" in args
    assert "p%40ss" not in mask_secrets(" ".join(args))
    token = with_login(build_plan(req, releases.load()), "", "tok3n", releases.load())
    assert token.request.source.index_url == "https://tok3n@mirror.example.edu/simple"
    assert "tok3n" not in mask_secrets(token.request.source.index_url)
    # another host is left alone
    other = PackageSource(SourceKind.CUSTOM_INDEX, "https://mirror.example.edu.evil/simple")
    import dataclasses

    plan2 = with_login(
        build_plan(dataclasses.replace(req, source=other), releases.load()), "ana", "x", releases.load()
    )
    assert "ana" in plan2.request.source.index_url
    assert not any(
        "mirror.example.edu/" in a and "ana" in a for s in plan2.steps for a in s.args if "evil" not in a
    )


def _finish_args(env: Path, yes: bool) -> argparse.Namespace:
    return argparse.Namespace(finish=str(env), remove=None, yes=yes, json=False)


def test_the_command_line_needs_the_login_and_refuses_without_it(
    qapp: Any,  # the command line makes a QCoreApplication when there is none: the tests' one is there
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cli_started: list[Any],
) -> None:
    from wizard import installcli

    data = tmp_path / "data"
    monkeypatch.setenv("TORCH_WIZARD_DATA_DIR", str(data))
    monkeypatch.delenv(installcli.LOGIN_USER_ENV, raising=False)
    monkeypatch.delenv(installcli.LOGIN_PASSWORD_ENV, raising=False)
    req = _unfinished_with_login(tmp_path, data)
    assert _run_unfinished(_finish_args(Path(req.env_dir), yes=True)) == installcli.EXIT_REFUSED
    said = capsys.readouterr().out
    assert "http://127.0.0.1:9/simple" in said and "needs a login" in said
    assert installcli.LOGIN_PASSWORD_ENV in said and not cli_started
    assert journal.load(data) is not None  # kept as it was


def test_the_command_line_takes_the_login_from_the_environment(
    qapp: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cli_started: list[Any],
) -> None:
    from wizard import installcli

    data = tmp_path / "data"
    monkeypatch.setenv("TORCH_WIZARD_DATA_DIR", str(data))
    monkeypatch.setenv(installcli.LOGIN_USER_ENV, "ana")
    monkeypatch.setenv(installcli.LOGIN_PASSWORD_ENV, SECRET)
    req = _unfinished_with_login(tmp_path, data)
    assert _run_unfinished(_finish_args(Path(req.env_dir), yes=True)) == installcli.EXIT_STOPPED
    plan, resume = cli_started[-1]
    assert resume is not None and plan.request.source.index_url == LOGIN_URL
    assert SECRET not in capsys.readouterr().out
    _no_secret_under(data)
