"""The record of what the wizard created, the report's redaction, and the room checks (pure core)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import threading
from pathlib import Path

import pytest

from tests.test_plan import DATA, request
from wizard.core import journal, precheck, report
from wizard.core.plan import PackageSource, SourceKind, build_plan


def test_only_a_folder_this_install_claimed_is_ever_removed(tmp_path: Path) -> None:
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.docx").write_text("mine")
    assert not journal.remove_env(mine)  # no claim: nothing is deleted
    assert journal.remove_env(mine).reason == "no-claim"
    assert (mine / "chapter1.docx").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not journal.remove_env(empty) and empty.exists()  # an empty folder of the learner's stays too
    env = tmp_path / "测试 env"
    req = request(env_dir=str(env))
    claim = journal.claim_env_folder(env, req)
    assert not claim.existed_before and len(claim.token) >= 32
    (env / "bin").mkdir()
    (env / "pyvenv.cfg").write_text("home = /usr/bin\n")
    assert journal.is_ours(env, claim)
    marker = json.loads((env / journal.MARKER).read_text(encoding="utf-8"))
    assert marker["request"]["env_dir"] == str(env) and marker["token"] == claim.token
    result = journal.remove_env(env, claim)
    assert result and result.reason == "removed" and not env.exists()
    assert journal.remove_env(tmp_path / "never made", claim).reason == "not-there"


def test_the_learners_folder_at_the_same_path_is_never_deleted(tmp_path: Path) -> None:
    """Issue 11, data loss: after a crash the learner deleted the half-made folder and put their own
    (thesis.tex) at the same path; "Remove it" at the next start must leave it."""
    data_dir, env = tmp_path / "data", tmp_path / "env"
    req = request(env_dir=str(env))
    claim = journal.claim_env_folder(env, req)
    journal.start(data_dir, req, claim=claim)  # ... and the app is killed
    shutil.rmtree(env)
    env.mkdir()
    (env / "thesis.tex").write_text("\\begin{document}")
    record = journal.load(data_dir)
    assert record is not None and record.claim == dataclasses.replace(claim, run="")
    result = journal.remove_env(env, record.claim)
    assert result.status == "kept" and result.reason == "marker-missing"
    assert (env / "thesis.tex").exists()
    assert "changed" in result.message
    # the learner copied in a folder that holds another install's marker: still not ours
    other = journal.claim_env_folder(tmp_path / "other", req)
    shutil.copy(tmp_path / "other" / journal.MARKER, env / journal.MARKER)
    assert journal.remove_env(env, record.claim).reason == "token-differs"
    assert journal.remove_env(tmp_path / "other", claim).reason == "other-folder"
    assert journal.remove_env(tmp_path / "other", other).reason == "removed"
    assert (env / "thesis.tex").exists()


def test_files_the_wizard_does_not_write_keep_the_folder(tmp_path: Path) -> None:
    env = tmp_path / "env"
    claim = journal.claim_env_folder(env, request(env_dir=str(env)))
    for name in ("bin", "lib", "include"):
        (env / name).mkdir()
    (env / "pyvenv.cfg").write_text("x")
    (env / "notes.txt").write_text("the learner's")
    result = journal.remove_env(env, claim)
    assert result.reason == "unknown-files" and "notes.txt" in result.detail
    assert (env / "notes.txt").exists() and (env / "pyvenv.cfg").exists()
    (env / "notes.txt").unlink()
    (env / ".DS_Store").write_text("")  # what a file manager adds does not count
    assert journal.remove_env(env, claim).reason == "removed"


def test_a_folder_that_existed_empty_keeps_itself(tmp_path: Path) -> None:
    """Stop must not delete a folder that existed (empty) before: only what the wizard put in it."""
    env = tmp_path / "my env"
    env.mkdir()
    claim = journal.claim_env_folder(env, request(env_dir=str(env)))
    assert claim.existed_before
    (env / "lib" / "python3.12" / "site-packages").mkdir(parents=True)
    (env / "lib64").symlink_to("lib")
    (env / "pyvenv.cfg").write_text("x")
    result = journal.remove_env(env, claim)
    assert result and result.reason == "emptied"
    assert env.is_dir() and list(env.iterdir()) == []
    assert "kept" in result.message


def test_a_folder_with_files_cannot_be_claimed(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(journal.ClaimRefused) as info:
        journal.claim_env_folder(tmp_path, request(env_dir=str(tmp_path)))
    assert info.value.reason == "not-empty" and isinstance(info.value, OSError)
    assert not (tmp_path / journal.MARKER).exists()
    with pytest.raises(journal.ClaimRefused):
        journal.claim_env_folder(tmp_path / "x.txt", request())


def test_conda_prefix_is_claimed_after_conda_created_it(tmp_path: Path) -> None:
    prefix = tmp_path / "envs" / "course"
    req = request(env_dir=str(prefix))
    begun = journal.begin_conda_claim(prefix)
    assert begun.pending and not prefix.exists()  # nothing written: conda refuses an existing folder
    (prefix / "conda-meta").mkdir(parents=True)  # conda was making it when Stop was pressed
    assert journal.remove_env(prefix, begun).reason == "removed" and not prefix.exists()
    # after a crash, a prefix only begun is left alone (another conda env may be there by now)
    (prefix / "conda-meta").mkdir(parents=True)
    data_dir = tmp_path / "data"
    journal.start(data_dir, req, claim=begun)
    loaded = journal.load(data_dir)
    assert loaded is not None and loaded.claim is not None
    assert journal.remove_env(prefix, loaded.claim).reason == "unconfirmed" and prefix.exists()
    # conda-create succeeded: the marker goes in, with the same token
    claim = journal.claim_conda_prefix(prefix, req, begun)
    assert not claim.pending and claim.token == begun.token and journal.is_ours(prefix, claim)
    (prefix / "python.exe").write_text("")  # conda's files, whatever they are named
    journal.start(data_dir, req, claim=claim)
    loaded = journal.load(data_dir)
    assert loaded is not None and loaded.claim is not None
    assert journal.remove_env(prefix, loaded.claim).reason == "removed" and not prefix.exists()


def test_a_journal_of_the_old_version_deletes_nothing(tmp_path: Path) -> None:
    """Old journals had no token, only made_by_us: their folders are left, and the learner is told."""
    data_dir, env = tmp_path / "data", tmp_path / "env"
    req = request(env_dir=str(env))
    (env / "bin").mkdir(parents=True)
    old_marker = {"created_by": "Torch Setup Wizard", "created": "2026-01-01T00:00:00", "request": {}}
    (env / journal.MARKER).write_text(json.dumps(old_marker), encoding="utf-8")
    data_dir.mkdir()
    old = {"request": journal.request_to_json(req), "steps_done": ["create-venv"], "made_by_us": True}
    (data_dir / journal.JOURNAL).write_text(json.dumps(old), encoding="utf-8")
    record = journal.load(data_dir)
    assert record is not None and record.claim is None and record.steps_done == ["create-venv"]
    result = journal.remove_env(env, record.claim, force=True)  # the old call: force is ignored
    assert result.status == "kept" and result.reason == "no-claim"
    assert (env / "bin").is_dir() and "older version" in result.message


def test_remove_env_runs_in_a_worker_thread_without_qt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_translation(*_args: object) -> str:
        raise AssertionError("remove_env must not translate (no Qt off the GUI thread)")

    monkeypatch.setattr(journal, "translate", no_translation)
    env = tmp_path / "env"
    claim = journal.claim_env_folder(env, request(env_dir=str(env)))
    (env / "lib").mkdir()
    results: list[journal.RemoveResult] = []
    worker = threading.Thread(target=lambda: results.append(journal.remove_env(env, claim)))
    worker.start()
    worker.join(30)
    assert results and results[0].reason == "removed" and not env.exists()


def test_a_folder_that_cannot_be_deleted_fails_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = tmp_path / "env"
    claim = journal.claim_env_folder(env, request(env_dir=str(env)))
    (env / "lib").mkdir()

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(journal.shutil, "rmtree", refuse)
    result = journal.remove_env(env, claim)
    assert result.status == "failed" and result.reason == "os-error" and not result
    assert env.exists() and "Permission denied" in result.message


SECRET = "s3cr3t-pw"


def test_journal_and_marker_hold_no_secret(tmp_path: Path) -> None:
    data_dir, env = tmp_path / "data", tmp_path / "env"
    req = request(
        env_dir=str(env),
        source=PackageSource(
            SourceKind.CUSTOM_INDEX, index_url=f"https://ann:{SECRET}@mirror.example.edu/simple"
        ),
        proxy=f"http://ann:{SECRET}@proxy.example.edu:8080",
        extra=(f"numpy @ https://tok{SECRET}@files.example.edu/numpy.whl",),
    )
    plan = build_plan(req, DATA)
    assert any(SECRET in a for s in plan.steps for a in s.args)  # pip is given the login ...
    claim = journal.claim_env_folder(env, req)
    journal.start(data_dir, req, plan, claim)
    stored = (data_dir / journal.JOURNAL).read_text(encoding="utf-8")
    marker = (env / journal.MARKER).read_text(encoding="utf-8")
    for text in (stored, marker):  # ... but it is never written down
        assert SECRET not in text and "ann:" not in text
        assert "mirror.example.edu/simple" in text
    loaded = journal.load(data_dir)
    assert loaded is not None and loaded.login_removed  # the session asks for the login again
    assert loaded.request.source.index_url == "https://mirror.example.edu/simple"


def test_journal_round_trip_and_cleanup(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = tmp_path / "env"
    req = request(
        env_dir=str(env),
        proxy="http://p:8080",
        pip_timeout=60,
        extra=("numpy<2",),
        source=PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path)),
    )
    plan = build_plan(req, DATA)
    record = journal.start(data_dir, req, plan)
    record.steps_done = ["create-venv"]
    journal.save(data_dir, record)
    assert journal.load(data_dir) is None  # the env folder is gone: nothing to offer, and the record goes
    assert not (data_dir / journal.JOURNAL).exists()
    env.mkdir()
    journal.save(data_dir, record)
    loaded = journal.load(data_dir)
    assert loaded is not None
    # a proxy address can hold a password: it is never written to disk
    assert loaded.request == dataclasses.replace(req, proxy=None) and loaded.steps_done == ["create-venv"]
    assert "http://p:8080" not in (data_dir / journal.JOURNAL).read_text(encoding="utf-8")
    assert loaded.plan is not None
    assert [(s.id, s.program, s.args) for s in loaded.plan.steps] == [
        (s.id, s.program, s.args) for s in plan.steps
    ]
    assert all(s.env == () for s in loaded.plan.steps)  # the proxy (maybe with a password) is not kept
    (data_dir / journal.JOURNAL).write_text("{broken", encoding="utf-8")
    assert journal.load(data_dir) is None
    journal.clear(data_dir)
    journal.clear(data_dir)  # twice is fine


def test_report_takes_out_home_and_user() -> None:
    text = report.redact(
        "C:\\Users\\Wang Li\\pytorch-env and /home/wangli/x by wangli", home="/home/wangli", user="wangli"
    )
    assert "/home/wangli" not in text and "~/x" in text and "<user>" in text
    win = report.redact("C:\\Users\\Wang Li\\pytorch-env", home="C:\\Users\\Wang Li", user="Wang Li")
    assert win == "~\\pytorch-env"
    built = report.build_report(
        {"Python": "/home/wangli/.pyenv/bin/python", "GPU": None, "Plan": ["a", "b"]},
        home="/home/wangli",
        user="wangli",
    )
    assert "== GPU\nCould not collect" in built and "~/.pyenv" in built and "== Plan\na\nb" in built


def test_report_masks_passwords_in_addresses() -> None:
    built = report.build_report(
        {"Plan": [f"pip install torch --index-url https://ann:{SECRET}@mirror.example.edu/simple"]},
        home="/home/wangli",
        user="wangli",
    )
    assert SECRET not in built and "https://ann:****@mirror.example.edu/simple" in built


def test_space_checks_add_up_what_shares_a_drive(tmp_path: Path) -> None:
    checks = precheck.space_checks(
        str(tmp_path / "env"), 1000, 300, temp_dir=str(tmp_path), cache_dir=str(tmp_path / "cache")
    )
    assert len(checks) == 1  # all on one drive here
    (check,) = checks
    assert {n.where for n in check.needs} == {"env", "temp", "cache"}
    assert check.need_bytes == (1000 + 300 + 300) * precheck.MB
    offline = precheck.space_checks(str(tmp_path / "env"), 1000, 0)
    assert sum(c.need_bytes for c in offline) == 1000 * precheck.MB
    assert precheck.pip_cache_dir("windows", {"LOCALAPPDATA": "C:\\Users\\a\\AppData\\Local"}).endswith(
        "Cache"
    )
    assert precheck.pip_cache_dir("linux", {"PIP_CACHE_DIR": "/x"}) == "/x"


def test_a_redacted_quoted_path_stays_pasteable() -> None:
    posix = report.redact(
        '"/home/wangli/env/bin/python" -m pip install torch', home="/home/wangli", user="wangli"
    )
    assert posix == '"$HOME/env/bin/python" -m pip install torch'
    win = report.redact(
        '"C:\\Users\\Wang Li\\env\\Scripts\\python.exe" -m pip', home="C:\\Users\\Wang Li", user="Wang Li"
    )
    assert win == '"%USERPROFILE%\\env\\Scripts\\python.exe" -m pip'
    assert report.redact("/home/wangli/env", home="/home/wangli", user="wangli") == "~/env"
