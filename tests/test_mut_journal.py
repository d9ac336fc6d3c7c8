"""What the journal and the marker keep, and what `remove_env` may delete, pinned where mutation testing
(core/journal.py) found that no test noticed a change: every field a stored record gives back, the safe
defaults of a short record, the path and status of every verdict, the marker deleted last, a folder that
existed before a conda claim, a link or a file where the environment was, a file that cannot be deleted,
and records written on a computer whose system encoding is not UTF-8."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.test_plan import DATA, request
from wizard.core import journal
from wizard.core.plan import InstallPlan, PackageSource, SourceKind, Step, StepId, build_plan

LOGIN_INDEX = "https://ann:pw@mirror.example.edu/simple"


def _locked(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A file named `name` cannot be deleted (in use on Windows); root ignores permissions, so say it."""
    real = os.unlink

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        if os.fsdecode(path).endswith(name):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        real(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)


# -- what is stored, and what comes back ---------------------------------------------------------------


def test_a_stored_install_comes_back_with_every_field(tmp_path: Path) -> None:
    data_dir, env = tmp_path / "data" / "nested" / "twice", tmp_path / "env"  # the data folder is made
    req = request(env_dir=str(env), variant="cu126", nvcc=True, extra=("numpy<2",))
    plan = build_plan(req, DATA)
    step = plan.steps[-1]
    plan = dataclasses.replace(
        plan,
        steps=(*plan.steps[:-1], dataclasses.replace(step, raw_progress=True, timeout_s=1234.5)),
        download_mb=987,
    )
    env.mkdir()
    begun = dataclasses.replace(journal.begin_conda_claim(env), run="")
    record = journal.start(data_dir, req, plan, begun)
    assert record.started and record.started[:4].isdigit()  # an ISO time
    record.steps_done = [StepId.CREATE_VENV, "install-torch"]
    journal.save(data_dir, record)
    loaded = journal.load(data_dir)
    assert loaded is not None
    assert loaded.request == req and loaded.started == record.started
    assert loaded.steps_done == ["create-venv", "install-torch"]
    assert loaded.claim == begun and loaded.claim.existed_before and loaded.claim.pending
    assert loaded.claim.kind == "conda" and loaded.claim.created == begun.created != ""
    assert loaded.plan is not None and loaded.plan.request == loaded.request
    assert loaded.plan.download_mb == 987 and loaded.plan.env_python == plan.env_python
    last = loaded.plan.steps[-1]
    assert (last.timeout_s, last.raw_progress) == (1234.5, True)
    assert [s.raw_progress for s in loaded.plan.steps[:-1]] == [s.raw_progress for s in plan.steps[:-1]]
    stored = json.loads((data_dir / journal.JOURNAL).read_text(encoding="utf-8"))
    assert stored["format"] == 2 and not list((tmp_path / "data").rglob("*.tmp"))


def test_a_short_record_gets_the_safe_defaults(tmp_path: Path) -> None:
    """What a record does not say: a plain venv, not pending, a CPU build from the PyTorch index."""
    data_dir, env = tmp_path / "data", tmp_path / "env"
    env.mkdir()
    data_dir.mkdir()
    req = {
        k: v
        for k, v in journal.request_to_json(request(env_dir=str(env))).items()
        if k in ("base_python", "python_version", "env_dir", "os_name")
    }
    plan = {"steps": [], "env_python": "/x/bin/python"}
    short = {"request": req, "plan": plan, "claim": {"env_dir": str(env), "token": "t" * 32}}
    (data_dir / journal.JOURNAL).write_text(json.dumps(short), encoding="utf-8")
    loaded = journal.load(data_dir)
    assert loaded is not None
    assert (loaded.steps_done, loaded.started, loaded.login_removed) == ([], "", False)
    r = loaded.request
    assert (r.variant, r.nvcc, r.extra, r.proxy, r.source.kind) == (
        "cpu",
        False,
        (),
        None,
        SourceKind.PYTORCH_INDEX,
    )
    assert loaded.plan is not None and loaded.plan.download_mb == 0
    assert loaded.claim == journal.Claim(str(env), "t" * 32, existed_before=False, kind="venv", pending=False)
    assert journal.Claim.from_json({"token": "t" * 32}) is None  # a claim must name its folder
    assert journal.Claim.from_json({"env_dir": str(env)}) is None


