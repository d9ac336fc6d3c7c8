"""What must never happen between retries and repairs, at the level of plans: settings lost from one
retry to the next, a conda plan that forgets its mirror or turns into a venv plan, a repair that removes
what it should reinstall over. The install session's side of the same rules (a failed or stopped repair
keeps the working environment, Stop during conda create removes what conda started) is driven in
tests/test_session.py."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from tests.conftest import base_python
from wizard.core import releases
from wizard.core.plan import (
    CondaTarget,
    InstallRequest,
    Manager,
    PackageSource,
    SourceKind,
    StepId,
    build_plan,
    check_proxy_url,
    repair_plan,
    replan,
    with_pip_timeout,
    with_proxy,
)

DATA = releases.load()
CPU = "https://download.pytorch.org/whl/cpu"
PROXY = "http://proxy.example.edu:8080"


def _request(env: Path, **kw: object) -> InstallRequest:
    base: dict[str, object] = dict(
        base_python=base_python(),
        python_version=sys.version_info[:2],
        env_dir=str(env),
        os_name="linux",
        torch="2.14.1",
        torchvision=None,
        source=PackageSource(SourceKind.PYTORCH_INDEX, CPU),
    )
    base.update(kw)
    return InstallRequest(**base)  # type: ignore[arg-type]


def _conda_request(tmp_path: Path, **kw: object) -> InstallRequest:
    root = tmp_path / "miniforge3"
    return _request(
        root / "envs" / "course",
        manager=Manager.CONDA,
        conda=CondaTarget(str(root / "bin" / "conda"), "conda", "course", str(root)),
        **kw,
    )


def _download_steps(plan: object) -> list[object]:
    return [s for s in plan.steps if s.id not in (StepId.CREATE_VENV, StepId.VERIFY)]  # type: ignore[attr-defined]


def test_settings_survive_one_retry_after_another(tmp_path: Path) -> None:
    plan = build_plan(_request(tmp_path / "env"), DATA)
    plan = with_pip_timeout(with_proxy(plan, PROXY, DATA), 120, DATA)
    plan = with_proxy(with_pip_timeout(plan, 300, DATA), PROXY, DATA)  # a second round of both buttons
    install = plan.step(StepId.INSTALL_TORCH)
    assert install is not None
    assert ("HTTPS_PROXY", PROXY) in install.env
    i = install.args.index("--timeout")
    assert install.args[i + 1] == "300" and install.args.count("--timeout") == 1
    assert plan.request.proxy == PROXY and plan.request.pip_timeout == 300
    verify = plan.step(StepId.VERIFY)
    assert verify is not None and not any(k.endswith("PROXY") for k, _ in verify.env)
    no_proxy = with_proxy(plan, None, DATA)
    assert all(not any(k.endswith("PROXY") for k, _ in s.env) for s in no_proxy.steps)
    assert no_proxy.request.pip_timeout == 300  # dropping the proxy keeps the longer timeout


def test_proxy_addresses() -> None:
    assert check_proxy_url("proxy.school.edu:8080") == ("http://proxy.school.edu:8080", [])
    assert check_proxy_url("socks5://127.0.0.1:1080")[1] == []
    assert check_proxy_url("file:///etc/passwd")[1]
    assert check_proxy_url("http://host:99999")[1]
    assert check_proxy_url("not a proxy")[1]


def test_conda_plan_with_a_mirror_updates_pip_from_the_mirror(tmp_path: Path) -> None:
    mirror = "https://mirror.example.edu/simple"
    plan = build_plan(_conda_request(tmp_path, source=PackageSource(SourceKind.CUSTOM_INDEX, mirror)), DATA)
    upgrade = plan.step(StepId.UPGRADE_PIP)
    assert upgrade is not None and upgrade.args[-2:] == ("--index-url", mirror)
    install = plan.step(StepId.INSTALL_TORCH)
    assert install is not None and install.args[-2:] == ("--index-url", mirror)


def test_a_conda_plan_stays_a_conda_plan_through_every_change(tmp_path: Path) -> None:
    plan = build_plan(_conda_request(tmp_path), DATA)
    assert plan.steps[0].id == StepId.CONDA_CREATE
    for changes in (
        {"proxy": PROXY},
        {"pip_timeout": 300},
        {"source": PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path))},
    ):
        again = replan(plan, DATA, **changes)
        assert again.steps[0].id == StepId.CONDA_CREATE, changes
        assert all("venv" not in s.args for s in again.steps), changes


def test_a_resumed_conda_install_keeps_its_plan_on_retry(tmp_path: Path) -> None:
    """After a restart the conda details may be unknown (an old journal): a change must not turn the
    plan into a venv plan."""
    plan = build_plan(_conda_request(tmp_path), DATA)
    restored = type(plan)(
        request=replace_request(plan.request, conda=None),
        steps=plan.steps,
        env_python=plan.env_python,
        download_mb=plan.download_mb,
    )
    again = replan(restored, DATA, proxy=PROXY)
    assert again.steps[0].id == StepId.CONDA_CREATE
    assert all("venv" not in s.args for s in again.steps)


def replace_request(req: InstallRequest, **changes: object) -> InstallRequest:
    return dataclasses.replace(req, **changes)  # type: ignore[arg-type]


def test_a_repair_reinstalls_over_the_environment_and_never_recreates_it(tmp_path: Path) -> None:
    plan = build_plan(_request(tmp_path / "env", proxy=PROXY), DATA)
    fixed = repair_plan(
        plan, DATA, torch="2.14.1", torchvision=None, variant="cu130", index_url=CPU.replace("cpu", "cu130")
    )
    ids = [s.id for s in fixed.steps]
    assert StepId.CREATE_VENV not in ids and StepId.CONDA_CREATE not in ids
    assert ids[-1] == StepId.VERIFY
    repair = fixed.step(StepId.REPAIR)
    assert repair is not None and "--force-reinstall" in repair.args and "torch==2.14.1" in repair.args
    assert ("HTTPS_PROXY", PROXY) in repair.env  # the learner's proxy is kept
    assert fixed.env_python == plan.env_python
