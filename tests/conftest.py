"""Shared fixtures. GUI tests run offscreen; settings and logs live under the test's tmp_path."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
STANDINS = ROOT / "tests" / "standins"

# The CPU torch wheel that this machine has on disk is for CPython 3.11 (see README, "Testing").
E2E_TORCH_VERSION = "2.13.0"
E2E_TORCH = f"torch=={E2E_TORCH_VERSION}"
WHEEL_CACHE = Path(os.environ.get("WIZARD_TEST_WHEELS", Path.home() / ".cache" / "torch-setup-wizard-tests"))
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
# The suite reaches no host but 127.0.0.1 and ::1. WIZARD_TESTS_NETWORK=1 allows one thing more: fetching
# the CPU torch wheel for the e2e tests from PyTorch's CPU index when no local copy exists.
NETWORK_ALLOWED = os.environ.get("WIZARD_TESTS_NETWORK") == "1"
# A package index that refuses at once (port 9, "discard", has no listener): child pip processes get it
# as their default index, so a test that forgot to name its own index or wheel folder cannot reach the world.
REFUSING_INDEX = "http://127.0.0.1:9/tests-allow-no-index/simple/"
_LOOPBACK = (ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"))
_PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "local_index: the wizard talks to a PyTorch-style index on 127.0.0.1 (fixture local_index) "
        "instead of using its bundled release data offline",
    )


def _loopback_or_local(address: object) -> bool:
    """True for 127.0.0.1, ::1 and non-IP addresses (Unix sockets: Qt, D-Bus, a local X server)."""
    if not isinstance(address, tuple) or not address:
        return True
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]) in _LOOPBACK
    except ValueError:
        return host == "localhost"


@pytest.fixture(scope="session", autouse=True)
def _the_application_first(qapp: Any) -> Any:
    """The tests' QApplication exists before any test runs: a command run in this process (``main(["diagnose",
    ...])``) would otherwise make a QCoreApplication, and every widget made after it aborts the process."""
    return qapp


@pytest.fixture
def chinese_words(qapp: Any) -> Iterator[None]:
    """The wizard's Chinese catalogue in force for the test (words made by the core and the pages while it
    runs are Chinese), English again afterwards."""
    from wizard.i18n import Translations

    tr = Translations(qapp, file_dialogs=False)
    assert tr.switch("zh_CN")
    yield
    tr.switch("en")


@pytest.fixture(autouse=True)
def _offline_from_the_world(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[None]:
    """Every test runs cut off from the world.

    - The wizard uses its bundled release data and never the network (TORCH_WIZARD_OFFLINE=1), unless the
      test asks for ``local_index`` (fixture or marker): then it talks to a server on 127.0.0.1.
    - Child pip processes get a default index that refuses at once and no proxy.
    - In this process, connecting to any address but 127.0.0.1/::1 raises OSError (the code under test sees a
      network failure) and fails the test even when the code under test catches the error. pytest-socket
      (``--allow-hosts`` in pyproject.toml) is the second line.
    """
    monkeypatch.setenv("TORCH_WIZARD_OFFLINE", "1")
    monkeypatch.delenv("TORCH_WIZARD_INDEX_BASE", raising=False)
    monkeypatch.setenv("PIP_INDEX_URL", REFUSING_INDEX)
    # pip byte-compiles every file it installs: for torch's ~5,000 files that is 15 of the 20 seconds of
    # an install on this machine (measured: 20.3 s vs 5.4 s), and the suite installs torch eight times.
    # The tests check what the wizard asks pip to do, not pip's compileall; the wizard's own plans keep
    # pip's default (compiled), so a learner's first `import torch` is not the slow one.
    # (PIP_COMPILE=0 is `--compile` switched off; beware PIP_NO_COMPILE=1, which pip reads as "compile".)
    monkeypatch.setenv("PIP_COMPILE", "0")
    for name in _PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    attempts: list[object] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def refuse(address: object) -> OSError:
        attempts.append(address)
        return OSError(f"the tests may only reach 127.0.0.1 and ::1, not {address!r}")

    def connect(self: socket.socket, address: Any) -> None:
        if not _loopback_or_local(address):
            raise refuse(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _loopback_or_local(address):
            raise refuse(address)
        return real_connect_ex(self, address)

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
    if request.node.get_closest_marker("local_index") is not None:
        request.getfixturevalue("local_index")
    try:
        yield
    finally:
        # pytest-socket restores socket.socket.connect in its own teardown hook; only undo what is ours.
        if socket.socket.connect is connect:
            socket.socket.connect = real_connect  # type: ignore[method-assign]
        if socket.socket.connect_ex is connect_ex:
            socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
    if attempts:
        pytest.fail(f"the test tried to reach the world: {attempts!r}", pytrace=False)


@pytest.fixture
def local_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A PyTorch-style index on 127.0.0.1 with a fake future release (tests/localindex.py: torch 2.17.0,
    cpu, cu130 and cu132), and the wizard pointed at it: TORCH_WIZARD_INDEX_BASE set, TORCH_WIZARD_OFFLINE
    cleared. Yields the base URL (…/whl/). The marker ``local_index`` asks for it too."""
    from tests.localindex import FUTURE, serve_index, write_index

    root = write_index(tmp_path / "local-index", [FUTURE])
    with serve_index(root) as base:
        monkeypatch.delenv("TORCH_WIZARD_OFFLINE", raising=False)
        monkeypatch.setenv("TORCH_WIZARD_INDEX_BASE", base)
        yield base


