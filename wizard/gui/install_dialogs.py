"""The Install page's small dialogs: a proxy, a wheel folder, the disk space."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from ..core.plan import InstallPlan, check_proxy_url, check_wheel_folder, scan_wheel_folder
from ..core.precheck import space_checks, where_label
from ..core.progress import human_size
from ..core.releases import ReleaseData
from ..runner import launch_detached

HELP_PAGES = {
    "open-driver-page": "https://www.nvidia.com/Download/index.aspx",
    "install-vc-redist": "https://aka.ms/vs/17/release/vc_redist.x64.exe",
    "use-arm64-python": "https://www.python.org/downloads/macos/",
}
HELP_PROGRAMS = {"open-performance-settings": ["SystemPropertiesPerformance.exe"]}  # Windows: virtual memory


def open_help(action: str) -> bool:
    """Open what a help button names (a web page, a settings window); False for another action."""
    if action in HELP_PAGES:
        QDesktopServices.openUrl(QUrl(HELP_PAGES[action]))
        return True
    if action in HELP_PROGRAMS:
        launch_detached(HELP_PROGRAMS[action])
        return True
    return False


def ask_proxy(parent: QWidget, current: str) -> str | None:
    """The proxy address, '' to use none, or None when the learner cancels."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("InstallPage", "Proxy"),
        QCoreApplication.translate(
            "InstallPage",
            "Address of the proxy your network needs (ask your school or company), for example "
            "http://proxy.example.edu:8080. Leave empty to use this computer's own settings.",
        ),
        QLineEdit.EchoMode.Normal,
        current,
    )
    if not ok:
        return None
    text = text.strip()
    if text:
        text, problems = check_proxy_url(text)
        if problems:
            QMessageBox.warning(parent, QCoreApplication.translate("InstallPage", "Proxy"), problems[0])
            return None
    return text


def ask_wheel_folder(parent: QWidget, python: tuple[int, int] | None, os_name: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("InstallPage", "Choose the folder with the wheel files"),
        str(Path.home()),
    )
    if not folder:
        return None
    problems = check_wheel_folder(scan_wheel_folder(folder), python, os_name)
    if problems:
        QMessageBox.warning(parent, QCoreApplication.translate("InstallPage", "Wheel folder"), problems[0])
        return None
    return folder


def show_space(parent: QWidget, plan: InstallPlan, data: ReleaseData) -> None:
    checks = space_checks(
        plan.request.env_dir,
        data.installed_mb(plan.request.variant, plan.request.os_name),
        plan.download_mb,
        os_name=plan.request.os_name,
    )
    lines = []
    for check in checks:
        uses = QCoreApplication.translate("InstallPage", ", ").join(where_label(n.where) for n in check.needs)
        lines.append(
            QCoreApplication.translate("InstallPage", "{path}: needs {need} ({uses}), free {free}.").format(
                path=check.path,
                need=human_size(check.need_bytes),
                uses=uses,
                free=human_size(check.free_bytes or 0),
            )
        )
        if not check.ok:
            lines.append(
                QCoreApplication.translate("InstallPage", "Free up at least {size} there.").format(
                    size=human_size(check.short_by)
                )
            )
    QMessageBox.information(parent, QCoreApplication.translate("InstallPage", "Disk space"), "\n".join(lines))