def test_a_login_anywhere_in_the_install_is_asked_for_again(tmp_path: Path) -> None:
    plain = request(env_dir=str(tmp_path / "env"))
    with_login = request(
        env_dir=str(tmp_path / "env"), source=PackageSource(SourceKind.CUSTOM_INDEX, index_url=LOGIN_INDEX)
    )
    plain_plan = build_plan(plain, DATA)
    assert journal.Journal(with_login).to_json()["login_removed"]  # no plan: the address decides
    assert journal.Journal(with_login, plan=plain_plan).to_json()["login_removed"]
    login_step = Step(StepId.INSTALL_TORCH, "python", ("-m", "pip", "--index-url", LOGIN_INDEX), 60.0)
    login_plan = InstallPlan(request=plain, steps=(login_step,), env_python="python", download_mb=0)
    assert journal.Journal(plain, plan=login_plan).to_json()["login_removed"]  # only in the commands
    assert not journal.Journal(plain, plan=plain_plan).to_json()["login_removed"]


def test_the_marker_says_who_made_the_folder_and_how(tmp_path: Path) -> None:
    env = tmp_path / "new" / "deeper" / "env"  # folders above it are made too
    claim = journal.claim_env_folder(env, request(env_dir=str(env)))
    marker = journal.read_marker(env)
    assert marker is not None and claim.created and claim.created[:4].isdigit()
    assert {k: marker[k] for k in ("created_by", "format", "created", "token", "existed_before", "kind")} == {
        "created_by": "Torch Setup Wizard",
        "format": 2,
        "created": claim.created,
        "token": claim.token,
        "existed_before": False,
        "kind": "venv",
    }
    assert journal.is_ours(env) and journal.is_ours(env, claim)
    other = tmp_path / "other"
    assert not journal.is_ours(env, journal.claim_env_folder(other, request(env_dir=str(other))))
    (env / journal.MARKER).write_text("[1, 2]", encoding="utf-8")  # not a marker the wizard writes
    assert journal.read_marker(env) is None and not journal.is_ours(env, claim)
    result = journal.remove_env(env, claim)
    assert (result.status, result.reason) == ("kept", "marker-missing") and env.exists()


# -- claims --------------------------------------------------------------------------------------------


def test_a_refused_claim_names_the_folder_and_why(tmp_path: Path) -> None:
    afile = tmp_path / "x.txt"
    afile.write_text("x")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    full = tmp_path / "full"
    (full / "notes").mkdir(parents=True)
    cases = [(afile, "not-a-folder"), (link, "not-a-folder"), (full, "not-empty")]
    for path, reason in cases:
        with pytest.raises(journal.ClaimRefused) as info:
            journal.claim_env_folder(path, request(env_dir=str(path)))
        assert (info.value.path, info.value.reason) == (str(path), reason)
        assert str(path) in str(info.value)
    for path in (afile, link, full):  # conda refuses all of them too
        with pytest.raises(journal.ClaimRefused) as info:
            journal.begin_conda_claim(path)
        assert info.value.path == str(path)


def test_a_folder_that_existed_before_conda_is_never_deleted(tmp_path: Path) -> None:
    prefix = tmp_path / "course"
    prefix.mkdir()
    begun = journal.begin_conda_claim(prefix)  # an empty folder is fine
    assert begun.existed_before and begun.pending and begun.kind == "conda" and begun.created
    (prefix / "conda-meta").mkdir()  # Stop while conda was creating it
    result = journal.remove_env(prefix, begun)
    assert (result.status, result.reason, result.path) == ("kept", "unconfirmed", str(prefix))
    assert prefix.is_dir()
    fresh = tmp_path / "fresh"
    (fresh / "conda-meta").mkdir(parents=True)
    claim = journal.claim_conda_prefix(fresh, request(env_dir=str(fresh)))  # no claim begun: a new one
    assert claim.kind == "conda" and not claim.pending and journal.is_ours(fresh, claim)


# -- what remove_env says, and deletes -----------------------------------------------------------------


def test_every_verdict_names_the_folder_and_its_status(tmp_path: Path) -> None:
    req = request()
    env = tmp_path / "env"
    claim = journal.claim_env_folder(env, req)
    learner = tmp_path / "learner"
    learner.mkdir()
    gone = tmp_path / "gone"
    other = tmp_path / "other"
    other_claim = journal.claim_env_folder(other, req)
    stranger = tmp_path / "stranger"
    journal.claim_env_folder(stranger, req)
    cases: list[tuple[Path, journal.Claim | None, str, str]] = [
        (gone, claim, "done", "not-there"),
        (learner, None, "kept", "no-claim"),
        (learner, claim, "kept", "other-folder"),
        (stranger, dataclasses.replace(claim, env_dir=str(stranger)), "kept", "token-differs"),
        (other, other_claim, "done", "removed"),
    ]
    for path, c, status, reason in cases:
        check = journal.check_removable(path, c)
        assert (check.status, check.reason, check.path) == (status, reason, str(path)), reason
        assert other.exists()  # checking deletes nothing
        result = journal.remove_env(path, c)
        assert (result.status, result.reason, result.path) == (status, reason, str(path)), reason
        assert bool(result) == (status == "done")
    (env / "notes.txt").write_text("the learner's")
    check = journal.check_removable(env, claim)
    assert (check.status, check.reason, check.path, check.detail) == (
        "kept",
        "unknown-files",
        str(env),
        "notes.txt",
    )
    (env / journal.MARKER).unlink()
    assert journal.remove_env(env, claim).path == str(env)
    existed = tmp_path / "existed"
    existed.mkdir()
    claim = journal.claim_env_folder(existed, req)
    check = journal.check_removable(existed, claim)
    assert (check.status, check.reason, check.path) == ("done", "emptied", str(existed))
    assert journal.remove_env(existed, claim).path == str(existed)
    prefix = tmp_path / "prefix"
    begun = journal.begin_conda_claim(prefix)
    (prefix / "conda-meta").mkdir(parents=True)
    check = journal.check_removable(prefix, begun)
    assert (check.status, check.reason, check.path) == ("done", "removed", str(prefix)) and prefix.exists()
    assert journal.check_removable(prefix, dataclasses.replace(begun, run="")).path == str(prefix)


