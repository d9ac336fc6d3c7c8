"""Rules a learner depends on that a planted bug once slipped past (issue 14): each test here fails when
its rule is broken. They go through the public functions (recommend, assess/best, build_plan, diagnose),
so they follow the behaviour when the code behind them moves."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.test_interpreters import interp
from wizard.core import diagnose, interpreters, releases
from wizard.core.builds import Machine, recommend
from wizard.core.gpu import Gpu
from wizard.core.plan import InstallRequest, PackageSource, SourceKind, build_plan

DATA = releases.load()

# ---------------------------------------------------------------------------------------------
# Build choice: PTX from a newer CUDA than the driver knows cannot be JIT-compiled
# ---------------------------------------------------------------------------------------------

# A GPU newer than every architecture the cu13x builds are compiled for (their newest is 12.0): those
# builds reach it only through the PTX they carry, JIT-compiled by the driver (Linux only).
FUTURE_CC = "13.0"


def future_gpu_machine(cuda_max: str, os_name: str = "linux") -> Machine:
    driver = "590.44.01"  # meets the 580 minimum of cu130 and cu132
    gpu = Gpu("nvidia", "NVIDIA future GPU", 32768, FUTURE_CC, driver)
    return Machine(
        os_name,
        "x86_64",
        (3, 12),
        gpus=(gpu,),
        nvidia_driver=driver,
        nvidia_state="ok",
        nvidia_cuda_max=cuda_max,
    )


def _choice(rec: object, variant: str) -> object:
    return next(c for c in rec.choices if c.variant == variant)  # type: ignore[attr-defined]


def test_ptx_needs_a_driver_that_knows_the_build_cuda() -> None:
    """Driver for CUDA 13.0: cu130's PTX can be JIT-compiled for the GPU, cu132's cannot."""
    rec = recommend(future_gpu_machine("13.0"))
    assert (rec.variant, rec.device) == ("cu130", "cuda"), rec
    assert _choice(rec, "cu130").runs_here  # type: ignore[attr-defined]
    cu132 = _choice(rec, "cu132")
    assert not cu132.runs_here and cu132.why_not  # type: ignore[attr-defined]
    # The learner is told that the first run of each operation is slow (JIT from PTX).
    assert any("PTX" in text for text in (*rec.reasons, *rec.warnings)), rec


def test_ptx_runs_when_the_driver_knows_a_newer_cuda() -> None:
    """Driver for CUDA 13.2: both builds reach the GPU through PTX; a build is chosen, not the CPU."""
    rec = recommend(future_gpu_machine("13.2"))
    assert rec.variant in ("cu130", "cu132") and rec.device == "cuda", rec
    assert _choice(rec, "cu130").runs_here and _choice(rec, "cu132").runs_here  # type: ignore[attr-defined]


def test_no_build_reaches_a_future_gpu_through_a_driver_for_cuda_12() -> None:
    """A driver for CUDA 12.9 JIT-compiles neither cu130's nor cu132's PTX: the CPU build, with a warning."""
    rec = recommend(future_gpu_machine("12.9"))
    assert rec.variant == "cpu" and rec.device == "cpu", rec
    assert not _choice(rec, "cu130").runs_here and not _choice(rec, "cu132").runs_here  # type: ignore[attr-defined]
    assert rec.warnings


def test_no_ptx_jit_on_windows() -> None:
    """The Windows cu13x wheels carry no PTX: a GPU newer than their architectures gets the CPU build."""
    rec = recommend(future_gpu_machine("13.2", os_name="windows"))
    assert rec.variant == "cpu", rec


# ---------------------------------------------------------------------------------------------
# Interpreter ranking: a regular install before a conda env or a venv of the same version
# ---------------------------------------------------------------------------------------------


def _score(i: interpreters.Interpreter) -> int:
    verdict = interpreters.assess(i, DATA)
    assert verdict.suitable, verdict.reasons
    return verdict.score


def test_conda_env_ranks_below_a_regular_python_of_the_same_version_wherever_found() -> None:
    """Found through pyenv (``pyenv install miniforge3-…``) or on PATH, a conda env still ranks below a
    regular Python of its version; the source alone would rank it above."""
    regular = interp(path="/usr/bin/python3.12", source="path", version_info=(3, 12, 4))
    for source in ("pyenv", "path", "python.org"):
        conda = interp(
            path=f"/home/ann/{source}/miniforge3/bin/python",
            source=source,
            version_info=(3, 12, 9),  # even with a newer patch release
            is_conda=True,
        )
        assert _score(conda) < _score(regular), source
        assert interpreters.best([conda, regular], DATA) is regular, source
        assert interpreters.best([regular, conda], DATA) is regular, source
        assert any("conda" in r for r in interpreters.assess(conda, DATA).reasons)


def test_ranking_of_one_version_from_every_kind_of_place() -> None:
    """The whole order for one Python version: python.org and the like, then Homebrew, the system, PATH,
    the Microsoft Store; conda envs and venvs last."""
    v = (3, 12, 4)
    ranked = [
        interp(path="/a", source="python.org", version_info=v),
        interp(path="/b", source="homebrew", version_info=v),
        interp(path="/c", source="system", version_info=v),
        interp(path="/d", source="path", version_info=v),
        interp(path="/e", source="microsoft-store", version_info=v),
    ]
    below = [
        interp(path="/f", source="pyenv", version_info=v, is_conda=True),
        interp(path="/g", source="pyenv", version_info=v, is_venv=True),
    ]
    scores = [_score(i) for i in ranked]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores), scores
    assert all(_score(i) < min(scores) for i in below)
    shuffled = [*below, *reversed(ranked)]
    assert interpreters.best(shuffled, DATA) is ranked[0]
    assert interpreters.best(shuffled[:-1], DATA) is ranked[1]


# ---------------------------------------------------------------------------------------------
# Plans from a wheel folder
# ---------------------------------------------------------------------------------------------


def _wheel(folder: Path, filename: str) -> None:
    with zipfile.ZipFile(folder / filename, "w") as z:
        z.writestr("dummy.txt", "x")


def _folder_request(folder: Path, torch: str | None, **kw: object) -> InstallRequest:
    base: dict[str, object] = dict(
        base_python="/usr/bin/python3.12",
        python_version=(3, 12),
        env_dir="/home/ann/pytorch-env",
        os_name="linux",
        torch=torch,
        torchvision=None,
        source=PackageSource(SourceKind.WHEEL_FOLDER, folder=str(folder)),
        variant="cpu",
    )
    base.update(kw)
    return InstallRequest(**base)  # type: ignore[arg-type]


def _torch_pins(plan: object) -> list[str]:
    return [a for s in plan.steps for a in s.argv if a.startswith("torch==")]  # type: ignore[attr-defined]


@pytest.fixture
def two_torch_folder(tmp_path: Path) -> Path:
    for name in (
        "torch-2.13.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl",
        "torch-2.14.1+cpu-cp312-cp312-manylinux_2_28_x86_64.whl",
        "torch-2.15.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl",  # newest, but not for this Python
        "pip-26.0-py3-none-any.whl",
    ):
        _wheel(tmp_path, name)
    return tmp_path


@pytest.mark.parametrize(
    "wanted",
    [
        pytest.param(
            "2.13.0",
            marks=pytest.mark.xfail(
                strict=True,
                reason="WheelFolder.choose compares 2.13.0 with 2.13.0+cpu including the local label, "
                "so it falls back to the newest (2.14.1+cpu); remove this mark when it compares public versions",
            ),
        ),
        "2.14.1",
    ],
)
def test_folder_with_two_torch_versions_pins_the_chosen_one(two_torch_folder: Path, wanted: str) -> None:
    plan = build_plan(_folder_request(two_torch_folder, wanted), DATA)
    assert _torch_pins(plan) == [f"torch=={wanted}+cpu"]
    assert getattr(plan, "torch", f"{wanted}+cpu") == f"{wanted}+cpu"  # what the pages show


@pytest.mark.parametrize("wanted", ["2.13.0", "2.14.1"])
def test_mac_folder_with_two_torch_versions_pins_the_chosen_one(tmp_path: Path, wanted: str) -> None:
    """macOS wheels have no +cpu label: the version numbers are the same as the recommendation's."""
    for version in ("2.13.0", "2.14.1"):
        _wheel(tmp_path, f"torch-{version}-cp312-none-macosx_11_0_arm64.whl")
    req = _folder_request(tmp_path, wanted, os_name="macos", env_dir="/Users/ann/pytorch-env", variant="mps")
    plan = build_plan(req, DATA)
    assert _torch_pins(plan) == [f"torch=={wanted}"]


