"""What must never happen: a working environment deleted by a failed or stopped repair, settings lost
between retries, a garbage plan after a resume, a conda folder left behind by Stop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import base_python
from wizard.core import conda, journal, releases
from wizard.core.plan import (
    InstallRequest,
    PackageSource,
    SourceKind,
    Step,
    build_plan,
    check_proxy_url,
    with_pip_timeout,
    with_proxy,
)
from wizard.gui.window import PageId, SetupWizard
from wizard.runner import PlanRunner, ProcessResult

DATA = releases.load()
PY = sys.executable


def _request(env: Path) -> InstallRequest:
    return InstallRequest(
        base_python=base_python(),
        python_version=sys.version_info[:2],
        env_dir=str(env),
        os_name="linux",
        torch="2.14.1",
        torchvision=None,
        source=PackageSource(SourceKind.PYTORCH_INDEX, "https://download.pytorch.org/whl/cpu"),
    )


def _working_env(tmp_path: Path) -> tuple[Path, Any]:
    env = tmp_path / "env"
    req = _request(env)
    journal.create_env_folder(env, req)
    (env / "precious.txt").write_text("the learner's notebook")
    return env, build_plan(req, DATA)


@pytest.mark.parametrize("how", ["retry", "stop"])
def test_a_failed_or_stopped_repair_keeps_the_working_environment(
    qtbot: QtBot, wiz: SetupWizard, tmp_path: Path, how: str
) -> None:
    env, plan = _working_env(tmp_path)
    page = wiz.pages[PageId.INSTALL]
    wiz.state.plan = plan
    page._set_plan(plan)  # the page is driven directly here, without the earlier pages
    page.runner = PlanRunner(None, page)
    page.runner.step_started.connect(page._on_step_started)
    page.runner.line.connect(page._on_line)
    page.runner.step_finished.connect(page._on_step_finished)
    page.runner.all_finished.connect(page.finish_run)
    # the after-check proposed a repair command; here it fails (or hangs and is stopped)
    code = "import sys; sys.exit(1)" if how == "retry" else "import time; time.sleep(30)"
    page.after = type("A", (), {"fix_command": (PY, "-c", code), "ok": False, "messages": ()})()
    page.reinstall_right_build()
    assert page.repairing
    if how == "stop":
        qtbot.waitUntil(page.is_running, timeout=10000)
        page.cancel()
    qtbot.waitUntil(lambda: not page.is_running() and page.failed_at is not None, timeout=30000)
    assert (env / "precious.txt").exists()
    if how == "retry":
        page.do_action("retry")
        qtbot.waitUntil(lambda: not page.is_running() and page.failed_at is not None, timeout=30000)
        assert (env / "precious.txt").exists()
    else:
        assert "kept" in page.result.text()


def test_settings_survive_one_retry_after_another(tmp_path: Path) -> None:
    plan = build_plan(_request(tmp_path / "env"), DATA)
    plan = with_pip_timeout(with_proxy(plan, "http://proxy.example.edu:8080"), 120)
    install = next(s for s in plan.steps if s.id == "install-torch")
    assert ("HTTPS_PROXY", "http://proxy.example.edu:8080") in install.env
    assert install.args[3:5] == ("--timeout", "120")
    assert plan.request.proxy and plan.request.pip_timeout == 120
    assert next(s for s in plan.steps if s.id == "verify").env == ()
    assert with_proxy(plan, None).steps[1].env == ()


def test_proxy_addresses() -> None:
    assert check_proxy_url("proxy.school.edu:8080") == ("http://proxy.school.edu:8080", [])
    assert check_proxy_url("socks5://127.0.0.1:1080")[1] == []
    assert check_proxy_url("file:///etc/passwd")[1]
    assert check_proxy_url("http://host:99999")[1]
    assert check_proxy_url("not a proxy")[1]


def test_conda_plan_with_a_mirror_updates_pip_from_the_mirror() -> None:
    inst = conda.CondaInstall(
        exe="/opt/miniforge3/bin/conda",
        kind="conda",
        version="25.5.1",
        root_prefix="/opt/miniforge3",
        envs=("/opt/miniforge3",),
    )
    mirror = "https://mirror.example.edu/simple"
    plan = conda.build_conda_install_plan(
        inst, "t", "3.12", "linux", "cpu", "2.14.1", None, "pip", DATA, mirror
    )
    upgrade = next(s for s in plan.steps if s.id == "upgrade-pip")
    assert upgrade.args[-2:] == ("--index-url", mirror)
    assert plan.request.source.kind is SourceKind.CUSTOM_INDEX


def test_a_resumed_conda_install_keeps_its_plan_on_retry(wiz: SetupWizard, tmp_path: Path) -> None:
    """After a restart the conda details are unknown: a retry must not turn into a venv plan."""
    inst = conda.CondaInstall(
        exe=str(tmp_path / "conda"),
        kind="conda",
        version="25.5.1",
        root_prefix=str(tmp_path),
        envs=(str(tmp_path),),
    )
    plan = conda.build_conda_install_plan(
        inst,
        "course",
        "3.11",
        "linux",
        "cpu",
        "2.14.1",
        None,
        "pip",
        DATA,
        "https://download.pytorch.org/whl/cpu",
    )
    wiz.finish_setup()
    page = wiz.pages[PageId.INSTALL]
    wiz.state.plan, wiz.state.conda_install = plan, None
    page._set_plan(plan)
    replanned = page._replan(
        plan, plan.request._replace() if hasattr(plan.request, "_replace") else plan.request
    )
    assert replanned.steps[0].id == "conda-create"
    assert all("venv" not in s.args for s in replanned.steps)


def test_stop_during_conda_create_removes_the_prefix_conda_started(wiz: SetupWizard, tmp_path: Path) -> None:
    """conda refuses an existing folder, so the prefix has no marker yet; the journal knows it is ours."""
    prefix = tmp_path / "envs" / "course"
    req = _request(prefix)
    plan = build_plan(req, DATA)
    plan = plan.__class__(
        request=req,
        steps=(Step("conda-create", PY, ("-c", "pass"), 10), *plan.steps[1:]),
        env_python=plan.env_python,
        download_mb=0,
    )
    wiz.finish_setup()
    page = wiz.pages[PageId.INSTALL]
    wiz.state.plan = plan
    page._set_plan(plan)
    page.journal = journal.start(wiz.data_dir, req, plan)
    page.journal.made_by_us = True
    (prefix / "conda-meta").mkdir(parents=True)  # half made by conda when Stop was pressed
    page.current = 0
    page.finish_run(False, ProcessResult(program="conda", args=[], cancelled=True))
    assert not prefix.exists()
    assert "removed" in page.result.text()
