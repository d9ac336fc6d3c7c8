"""The Review page's decisions, without widgets: from the source, the wheel folder's scan, the kit's pick and
the package index's answers, what stands in the way, what is only worth a warning, which help to offer and
which questions to ask. Results are **codes with parameters** (:class:`Finding`); the page makes the words
when it shows them (``gui/review_words.py``), so a language switch re-words without deciding again.

Codes a :class:`Finding` may carry (params in brackets):

* ``said`` (text, escape): words another part of the core already made (a wheel-folder or address
  problem, a kit's problem, the index's answer, its login masked).
* ``nul-in-folder``: a folder name with a NUL character.
* ``mirror-behind`` (torch): the mirror has no such torch yet, and no other build could be chosen.
* ``vision-other`` (wanted, found, torch): the index lacks the pinned torchvision; another one is used.
* ``no-space`` (path, short_by): not enough free space there.
* ``kit-other-python`` (python, has), ``kit-no-build-runs`` (why, has), ``kit-nothing`` (target, has): the
  kit has nothing for this computer (``has``: the kit object, worded by the page).
* ``kit-ok`` (target), ``folder-ok`` (count): a check that passed.
* torchvision reasons: ``vision-no-build``, ``vision-not-in-kit``, ``vision-not-in-folder``,
  ``vision-not-on-index`` (version, torch).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from .plan import InstallRequest, PackageSource, Route, SourceKind, display_command
from .secrets import mask_secrets

# the help the page offers ("" : none)
HELP_SWITCH = "switch"
HELP_SERVER_UNREACHABLE = "server-unreachable"
HELP_MIRROR_UNREACHABLE = "mirror-unreachable"
HELP_MIRROR_MISSING = "mirror-missing"
HELP_BROKEN_WHEEL = "broken-wheel"
HELP_KIT_BROKEN = "kit-broken"
HELP_KIT_NOTHING = "kit-nothing"


@dataclass(frozen=True)
class Finding:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


def said(text: str, *, escape: bool = True) -> Finding:
    """Words another part of the core already made; ``escape``: they are plain text, not rich text (the
    wheel folder's and the address's problems have always been shown as they are)."""
    return Finding("said", {"text": text, "escape": escape})


# -- the computer -----------------------------------------------------------------------------


def machine(interpreter: Any, hardware: Any, python: tuple[int, int] | None, os_name: str) -> Any:
    """The builds.Machine a kit's target is picked for: the hardware report when there is one, else what
    the Python and the system say (a Mac: arm64)."""
    from . import builds

    bits = getattr(interpreter, "bits", 64) or 64
    ft = bool(getattr(interpreter, "free_threaded", False))
    if hardware is None:
        arch = "arm64" if os_name == "macos" else "x86_64"
        return builds.Machine(os=os_name, arch=arch, python=python, python_bits=bits, free_threaded=ft)
    return builds.Machine.from_report(hardware, python, bits, ft)


def this_target(m: Any, variant: str | None) -> SimpleNamespace:
    """This computer in the shape of a kit's target (for "it has nothing for this computer (…)")."""
    py = m.python or (0, 0)
    return SimpleNamespace(
        os=m.os, arch=m.arch, python=f"{py[0]}.{py[1]}", free_threaded=m.free_threaded, variant=variant
    )


def one_build(recommendation: Any) -> bool:
    """Only one build can be chosen for this computer (then "choose another build" helps nobody)."""
    choices = getattr(recommendation, "choices", ()) or ()
    return sum(1 for c in choices if getattr(c, "runs_here", False)) <= 1


def fitting_python(
    folder: Any, interpreters: Iterable[Any], current: str | None, data: Any, os_name: str
) -> Any:
    """Another suitable Python on this computer that the wheel folder has PyTorch for (None: none): a
    system Python before a venv, then the better one."""
    from . import interpreters as interp_mod

    if folder is None or not folder.has("torch"):
        return None
    fits = []
    for interp in interpreters:
        if interp.path == current or not interp.version_info[0]:
            continue
        verdict = interp_mod.assess(interp, data)
        if verdict.suitable and folder.best("torch", tuple(interp.version_info[:2]), os_name):
            fits.append((0 if not interp.is_venv else 1, -verdict.score, interp.path, interp))
    return min(fits, key=lambda f: f[:3])[3] if fits else None


# -- the source -------------------------------------------------------------------------------


