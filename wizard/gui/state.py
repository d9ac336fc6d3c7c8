"""What the learner chose so far, shared by the pages (the wizard owns one instance)."""

from __future__ import annotations

import sys
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


class WizardState:
    """A plain class on purpose: it is built before the first page is shown, and a dataclass would
    import and compile more on that path."""

    def __init__(self, data: releases.ReleaseData | None = None, os_name: str | None = None) -> None:
        self.data: releases.ReleaseData = data or releases.load()
        self.os_name: str = os_name or current_os()
        self.interpreters: list[Any] = []  # wizard.core.interpreters.Interpreter
        self.interpreter: Any = None
        self.manager = "pip"  # or "conda"
        self.conda_install: Any = None  # wizard.core.conda.CondaInstall when manager == "conda"
        self.conda_env_name = ""
        self.env_dir = ""
        self.hardware: Any = None  # wizard.core.gpu.HardwareReport
        self.recommendation: Any = None  # wizard.core.builds.Recommendation
        self.variant: str | None = None  # chosen build; None until the Hardware page decided
        self.torch_version: str | None = None
        self.torchvision_version: str | None = None
        self.source_index_url: str | None = None  # the PyTorch index of the chosen build; None = default
        self.include_torchvision = True
        self.source: PackageSource | None = None  # set on the Review page
        self.plan: InstallPlan | None = None
        self.verify: dict[str, Any] | None = None  # what resources/verify.py reported
        self.demo_device = "cpu"
        self.demo_copy = ""  # the example script, copied into the new environment

    @property
    def python_version(self) -> tuple[int, int] | None:
        if self.interpreter is None or not self.interpreter.version_info[0]:
            return None
        return tuple(self.interpreter.version_info[:2])  # type: ignore[return-value]
