"""The pin that keeps a new environment's PyTorch as installed (core/envpin.py), read the way pip reads it.

Found unpinned by mutation testing: the tests of the session only looked for a few words in the files.
Here the files are parsed like pip does (an INI file, a requirements file), on each system's file name.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest
from packaging.requirements import Requirement

from wizard.core import envpin

CU = "https://download.pytorch.org/whl/cu126"


def _config(text: str) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser()  # what pip's configuration reader uses
    parser.read_string(text)
    return parser


def _where(value: str) -> Path:
    """The file a ``constraint = ...`` value names: a path, or a file: address as pip reads it."""
    return Path(url2pathname(urlsplit(value).path)) if value.startswith("file:") else Path(value)


def _pins(text: str) -> set[str]:
    """The requirements of a constraints file, as pip reads them (comments and blank lines skipped)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {str(Requirement(line)) for line in lines}


@pytest.mark.parametrize(
    ("os_name", "name"), [("windows", "pip.ini"), ("linux", "pip.conf"), ("macos", "pip.conf")]
)
def test_pip_finds_the_pin_under_its_own_name_on_each_system(tmp_path: Path, os_name: str, name: str) -> None:
    files = dict(envpin.pin_files(str(tmp_path), os_name, torch="2.13.0+cu126", torchvision="0.28.0+cu126"))
    assert set(files) == {tmp_path / envpin.CONSTRAINTS, tmp_path / name}
    conf = _config(files[tmp_path / name])
    assert conf.get("global", "constraint") == str(tmp_path / envpin.CONSTRAINTS)
    # the constraints file itself tells how to lift the pin, naming this system's file
    assert name in files[tmp_path / envpin.CONSTRAINTS]


def test_the_constraints_hold_exactly_the_installed_versions(tmp_path: Path) -> None:
    files = dict(envpin.pin_files(str(tmp_path), "linux", torch="2.13.0+cu126", torchvision="0.28.0+cu126"))
    text = files[tmp_path / envpin.CONSTRAINTS]
    assert _pins(text) == {"torch==2.13.0+cu126", "torchvision==0.28.0+cu126"}
    assert text.endswith("\n") and not text.endswith("\n\n")
    conf_text = files[tmp_path / "pip.conf"]
    assert conf_text.endswith("\n") and not conf_text.endswith("\n\n")


def test_without_torchvision_only_torch_is_pinned(tmp_path: Path) -> None:
    files = dict(envpin.pin_files(str(tmp_path), "linux", torch="2.13.0"))
    assert _pins(files[tmp_path / envpin.CONSTRAINTS]) == {"torch==2.13.0"}


def test_the_index_is_an_extra_index_without_its_login(tmp_path: Path) -> None:
    files = dict(
        envpin.pin_files(
            str(tmp_path), "linux", torch="2.13.0", index_url="https://ann:s3cr3t@mirror.example.edu/cu126"
        )
    )
    conf = _config(files[tmp_path / "pip.conf"])
    assert conf.get("global", "extra-index-url") == "https://mirror.example.edu/cu126"
    assert "s3cr3t" not in files[tmp_path / "pip.conf"]
    plain = _config(dict(envpin.pin_files(str(tmp_path), "linux", torch="2.13.0"))[tmp_path / "pip.conf"])
    assert not plain.has_option("global", "extra-index-url")


def test_nothing_to_pin_writes_nothing(tmp_path: Path) -> None:
    assert envpin.pin_files(str(tmp_path), "linux", torch="") == []
    assert envpin.write_pins(str(tmp_path), "linux", torch="") == []
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("os_name", ["windows", "linux"])
def test_written_pins_are_the_files_pip_reads_and_remove_pins_lifts_them(
    tmp_path: Path, os_name: str
) -> None:
    env = tmp_path / "环境 env"  # a learner's folder name in Chinese: written as UTF-8
    env.mkdir()
    written = envpin.write_pins(
        str(env), os_name, torch="2.13.0+cu126", torchvision="0.28.0+cu126", index_url=CU
    )
    name = envpin.config_name(os_name)
    assert sorted(written) == sorted([env / envpin.CONSTRAINTS, env / name])
    assert all(p.is_file() for p in written)
    raw = (env / name).read_bytes()
    # pip reads its configuration in the system's code page (cp936 on a Chinese Windows): only ASCII
    # reads the same in every one, so the Chinese folder is written as a file: address
    assert raw.isascii()
    conf = _config(raw.decode("cp936"))
    assert _where(conf.get("global", "constraint")) == env / envpin.CONSTRAINTS
    assert conf.get("global", "extra-index-url") == CU
    assert _pins((env / envpin.CONSTRAINTS).read_text(encoding="utf-8")) == {
        "torch==2.13.0+cu126",
        "torchvision==0.28.0+cu126",
    }
    envpin.remove_pins(str(env), os_name)
    assert list(env.iterdir()) == []
    envpin.remove_pins(str(env), os_name)  # nothing left to lift: no error


def test_pip_reads_the_constraints_through_the_address_written_for_a_chinese_folder(tmp_path: Path) -> None:
    env = tmp_path / "环境"
    env.mkdir()
    envpin.write_pins(str(env), "linux", torch="2.13.0")
    # a constraint pip cannot parse: its complaint shows that it opened the file the pin names
    (env / envpin.CONSTRAINTS).write_text("torch ==== nonsense\n", encoding="utf-8")
    run_env = {**os.environ, "PIP_CONFIG_FILE": str(env / "pip.conf"), "PIP_NO_INDEX": "1"}
    run_env.pop("PYTHONUTF8", None)
    out = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-m", "pip", "install", "--dry-run", "torch"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=run_env,
        timeout=120,
        check=False,
    )
    assert out.returncode != 0
    assert "nonsense" in out.stdout + out.stderr, out.stdout + out.stderr


def test_writing_the_pin_of_torch_alone_pins_torch_alone(tmp_path: Path) -> None:
    envpin.write_pins(str(tmp_path), "linux", torch="2.13.0")
    assert _pins((tmp_path / envpin.CONSTRAINTS).read_text(encoding="utf-8")) == {"torch==2.13.0"}