def base_python() -> str:
    """The real interpreter behind the test run's venv (the wizard makes venvs from base Pythons)."""
    candidates = [
        Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
        Path(sys.base_prefix) / "bin" / "python3",
        Path(getattr(sys, "_base_executable", sys.executable)),
    ]
    for c in candidates:
        if c.exists():
            return str(c)
    return sys.executable


def _torch_requirement() -> str:
    """The CPU build by its local version label where PyTorch has one (Linux, Windows): a ``torch==X``
    that a CUDA wheel could satisfy would be a multi-GB download."""
    return E2E_TORCH if sys.platform == "darwin" else f"{E2E_TORCH}+cpu"


def _pip_download(folder: Path, *requirements: str, index: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    for name in _PROXY_VARS:
        env.pop(name, None)
    args = [sys.executable, "-m", "pip", "download", "-q", "--only-binary", ":all:", "-d", str(folder)]
    if index:
        args += ["--index-url", index]
    else:
        # This machine's own pip configuration (find-links, file:// indexes) may have the wheel; its
        # default index is replaced by one that refuses, so nothing comes from the world.
        env.update(PIP_INDEX_URL=REFUSING_INDEX, PIP_RETRIES="0")
    return subprocess.run(
        [*args, *requirements],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1800,
        env=env,
    )


@pytest.fixture(scope="session")
def torch_wheels() -> Path:
    """A folder of wheels for torch (CPU) and its dependencies, plus pip: the offline source.

    Made once and kept between runs in ~/.cache (or $WIZARD_TEST_WHEELS): with ``pip download`` from this
    machine's own pip configuration (local wheel folders and file:// indexes; nothing from the world), or,
    with WIZARD_TESTS_NETWORK=1, from PyTorch's CPU index (about 200 MB, never the CUDA build). Skips with
    the reason when neither has the wheel for the running Python.
    """
    tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    folder = WHEEL_CACHE / f"wheels-{tag}"
    if any(folder.glob("torch-*.whl")):
        return folder
    # Downloaded beside it and renamed when complete: pytest-xdist workers may get here at the same time.
    part = folder.with_name(f"{folder.name}.part-{os.getpid()}")
    part.mkdir(parents=True, exist_ok=True)
    requirement = _torch_requirement()
    r = _pip_download(part, requirement, "pip", index=None)
    if r.returncode != 0 and NETWORK_ALLOWED:
        r = _pip_download(part, requirement, index=CPU_INDEX)
        if r.returncode == 0:
            _pip_download(part, "pip", index=None)  # a newer pip is optional: the plan works without it
    if r.returncode == 0 and any(part.glob("torch-*.whl")):
        with contextlib.suppress(OSError):  # another worker was first: its folder is as good
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()
            part.rename(folder)
    remove_tree(part)
    if r.returncode != 0 or not any(folder.glob("torch-*.whl")):
        how = (
            "PyTorch's CPU index did not have it either"
            if NETWORK_ALLOWED
            else "set WIZARD_TESTS_NETWORK=1 to fetch it (about 200 MB) from " + CPU_INDEX
        )
        pytest.skip(
            f"no CPU wheel of {requirement} for Python {tag} on this machine ({how}; or put the wheels in "
            f"{folder}): {r.stderr.strip()[-300:]}"
        )
    return folder


def remove_tree(path: Path) -> None:
    """Delete a folder a test made (venvs are ~1 GB with torch); read-only parts are made writable first."""

    if not path.exists():
        return
    for folder, _dirs, _files in os.walk(path):
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[object]:
    from PySide6.QtCore import QSettings

    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@pytest.fixture
def wiz(qtbot: Any, tmp_path: Path, settings: Any) -> Iterator[Any]:
    """The real wizard window, offscreen, with its data folder (logs, journal) under tmp_path."""
    from PySide6.QtWidgets import QApplication

    from wizard.gui.window import SetupWizard
    from wizard.i18n import Translations

    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    window = SetupWizard(translations, settings, data_dir=tmp_path / "data")
    # The end of a test closes the window without the "quit the wizard?" questions (tests that are about
    # those questions ask them themselves); a modal box at teardown would wait for ever.
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "_leaving_done", True))
    window.show()
    yield window
    translations.switch("en")


