"""Languages: English (the source text) and Simplified Chinese, switchable while the wizard runs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .core.resources import resource

LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))


def system_language() -> str:
    """zh_CN for any Chinese system locale (Simplified is the translation we have), else en."""
    name = QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def normalise(lang: str | None) -> str:
    if not lang:
        return system_language()
    return "zh_CN" if lang.lower().replace("-", "_").startswith("zh") else "en"


class Translations:
    """Installs Qt's own ``qtbase`` translation (Back/Next/Cancel, file dialogs) and the app's."""

    def __init__(self, app: QCoreApplication, *, file_dialogs: bool = True) -> None:
        """``file_dialogs=False``: the caller installs the file dialogs' translator later (the app does,
        after the first page: its event filter slows down building that page)."""
        self._app = app
        if file_dialogs and app.inherits("QApplication"):  # Qt's file dialogs, missing words filled in
            from .gui.widgets import install_dialog_translator

            install_dialog_translator(app)
        self._installed: list[QTranslator] = []
        self.language = "en"

    def switch(self, lang: str) -> bool:
        """Switch every window to ``lang`` at once; returns False when a catalogue is missing."""
        lang = normalise(lang)
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()
        self.language = lang
        ok = True
        if lang != "en":
            qt = QTranslator(self._app)
            if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._app.installTranslator(qt)
                self._installed.append(qt)
            else:
                ok = False
            ours = QTranslator(self._app)
            if ours.load(str(resource("translations", f"wizard_{lang}.qm"))):
                self._app.installTranslator(ours)
                self._installed.append(ours)
            else:
                ok = False
        QLocale.setDefault(QLocale(lang))
        return ok


def has_cjk_font() -> bool:
    """Whether Qt has a font that can draw Simplified Chinese (else Chinese shows as empty boxes).
    Needs a QGuiApplication."""
    from PySide6.QtGui import QFontDatabase

    try:
        families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    except RuntimeError:  # no QGuiApplication yet
        return True
    return bool(families)
