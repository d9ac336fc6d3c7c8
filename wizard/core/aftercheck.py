"""After installing: does the PyTorch that was installed use the device the wizard chose? If not, why?

``explain_verify`` reads the verify script's JSON (``resources/verify.py``: keys ok, torch, cuda_build,
hip_build, cuda_available, cuda_error, mps_available, xpu_available, devices, device_names), the build that
was chosen (a ``builds.Recommendation`` or ``builds.Choice``) and, when known, the hardware report, and
says in plain words what PyTorch can use and, when that is not what was expected, what to do.

Causes, in the order they are tried when the expected GPU is not usable:

* torch did not import at all (``ok`` false): left to ``diagnose`` for the details.
* a build of the wrong kind: the CPU-only build (``+cpu``, or no CUDA/ROCm version) where a GPU build was
  chosen -> the exact ``pip install --force-reinstall`` command for the chosen build's index;
* NVIDIA: no driver / driver not responding (hardware report, or torch's "Found no NVIDIA driver");
  driver older than the build's minimum (data file, or torch's "driver ... is too old (found version
  N)"); no NVIDIA GPU found at all; otherwise a generic explanation with torch's own error text;
* NVIDIA, CUDA usable, but a GPU's compute capability is not in the build (``builds.cc_coverage``, the
  same rule the recommendation uses; or torch's "no kernel image is available") -> that GPU cannot be used;
* AMD (ROCm) and Intel (XPU): the driver/runtime the build needs;
* ``CUDA_VISIBLE_DEVICES`` that hides every GPU, when the verify result carries it (an optional key
  ``cuda_visible_devices``; verify.py does not write it yet);
* Apple: macOS older than the release's ``mps_min_macos`` (data file; 14.0 for current releases, 12.3
  for 2.2) or a Python that runs through Rosetta.

``ok`` is true when torch works and the expected device is usable (expected "cpu" counts). ``code`` names
the cause; where ``diagnose`` has the same cause it uses the same code, and ``actions`` are ids from
``diagnose.ACTIONS``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from . import releases as _releases
from .builds import cc_coverage, version_at_least, version_tuple
from .causes import actions_for
from .gpu import Gpu, HardwareReport
from .plan import display_command
from .releases import ReleaseData, Variant
from .tr import translate

CODES: tuple[str, ...] = (
    "ok",
    "import-failed",
    "cpu-build-on-gpu",
    "wrong-gpu-build",
    "no-nvidia-driver",
    "driver-not-responding",
    "driver-too-old",
    "no-nvidia-gpu",
    "gpu-arch-unsupported",
    "cuda-unavailable",
    "rocm-unavailable",
    "xpu-unavailable",
    "mps-macos-too-old",
    "mps-unavailable",
)

# Words made when read: a message is a function that translates when it is called.
Words = Callable[[], str]

_NO_DRIVER = re.compile(r"Found no NVIDIA driver on your system", re.I)
_DRIVER_OLD = re.compile(r"NVIDIA driver on your system is too old(?: \(found version (\d+)\))?", re.I)
_NO_KERNEL = re.compile(
    r"no kernel image is available for execution on the device|"
    r"is not compatible with the current PyTorch installation",
    re.I,
)


@dataclass(frozen=True)
class AfterCheck:
    ok: bool  # torch works and the device the wizard chose is usable
    gpu_usable: bool  # PyTorch can use some GPU (cuda, xpu or mps)
    device: str  # "cuda" | "mps" | "xpu" | "cpu": the device programs (and the demo) should use
    words: tuple[Words, ...] = field(default=(), compare=False)  # each makes one message when called
    code: str = "ok"  # one of CODES
    actions: tuple[str, ...] = ()  # ids from causes.ACTIONS (the table diagnose shares)
    fix_command: tuple[str, ...] = ()  # argv that repairs a wrong build (shown, copyable; run as a step)

    @property
    def messages(self) -> tuple[str, ...]:
        """Plain words, translated now (in the language active when read); the first is the headline."""
        return tuple(text for text in (w() for w in self.words) if text)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "gpu_usable": self.gpu_usable,
            "device": self.device,
            "messages": list(self.messages),
            "code": self.code,
            "actions": list(self.actions),
            "fix_command": list(self.fix_command),
        }


class BuildLike(Protocol):
    """What is read from the chosen build: ``builds.Recommendation`` and ``builds.Choice`` both fit."""

    @property
    def torch(self) -> str | None: ...

    @property
    def torchvision(self) -> str | None: ...

    @property
    def variant(self) -> str | None: ...

    @property
    def index_url(self) -> str | None: ...


# --------------------------------------------------------------------------------------------
# Reading the verify result
# --------------------------------------------------------------------------------------------


def local_label(torch_version: str | None) -> str:
    """ "cu130" for "2.13.0+cu130"; "" without a label."""
    text = torch_version or ""
    return text.split("+", 1)[1].lower() if "+" in text else ""


def build_kind(verify: Mapping[str, Any]) -> str:
    """What the installed torch was built for: "cuda" | "rocm" | "xpu" | "cpu"."""
    if verify.get("hip_build"):
        return "rocm"
    if verify.get("cuda_build"):
        return "cuda"
    label = local_label(verify.get("torch"))
    if label.startswith("xpu"):
        return "xpu"
    if label.startswith("rocm"):
        return "rocm"
    if label.startswith("cu") and label[2:].isdigit():
        return "cuda"
    return "cpu"


def installed_variant(verify: Mapping[str, Any], data: ReleaseData) -> Variant | None:
    """The data file's variant of the installed torch: from the local label ("+cu130"), else from
    ``cuda_build`` ("13.0" -> the variant with that CUDA version)."""
    label = local_label(verify.get("torch"))
    if label in data.variants:
        return data.variants[label]
    cuda = verify.get("cuda_build")
    if cuda:
        for v in data.variants.values():
            if v.kind == "cuda" and v.cuda == str(cuda):
                return v
    hip = verify.get("hip_build")
    if hip:
        rocm = [v for v in data.variants.values() if v.kind == "rocm"]
        want = version_tuple(str(hip))[:2]
        for v in rocm:
            if version_tuple(str(v.raw.get("rocm", "")))[:2] == want:
                return v
    return None


def _expected_kind(rec: BuildLike | None, hardware: HardwareReport | None, data: ReleaseData) -> str:
    """ "cuda" (NVIDIA) | "rocm" | "xpu" | "mps" | "cpu": what the chosen build should be able to use."""
    if rec is not None and rec.variant:
        if rec.variant == "mps":
            return "mps"
        v = data.variants.get(rec.variant)
        return v.kind if v is not None else "cpu"
    device = getattr(rec, "device", None)
    if device in ("cuda", "mps", "xpu"):
        return str(device)
    if hardware is not None:
        if hardware.os == "macos" and hardware.arch == "arm64":
            return "mps"
        if hardware.nvidia_gpus and hardware.nvidia_state == "ok":
            return "cuda"
    return "cpu"


def _names(verify: Mapping[str, Any], prefix: str) -> list[tuple[str, str]]:
    """(device id, name) of the verify result's devices that start with ``prefix``."""
    names = verify.get("device_names") or {}
    out = []
    for dev in verify.get("devices") or []:
        if str(dev).startswith(prefix):
            out.append((str(dev), str(names.get(dev) or dev)))
    return out


