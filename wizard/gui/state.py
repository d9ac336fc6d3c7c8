"""What the learner chose so far, shared by the pages (the wizard owns one instance)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..core import releases

if TYPE_CHECKING:
    from ..core.plan import InstallPlan, PackageSource


def current_os() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


@dataclass(eq=False, repr=False)  # only __init__ is generated: less work before the first page
class WizardState:
    data: releases.ReleaseData = field(default_factory=releases.load)
    os_name: str = field(default_factory=current_os)
    interpreters: list[Any] = field(default_factory=list)  # wizard.core.interpreters.Interpreter
    interpreter: Any = None
    manager: str = "pip"  # or "conda"
    conda_install: Any = None  # wizard.core.conda.CondaInstall when manager == "conda"
    conda_env_name: str = ""
    env_dir: str = ""
    hardware: Any = None  # wizard.core.gpu.HardwareReport
    recommendation: Any = None  # wizard.core.builds.Recommendation
    variant: str | None = None  # chosen build; None until the Hardware page decided
    torch_version: str | None = None
    torchvision_version: str | None = None
    source_index_url: str | None = None  # the PyTorch index of the chosen build; None = pip's default
    include_torchvision: bool = True
    source: PackageSource | None = None  # set on the Review page
    plan: InstallPlan | None = None
    verify: dict[str, Any] | None = None  # what resources/verify.py reported
    demo_device: str = "cpu"
    demo_copy: str = ""  # the example script, copied into the new environment

    @property
    def python_version(self) -> tuple[int, int] | None:
        if self.interpreter is None or not self.interpreter.version_info[0]:
            return None
        return tuple(self.interpreter.version_info[:2])  # type: ignore[return-value]