@pytest.fixture
def standins_on_path(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Stand-in GPU tools (nvidia-smi, rocminfo) first on PATH: a 'GPU machine' on this CPU machine."""
    monkeypatch.setenv("PATH", str(STANDINS) + os.pathsep + os.environ.get("PATH", ""))
    return STANDINS


def select_interpreter(qtbot: Any, wiz: Any, path: str) -> None:
    from wizard.gui.window import PageId

    page = wiz.pages[PageId.PYTHON]
    qtbot.waitUntil(lambda: not page.detecting and page.tree.topLevelItemCount() > 0, timeout=60000)
    want = os.path.realpath(path)
    for i in range(page.tree.topLevelItemCount()):
        item = page.tree.topLevelItem(i)
        interp = item.data(0, 256)
        if os.path.realpath(interp.executable or interp.path) == want and not interp.is_venv:
            page.tree.setCurrentItem(item)
            return
    page.add_manual(path)  # not found automatically: add it with Browse…, as a learner would
    qtbot.waitUntil(
        lambda: page.selected() is not None and os.path.realpath(page.selected().executable) == want,
        timeout=30000,
    )


def walk_to_review(qtbot: Any, wiz: Any, env_dir: Path) -> Any:
    """From the Welcome page to the Review page as a learner would: this run's own base Python, a new
    folder, the hardware found here."""
    from wizard.gui.window import PageId

    wiz.start_background_detection()
    while wiz.currentId() != PageId.PYTHON:
        wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    wiz.next()
    wiz.pages[PageId.MANAGER].folder.setText(str(env_dir))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
    wiz.next()
    qtbot.waitUntil(wiz.pages[PageId.HARDWARE].isComplete, timeout=30000)
    wiz.next()
    assert wiz.currentId() == PageId.REVIEW
    return wiz.pages[PageId.REVIEW]


def conda_review(wiz: Any) -> Any:
    """The Review page opened for a new conda env of a described conda 25.5 installation (no conda runs):
    the CPU build, env "torch-course"."""
    from wizard.core import conda
    from wizard.gui.window import PageId

    st = wiz.state
    st.manager, st.variant, st.conda_env_name = "conda", "cpu", "torch-course"
    st.conda_install = conda.CondaInstall("/opt/conda/bin/conda", "conda", "25.5.1", "/opt/conda", ())
    st.env_dir = "/opt/conda/envs/torch-course"
    review = wiz.pages[PageId.REVIEW]
    review.initializePage()
    assert review.route.count() >= 1
    return review