def _device_list(devices: list[tuple[str, str]]) -> str:
    parts = []
    for dev, name in devices:
        kind = dev.split(":")[0]
        parts.append(name if kind.upper() in name.upper() and ":" not in dev else f"{name} ({dev})")
    return ", ".join(parts)


def _gpus_text(gpus: tuple[Gpu, ...]) -> str:
    return ", ".join(g.name for g in gpus)


def _driver(hardware: HardwareReport | None) -> str | None:
    if hardware is None:
        return None
    return hardware.nvidia_driver or next(
        (g.driver_version for g in hardware.nvidia_gpus if g.driver_version), None
    )


def _fix_command(rec: BuildLike, env_python: str) -> tuple[str, ...]:
    reqs_fn = getattr(rec, "requirements", None)
    if callable(reqs_fn):
        reqs = tuple(reqs_fn())
    else:
        reqs = tuple(f"{n}=={v}" for n, v in (("torch", rec.torch), ("torchvision", rec.torchvision)) if v)
    if not reqs:
        return ()
    argv = [env_python, "-m", "pip", "install", "--force-reinstall", *reqs]
    if rec.index_url:
        argv += ["--index-url", rec.index_url]
    return tuple(argv)


def _other_cuda_builds(
    data: ReleaseData,
    torch_version: str | None,
    hardware: HardwareReport | None,
    *,
    exclude: str | None,
    cuda_max: str | None = None,
) -> list[Variant]:
    """CUDA builds of the installed release (else the recommended one) that this driver runs and that have
    code for every NVIDIA GPU whose compute capability is known; best first (``cuda_preference``).

    The driver is judged by its version against the build's minimum; when only the newest CUDA it supports
    is known (``cuda_max``), by the CUDA major version (NVIDIA's minor-version compatibility: any 12.x
    driver runs every 12.x build)."""
    try:
        release = data.release((torch_version or "").split("+")[0] or None)
    except KeyError:
        release = data.newest
    os_name = hardware.os if hardware else "linux"
    driver = _driver(hardware)
    gpus = hardware.nvidia_gpus if hardware else ()
    pref = list(data.cuda_preference)
    out = []
    for name in release.variants:
        v = data.variants.get(name)
        if v is None or v.kind != "cuda" or name == exclude or not v.available_on(os_name):
            continue
        need = v.driver_min(os_name)
        if driver and need and not version_at_least(driver, need):
            continue
        if not driver and cuda_max and version_tuple(v.cuda)[:1] > version_tuple(cuda_max)[:1]:
            continue
        if any(
            g.compute_capability
            and not cc_coverage(g.compute_capability, v.compute_capabilities, v.ptx_on(os_name))
            for g in gpus
        ):
            continue
        out.append(v)
    out.sort(key=lambda v: pref.index(v.name) if v.name in pref else len(pref))
    return out


