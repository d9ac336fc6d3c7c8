"""Where the new environment may go: refused with a reason when it would touch what the learner has."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from wizard.core.envdir import (
    check_env_folder,
    check_index_url,
    check_proxy_url,
    default_env_dir,
    free_bytes,
    is_complete_url,
)


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


# -- issue 11: never inside what isn't ours, never an exception ----------------------------------


def test_a_link_into_a_system_folder_is_refused_after_resolving(tmp_path: Path) -> None:
    target = Path("/usr/lib")
    if not target.is_dir():
        pytest.skip("needs /usr/lib")
    link = tmp_path / "innocent"
    link.symlink_to(target)
    check = check_env_folder(str(link / "env"), "linux")
    assert not check.ok and "/usr" in check.problems[0]
    assert check.path == "/usr/lib/env"  # what is checked and used is the real place


def test_inside_an_existing_venv_is_refused(tmp_path: Path) -> None:
    """A venv's empty site-packages passed the old check: empty, writable, in the home folder."""
    venv = tmp_path / "old-venv"
    site = venv / "lib" / "python3.12" / "site-packages"
    site.mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    for folder in (site, site / "new-env", venv / "env"):
        check = check_env_folder(str(folder), "linux")
        assert not check.ok and "inside the environment" in check.problems[0], folder
    # ... also through a link that hides where it goes
    (tmp_path / "shortcut").symlink_to(site)
    assert "inside the environment" in check_env_folder(str(tmp_path / "shortcut"), "linux").problems[0]


def test_inside_a_conda_env_or_a_python_installation_is_refused(tmp_path: Path) -> None:
    conda_env = tmp_path / "miniconda3" / "envs" / "course"
    (conda_env / "conda-meta").mkdir(parents=True)
    assert "conda environment" in check_env_folder(str(conda_env / "sub"), "linux").problems[0]
    assert "conda environment" in check_env_folder(str(conda_env), "linux").problems[0]
    pyenv = tmp_path / ".pyenv" / "versions" / "3.12.4"
    (pyenv / "lib" / "python3.12").mkdir(parents=True)
    (pyenv / "lib" / "python3.12" / "os.py").write_text("")
    assert "Python installation" in check_env_folder(str(pyenv / "myenv"), "linux").problems[0]
    win = tmp_path / "Python312"
    (win / "Lib").mkdir(parents=True)
    (win / "Lib" / "os.py").write_text("")
    assert "Python installation" in check_env_folder(str(win / "env"), "linux").problems[0]
    # next to them (not inside) is fine
    assert check_env_folder(str(tmp_path / "pytorch-env"), "linux").ok


@pytest.mark.parametrize(
    "name",
    ["a\x00b", "x" * 300, "测" * 90, "tab\there", "/".join(["deep"] * 1500)],
    ids=["nul", "300-chars", "270-bytes-chinese", "control", "path-too-long"],
)
def test_odd_names_give_a_problem_not_an_exception(tmp_path: Path, name: str) -> None:
    check = check_env_folder(str(tmp_path / name), "linux")
    assert not check.ok and check.problems[0]
    assert "\x00" not in check.path


def test_errors_of_the_system_become_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def too_long(*_args: object, **_kw: object) -> bool:
        raise OSError(errno.ENAMETOOLONG, "File name too long")

    monkeypatch.setattr(Path, "exists", too_long)
    check = check_env_folder(str(tmp_path / "env"), "linux")
    assert not check.ok and "too long" in check.problems[0]

    def broken(*_args: object, **_kw: object) -> bool:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "exists", broken)
    assert "Input/output error" in check_env_folder(str(tmp_path / "env"), "linux").problems[0]


def test_windows_names_windows_cannot_hold() -> None:
    for name in (r"C:\Users\ann\a<b", r"C:\Users\ann\env.", r"C:\Users\ann\CON", r"C:\Users\ann\x?"):
        check = check_env_folder(name, "windows")
        assert not check.ok and "Windows" in check.problems[0], name


# -- addresses ---------------------------------------------------------------------------------

IPV6_MIRROR = "https://[2001:db8::1]:3141/root/pypi/+simple/"


def test_every_prefix_of_an_ipv6_mirror_is_checked_without_an_exception() -> None:
    for i in range(len(IPV6_MIRROR) + 1):
        problems, warnings = check_index_url(IPV6_MIRROR[:i])
        assert isinstance(problems, list) and isinstance(warnings, list)
        url, proxy_problems = check_proxy_url(IPV6_MIRROR[:i])
        assert isinstance(url, str) and isinstance(proxy_problems, list)
        is_complete_url(IPV6_MIRROR[:i])
    assert check_index_url(IPV6_MIRROR) == ([], [])
    assert check_index_url("http://[::1]:8080/simple")[0] == []
    assert check_index_url("http://[::1")[0] and check_index_url("http://[nonsense]/simple")[0]
    assert check_index_url("http://host:port/simple")[0] and check_index_url("https://a\x00b/")[0]


@pytest.mark.parametrize(
    ("text", "url", "ok"),
    [
        ("[2001:db8::1]:3128", "http://[2001:db8::1]:3128", True),
        ("proxy.school.edu:8080", "http://proxy.school.edu:8080", True),
        ("http://[::1", "http://[::1", False),
        ("http://proxy:0", "http://proxy:0", False),
        ("http://proxy:65536", "http://proxy:65536", False),
        ("socks5h://127.0.0.1:1080", "socks5h://127.0.0.1:1080", True),
    ],
)
def test_proxy_addresses(text: str, url: str, ok: bool) -> None:
    assert check_proxy_url(text) == (url, []) if ok else check_proxy_url(text)[1]
    if not ok:
        assert check_proxy_url(text)[0] == url


@pytest.mark.parametrize(
    ("url", "complete"),
    [
        ("http://1", False),  # that is 0.0.0.1
        ("http://10.0", False),
        ("http://10.0.0", False),
        ("http://10.0.0.5", True),
        ("https://mirr", False),
        ("https://mirror.", False),
        ("https://mirror.e", False),
        ("https://mirror.example.edu/simple", True),
        ("https://mirror.example.edu:", False),
        ("https://mirror.example.edu:99999/simple", False),
        ("http://localhost:3141/simple", True),
        ("http://[::1]:3141/simple", True),
        ("http://[::1", False),
        ("http://[2001:db8:", False),
        ("ftp://files.example.edu/", False),
        ("file:///media/usb/simple", True),
        ("https://镜像.例子.中国/simple", True),
        ("https://a b.example.edu", False),
    ],
)
def test_only_a_finished_address_is_complete(url: str, complete: bool) -> None:
    assert is_complete_url(url) is complete


def test_a_home_folder_under_a_system_folder_is_still_the_learners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fedora Silverblue links /home to /var/home: resolving must not turn the home into a system folder."""
    from wizard.core import envdir

    var = tmp_path / "var"
    (var / "home" / "ann").mkdir(parents=True)
    (tmp_path / "home").symlink_to(var / "home")
    monkeypatch.setattr(envdir, "_system_roots", lambda _os: [str(var)])
    monkeypatch.setenv("HOME", str(tmp_path / "home" / "ann"))
    ok = check_env_folder(str(tmp_path / "home" / "ann" / "pytorch-env"), "linux")
    assert ok.ok, ok.problems
    assert ok.path == str(var / "home" / "ann" / "pytorch-env")
    assert not check_env_folder(str(var / "lib" / "env"), "linux").ok  # the rest of /var stays refused
    assert not check_env_folder(
        str(var / "home" / "ann"), "linux"
    ).ok  # the home folder itself is not a place