def test_folder_without_the_chosen_version_pins_its_newest_that_fits(two_torch_folder: Path) -> None:
    plan = build_plan(_folder_request(two_torch_folder, "2.11.0"), DATA)
    assert _torch_pins(plan) == ["torch==2.14.1+cpu"]  # not 2.13.0 (older), not 2.15.0 (cp311 only)
    assert plan.notes  # the learner is told the folder has another version


def test_offline_plan_has_no_network_options(two_torch_folder: Path) -> None:
    """A wheel folder needs no server: no --timeout (nor --retries, --proxy) in any step, even when the
    learner asked for a longer timeout and a proxy before switching to the folder."""
    req = _folder_request(
        two_torch_folder, "2.14.1", pip_timeout=300, proxy="http://proxy.school.example:8080"
    )
    plan = build_plan(req, DATA)
    for step in plan.steps:
        assert not {"--timeout", "--retries", "--proxy", "--index-url"} & set(step.argv), step.argv
    online = build_plan(
        _folder_request(
            two_torch_folder,
            "2.14.1",
            pip_timeout=300,
            source=PackageSource(SourceKind.PYTORCH_INDEX, index_url="https://download.pytorch.org/whl/cpu"),
        ),
        DATA,
    )
    assert any("--timeout" in s.argv for s in online.steps)  # the same request online does get it