# --------------------------------------------------------------------------------------------
# The explanation
# --------------------------------------------------------------------------------------------


def explain_verify(
    verify: Mapping[str, Any],
    recommendation: BuildLike | None,
    hardware: HardwareReport | None,
    *,
    data: ReleaseData | None = None,
    macos_version: str | None = None,
    env_python: str = "python",
    extra_text: str = "",
) -> AfterCheck:
    """What the installed PyTorch can use, and why not the expected GPU.

    ``verify``: the JSON after ``WIZARD-VERIFY``; ``recommendation``: the build that was installed
    (``Recommendation`` or ``Choice``); ``hardware``: the report from ``detect_hardware`` (None: unknown);
    ``macos_version``: ``platform.mac_ver()[0]`` of the Mac; ``env_python``: the environment's Python, for
    the repair command; ``extra_text``: anything else the verify run printed (torch's warnings go to
    stderr: "no kernel image ...", "driver ... too old").

    The result's ``code``, ``device`` and ``fix_command`` are decided here; its ``messages`` are worded when
    read, so a language switch needs no new check.
    """
    data = data or _releases.load()
    os_name = hardware.os if hardware else ("macos" if macos_version else "linux")
    torch_version = str(verify.get("torch") or "")
    kernel_errors = " ".join(str(e) for e in (verify.get("kernel_errors") or {}).values())
    text = " ".join(
        str(t)
        for t in (verify.get("cuda_error") or "", verify.get("error") or "", kernel_errors, extra_text)
        if t
    )

    def result(
        ok: bool, gpu: bool, device: str, code: str, *words: Words | None, fix: tuple[str, ...] = ()
    ) -> AfterCheck:
        return AfterCheck(
            ok, gpu, device, tuple(w for w in words if w is not None), code, actions_for(code), fix
        )

    if not verify.get("ok"):
        error = verify.get("error")
        return result(
            False,
            False,
            "cpu",
            "import-failed",
            lambda: translate("AfterCheck", "PyTorch was installed but could not be loaded: {error}").format(
                error=error or translate("AfterCheck", "no details")
            ),
        )

    expected = _expected_kind(recommendation, hardware, data)
    kind = build_kind(verify)
    cuda_devs = _names(verify, "cuda") if verify.get("cuda_available") else []
    xpu_devs = _names(verify, "xpu") if verify.get("xpu_available") else []
    mps_devs = _names(verify, "mps") if verify.get("mps_available") else []

    def on_cpu() -> str:
        return translate(
            "AfterCheck", "PyTorch itself works; until this is fixed it runs on the processor (CPU)."
        )

    # ---- a usable GPU ---------------------------------------------------------------------
    if cuda_devs:
        return _cuda_usable(verify, cuda_devs, kind, hardware, data, os_name, text, result)
    for devs, device in ((xpu_devs, "xpu"), (mps_devs, "mps")):
        if devs:
            return result(True, True, device, "ok", _can_use(devs), _use_device(device))

    # ---- no GPU usable ----------------------------------------------------------------------
    if expected == "cpu":
        return result(
            True,
            False,
            "cpu",
            "ok",
            lambda: translate("AfterCheck", "PyTorch works. It runs on the processor (CPU)."),
        )

    if expected in ("cuda", "rocm", "xpu") and kind != expected and recommendation is not None:
        return _wrong_build(
            recommendation, kind, expected, hardware, data, env_python, torch_version, on_cpu, result
        )

    if expected == "cuda":
        return _cuda_unavailable(verify, hardware, data, os_name, text, torch_version, on_cpu, result)
    if expected == "rocm":
        return result(
            False,
            False,
            "cpu",
            "rocm-unavailable",
            lambda: translate(
                "AfterCheck",
                "The AMD GPU build (ROCm) of PyTorch is installed, but it cannot reach the AMD GPU.",
            ),
            lambda: translate(
                "AfterCheck",
                'Check that the amdgpu driver is loaded and that your user is in the "render" and "video" '
                "groups (then log out and in again). A GPU that ROCm does not list cannot be used.",
            ),
            _error_line(text),
            on_cpu,
        )
    if expected == "xpu":
        if os_name == "windows":

            def how() -> str:
                return translate(
                    "AfterCheck",
                    "Install the newest Intel graphics driver for your GPU from Intel's website, restart, and "
                    "check again.",
                )
        else:

            def how() -> str:
                return translate(
                    "AfterCheck",
                    "Install Intel's GPU driver with its compute runtime (Level Zero), as Intel's guide for your "
                    "Linux distribution describes, then check again.",
                )

        return result(
            False,
            False,
            "cpu",
            "xpu-unavailable",
            lambda: translate(
                "AfterCheck",
                "The Intel GPU build (XPU) of PyTorch is installed, but it cannot reach the GPU.",
            ),
            how,
            _error_line(text),
            on_cpu,
        )
    # expected == "mps"
    need = data.mps_min_macos(torch_version) or data.mps_min_macos()
    if macos_version and need and not version_at_least(macos_version, need):
        have = macos_version
        return result(
            False,
            False,
            "cpu",
            "mps-macos-too-old",
            lambda: translate(
                "AfterCheck",
                "PyTorch {torch} can use the Mac's GPU (MPS) only on macOS {need} or newer; this Mac has macOS "
                "{have}.",
            ).format(torch=torch_version.split("+")[0], need=need, have=have),
            lambda: translate("AfterCheck", "Update macOS (System Settings > General > Software Update)."),
            on_cpu,
        )
    return result(
        False,
        False,
        "cpu",
        "mps-unavailable",
        lambda: translate("AfterCheck", "PyTorch cannot use the Mac's GPU (MPS)."),
        lambda: translate(
            "AfterCheck",
            "It needs macOS {need} or newer and a Python made for Apple Silicon (arm64), not one that runs "
            "through Rosetta.",
        ).format(need=need or "14.0"),
        on_cpu,
    )


