"""Start the GUI."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from . import __version__
from .appinfo import APP, ORG
from .i18n import Translations, normalise

log = logging.getLogger(__name__)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error shows a dialog with the report instead of a silent exit."""
    import traceback

    report = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(report)
    app = QApplication.instance()
    if app is None:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("App", "Something went wrong"))
    box.setText(
        QApplication.translate(
            "App",
            "The wizard hit an unexpected problem. Nothing you had was changed. Please copy the details "
            "below when you ask for help.",
        )
    )
    box.setDetailedText(report)
    try:
        from .runner import default_log_dir

        box.setInformativeText(
            QApplication.translate("App", "The wizard's log files are in {folder}").format(
                folder=default_log_dir()
            )
        )
    except Exception:  # the report matters more than the line about the logs
        pass
    box.exec()


# Qt's xcb platform plugin needs these X libraries; a minimal Linux (a server or container image, WSL,
# a bare window manager) often lacks them, while full desktops (Ubuntu, Fedora Workstation) ship them.
XCB_LIBRARIES = (  # (the name find_library takes, the file the plugin loads)
    ("xcb-cursor", "libxcb-cursor.so.0"),
    ("xcb-icccm", "libxcb-icccm.so.4"),
    ("xcb-keysyms", "libxcb-keysyms.so.1"),
    ("xcb-image", "libxcb-image.so.0"),
    ("xcb-render-util", "libxcb-render-util.so.0"),
    ("xcb-shape", "libxcb-shape.so.0"),
    ("xcb-randr", "libxcb-randr.so.0"),
    ("xcb-xkb", "libxcb-xkb.so.1"),
    ("xkbcommon-x11", "libxkbcommon-x11.so.0"),
)


def debian_package(soname: str) -> str:
    """Debian/Ubuntu's package for a library file, by their naming rule: libxcb-cursor.so.0 ->
    libxcb-cursor0, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0, libEGL.so.1 -> libegl1."""
    base, _, rest = soname.partition(".so")
    version = rest.lstrip(".").split(".")[0]
    base = base.lower()
    if not base.startswith("lib"):
        base = "lib" + base
    if not version:
        return base
    return base + ("-" if base[-1].isdigit() else "") + version


def _will_use_xcb(env: dict[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return False  # Qt picks its Wayland plugin first there
    return bool(env.get("DISPLAY"))


def missing_xcb_libraries(
    env: dict[str, str] | None = None, *, find: Any = None, load: Any = None
) -> list[str]:
    """Library files the xcb plugin needs that cannot be loaded (empty when all is well or xcb is not
    used). ``find`` / ``load`` replace ctypes.util.find_library / ctypes.CDLL in tests."""
    env = dict(os.environ) if env is None else env
    if not sys.platform.startswith("linux") or not _will_use_xcb(env):
        return []
    import ctypes  # only here: the other platforms start without these imports
    import re

    load = load or ctypes.CDLL
    missing: list[str] = []
    try:
        from PySide6.QtCore import QLibraryInfo

        plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
        if plugin.exists():
            load(str(plugin))
            # It loaded, so every library it is linked with is there (all of XCB_LIBRARIES are): looking
            # them up by name would only cost time - find_library runs ldconfig once for each, 40-60 ms
            # on every start - and could name one that it cannot find but the loader does.
            return []
    except OSError as exc:  # "libxcb-cursor.so.0: cannot open shared object file: ..."
        missing += re.findall(r"(lib[\w.+-]+?\.so(?:\.\d+)*)\b", str(exc))[:1]
    except Exception:  # an odd loader error: leave it to Qt's own message
        log.debug("could not test-load the xcb plugin", exc_info=True)
    if find is None:
        import ctypes.util  # (10 ms: subprocess, shutil, tempfile)

        find = ctypes.util.find_library
    for name, soname in XCB_LIBRARIES:  # the loader names only the first it misses: the others by name
        try:
            found = find(name)
        except Exception:  # find_library runs ldconfig/gcc: never let that stop the start
            found = "?"
        if not found:
            missing.append(soname)
    return list(dict.fromkeys(missing))


def _translator() -> Any:
    """Our catalogue without a QApplication (the platform plugin is what failed)."""
    from PySide6.QtCore import QTranslator

    from .core.resources import resource

    lang = normalise(os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG"))
    tr = QTranslator()
    if lang != "en":
        tr.load(str(resource("translations", f"wizard_{lang}.qm")))
    return tr


def xcb_message(missing: list[str]) -> str:
    tr = _translator()

    def t(text: str) -> str:
        return tr.translate("App", text) or text

    packages = " ".join(dict.fromkeys(debian_package(m) for m in missing))
    return "\n".join(
        (
            t("The wizard cannot open its window: this Linux lacks some small X libraries that Qt needs.")
            + " ("
            + ", ".join(missing)
            + ")",
            t("Install them once, then start the wizard again. On Debian or Ubuntu:"),
            f"    sudo apt install {packages}",
            t("On Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms"),
            t("Full desktop installations (Ubuntu Desktop, Fedora Workstation) already have them."),
        )
    )


def make_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, "wizard")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    if args[1:2] == ["--self-test"]:  # the torch-setup-wizard command too (wizard/selftest.py)
        from .selftest import main as self_test

        return self_test(args[2:])
    if QApplication.instance() is None:
        missing = missing_xcb_libraries()
        if missing:
            sys.stderr.write(xcb_message(missing) + "\n")
            return 3
    app = QApplication.instance() or QApplication(args)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    settings = make_settings()
    translations = Translations(app, file_dialogs=False)  # their translator comes after the first page
    translations.switch(normalise(str(settings.value("language", "")) or None))

    from .gui.window import SetupWizard  # imported after the translator, so first texts are translated

    wizard = SetupWizard(translations, settings, lazy=True)
    wizard.show()
    sys.excepthook = _excepthook
    if os.environ.get("WIZARD_QUIT_WHEN_SHOWN"):  # benchmarks/startup.py: time to the first page drawn
        watch_s = float(os.environ.get("WIZARD_WATCH_BLOCKS_S") or 0)

        def shown() -> None:
            print(f"FIRST-PAGE-SHOWN {time.time():.6f} {time.process_time():.6f}", flush=True)
            if watch_s <= 0:
                app.quit()
                return
            # and then the longest time the GUI thread did not answer, while the rest is built and detected
            start = time.perf_counter()
            last, longest, ended, over, tick = [start], [0.0], [0.0], [0], QTimer(app)

            def beat() -> None:
                now = time.perf_counter()
                if now - last[0] > longest[0]:
                    longest[0], ended[0] = now - last[0], now - start
                over[0] += now - last[0] > 0.05
                last[0] = now

            def done() -> None:
                print(
                    f"LONGEST-BLOCK-MS {longest[0] * 1000:.1f} pages={len(wizard.pages)} "
                    f"ended_at_ms={ended[0] * 1000:.0f} over_50ms={over[0]}",
                    flush=True,
                )
                app.quit()

            tick.timeout.connect(beat)
            tick.start(5)
            QTimer.singleShot(int(watch_s * 1000), done)

        wizard.when_shown(shown)
    # then detection, the check for an install a killed app left behind, and the other pages: in
    # threads and one piece per turn of the event loop
    wizard.when_shown(wizard.start_in_background)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
