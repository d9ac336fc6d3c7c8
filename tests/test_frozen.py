"""The double-click app: build_installer.spec really builds it, and the frozen app works.

Tests marked ``frozen`` build the app with PyInstaller into a temporary folder (about half a minute on
this machine) and run it: ``--self-test`` (window, first page, detection, translations, resources, a
child's environment) and ``detect --json``. Stand-ins for ``python3`` and ``nvidia-smi`` first on PATH
record the environment the frozen app gives the programs it starts; it must be clean (nothing of the
bundle, no PYTHONHOME/PYTHONPATH, the learner's own LD_LIBRARY_PATH). The other tests check the
packaging pieces (icons, version resource, desktop entry) without building.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "packaging"))

import make_icons  # noqa: E402
import windows_version  # noqa: E402

from wizard.selftest import environment_problems  # noqa: E402

POSIX = sys.platform != "win32"
BUILD_TIMEOUT_S = 900


# ---- the packaging pieces ---------------------------------------------------------------------------


def test_icons_are_generated_and_well_formed() -> None:
    icons = ROOT / "resources" / "icons"
    ico = make_icons.read_ico((icons / "app.ico").read_bytes())
    assert [size for size, _ in ico] == list(make_icons.ICO_SIZES)
    icns = make_icons.read_icns((icons / "app.icns").read_bytes())
    assert [kind for kind, _ in icns] == [kind for kind, _ in make_icons.ICNS_CHUNKS]
    assert all(png.startswith(b"\x89PNG") for _, png in icns)
    for size in make_icons.PNG_SIZES:
        assert (icons / f"app-{size}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_icon_containers_round_trip() -> None:
    pngs = {16: b"\x89PNG-16", 256: b"\x89PNG-256"}
    assert make_icons.read_ico(make_icons.ico_bytes(pngs)) == [(16, pngs[16]), (256, pngs[256])]
    chunks = [(b"ic08", b"\x89PNG-a"), (b"ic10", b"\x89PNG-bb")]
    assert make_icons.read_icns(make_icons.icns_bytes(chunks)) == chunks
    with pytest.raises(ValueError):
        make_icons.read_icns(b"icns\x00\x00\x00\x09x")


def test_the_16px_icon_is_not_a_blur(qapp: object) -> None:
    """At 16 px the tile is dark, the flame orange and the base bar white: three colours, not mud."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(ROOT / "resources" / "icons" / "app-16.png"))
    assert (image.width(), image.height()) == (16, 16)
    bar = QColor(image.pixel(8, 13))
    assert min(bar.red(), bar.green(), bar.blue()) > 230, "the base bar is white"
    flame = QColor(image.pixel(8, 7))
    assert flame.red() > 200 and flame.green() < 120, "the flame is orange"
    tile = QColor(image.pixel(2, 8))
    assert max(tile.red(), tile.green(), tile.blue()) < 90, "the tile is dark"


def test_windows_version_resource_text() -> None:
    assert windows_version.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert windows_version.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert windows_version.version_tuple("2.0.dev4+gabc") == (2, 0, 0, 0)
    text = windows_version.version_file_text("0.1.0", "TorchSetupWizard")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this text
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"  # type: ignore[attr-defined]
    assert "'OriginalFilename', 'TorchSetupWizard.exe'" in text and "filevers=(0, 1, 0, 0)" in text