def _use_device(device: str) -> Words:
    return lambda: translate("AfterCheck", 'In your programs, use the device "{device}".').format(
        device=device
    )


def _can_use(devices: list[tuple[str, str]]) -> Words:
    listed = _device_list(devices)
    if len(devices) == 1:
        return lambda: translate("AfterCheck", "PyTorch can use your {device}.").format(device=listed)
    return lambda: translate("AfterCheck", "PyTorch can use your GPUs: {devices}.").format(devices=listed)


def _error_line(text: str) -> Words | None:
    text = " ".join(text.split())
    if not text:
        return None
    return lambda: translate("AfterCheck", "PyTorch's own message: {error}").format(error=text[:400])


def _joined(*words: Words) -> Words:
    """One message of several sentences."""
    return lambda: " ".join(w() for w in words)


class _Result(Protocol):
    def __call__(
        self, ok: bool, gpu: bool, device: str, code: str, *words: Words | None, fix: tuple[str, ...] = ()
    ) -> AfterCheck: ...


def _cuda_usable(
    verify: Mapping[str, Any],
    devs: list[tuple[str, str]],
    kind: str,
    hardware: HardwareReport | None,
    data: ReleaseData,
    os_name: str,
    text: str,
    result: _Result,
) -> AfterCheck:
    use = _use_device("cuda")
    if kind == "rocm":
        return result(True, True, "cuda", "ok", _can_use(devs), use)
    variant = installed_variant(verify, data)
    gpus = hardware.nvidia_gpus if hardware else ()
    uncovered: list[Gpu] = []
    if variant is not None:
        ptx = variant.ptx_on(os_name)
        uncovered = [
            g
            for g in gpus
            if g.compute_capability
            and not cc_coverage(g.compute_capability, variant.compute_capabilities, ptx)
        ]
    arch_list = [str(a) for a in verify.get("arch_list") or ()]
    if arch_list:  # what the installed build really holds, as torch says: it wins over the data file
        built = [a.split("_", 1)[1] for a in arch_list if a.startswith("sm_")]
        has_ptx = any(a.startswith("compute_") for a in arch_list)
        ccs = [f"{b[:-1]}.{b[-1]}" for b in built if b.isdigit() and len(b) >= 2]
        uncovered = [
            g for g in gpus if g.compute_capability and not cc_coverage(g.compute_capability, ccs, has_ptx)
        ]
    if _NO_KERNEL.search(text) and not uncovered:
        uncovered = list(gpus) or [Gpu("nvidia", devs[0][1], None, None, None)]
    if not uncovered:
        return result(True, True, "cuda", "ok", _can_use(devs), use)
    label = variant.label if variant else (verify.get("torch") or "")
    better = _other_cuda_builds(
        data, str(verify.get("torch") or ""), hardware, exclude=variant.name if variant else None
    )

    def no_code(gpu: Gpu) -> Words:
        return lambda: translate(
            "AfterCheck",
            "This PyTorch build ({build}) has no code for your {gpu} (compute capability {cc}), so PyTorch "
            'fails on it with "no kernel image is available".',
        ).format(build=label, gpu=gpu.name, cc=gpu.compute_capability or "?")

    problem = [no_code(g) for g in uncovered]
    if better:
        better_label = better[0].label

        def fix() -> str:
            return translate(
                "AfterCheck", "Install the {build} build instead: it has code for this GPU."
            ).format(build=better_label)
    else:

        def fix() -> str:
            return translate(
                "AfterCheck",
                "No current PyTorch build supports this GPU; PyTorch can still run on the processor (CPU).",
            )

    usable = len(uncovered) < max(len(gpus), len(devs))
    if usable:
        ok_devs = [d for d in devs if d[1] not in {g.name for g in uncovered}] or devs
        return result(True, True, "cuda", "gpu-arch-unsupported", _can_use(ok_devs), *problem, fix, use)
    return result(False, False, "cpu", "gpu-arch-unsupported", *problem, fix)


