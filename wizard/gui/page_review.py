"""Review (the commit page): exactly what will run, where packages come from, size and free space."""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
)

from ..core import conda
from ..core.extras import nvcc_available, nvcc_conda_packages, nvcc_option_label
from ..core.plan import (
    INSTALL_TIMEOUT_S,
    InstallPlan,
    InstallRequest,
    PackageSource,
    SourceKind,
    Step,
    build_plan,
    check_index_url,
    check_wheel_folder,
    display_command,
    pinned_version,
    scan_wheel_folder,
)
from ..core.precheck import space_checks, where_label
from ..core.progress import human_size
from .common import Page, wrap_label
from .widgets import CopyableText
from .workers import WheelChecker


class ReviewPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self.summary = wrap_label()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.source_box = QGroupBox()
        self.src_index = QRadioButton()
        self.src_index.setChecked(True)
        self.src_folder = QRadioButton()
        self.src_custom = QRadioButton()
        self.group = QButtonGroup(self)
        for b in (self.src_index, self.src_folder, self.src_custom):
            self.group.addButton(b)
        self.group.buttonToggled.connect(self._on_source_changed)
        self.folder = QLineEdit()
        self.folder.textChanged.connect(self._update)
        self.folder_browse = QPushButton()
        self.folder_browse.clicked.connect(self._on_browse)
        self.custom = QLineEdit()
        self.custom.setPlaceholderText("https://…/simple")
        self.custom.textChanged.connect(self._update)
        grid = QGridLayout(self.source_box)
        grid.addWidget(self.src_index, 0, 0, 1, 3)
        grid.addWidget(self.src_folder, 1, 0)
        grid.addWidget(self.folder, 1, 1)
        grid.addWidget(self.folder_browse, 1, 2)
        grid.addWidget(self.src_custom, 2, 0)
        grid.addWidget(self.custom, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.torchvision = QCheckBox()
        self.torchvision.setChecked(True)
        self.torchvision.toggled.connect(self._update)
        self.nvcc = QCheckBox()
        self.nvcc.toggled.connect(self._update)
        self.route_label = QLabel()
        self.route = QComboBox()
        self.route.currentIndexChanged.connect(self._update)
        self.route_reason = wrap_label()
        self.checker = WheelChecker(self)
        # a bound method (not a lambda): the answer comes from a worker thread and must be queued to this one
        self.checker.done.connect(self._on_wheel_checked)
        self.commands_label = wrap_label()
        self.commands = CopyableText(lines=7)
        self.sizes = wrap_label()
        self.sizes.setTextFormat(Qt.TextFormat.RichText)
        self.message = wrap_label()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.source_box)
        route_row = QHBoxLayout()
        route_row.addWidget(self.route_label)
        route_row.addWidget(self.route, 1)
        layout.addLayout(route_row)
        layout.addWidget(self.route_reason)
        layout.addWidget(self.torchvision)
        layout.addWidget(self.nvcc)
        layout.addWidget(self.commands_label)
        layout.addWidget(self.commands, 1)
        row = QHBoxLayout()
        row.addWidget(self.sizes, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._ok = False
        self.retranslate()

    def initializePage(self) -> None:
        s = self.wiz().settings
        kind = s.value("source_kind", SourceKind.PYTORCH_INDEX.value)
        self.folder.setText(str(s.value("wheel_folder", "")))
        self.custom.setText(str(s.value("custom_index", "")))
        self.torchvision.setChecked(str(s.value("torchvision", "true")).lower() == "true")
        {SourceKind.WHEEL_FOLDER.value: self.src_folder, SourceKind.CUSTOM_INDEX.value: self.src_custom}.get(
            str(kind), self.src_index
        ).setChecked(True)
        self.wiz().setButtonText(QWizard.WizardButton.CommitButton, self.tr("Install"))
        st = self.state
        conda_env = st.manager == "conda" and st.conda_install is not None
        self.route.blockSignals(True)
        self.route.clear()
        if conda_env and st.variant is not None:
            for route, reason in conda.available_routes(st.conda_install, st.variant, st.os_name, st.data):
                self.route.addItem(self._route_label(route), (route, reason))
        self.route.blockSignals(False)
        for w in (self.route_label, self.route, self.route_reason):
            w.setVisible(conda_env)
        can_nvcc = nvcc_available(st.variant, st.data, conda=conda_env)
        self.nvcc.setVisible(can_nvcc)
        if not can_nvcc:
            self.nvcc.setChecked(False)
        self.retranslate()

    def _on_source_changed(self, *_args: object) -> None:
        self.folder.setEnabled(self.src_folder.isChecked())
        self.folder_browse.setEnabled(self.src_folder.isChecked())
        self.custom.setEnabled(self.src_custom.isChecked())
        self._update()

    def _on_browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose the folder with the wheel files"),
            self.folder.text() or os.path.expanduser("~"),
        )
        if path:
            self.folder.setText(path)

    def source(self) -> PackageSource:
        if self.src_folder.isChecked():
            return PackageSource(SourceKind.WHEEL_FOLDER, folder=self.folder.text().strip())
        if self.src_custom.isChecked():
            return PackageSource(SourceKind.CUSTOM_INDEX, index_url=self.custom.text().strip())
        return PackageSource(SourceKind.PYTORCH_INDEX, index_url=self.state.source_index_url)

    def _update(self, *_args: object) -> None:
        st = self.state
        if st.interpreter is None or st.variant is None:
            return
        problems: list[str] = []
        warnings: list[str] = []
        source = self.source()
        folder = None
        if source.kind is SourceKind.WHEEL_FOLDER:
            folder = scan_wheel_folder(source.folder or "")
            problems += check_wheel_folder(folder, st.python_version, st.os_name)
        elif source.kind is SourceKind.CUSTOM_INDEX:
            p, w = check_index_url(source.index_url or "")
            problems += p
            warnings += w
        try:
            plan = self._make_plan(source, folder)
        except ValueError as exc:  # a conda env name taken since the last page, say
            problems.append(str(exc))
            self._set_ok(False)
            self.message.setText("<br>".join(f"<span style='color:#a61b1b'>✘ {p}</span>" for p in problems))
            return
        wheel = self._wheel_check(plan, source)
        if wheel is not None and wheel.status == "missing":
            problems.append(wheel.message)
        st.plan = plan
        self._show_summary(plan)
        st.source = source
        st.include_torchvision = self.torchvision.isChecked()
        self.commands.setPlainText("\n".join(display_command(step.argv, st.os_name) for step in plan.steps))
        installed_mb = st.data.installed_mb(st.variant, st.os_name)
        size_lines = []
        if plan.download_mb:
            size_lines.append(
                self.tr("Download: about {size}.").format(size=human_size(plan.download_mb * 2**20))
            )
        else:
            size_lines.append(self.tr("Nothing is downloaded: the files come from the folder."))
        size_lines.append(
            self.tr("The new environment needs about {size}.").format(size=human_size(installed_mb * 2**20))
        )
        for check in space_checks(st.env_dir, installed_mb, plan.download_mb, os_name=st.os_name):
            uses = self.tr(", ").join(where_label(n.where) for n in check.needs)
            if check.free_bytes is not None:
                size_lines.append(
                    self.tr("Free space in {path}: {free} (needed: {need}, for {uses}).").format(
                        path=check.path,
                        free=human_size(check.free_bytes),
                        need=human_size(check.need_bytes),
                        uses=uses,
                    )
                )
            if not check.ok:
                problems.append(
                    self.tr(
                        "There is not enough free space in {path}: free up {size} there, or go back and choose a "
                        "folder on another drive."
                    ).format(path=check.path, size=human_size(check.short_by))
                )
        if wheel is not None and wheel.status == "found":
            size_lines.append("✔ " + wheel.message)
        elif wheel is not None:
            size_lines.append(
                self.tr(
                    "The download server could not be asked right now, so the wizard "
                    "trusts what it knows about PyTorch's packages."
                )
            )
        self.sizes.setText("<br>".join(size_lines))
        warnings += list(plan.notes)
        msg = [f"<span style='color:#a61b1b'>✘ {p}</span>" for p in problems] + [f"⚠ {w}" for w in warnings]
        self.message.setText("<br>".join(msg))
        self._set_ok(not problems)

    def _show_summary(self, plan: InstallPlan) -> None:
        st = self.state
        torch = pinned_version(plan, "torch") or st.torch_version or self.tr("the newest")
        if st.manager == "conda" and st.conda_install is not None:
            python = self.tr("Python {version} from conda-forge").format(version=self._python_text())
        else:
            python = self.tr("Python {version} from {path}").format(
                version=st.interpreter.version, path=st.interpreter.path
            )
        self.summary.setText(
            python
            + "<br>"
            + self.tr("New environment: <b>{env}</b>").format(env=st.env_dir)
            + "<br>"
            + self.tr("PyTorch {torch}, build “{variant}”").format(torch=torch, variant=st.variant or "")
        )

    def _on_wheel_checked(self, _key: object, _result: object) -> None:
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self._update()

    def _set_ok(self, ok: bool) -> None:
        if ok != self._ok:
            self._ok = ok
            self.completeChanged.emit()

    def _route_label(self, route: str) -> str:
        if route == conda.ROUTE_CONDA_FORGE:
            return self.tr("conda-forge's PyTorch packages (conda install)")
        return self.tr("PyTorch's own packages, installed with pip inside the conda environment")

    def _python_text(self) -> str:
        major, minor = self.state.python_version or (3, 12)
        return f"{major}.{minor}"

    def _make_plan(self, source: PackageSource, folder: Any) -> InstallPlan:
        """The exact commands for the choices so far (pip venv or conda env)."""
        st = self.state
        torchvision = st.torchvision_version if self.torchvision.isChecked() else None
        rec = st.recommendation
        extra = (
            tuple(getattr(rec, "extra_requirements", ()) or ())
            if rec is not None and getattr(rec, "torch", None) == st.torch_version
            else ()
        )
        if st.manager == "conda" and st.conda_install is not None:
            route, reason = self.route.currentData() or (conda.ROUTE_PIP, "")
            self.route_reason.setText(reason)
            torch = st.torch_version
            if source.kind is SourceKind.WHEEL_FOLDER and folder is not None:
                best = folder.best("torch", st.python_version or (3, 12), st.os_name)
                torch = str(best.version) if best else torch
                vision = folder.best("torchvision", st.python_version or (3, 12), st.os_name)
                torchvision = str(vision.version) if (vision and torchvision is not None) else None
            plan = conda.build_conda_install_plan(
                st.conda_install,
                st.conda_env_name,
                self._python_text(),
                st.os_name,
                st.variant,
                torch,
                torchvision,
                route,
                st.data,
                source.index_url,
                wheel_folder=source.folder if source.kind is SourceKind.WHEEL_FOLDER else None,
            )
            if self.nvcc.isChecked():
                packages = nvcc_conda_packages(st.variant, st.data)
                if packages:
                    install = st.conda_install
                    step = Step(
                        "install-nvcc",
                        install.exe,
                        (
                            "install",
                            "-y",
                            "--json",
                            "-n",
                            st.conda_env_name,
                            "--override-channels",
                            "-c",
                            "conda-forge",
                            *packages,
                        ),
                        INSTALL_TIMEOUT_S,
                    )
                    steps = list(plan.steps)
                    steps.insert(len(steps) - 1, step)
                    plan = dataclasses.replace(plan, steps=tuple(steps))
            return plan
        req = InstallRequest(
            base_python=st.interpreter.path,
            python_version=st.python_version or (0, 0),
            env_dir=st.env_dir,
            os_name=st.os_name,
            torch=st.torch_version,
            torchvision=torchvision,
            source=source,
            variant=st.variant,
            extra=extra,
            nvcc=self.nvcc.isChecked(),
        )
        return build_plan(req, st.data, folder=folder)

    def _wheel_check(self, plan: InstallPlan, source: PackageSource) -> Any:
        """Does the index really have torch for this Python and computer? None while asking / not asked."""
        st = self.state
        if source.kind is SourceKind.WHEEL_FOLDER or not source.index_url or st.python_version is None:
            return None
        if any(s.id == "conda-install" for s in plan.steps):
            return None  # conda-forge: conda's solver decides
        arch = getattr(st.hardware, "arch", None) or "x86_64"
        key = (source.index_url, plan.request.torch, st.python_version, st.os_name, arch)
        return self.checker.check(key)

    def isComplete(self) -> bool:
        return self._ok

    def validatePage(self) -> bool:
        self._update()
        if not self._ok:
            return False
        s = self.wiz().settings
        s.setValue("source_kind", self.source().kind.value)
        s.setValue("wheel_folder", self.folder.text().strip())
        s.setValue("custom_index", self.custom.text().strip())
        s.setValue("torchvision", "true" if self.torchvision.isChecked() else "false")
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("Check what will happen. Nothing has been changed yet: press Install to start.")
        )
        self.source_box.setTitle(self.tr("Where the packages come from"))
        st = self.state if self.wizard() is not None else None
        url = st.source_index_url if st is not None else None
        self.src_index.setText(
            self.tr("The PyTorch download server ({url})").format(url=url)
            if url
            else self.tr("The standard Python package index")
        )
        self.src_folder.setText(self.tr("A folder of wheel files (offline):"))
        self.folder_browse.setText(self.tr("Browse…"))
        self.src_custom.setText(self.tr("Another package index (a mirror):"))
        self.nvcc.setText(nvcc_option_label())
        self.route_label.setText(self.tr("How PyTorch gets into the conda environment:"))
        self.torchvision.setText(
            self.tr("Also install torchvision (images and ready-made datasets for PyTorch)")
        )
        self.commands_label.setText(self.tr("These commands will run, in this order:"))
        if st is not None and st.interpreter is not None:
            self._on_source_changed()
