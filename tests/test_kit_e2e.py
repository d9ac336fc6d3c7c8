"""A kit for this computer made from the local CPU torch wheel, served by ``python -m http.server`` on
127.0.0.1, and installed by pip into a new venv; then the same kit as a folder with one file damaged."""

from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import base_python
from tests.test_kit import clean_env, result_of, run_kit
from wizard.core import kit
from wizard.core.builds import Machine

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (sys.platform.startswith("linux") and platform.machine() == "x86_64"),
        reason="the cached CPU wheel is for Linux x86_64",
    ),
]

TARGET = f"linux-x86_64-py{sys.version_info[0]}.{sys.version_info[1]}-cpu"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def made_kit(torch_wheels: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kit") / "PyTorch kit"  # a space, as on a USB stick
    code, lines, text = run_kit(
        "--out", str(out), "--target", TARGET, "--source", f"wheels:{torch_wheels}", "--yes"
    )
    assert code == 0, text
    assert result_of(lines)["targets"] == [TARGET]
    return out


@pytest.fixture
def served(made_kit: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(made_kit)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "kit.json", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_kit_served_over_http_installs_torch_into_a_new_venv(
    made_kit: Path, served: str, tmp_path: Path
) -> None:
    k = kit.open_kit(served + "simple")
    assert k.is_url and TARGET in k.targets
    assert kit.verify(k, TARGET) == []  # the pages offer every file with kit.json's sha256
    machine = Machine(os="linux", arch="x86_64", python=(sys.version_info[0], sys.version_info[1]))
    pick = kit.pick_target(k, machine)
    assert pick.code == "ok" and pick.target is not None and pick.target.name == TARGET

    env_dir = tmp_path / "测试 env"
    subprocess.run([base_python(), "-m", "venv", str(env_dir)], check=True, timeout=300)
    py = str(env_dir / "bin" / "python")
    r = subprocess.run(
        [py, "-m", "pip", "install", "--index-url", k.index_url(), *pick.target.requirements],
        capture_output=True,
        text=True,
        timeout=900,
        env=clean_env(),
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    r = subprocess.run(
        [py, "-c", "import torch; print((torch.tensor([1, 2, 3]) + torch.tensor([4, 5, 6])).tolist())"],
        capture_output=True,
        text=True,
        timeout=300,
        env=clean_env(),
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "[5, 7, 9]"

    # pip checks every byte against kit.json when given the hash-pinned requirements
    reqs = tmp_path / "kit-requirements.txt"
    reqs.write_text("\n".join(kit.requirements_with_hashes(k, TARGET)) + "\n", encoding="utf-8")
    r = subprocess.run(
        [py, "-m", "pip", "download", "--require-hashes", "-r", str(reqs), "--index-url", k.index_url(),
         "-d", str(tmp_path / "dl")],
        capture_output=True, text=True, timeout=900, env=clean_env(),
    )  # fmt: skip
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]


def test_the_same_kit_as_a_folder_with_a_damaged_file_is_refused_naming_it(made_kit: Path) -> None:
    k = kit.open_kit(str(made_kit))
    assert kit.verify(k) == []
    victim = next(n for n in sorted(k.files) if n.startswith("jinja2-"))
    path = k.wheel_dir / victim
    original = path.read_bytes()
    try:
        damaged = bytearray(original)
        damaged[len(damaged) // 2] ^= 0x55
        path.write_bytes(bytes(damaged))
        problems = kit.verify(k)
        assert [(p.code, p.params["name"]) for p in problems] == [("file-damaged", victim)]
        assert victim in problems[0].message()
    finally:
        path.write_bytes(original)
    os.utime(path)
    assert kit.verify(k) == []


def run_install(*args: str, data_dir: Path, timeout: float = 900) -> tuple[int, list[dict], str]:
    """``python -m wizard install ARGS --json``: (exit code, the JSON lines, all output)."""
    import json

    r = subprocess.run(
        [sys.executable, "-m", "wizard", "install", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=clean_env(TORCH_WIZARD_DATA_DIR=str(data_dir), TORCH_WIZARD_OFFLINE="1"),
        stdin=subprocess.DEVNULL,
    )
    lines = [json.loads(t) for t in r.stdout.splitlines() if t.startswith("{")]
    return r.returncode, lines, r.stdout + r.stderr


def test_wizard_install_from_the_served_kit_verifies_and_runs_the_demo(served: str, tmp_path: Path) -> None:
    """issue 13's end to end: the kit over http.server, `python -m wizard install --source index:URL --yes`."""
    env_dir = tmp_path / "lab env"
    code, lines, text = run_install(
        "--python", base_python(), "--env", str(env_dir), "--source", f"index:{served}simple",
        "--no-torchvision", "--yes", "--demo", data_dir=tmp_path / "data",
    )  # fmt: skip
    assert code == 0, text[-4000:]
    events = [line["event"] for line in lines]
    assert "plan" in events and "installed" in events
    assert any(line["event"] == "mirror-note" and "2.13.0" in line["message"] for line in lines)  # the kit lags
    installed = next(line for line in lines if line["event"] == "installed")
    assert installed["verify"]["torch"].startswith("2.13.0")
    demo = {line.get("demo_event"): line for line in lines if line["event"] == "demo-result"}
    assert demo["tensor_add"]["z"] == [5, 7, 9]
    assert demo["fit"]["loss_last"] < demo["fit"]["loss_first"]
    assert (env_dir / "pip.conf").is_file() and "torch==2.13.0" in (env_dir / "torch-constraints.txt").read_text()
    assert not any((tmp_path / "data" / "tmp").iterdir())  # the install's own temp folder is gone


def test_wizard_install_refuses_a_kit_with_a_damaged_file_naming_it(made_kit: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "kit copy"
    shutil.copytree(made_kit, copy)
    victim = next(p for p in sorted((copy / "wheels").iterdir()) if p.name.startswith("sympy"))
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    env_dir = tmp_path / "env"
    code, lines, text = run_install(
        "--python", base_python(), "--env", str(env_dir), "--source", f"kit:{copy}", "--yes",
        data_dir=tmp_path / "data", timeout=300,
    )  # fmt: skip
    assert code == 2, text[-3000:]
    refused = next(line for line in lines if line["event"] == "refused")
    assert victim.name in refused["message"]
    assert not env_dir.exists()  # refused before anything was made