def _wrong_build(
    rec: BuildLike,
    kind: str,
    want_kind: str,
    hardware: HardwareReport | None,
    data: ReleaseData,
    env_python: str,
    torch_version: str,
    on_cpu: Words,
    result: _Result,
) -> AfterCheck:
    chosen = data.variants.get(rec.variant or "")
    chosen_label = chosen.label if chosen else (rec.variant or "?")
    os_name = hardware.os if hardware else "linux"
    if want_kind == "cuda":
        gpus = _gpus_text(hardware.nvidia_gpus) if hardware else ""
    elif want_kind == "rocm":
        gpus = _gpus_text(tuple(g for g in hardware.gpus if g.vendor == "amd")) if hardware else ""
    else:
        gpus = _gpus_text(tuple(g for g in hardware.gpus if g.vendor == "intel")) if hardware else ""
    if kind == "cpu":
        code = "cpu-build-on-gpu"

        def headline() -> str:
            return translate(
                "AfterCheck",
                "The CPU-only PyTorch ({torch}) was installed, although the {build} build was chosen, so PyTorch "
                "cannot use the GPU.",
            ).format(torch=torch_version, build=chosen_label)
    else:
        code = "wrong-gpu-build"

        def headline() -> str:
            return translate(
                "AfterCheck",
                "A PyTorch build for another kind of GPU ({torch}) was installed, although the {build} build was "
                "chosen, so PyTorch cannot use the GPU.",
            ).format(torch=torch_version, build=chosen_label)

    found: Words | None = (
        (lambda: translate("AfterCheck", "This computer has: {gpus}.").format(gpus=gpus)) if gpus else None
    )
    argv = _fix_command(rec, env_python)
    if argv:
        command = display_command(list(argv), os_name)

        def how() -> str:
            return translate(
                "AfterCheck",
                "To fix it, install the {build} build over it (--force-reinstall replaces the installed "
                "packages): {command}",
            ).format(build=chosen_label, command=command)
    else:

        def how() -> str:
            return translate("AfterCheck", "To fix it, choose the {build} build and install again.").format(
                build=chosen_label
            )

    return result(False, False, "cpu", code, headline, found, how, on_cpu, fix=argv)