def kit_location(source: PackageSource, kit_folder: str | None, mirror_to_check: str) -> str | None:
    """Where a kit may be for this source: a kit's folder, or a complete, valid mirror address the learner
    stopped typing (it is a plain mirror until it is known to be a kit); None: no kit to look at."""
    from . import envdir

    if source.kind is SourceKind.WHEEL_FOLDER:
        return kit_folder
    if source.kind is SourceKind.CUSTOM_INDEX:
        typed = (source.index_url or "").strip()
        if typed == mirror_to_check and envdir.is_complete_url(typed):
            return typed if not envdir.check_index_url(typed)[0] else None
    return None


def kit_is_plain_mirror(source: PackageSource, kit: Any) -> bool:
    """A typed address whose kit check says "no kit" or "cannot be reached": a plain mirror (the wheel
    check says whether it can be reached)."""
    plain = kit.error is not None and kit.error.code in ("not-a-kit", "kit-unreachable")
    return source.kind is SourceKind.CUSTOM_INDEX and plain


def source_problems(
    source: PackageSource, python: tuple[int, int] | None, os_name: str
) -> tuple[list[Finding], list[Finding], Any]:
    """(problems, warnings, scanned wheel folder or None) for a source that is no kit."""
    from . import envdir
    from .plan import check_wheel_folder, scan_wheel_folder

    problems: list[Finding] = []
    warnings: list[Finding] = []
    folder = None
    if source.kind is SourceKind.WHEEL_FOLDER:
        text = source.folder or ""
        if "\x00" in text:
            problems.append(Finding("nul-in-folder"))
        else:
            folder = scan_wheel_folder(text)
            problems += [said(p, escape=False) for p in check_wheel_folder(folder, python, os_name)]
    elif source.kind is SourceKind.CUSTOM_INDEX:
        p, w = envdir.check_index_url(source.index_url or "")
        problems += [said(t, escape=False) for t in p]
        warnings += [said(t, escape=False) for t in w]
    return problems, warnings, folder


def index_is_asked(source: PackageSource, problems: Sequence[Finding], mirror_to_check: str) -> bool:
    """The index is asked only for a complete mirror address the learner stopped typing (the download
    server and a kit's address always)."""
    from . import envdir

    if source.kind is not SourceKind.CUSTOM_INDEX:
        return True
    typed = (source.index_url or "").strip()
    return not problems and typed == mirror_to_check and envdir.is_complete_url(typed)


@dataclass
class KitVerdict:
    help: str = ""
    problems: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    done: list[Finding] = field(default_factory=list)
    usable: bool = False  # the kit has a target for this computer and every file of it matches


def judge_kit(kit: Any, here: SimpleNamespace) -> KitVerdict:
    """What a checked kit (``gui/review_checks.KitCheck``) means: ``here`` is this computer as a target."""
    if kit.error is not None:
        return KitVerdict(HELP_KIT_BROKEN, [said(kit.error.message())])
    pick = kit.pick
    if pick is None or not pick.ok or pick.target is None:
        code = getattr(pick, "code", "")
        params = dict(getattr(pick, "params", {}) or {})
        if code == "other-python":
            found = Finding("kit-other-python", {"python": params.get("python", ""), "has": kit.kit})
        elif code == "no-build-runs":
            found = Finding("kit-no-build-runs", {"why": params.get("why", ""), "has": kit.kit})
        else:
            found = Finding("kit-nothing", {"target": here, "has": kit.kit})
        return KitVerdict(HELP_KIT_NOTHING, [found])
    if kit.problems:
        return KitVerdict(HELP_KIT_BROKEN, [said(p.message()) for p in kit.problems])
    warnings = [said(pick.message())] if pick.code == "cpu-instead" else []
    return KitVerdict("", [], warnings, [Finding("kit-ok", {"target": pick.target})], usable=True)


@dataclass
class KitUse:
    source: PackageSource
    pins: tuple[str | None, str | None] | None  # (torch, torchvision) of the kit's target
    folder: Any  # plan.WheelFolder of a kit folder's wheels, or None


def use_kit(kit: Any, here: SimpleNamespace, source: PackageSource) -> tuple[KitVerdict, KitUse]:
    """What a checked kit means for the plan: its verdict, and (the source, (torch, torchvision) pins, the
    wheel folder) to install from, as the command line's ``--source kit:…`` (``core.kit.install_source``);
    an unusable kit leaves ``source`` as it is, without pins or folder."""
    verdict = judge_kit(kit, here)
    if not verdict.usable:
        return verdict, KitUse(source, None, None)
    from .kit import install_source
    from .plan import scan_wheel_folder

    source, torch, vision = install_source(kit.kit, kit.pick.target, True)
    folder = scan_wheel_folder(source.folder or "") if source.kind is SourceKind.WHEEL_FOLDER else None
    return verdict, KitUse(source, (torch, vision), folder)