# ---------------------------------------------------------------------------------------------
# Diagnosis: a proxy or certificate failure that also says "timed out"
# ---------------------------------------------------------------------------------------------

# In the format of pip 23.2.1 (urllib3 1.26) on Linux: a proxy that never answers.
PROXY_TIMED_OUT = (
    "Looking in indexes: https://download.pytorch.org/whl/cu130\n"
    "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection "
    "broken by 'ProxyError('Cannot connect to proxy.', ConnectTimeoutError(<pip._vendor.urllib3.connection."
    "HTTPSConnection object at 0x7f3a2c1d5e10>, 'Connection to 10.20.0.1 timed out. (connect timeout=15)'))': "
    "/whl/cu130/torch/\n"
    "ERROR: Could not find a version that satisfies the requirement torch (from versions: none)\n"
    "ERROR: No matching distribution found for torch\n"
)
# Same pip: one read timed out on a retry, then the school's filter showed its own certificate.
CERTIFICATE_AFTER_TIMEOUT = (
    "Looking in indexes: https://download.pytorch.org/whl/cpu\n"
    "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection "
    "broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='download.pytorch.org', port=443): Read timed out. "
    "(read timeout=15)\")': /whl/cpu/torch/\n"
    "Could not fetch URL https://download.pytorch.org/whl/cpu/torch/: There was a problem confirming the ssl "
    "certificate: HTTPSConnectionPool(host='download.pytorch.org', port=443): Max retries exceeded with url: "
    "/whl/cpu/torch/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
    "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))) - skipping\n"
    "ERROR: Could not find a version that satisfies the requirement torch (from versions: none)\n"
    "ERROR: No matching distribution found for torch\n"
)
# pip 26.3's header form, with "timed out" in its detail.
PROXY_TIMED_OUT_PIP26 = (
    "Collecting torch==2.14.1\n"
    "error: proxy-connection-failed\n\n"
    "× Failed to connect to proxy http://10.20.0.1:8080 while fetching https://download.pytorch.org/whl/cpu/torch/\n"
    "╰─> ('Unable to connect to proxy', ConnectTimeoutError(<HTTPSConnection(host='10.20.0.1', port=8080) at "
    "0x7f3a2c1d5e10>, 'Connection to 10.20.0.1 timed out. (connect timeout=15)'))\n\n"
    "hint: This is likely a proxy configuration issue.\n"
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (PROXY_TIMED_OUT, "network-proxy"),
        (PROXY_TIMED_OUT_PIP26, "network-proxy"),
        (CERTIFICATE_AFTER_TIMEOUT, "network-ssl"),
    ],
    ids=["proxy-pip23", "proxy-pip26", "certificate-pip23"],
)
def test_proxy_or_certificate_wins_over_timed_out(text: str, code: str) -> None:
    assert "timed out" in text
    assert diagnose.diagnose(text, 1).code == code
    assert diagnose.diagnose(text, 1, step="install-torch").code == code


def test_a_plain_timeout_is_still_a_timeout() -> None:
    """The other side of the rule above: without a proxy or certificate error it is the timeout."""
    text = CERTIFICATE_AFTER_TIMEOUT.split("Could not fetch URL")[0]
    assert diagnose.diagnose(text, 1).code == "network-timeout"