@pytest.mark.parametrize("what", ["file", "link"])
def test_a_file_or_a_link_where_the_environment_was_is_left(tmp_path: Path, what: str) -> None:
    env = tmp_path / "env"
    claim = journal.claim_env_folder(env, request(env_dir=str(env)))
    (env / "lib").mkdir()
    # the learner moved the environment away and put a link to it (or a file) at its place
    moved = tmp_path / "moved"
    env.rename(moved)
    if what == "file":
        env.write_text("x")
    else:
        env.symlink_to(moved, target_is_directory=True)
    result = journal.remove_env(env, claim)
    assert (result.status, result.reason, result.path) == ("kept", "replaced", str(env))
    assert os.path.lexists(env) and (moved / "lib").is_dir() and (moved / journal.MARKER).is_file()


def test_a_file_in_use_fails_with_its_name_and_keeps_the_marker_for_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for existed in (False, True):
        env = tmp_path / f"env-{existed}"
        if existed:
            env.mkdir()
        claim = journal.claim_env_folder(env, request(env_dir=str(env)))
        (env / "lib").mkdir()
        (env / "lib" / "torch_cpu.dll").write_text("in use")
        (env / "pyvenv.cfg").write_text("x")
        with monkeypatch.context() as m:
            _locked(m, "torch_cpu.dll")
            result = journal.remove_env(env, claim)
        assert (result.status, result.reason, result.path) == ("failed", "os-error", str(env)), existed
        assert result.detail.startswith("torch_cpu.dll: ") and "Permission denied" in result.detail
        assert env.is_dir() and (env / "lib" / "torch_cpu.dll").exists()
        # the marker goes last: once the program is closed, the next try can finish it (a folder this
        # install made as well: it used to lose its marker with everything else, and was then kept)
        assert journal.is_ours(env, claim), existed
        again = journal.remove_env(env, claim)
        if existed:
            assert again.reason == "emptied" and again and list(env.iterdir()) == []
        else:
            assert again.reason == "removed" and again and not env.exists()


def test_a_system_refusal_names_the_folder_and_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = tmp_path / "env"
    claim = journal.claim_env_folder(env, request(env_dir=str(env)))

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    (env / "lib").mkdir()
    (env / "pyvenv.cfg").write_text("x")
    monkeypatch.setattr(journal.shutil, "rmtree", refuse)  # the system refuses every deletion
    monkeypatch.setattr(journal.Path, "unlink", refuse)
    monkeypatch.setattr(journal.Path, "rmdir", refuse)
    result = journal.remove_env(env, claim)
    assert (result.status, result.reason, result.path) == ("failed", "os-error", str(env))
    assert "Permission denied" in result.detail
    monkeypatch.undo()
    assert journal.is_ours(env, claim)  # nothing went, the marker least of all


# -- a computer whose system encoding is not UTF-8 (a Chinese Windows: cp936) ---------------------------


def test_records_with_chinese_are_written_and_read_in_utf8_whatever_the_system(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import locale, sys
        from pathlib import Path
        from tests.test_plan import request
        from wizard.core import journal
        assert locale.getpreferredencoding(False).lower() not in ("utf-8", "utf8"), locale.getpreferredencoding(False)
        root = Path(sys.argv[1])
        env, data = root / "env", root / "data"
        req = request(env_dir=str(env), base_python="/opt/\\u8bfe\\u7a0b/bin/python3.12")
        claim = journal.claim_env_folder(env, req)
        journal.start(data, req, claim=claim)
        loaded = journal.load(data)
        assert loaded is not None and loaded.claim is not None and loaded.request == req
        print(journal.remove_env(env, loaded.claim).reason)
        """
    )
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONUTF8"))}
    child_env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", PYTHONIOENCODING="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        cwd=ROOT,
        env=child_env,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "removed"
