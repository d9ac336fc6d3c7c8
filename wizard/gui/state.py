"""What the learner chose so far, shared by the pages (the wizard owns one instance).

Each field has its writer, named beside it and in ``WRITERS``: the page (module of ``wizard.gui``) that
may set it, directly or through the small writer methods below; other pages only read it. A write from
any other module of the wizard raises AttributeError, so that a field never changes from a place nobody
expects (the GUI tests walk every page; ``tests/test_state.py`` also reads every assignment in the
code). Tests and tools may set up a state as they like.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ..core import releases

if TYPE_CHECKING:
    from types import FrameType

    from ..core.builds import Choice, Recommendation
    from ..core.conda import CondaInstall
    from ..core.gpu import HardwareReport
    from ..core.interpreters import Interpreter
    from ..core.plan import InstallPlan, InstallRequest, PackageSource


# field -> the modules of wizard.gui that write it (``state`` itself: only in __init__)
WRITERS: dict[str, tuple[str, ...]] = {
    "data": ("page_hardware",),
    "os_name": (),
    "interpreters": ("page_python",),
    "interpreter": ("page_python", "page_review"),
    "manager": ("page_manager", "window"),
    "conda_install": ("page_manager",),
    "conda_env_name": ("page_manager", "window"),
    "env_dir": ("page_manager", "window"),
    "hardware": ("page_hardware",),
    "recommendation": ("page_hardware",),
    "variant": ("page_hardware", "window"),
    "torch_version": ("page_hardware",),
    "torchvision_version": ("page_hardware",),
    "source_index_url": ("page_hardware",),
    "include_torchvision": ("page_review",),
    "source": ("page_review",),
    "plan": ("page_review", "page_install", "window"),
    "verify": ("page_install",),
    "after": ("page_install",),
    "demo_device": ("page_hardware", "page_install"),
    "demo_copy": ("page_install",),
}


_MODULES = {name: tuple(f"{__package__}.{m}" for m in owners) for name, owners in WRITERS.items()}


def _writer_module() -> str:
    """The module that asked for a write: the first caller outside this module."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    return str(frame.f_globals.get("__name__", "")) if frame is not None else ""


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
        object.__setattr__(self, "_ready", False)
        self.data: releases.ReleaseData = data or releases.load()  # the Hardware page: the live index
        self.os_name: str = os_name or current_os()
        # Python page
        self.interpreters: list[Interpreter] = []
        self.interpreter: Interpreter | None = None  # Python page; Review's "switch to this Python"
        # Where-to-install page
        self.manager: str = "pip"  # or "conda"
        self.conda_install: CondaInstall | None = None  # when manager == "conda"
        self.conda_env_name: str = ""
        self.env_dir: str = ""
        # Hardware page
        self.hardware: HardwareReport | None = None
        self.recommendation: Recommendation | None = None
        self.variant: str | None = None  # chosen build; None until the Hardware page decided
        self.torch_version: str | None = None
        self.torchvision_version: str | None = None
        self.source_index_url: str | None = None  # the PyTorch index of the chosen build; None = default
        # Review page
        self.include_torchvision: bool = True
        self.source: PackageSource | None = None
        self.plan: InstallPlan | None = None  # Review; the Install page's re-plans; the window (resume)
        # Install page (from the install session's outcome)
        self.verify: dict[str, Any] | None = None  # what resources/verify.py reported
        self.after: Any = None  # aftercheck.AfterCheck
        self.demo_device: str = "cpu"  # Hardware page's guess, then the after-check's finding
        self.demo_copy: str = ""  # the example script, copied into the new environment
        object.__setattr__(self, "_ready", True)

    def __setattr__(self, name: str, value: Any) -> None:
        if self.__dict__.get("_ready"):
            module = _writer_module()
            if module.startswith("wizard.") and module not in _MODULES.get(name, ()):
                owners = ", ".join(WRITERS.get(name, ())) or "nobody after the start"
                raise AttributeError(
                    f"WizardState.{name} is written by {owners}, not by {module}"
                    if name in WRITERS
                    else f"WizardState has no field {name!r} (the fields are declared in WizardState.__init__)"
                )
        object.__setattr__(self, name, value)

    @property
    def python_version(self) -> tuple[int, int] | None:
        if self.interpreter is None or not self.interpreter.version_info[0]:
            return None
        return (int(self.interpreter.version_info[0]), int(self.interpreter.version_info[1]))

    def chosen_build(self) -> Recommendation | Choice | None:
        """The build that is meant to be installed: the recommendation, or the learner's other choice."""
        rec = self.recommendation
        if rec is None or rec.variant == self.variant:
            return rec
        return next((c for c in rec.choices if c.variant == self.variant), rec)

    # -- writers -------------------------------------------------------------------------------------
    def set_plan(self, plan: InstallPlan | None) -> None:
        self.plan = plan

    def resume(self, request: InstallRequest, plan: InstallPlan) -> None:
        """The window finishes an install a killed app left behind: what that install had chosen."""
        from ..core.plan import conda_env_name, is_conda_plan

        self.set_plan(plan)
        self.env_dir = request.env_dir
        self.variant = request.variant
        if is_conda_plan(plan):
            self.manager, self.conda_env_name = "conda", conda_env_name(plan)

    def set_installed(self, verify: dict[str, Any], after: Any, lesson_copy: str) -> None:
        """The install session succeeded: what it found, for the Demo and Finish pages."""
        self.verify = verify
        self.after = after
        if after is not None and getattr(after, "device", None):
            self.demo_device = str(after.device)
        self.demo_copy = lesson_copy

    def make_request(
        self,
        source: PackageSource,
        *,
        torchvision: bool,
        nvcc: bool = False,
        route: str = "pip",
        jupyter: bool = False,
    ) -> InstallRequest:
        """The install request for everything chosen so far (a new venv or a new conda env)."""
        from ..core.plan import CondaTarget, InstallRequest, Manager, Route

        build = self.chosen_build()
        extra: tuple[str, ...] = ()
        if build is not None and getattr(build, "torch", None) == self.torch_version:
            extra = tuple(getattr(build, "extra_requirements", ()) or ())
        size = getattr(build, "download_mb", None)
        conda_target = None
        base = self.interpreter.path if self.interpreter is not None else ""
        if self.manager == "conda" and self.conda_install is not None:
            inst = self.conda_install
            conda_target = CondaTarget(inst.exe, inst.kind, self.conda_env_name, inst.root_prefix or "")
            base = inst.exe
        hw = self.hardware
        return InstallRequest(
            base_python=base,
            python_version=self.python_version or (0, 0),
            env_dir=self.env_dir,
            os_name=self.os_name,
            torch=self.torch_version,
            torchvision=self.torchvision_version if torchvision else None,
            source=source,
            variant=self.variant or "cpu",
            extra=extra,
            nvcc=nvcc,
            manager=Manager.CONDA if conda_target is not None else Manager.PIP,
            conda=conda_target,
            route=Route(route) if conda_target is not None else Route.PIP,
            jupyter=jupyter,
            download_mb=int(size) if isinstance(size, (int, float)) and size else None,
            arch=getattr(hw, "arch", None) if hw is not None else None,
        )
