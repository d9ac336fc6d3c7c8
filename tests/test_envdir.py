"""Where the new environment may go: refused with a reason when it would touch what the learner has."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from wizard.core.envdir import check_env_folder, default_env_dir, free_bytes


def test_new_folder_with_spaces_and_chinese_is_fine(tmp_path: Path) -> None:
    check = check_env_folder(str(tmp_path / "测试 env"), "linux")
    assert check.ok, check.problems
    assert check.path == str(tmp_path / "测试 env")


def test_empty_existing_folder_is_fine(tmp_path: Path) -> None:
    assert check_env_folder(str(tmp_path), "linux").ok


def test_refusals(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "thesis.docx").write_text("mine")
    (tmp_path / "afile").write_text("x")
    assert "already has files" in check_env_folder(str(tmp_path / "full"), "linux").problems[0]
    assert "is a file" in check_env_folder(str(tmp_path / "afile"), "linux").problems[0]
    assert not check_env_folder("", "linux").ok
    assert "full path" in check_env_folder("relative/env", "linux").problems[0]
    assert "system" in check_env_folder("/usr/local/pytorch-env", "linux").problems[0]
    assert not check_env_folder("/etc/env", "linux").ok
    assert not check_env_folder(r"C:\Windows\System32\env", "windows").ok
    assert not check_env_folder(r"C:\Program Files\env", "windows").ok
    assert not check_env_folder("/System/Library/env", "macos").ok
    assert not check_env_folder(str(tmp_path / "py" / "env"), "linux", protected=[str(tmp_path / "py")]).ok
    # nothing was created or changed by checking
    assert (tmp_path / "full" / "thesis.docx").read_text() == "mine"
    assert not (tmp_path / "relative").exists()


def test_home_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    check = check_env_folder("~/pytorch-env", "linux")
    assert check.ok and check.path == str(tmp_path / "pytorch-env")


def test_default_is_short_ascii_and_free(tmp_path: Path) -> None:
    assert default_env_dir(tmp_path) == str(tmp_path / "pytorch-env")
    (tmp_path / "pytorch-env").mkdir()
    assert default_env_dir(tmp_path) == str(tmp_path / "pytorch-env")  # empty: still usable
    (tmp_path / "pytorch-env" / "x").write_text("x")
    assert default_env_dir(tmp_path) == str(tmp_path / "pytorch-env-2")


def test_free_bytes_of_a_folder_not_yet_made(tmp_path: Path) -> None:
    free = free_bytes(tmp_path / "a" / "b")
    assert free is not None and free > 0


@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="needs root to mount")
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    """A real read-only mount (root ignores file modes, so chmod would prove nothing)."""
    mnt = tmp_path / "ro"
    mnt.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(mnt)], capture_output=True, timeout=10
    )
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + r.stderr.decode(errors="replace"))
    try:
        check = check_env_folder(str(mnt / "env"), "linux")
        assert not check.ok
        assert "cannot create files" in check.problems[0]
    finally:
        subprocess.run(["umount", str(mnt)], timeout=10)
