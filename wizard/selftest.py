"""``--self-test``: does this build of the wizard work on this computer? For CI and for support.

    python -m wizard --self-test [--json-out FILE] [--timeout SECONDS]
    TorchSetupWizard.exe --self-test --json-out result.json      (the frozen app, the same)

It starts the app as a learner would (the real window, the Welcome page first), runs the same
background detection of Pythons and GPUs, checks what a frozen app can get wrong (the bundled
resources, Qt's Chinese translation, the environment a child process gets), prints a one-line JSON
summary and exits: 0 when everything worked, 1 when something did not (the summary says what).
Settings and logs go to a temporary folder, so the learner's own are not touched.

On a machine without a display, set ``QT_QPA_PLATFORM=offscreen`` (it is the default on Linux when
neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` is set).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

# What a child process must not inherit from us (a frozen app sets some of these for itself).
PYTHON_VARIABLES = ("PYTHONHOME", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONEXECUTABLE", "__PYVENV_LAUNCHER__")
# Run by the chosen interpreter through the wizard's own process runner; Python 2.7 to 3.x.
CHILD_ENV_SCRIPT = (
    "import json, os, sys; sys.stdout.write('SELFTEST-ENV ' + json.dumps(dict(os.environ)) + '\\n')"
)
RESOURCE_FILES = (
    ("torch_releases.json",),
    ("demo.py",),
    ("verify.py",),
    ("probe_python.py",),
    ("translations", "wizard_zh_CN.qm"),
    ("icons", "app.svg"),
)


def bundle_dir() -> str | None:
    """The frozen app's own folder (PyInstaller's ``sys._MEIPASS``); None when run from source."""
    return getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None


def environment_problems(env: dict[str, str], bundle: str | None) -> dict[str, str]:
    """The variables in a child's environment that belong to us, not to the child.

    Python's own (``PYTHONHOME``, ``PYTHONPATH``, ...), the frozen app's bootloader bookkeeping
    (``_PYI_*``, ``_MEIPASS*``), and any whose value points into the bundle (``QT_PLUGIN_PATH``,
    ``LD_LIBRARY_PATH``, a ``PATH`` entry, ...).
    """
    problems = {k: env[k] for k in PYTHON_VARIABLES if k in env}
    problems.update({k: v for k, v in env.items() if k.upper().startswith(("_PYI_", "_MEIPASS"))})
    if bundle:
        roots = {os.path.normcase(os.path.realpath(bundle)), os.path.normcase(os.path.abspath(bundle))}
        for key, value in env.items():
            parts = [p for p in value.split(os.pathsep) if p]
            for part in parts:
                try:
                    norm = os.path.normcase(os.path.realpath(part))
                except (OSError, ValueError):
                    continue
                if any(norm == r or norm.startswith(r + os.sep) for r in roots):
                    problems[key] = value
                    break
    return problems


def _seconds_since_start() -> float:
    """How long this process has run (its start as the OS recorded it, so the interpreter's start counts)."""
    try:
        if sys.platform.startswith("linux"):  # psutil's boot time has whole seconds only: use clock ticks
            with open("/proc/self/stat") as f:
                ticks = int(f.read().rsplit(")", 1)[1].split()[19])
            with open("/proc/uptime") as f:
                uptime = float(f.read().split()[0])
            return uptime - ticks / os.sysconf("SC_CLK_TCK")
        import psutil

        return time.time() - float(psutil.Process().create_time())
    except Exception:
        return float("nan")


def _wait(app: Any, done: Any, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    return True


def _child_environment_seen(app: Any, program: str, timeout: float) -> dict[str, Any]:
    """Run ``program -c CHILD_ENV_SCRIPT`` the way install steps run (wizard.runner) and read its environment."""
    from .runner import ProcessRunner

    runner = ProcessRunner()
    lines: list[str] = []
    results: list[Any] = []
    runner.line.connect(lines.append)
    runner.finished.connect(results.append)
    runner.start(program, ["-c", CHILD_ENV_SCRIPT], timeout_s=timeout)
    if not _wait(app, lambda: bool(results), timeout + 5):
        runner.cancel()
        return {"program": program, "error": "no answer"}
    seen = next((ln[len("SELFTEST-ENV ") :] for ln in lines if ln.startswith("SELFTEST-ENV ")), None)
    if seen is None:
        return {"program": program, "error": str(results[0]), "output": lines[-5:]}
    env = json.loads(seen)
    problems = environment_problems(env, bundle_dir())
    interesting = ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DYLD_FRAMEWORK_PATH", "QT_PLUGIN_PATH", "PATH")
    return {
        "program": program,
        "clean": not problems,
        "problems": problems,
        "seen": {k: env.get(k) for k in (*PYTHON_VARIABLES, *interesting)},
    }


def run(timeout: float) -> dict[str, Any]:
    from PySide6.QtCore import QLibraryInfo, QSettings, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication

    from . import __version__
    from .appinfo import APP, ORG
    from .core import interpreters
    from .core.resources import resource, resources_dir
    from .i18n import Translations

    summary: dict[str, Any] = {
        "self_test": "torch-setup-wizard",
        "ok": False,
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": sys.version.split()[0],
        "platform": sys.platform,
    }
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "torch-setup-wizard"])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    summary["qt_platform"] = QApplication.platformName()

    tmp = Path(tempfile.mkdtemp(prefix="wizard-selftest-"))
    try:
        # Resources and translations, as the frozen app lays them out.
        missing = [os.path.join(*p) for p in RESOURCE_FILES if not resource(*p).is_file()]
        summary["resources"] = {"dir": str(resources_dir()), "missing": missing}
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        translations = Translations(app)
        summary["translations"] = {
            "qt_translations_path": qt_translations,
            "qtbase_zh_CN": qtbase.load("qtbase_zh_CN", qt_translations),
            "switch_zh_CN": translations.switch("zh_CN"),
        }
        translations.switch("en")

        # The window, the first page, then detection — the order the app uses.
        from .gui.window import PageId, SetupWizard

        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        wizard = SetupWizard(translations, settings, log_dir=tmp / "logs", lazy=True)
        shown: list[float] = []
        wizard.show()
        QTimer.singleShot(0, lambda: shown.append(_seconds_since_start()))
        if not _wait(app, lambda: bool(shown) and wizard.isVisible(), 30):
            summary["error"] = "the window was not shown"
            return summary
        summary["first_page"] = {
            "id": PageId(wizard.currentId()).name.lower(),
            "title": wizard.currentPage().title(),
            "shown_after_s": round(shown[0], 3),  # since the process started
        }
        # The window icon is an SVG: drawing it needs Qt's SVG icon engine in the bundle.
        wizard.set_window_icon()  # (the app sets it on the turn after the first drawing)
        summary["window_icon"] = not wizard.windowIcon().pixmap(32, 32).isNull()
        t = time.monotonic()
        wizard.start_background_detection()
        from .gui.page_python import PythonPage

        python_page = wizard.pages[PageId.PYTHON]
        assert isinstance(python_page, PythonPage)
        hardware = wizard.hardware_detector
        finished = _wait(
            app,
            lambda: not python_page.detecting and not hardware.running,
            timeout,
        )
        found = python_page.all()
        data = wizard.state.data
        chosen = python_page.selected()
        summary["detection"] = {
            "finished": finished,
            "seconds": round(time.monotonic() - t, 3),
            "interpreters": len(found),
            "suitable": sum(1 for i in found if interpreters.assess(i, data).suitable),
            "selected": chosen.path if chosen is not None else None,
            "gpus": [g.name for g in hardware.report.gpus] if hardware.report is not None else None,
            "nvidia_state": hardware.report.nvidia_state if hardware.report is not None else None,
        }

        # What a child process sees: the interpreter the wizard picked (or any it found) runs a script
        # through the same runner as the install steps.
        program = chosen or next((i for i in found if not i.error), None)
        if program is not None:
            summary["child_env"] = _child_environment_seen(app, program.executable or program.path, 60)
        else:
            summary["child_env"] = {"error": "no Python found to run"}

        problems = []
        if missing:
            problems.append("resources missing")
        if not summary["translations"]["switch_zh_CN"]:
            problems.append("Chinese translation not loaded")
        if summary["first_page"]["id"] != "welcome":
            problems.append("first page is not Welcome")
        if not summary["window_icon"]:
            problems.append("window icon not drawn")
        if not finished:
            problems.append("detection did not finish")
        if summary["child_env"].get("clean") is False:
            problems.append("child environment not clean")
        elif "error" in summary["child_env"] and found:
            problems.append("child process did not run")
        summary["problems"] = problems
        summary["ok"] = not problems
        wizard.hide()
        return summary
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="torch-setup-wizard --self-test", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--json-out", help="also write the summary to this file (a windowed .exe has no console)"
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds for detection (default 120)")
    args = parser.parse_args(argv if argv is not None else [])
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    errors: list[str] = []

    def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:  # no dialog in a self-test
        errors.append("".join(traceback.format_exception(kind, value, tb)))

    previous, sys.excepthook = sys.excepthook, hook
    try:
        summary = run(args.timeout)
    except Exception:
        summary = {"self_test": "torch-setup-wizard", "ok": False, "error": traceback.format_exc()}
    finally:
        sys.excepthook = previous
    if errors:
        summary["ok"] = False
        summary["exceptions"] = errors
    line = json.dumps(summary)  # ASCII: any console can print it
    if args.json_out:
        Path(args.json_out).write_text(line + "\n", encoding="utf-8")
    if sys.stdout is not None:  # None in a windowed app started without redirection
        print(line, flush=True)
    return 0 if summary["ok"] else 1
