"""Rules a learner depends on that a planted bug once slipped past (issue 14): each test here fails when
its rule is broken. They go through the public functions (recommend, assess/best, build_plan, diagnose),
so they follow the behaviour when the code behind them moves."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from tests.test_interpreters import interp
from wizard.core import diagnose, interpreters, precheck, releases
from wizard.core.builds import Machine, recommend
from wizard.core.gpu import Gpu
from wizard.core.plan import InstallRequest, PackageSource, SourceKind, build_plan
from wizard.core.procenv import child_environment

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
    """A small wheel that is sound as an archive (members listed in its RECORD), like a real one."""
    name, version = filename.split("-")[:2]
    dist = f"{name}-{version}.dist-info"
    members = {
        f"{name}/__init__.py": f"__version__ = {version!r}\n",
        f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nRoot-Is-Purelib: false\n",
    }
    record = "".join(f"{m},,\n" for m in members) + f"{dist}/RECORD,,\n"
    with zipfile.ZipFile(folder / filename, "w") as z:
        for member, text in {**members, f"{dist}/RECORD": record}.items():
            z.writestr(member, text)


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


@pytest.mark.parametrize("wanted", ["2.13.0", "2.14.1"])
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


# ---------------------------------------------------------------------------------------------
# The environment every child process gets (installs, probes, GPU tools)
# ---------------------------------------------------------------------------------------------


def test_child_environment_starts_from_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIZARD_TEST_MARKER", "kept")
    monkeypatch.setenv("PYTHONPATH", "/bundle")
    env = child_environment()
    assert env["WIZARD_TEST_MARKER"] == "kept" and "PYTHONPATH" not in env


def test_child_environment_asks_for_utf8_unbuffered_quiet_pip() -> None:
    env = child_environment({"PATH": "/usr/bin"})
    assert {k: env[k] for k in env if k != "PATH"} == {
        "PYTHONUTF8": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUNBUFFERED": "1",  # output arrives line by line, so progress is live
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_NO_INPUT": "1",  # pip never waits for an answer nobody can type
    }


def test_child_environment_gives_back_every_library_path_a_bundle_replaced() -> None:
    base = {
        "LD_LIBRARY_PATH": "/bundle",
        "LD_LIBRARY_PATH_ORIG": "/usr/local/lib",
        "DYLD_LIBRARY_PATH": "/bundle",
        "DYLD_LIBRARY_PATH_ORIG": "/opt/homebrew/lib",
        "DYLD_FRAMEWORK_PATH": "/bundle",
        "DYLD_FRAMEWORK_PATH_ORIG": "/Library/Frameworks",
    }
    env = child_environment(base)
    assert env["LD_LIBRARY_PATH"] == "/usr/local/lib"
    assert env["DYLD_LIBRARY_PATH"] == "/opt/homebrew/lib"
    assert env["DYLD_FRAMEWORK_PATH"] == "/Library/Frameworks"
    assert not any(k.endswith("_ORIG") for k in env)


def test_child_environment_of_the_frozen_app_drops_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    base = {
        "PATH": os.pathsep.join(["/tmp/_MEIabc123", "/tmp/_MEIabc123/lib", "/usr/bin"]),
        "LD_LIBRARY_PATH": "/tmp/_MEIabc123",
        "DYLD_LIBRARY_PATH": "/tmp/_MEIabc123",
        "_PYI_APPLICATION_HOME_DIR": "/tmp/_MEIabc123",
        "_MEIPASS2": "/tmp/_MEIabc123",
        "QT_PLUGIN_PATH": "/tmp/_MEIabc123/PySide6/plugins",
        "QML2_IMPORT_PATH": "/tmp/_MEIabc123/PySide6/qml",
        "HOME": "/home/ann",
    }
    not_frozen = child_environment(base)
    assert not_frozen["LD_LIBRARY_PATH"] == "/tmp/_MEIabc123" and "QT_PLUGIN_PATH" in not_frozen
    assert not_frozen["PATH"] == base["PATH"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", "/tmp/_MEIabc123", raising=False)
    env = child_environment(base)
    assert env["PATH"] == "/usr/bin" and env["HOME"] == "/home/ann"
    for key in (
        "LD_LIBRARY_PATH",
        "DYLD_LIBRARY_PATH",
        "_PYI_APPLICATION_HOME_DIR",
        "_MEIPASS2",
        "QT_PLUGIN_PATH",
        "QML2_IMPORT_PATH",
    ):
        assert key not in env, key


# ---------------------------------------------------------------------------------------------
# Room to install: pip's cache folder and the checks per drive
# ---------------------------------------------------------------------------------------------


def test_pip_cache_dir_per_system() -> None:
    home = {"HOME": "/home/ann"}
    assert Path(precheck.pip_cache_dir("linux", home)) == Path("/home/ann/.cache/pip")
    xdg = {**home, "XDG_CACHE_HOME": "/data/cache"}
    assert Path(precheck.pip_cache_dir("linux", xdg)) == Path("/data/cache/pip")
    assert Path(precheck.pip_cache_dir("macos", {"HOME": "/Users/ann"})) == Path(
        "/Users/ann/Library/Caches/pip"
    )
    # Windows: LOCALAPPDATA, else the profile's AppData\Local; HOME wins over USERPROFILE when both are set
    profile = {"USERPROFILE": "/profiles/ann"}
    assert Path(precheck.pip_cache_dir("windows", profile)) == Path("/profiles/ann/AppData/Local/pip/Cache")
    both = {"HOME": "/home/ann", "USERPROFILE": "/profiles/ann"}
    assert Path(precheck.pip_cache_dir("linux", both)) == Path("/home/ann/.cache/pip")
    local = {**profile, "LOCALAPPDATA": "/profiles/ann/Local"}
    assert Path(precheck.pip_cache_dir("windows", local)) == Path("/profiles/ann/Local/pip/Cache")


def test_pip_cache_dir_reads_this_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PIP_CACHE_DIR", str(tmp_path / "pipcache"))
    assert precheck.pip_cache_dir() == str(tmp_path / "pipcache")
    monkeypatch.delenv("PIP_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    if sys.platform.startswith("linux"):
        assert Path(precheck.pip_cache_dir()) == tmp_path / ".cache" / "pip"


def test_space_checks_use_the_system_temp_and_pip_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "systemp"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    (check,) = precheck.space_checks(str(tmp_path / "new" / "env"), 1000, 300, os_name="windows")
    where = {n.where: n.path for n in check.needs}
    assert where["temp"] == str(tmp_path / "systemp")
    assert Path(where["cache"]) == tmp_path / "Local" / "pip" / "Cache"
    assert check.path == str(tmp_path)  # the nearest folder that exists
    free = shutil.disk_usage(tmp_path).free
    assert check.free_bytes is not None and abs(check.free_bytes - free) < 512 * precheck.MB


def test_space_checks_one_per_drive_and_short_by(tmp_path: Path) -> None:
    other = Path("/dev/shm")
    if not other.is_dir() or os.stat(other).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("needs a second drive (/dev/shm) besides the temporary folder")
    huge = 10**9  # MB: more than any disk here
    checks = precheck.space_checks(
        str(tmp_path / "env"), huge, 10, temp_dir=str(other), cache_dir=str(tmp_path)
    )
    assert len(checks) == 2
    by_path = {c.path: c for c in checks}
    env_drive, temp_drive = by_path[str(tmp_path)], by_path[str(other)]
    assert {n.where for n in env_drive.needs} == {"env", "cache"}
    assert [n.where for n in temp_drive.needs] == ["temp"]
    assert not env_drive.ok and env_drive.short_by == env_drive.need_bytes - (env_drive.free_bytes or 0)
    assert temp_drive.ok and temp_drive.short_by == 0


def test_child_environment_of_another_freezer_without_a_bundle_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """cx_Freeze and py2app set sys.frozen but no sys._MEIPASS: PATH stays as it is, nothing breaks."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    env = child_environment({"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": "/app/lib"})
    assert env["PATH"] == "/usr/bin:/bin" and "LD_LIBRARY_PATH" not in env


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {"LOCALAPPDATA": "/profiles/ann/Local"}, "/profiles/ann/Local/pip/Cache"),
        ("darwin", {"HOME": "/Users/ann"}, "/Users/ann/Library/Caches/pip"),
        ("linux", {"HOME": "/home/ann"}, "/home/ann/.cache/pip"),
        ("freebsd14", {"HOME": "/home/ann"}, "/home/ann/.cache/pip"),
    ],
)
def test_pip_cache_dir_of_the_running_system(
    monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], expected: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert Path(precheck.pip_cache_dir(None, env)) == Path(expected)
