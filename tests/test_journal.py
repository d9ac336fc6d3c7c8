"""The record of what the wizard created, the report's redaction, and the room checks (pure core)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from tests.test_plan import DATA, request
from wizard.core import journal, precheck, report
from wizard.core.plan import PackageSource, SourceKind, build_plan


def test_only_a_marked_or_empty_folder_is_ever_removed(tmp_path: Path) -> None:
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.docx").write_text("mine")
    assert not journal.remove_env(mine)
    assert (mine / "chapter1.docx").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert journal.remove_env(empty) and not empty.exists()
    env = tmp_path / "测试 env"
    req = request(env_dir=str(env))
    journal.create_env_folder(env, req)
    (env / "bin").mkdir()
    assert journal.is_ours(env)
    assert json.loads((env / journal.MARKER).read_text(encoding="utf-8"))["request"]["env_dir"] == str(env)
    assert journal.remove_env(env) and not env.exists()
    assert journal.remove_env(tmp_path / "never made")


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