def _hides_all_gpus(value: str) -> bool:
    """Whether a CUDA_VISIBLE_DEVICES value leaves no GPU (CUDA stops at the first invalid entry)."""
    first = value.strip().split(",")[0].strip()
    return not first or first.startswith("-") or not re.match(r"\d|GPU-|MIG-", first)


def _cuda_unavailable(
    verify: Mapping[str, Any],
    hardware: HardwareReport | None,
    data: ReleaseData,
    os_name: str,
    text: str,
    torch_version: str,
    on_cpu: Words,
    result: _Result,
) -> AfterCheck:
    variant = installed_variant(verify, data)
    cuda_build = verify.get("cuda_build") or "?"

    def headline() -> str:
        label = variant.label if variant else translate("AfterCheck", "CUDA {cuda}").format(cuda=cuda_build)
        return translate(
            "AfterCheck", "The NVIDIA GPU build of PyTorch ({build}) is installed, but it cannot use the GPU."
        ).format(build=label)

    state = hardware.nvidia_state if hardware else "unknown"

    if state == "no-driver" or _NO_DRIVER.search(text):
        return result(
            False,
            False,
            "cpu",
            "no-nvidia-driver",
            headline,
            lambda: translate(
                "AfterCheck",
                "No NVIDIA driver is loaded. Install the NVIDIA driver for your graphics card (from NVIDIA's "
                "website or your system's driver manager), restart the computer, and check again.",
            ),
            on_cpu,
        )
    if state == "driver-not-responding":
        return result(
            False,
            False,
            "cpu",
            "driver-not-responding",
            headline,
            lambda: translate(
                "AfterCheck",
                "The NVIDIA driver is installed but not responding. Restart the computer; if that does not "
                "help, reinstall the NVIDIA driver. Then check again.",
            ),
            on_cpu,
        )

    driver = _driver(hardware)
    need = variant.driver_min(os_name) if variant else None
    old = _DRIVER_OLD.search(text)
    cuda_max = hardware.nvidia_cuda_max if hardware else None
    if old and old.group(1):
        n = int(old.group(1))
        cuda_max = f"{n // 1000}.{n % 1000 // 10}"
    if old or (driver and need and not version_at_least(driver, need)):
        have = cuda_max
        if driver and need:

            def why() -> str:
                return translate(
                    "AfterCheck",
                    "Your NVIDIA driver ({driver}) is too old for this build, which needs driver {need} or newer.",
                ).format(driver=driver, need=need)
        elif cuda_max:

            def why() -> str:
                return translate(
                    "AfterCheck",
                    "Your NVIDIA driver is too old for this build: it supports CUDA up to {have}; the build uses "
                    "CUDA {cuda}.",
                ).format(have=have, cuda=cuda_build)
        else:

            def why() -> str:
                return translate("AfterCheck", "Your NVIDIA driver is too old for this build.")

        older = _other_cuda_builds(
            data, torch_version, hardware, exclude=variant.name if variant else None, cuda_max=cuda_max
        )

        def update() -> str:
            return translate("AfterCheck", "Update the NVIDIA driver to {need} or newer and restart.").format(
                need=need or translate("AfterCheck", "the newest version")
            )

        fix: Words = update
        if older:
            older_label = older[0].label
            fix = _joined(
                update,
                lambda: translate(
                    "AfterCheck", "Or install the {build} build, which works with your current driver."
                ).format(build=older_label),
            )
        return result(False, False, "cpu", "driver-too-old", headline, why, fix, on_cpu)

    hidden = verify.get("cuda_visible_devices")
    if hidden is not None and _hides_all_gpus(str(hidden)):
        return result(
            False,
            False,
            "cpu",
            "cuda-unavailable",
            headline,
            lambda: translate(
                "AfterCheck",
                "The environment variable CUDA_VISIBLE_DEVICES is set to “{value}”, which hides every GPU from "
                "PyTorch. Remove it (or set it to 0) and check again.",
            ).format(value=hidden),
            on_cpu,
        )
    if hardware is not None and not hardware.nvidia_gpus and state in ("absent", "unknown"):
        return result(
            False,
            False,
            "cpu",
            "no-nvidia-gpu",
            headline,
            lambda: translate(
                "AfterCheck",
                "The wizard found no NVIDIA GPU in this computer. The CPU-only build is a much smaller "
                "download and runs the same programs.",
            ),
            on_cpu,
        )
    return result(
        False,
        False,
        "cpu",
        "cuda-unavailable",
        headline,
        lambda: translate(
            "AfterCheck",
            "Restart the computer and check again; if that does not help, update the NVIDIA driver. If the "
            "environment variable CUDA_VISIBLE_DEVICES is set, it may hide the GPU.",
        ),
        _error_line(text),
        on_cpu,
    )


def parse_verify_line(text: str) -> dict[str, Any] | None:
    """The JSON of the last ``WIZARD-VERIFY {...}`` line in ``text``; None when there is none."""
    found: dict[str, Any] | None = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("WIZARD-VERIFY "):
            try:
                value = json.loads(line[len("WIZARD-VERIFY ") :])
            except ValueError:
                continue
            if isinstance(value, dict):
                found = value
    return found


__all__ = [
    "CODES",
    "AfterCheck",
    "BuildLike",
    "build_kind",
    "explain_verify",
    "installed_variant",
    "local_label",
    "parse_verify_line",
]