def test_desktop_entry() -> None:
    entry = (ROOT / "packaging" / "linux" / "torch-setup-wizard.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines()[1:] if "=" in line)
    assert entry.startswith("[Desktop Entry]\n")
    assert fields["Type"] == "Application" and fields["Icon"] == "torch-setup-wizard"
    assert fields["Name[zh_CN]"] and fields["Terminal"] == "false"


@pytest.mark.skipif(not POSIX, reason="a POSIX shell script")
def test_install_desktop_entry_script_quotes_odd_folders(tmp_path: Path) -> None:
    app = tmp_path / 'my "apps" $HOME 100%'
    (app / "icons").mkdir(parents=True)
    for name in ("install-desktop-entry.sh", "torch-setup-wizard.desktop"):
        shutil.copy2(ROOT / "packaging" / "linux" / name, app / name)
    shutil.copy2(ROOT / "resources" / "icons" / "app-256.png", app / "icons" / "app-256.png")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run(["sh", str(app / "install-desktop-entry.sh")], check=True, env=env, capture_output=True)
    entry = (tmp_path / "data" / "applications" / "torch-setup-wizard.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    # Desktop Entry spec: quoted, with " $ escaped as \\" \\$ (string escape, then quoting) and % as %%.
    assert (
        exec_line
        == 'Exec="'
        + str(app / "torch-setup-wizard").replace('"', '\\\\"').replace("$", "\\\\$").replace("%", "%%")
        + '"'
    )
    assert (tmp_path / "data" / "icons" / "hicolor" / "256x256" / "apps" / "torch-setup-wizard.png").exists()
    subprocess.run(["sh", str(app / "install-desktop-entry.sh"), "--remove"], check=True, env=env)
    assert not (tmp_path / "data" / "applications" / "torch-setup-wizard.desktop").exists()


def test_environment_problems() -> None:
    bundle = os.path.join(os.sep, "opt", "app", "_internal")
    env = {
        "PATH": os.pathsep.join([os.path.join(os.sep, "usr", "bin"), bundle]),
        "QT_PLUGIN_PATH": os.path.join(bundle, "PySide6", "plugins"),
        "HOME": os.path.join(os.sep, "opt", "app", "_internal-not"),
        "_PYI_ARCHIVE_FILE": "x",
        "PYTHONHOME": "y",
        "LANG": "C.UTF-8",
    }
    assert set(environment_problems(env, bundle)) == {
        "PATH",
        "QT_PLUGIN_PATH",
        "_PYI_ARCHIVE_FILE",
        "PYTHONHOME",
    }
    assert set(environment_problems(env, None)) == {"_PYI_ARCHIVE_FILE", "PYTHONHOME"}


def test_self_test_from_source() -> None:
    """``python -m wizard --self-test`` (what the frozen app runs), from the checkout."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-m", "wizard", "--self-test"], capture_output=True, text=True, env=env, timeout=180
    )
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert out.returncode == 0, summary
    assert summary["ok"] and not summary["frozen"]
    assert summary["first_page"]["id"] == "welcome"
    assert summary["translations"]["switch_zh_CN"] is True


def test_unexpected_error_dialog_names_the_log_folder(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from wizard import app
    from wizard.runner import default_log_dir

    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        app._excepthook(RuntimeError, exc, exc.__traceback__)
    assert shown and "RuntimeError: boom" in shown[0].detailedText()
    assert str(default_log_dir()) in shown[0].informativeText()


# ---- the frozen app -----------------------------------------------------------------------------------


def _executable(dist: Path) -> Path:
    if sys.platform == "win32":
        return dist / "TorchSetupWizard" / "TorchSetupWizard.exe"
    if sys.platform == "darwin":
        return dist / "Torch Setup Wizard.app" / "Contents" / "MacOS" / "TorchSetupWizard"
    return dist / "torch-setup-wizard" / "torch-setup-wizard"


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the one-folder app with build_installer.spec (in a temporary folder); its executable."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is the 'app' extra: pip install -e '.[app]'")
    tmp = tmp_path_factory.mktemp("frozen")
    env = {k: v for k, v in os.environ.items() if k not in ("WIZARD_ONEFILE", "WIZARD_SPEC_BARE")}
    start = time.monotonic()
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp / "dist"),
            "--workpath",
            str(tmp / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp,
        timeout=BUILD_TIMEOUT_S,
    )
    assert out.returncode == 0, out.stderr[-4000:]
    exe = _executable(tmp / "dist")
    assert exe.is_file(), sorted(p.name for p in (tmp / "dist").iterdir())
    print(f"frozen build: {time.monotonic() - start:.0f} s")
    return exe


def _bundle(exe: Path) -> Path:
    if sys.platform == "darwin":
        return exe.parent.parent / "Frameworks"
    return exe.parent / "_internal"


@pytest.fixture
def recording_path(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment with stand-ins for ``python3`` and ``nvidia-smi`` first on PATH; each writes the
    environment it was given to a file in the returned folder, then behaves like the real thing (the
    python runs the real interpreter; nvidia-smi says "No devices were found")."""
    records = tmp_path / "records"
    records.mkdir()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    real_python = shutil.which("python3") or sys.executable
    scripts = {
        "python3": f'#!/bin/sh\nenv > "$RECORDS/python3.env"\nexec "{real_python}" "$@"\n',
        "nvidia-smi": '#!/bin/sh\nenv > "$RECORDS/nvidia-smi.env"\necho "No devices were found"\nexit 6\n',
    }
    for name, text in scripts.items():
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    env = {
        **os.environ,
        "PATH": str(bin_dir) + os.pathsep + os.environ.get("PATH", ""),
        "RECORDS": str(records),
        "QT_QPA_PLATFORM": "offscreen",
        # What the frozen app must not pass on, and what it must pass on unchanged:
        "PYTHONHOME": str(tmp_path / "not-a-python-home"),
        "PYTHONPATH": str(tmp_path / "not-a-python-path"),
        "LD_LIBRARY_PATH": str(tmp_path / "the-learners-own-lib"),
    }
    return env, records


def _check_recorded(records: Path, names: tuple[str, ...], bundle: Path, env: dict[str, str]) -> None:
    for name in names:
        text = (records / f"{name}.env").read_text(encoding="utf-8", errors="replace")
        seen = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
        assert environment_problems(seen, str(bundle)) == {}, f"{name} got a polluted environment"
        assert seen.get("LD_LIBRARY_PATH") == env["LD_LIBRARY_PATH"], name


@pytest.mark.frozen
def test_frozen_bundle_contents(frozen_app: Path) -> None:
    bundle = _bundle(frozen_app)
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file() or p.is_symlink()]
    for name in ("torch_releases.json", "demo.py", "verify.py", "probe_python.py"):
        assert f"resources/{name}" in files
    assert "resources/translations/wizard_zh_CN.qm" in files
    qt_qm = [f for f in files if re.search(r"PySide6/(Qt/)?translations/", f)]
    assert [Path(f).name for f in qt_qm] == ["qtbase_zh_CN.qm"]
    unwanted = re.compile(r"Qt6?(WebEngine|Qml|Quick|3D|Multimedia|Pdf|Network)", re.I)
    assert not [f for f in files if unwanted.search(Path(f).name)]
    assert any(re.search(r"plugins/platforms/.*(qxcb|qwindows|qcocoa)", f) for f in files)
    dangling = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling
    if sys.platform.startswith("linux"):
        top = frozen_app.parent
        assert (top / "torch-setup-wizard.desktop").is_file() and (top / "icons" / "app-256.png").is_file()
        assert os.access(top / "install-desktop-entry.sh", os.X_OK)
    size_mb = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    assert size_mb < 160, f"the bundle grew to {size_mb:.0f} MB"


@pytest.mark.frozen
def test_frozen_self_test(frozen_app: Path, recording_path: tuple[dict[str, str], Path]) -> None:
    env, records = recording_path
    out = subprocess.run(
        [str(frozen_app), "--self-test"], capture_output=True, text=True, env=env, timeout=300
    )
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    assert lines, f"no summary: {out.stdout[-2000:]} {out.stderr[-2000:]}"
    summary = json.loads(lines[-1])
    assert summary["frozen"] is True
    assert summary["first_page"]["id"] == "welcome"
    assert summary["window_icon"] is True, "the SVG window icon was not drawn (Qt's SVG plugins missing?)"
    assert summary["resources"]["missing"] == []
    assert summary["translations"]["qtbase_zh_CN"] is True, summary["translations"]
    assert summary["translations"]["switch_zh_CN"] is True
    assert summary["detection"]["finished"] and summary["detection"]["interpreters"] >= 1
    child = summary["child_env"]
    assert child.get("clean") is True, f"a child process of the frozen app inherited: {child.get('problems')}"
    if POSIX:
        assert child["seen"]["LD_LIBRARY_PATH"] == env["LD_LIBRARY_PATH"]
        _check_recorded(records, ("python3", "nvidia-smi"), _bundle(frozen_app), env)
    assert out.returncode == 0 and summary["ok"], summary


@pytest.mark.frozen
def test_frozen_detect_json(frozen_app: Path, recording_path: tuple[dict[str, str], Path]) -> None:
    env, records = recording_path
    out = subprocess.run(
        [str(frozen_app), "detect", "--json"], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    data = json.loads(out.stdout)
    assert data["interpreters"], "the frozen app found no Python"
    first = data["interpreters"][0]
    assert {"path", "version", "bits", "source", "suitable", "reasons"} <= set(first)
    assert data["recommended_interpreter"] in {i["path"] for i in data["interpreters"]}
    assert data["nvidia_state"] == "absent"  # the stand-in nvidia-smi: "No devices were found"
    if POSIX:
        _check_recorded(records, ("python3", "nvidia-smi"), _bundle(frozen_app), env)


@pytest.mark.frozen
def test_frozen_app_starts_in_a_bare_environment(frozen_app: Path, tmp_path: Path) -> None:
    """Started as a desktop launches it (a short PATH, a fresh home folder): the first page comes up."""
    env = {
        "PATH": str(tmp_path),
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "WIZARD_QUIT_WHEN_SHOWN": "1",
    }
    if sys.platform == "win32":
        env["SystemRoot"] = os.environ.get("SystemRoot", r"C:\Windows")
    out = subprocess.run([str(frozen_app)], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "FIRST-PAGE-SHOWN" in out.stdout, textwrap.shorten(out.stderr, 2000)