# -- the plan ---------------------------------------------------------------------------------


def with_pins(request: InstallRequest, pins: tuple[str | None, str | None] | None) -> InstallRequest:
    """The request with the (torch, torchvision) pins the source decides (a kit's target; the index's
    torchvision for this torch); None in either place keeps the build's, except that a kit's torch without
    torchvision installs no torchvision."""
    if pins is None:
        return request
    torch, vision = pins
    changes: dict[str, Any] = {}
    if torch is not None:
        changes["torch"] = torch
    if request.torchvision is not None and vision is not None:
        changes["torchvision"] = vision
    elif vision is None and torch is not None:  # a kit without torchvision for this computer
        changes["torchvision"] = None
    return dataclasses.replace(request, **changes)


def shown_command(argv: Iterable[str], os_name: str) -> str:
    """The command as the learner could type it; an empty option value (``--find-links ''``) is left out."""
    args = list(argv)
    shown: list[str] = []
    i = 0
    while i < len(args):
        if args[i].startswith("--") and i + 1 < len(args) and args[i + 1] == "":
            i += 2
            continue
        shown.append(args[i])
        i += 1
    return display_command(shown, os_name)


# -- the index's answers ----------------------------------------------------------------------


def wheel_question(
    plan: Any, source: PackageSource, python: tuple[int, int] | None, os_name: str, arch: str | None
) -> tuple[Any, ...] | None:
    """The question "does the index have torch for this Python and computer?" for the plan, or None when
    it is not asked (a wheel folder, pip's usual place, conda-forge's solver)."""
    if source.kind is SourceKind.WHEEL_FOLDER or not source.index_url or python is None:
        return None
    if plan.request.route is Route.CONDA_FORGE and plan.is_conda:
        return None
    return (source.index_url, plan.request.torch, python, os_name, arch or "x86_64")


@dataclass
class IndexVerdict:
    problems: list[Finding] = field(default_factory=list)
    help: str = ""
    unreachable: bool = False  # the index could not be asked (Install anyway)


def judge_wheel(
    wheel: Any, source: PackageSource, *, one_build: bool, kit: bool, torch: str | None
) -> IndexVerdict:
    """What the index's answer about torch (``core.wheelcheck``: status found/missing/unknown) means."""
    out = IndexVerdict()
    if wheel is None:
        return out
    if wheel.status == "missing":
        if source.kind is SourceKind.CUSTOM_INDEX and one_build and not kit:
            out.problems.append(Finding("mirror-behind", {"torch": torch or ""}))
            out.help = HELP_MIRROR_MISSING
        else:
            out.problems.append(said(mask_secrets(wheel.message)))
    if wheel.status == "unknown" and source.kind is not SourceKind.WHEEL_FOLDER:
        out.unreachable = True
        out.help = (
            HELP_SERVER_UNREACHABLE if source.kind is SourceKind.PYTORCH_INDEX else HELP_MIRROR_UNREACHABLE
        )
    return out


def torchvision_verdict(
    has_version: bool,
    python: tuple[int, int] | None,
    os_name: str,
    *,
    folder: Any,
    kit_target: Any,
    vision: Any,
) -> tuple[bool, Finding]:
    """(can torchvision be installed, the reason when not): no version for this build, not in the kit or the
    wheel folder, or not on the index for this torch (``vision``: gui/review_checks.VisionCheck)."""
    py = python or (3, 12)
    if kit_target is not None:
        return bool(kit_target.torchvision), Finding("vision-not-in-kit")
    if not has_version:
        return False, Finding("vision-no-build")
    if folder is not None and folder.best("torchvision", py, os_name) is None:
        return False, Finding("vision-not-in-folder")
    if vision is not None and vision.status == "none":
        return False, Finding("vision-not-on-index", {"version": vision.wanted, "torch": vision.torch})
    return True, Finding("vision-no-build")


def space_problems(checks: Iterable[Any]) -> list[Finding]:
    """A problem for every place without room enough (``core.precheck.space_checks``)."""
    return [Finding("no-space", {"path": c.path, "short_by": c.short_by}) for c in checks if not c.ok]


__all__ = [
    "Finding",
    "IndexVerdict",
    "KitVerdict",
    "fitting_python",
    "index_is_asked",
    "judge_kit",
    "judge_wheel",
    "kit_is_plain_mirror",
    "kit_location",
    "machine",
    "one_build",
    "said",
    "shown_command",
    "source_problems",
    "space_problems",
    "this_target",
    "torchvision_verdict",
    "wheel_question",
    "with_pins",
]
