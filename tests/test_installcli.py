"""``python -m wizard install`` and ``unfinished`` as a lab admin's script runs them: exit codes, the
``--json`` lines, Ctrl+C, and the cut-short install listed, then removed. A small fake torch (a real wheel
that verify.py can import) keeps these fast; the real CPU torch is installed by tests/test_kit_e2e.py."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.conftest import base_python

ROOT = Path(__file__).resolve().parent.parent
PY = f"cp{sys.version_info[0]}{sys.version_info[1]}"

FAKE_TORCH = '''"""A fake torch for the wizard's command-line tests: what resources/verify.py reads."""
__version__ = "2.17.0+cpu"


class version:
    cuda = None
    hip = None


class cuda:
    @staticmethod
    def is_available():
        return False
'''


def fake_torch_wheel(folder: Path) -> Path:
    """torch-2.17.0+cpu for this Python, a real wheel pip installs offline."""
    dist = "torch-2.17.0+cpu.dist-info"
    files = {
        "torch/__init__.py": FAKE_TORCH.encode(),
        f"{dist}/METADATA": b"Metadata-Version: 2.1\nName: torch\nVersion: 2.17.0+cpu\n",
        f"{dist}/WHEEL": f"Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: {PY}-{PY}-manylinux_2_28_x86_64\n".encode(),
    }

    def digest(data: bytes) -> str:
        return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

    record = "".join(f"{p},{digest(d)},{len(d)}\n" for p, d in files.items()) + f"{dist}/RECORD,,\n"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for p, d in files.items():
            zf.writestr(p, d)
        zf.writestr(f"{dist}/RECORD", record)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"torch-2.17.0+cpu-{PY}-{PY}-manylinux_2_28_x86_64.whl"
    path.write_bytes(buf.getvalue())
    return path


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") or k == "PIP_COMPILE"}
    return {
        **env,
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_CACHE_DIR": "1",
        "TORCH_WIZARD_DATA_DIR": str(data_dir),
        "TORCH_WIZARD_OFFLINE": "1",
        "PYTHONUTF8": "1",
    }


def wizard(*args: str, data_dir: Path, timeout: float = 300) -> tuple[int, list[dict], str]:
    r = subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=str(ROOT),
        env=cli_env(data_dir),
        stdin=subprocess.DEVNULL,
    )
    lines = []
    for text in r.stdout.splitlines():
        if text.startswith("{"):
            lines.append(json.loads(text))  # every line of --json is one JSON object
    return r.returncode, lines, r.stdout + r.stderr


pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="venv paths and signals of Linux"
)


def test_refused_input_exits_2_and_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    inside_a_venv = Path(sys.prefix) / "lib" / "new-env"  # the test run's own venv
    code, lines, text = wizard(
        "install", "--python", base_python(), "--env", str(inside_a_venv), "--yes", "--json", data_dir=data
    )
    assert code == 2, text
    assert lines[-1]["event"] == "refused" and lines[-1]["message"]
    assert not inside_a_venv.exists()
    code, lines, _ = wizard(
        "install",
        "--python",
        base_python(),
        "--env",
        str(tmp_path / "e"),
        "--source",
        "ftp:x",
        "--yes",
        "--json",
        data_dir=data,
    )
    assert code == 2 and lines[-1]["event"] == "refused"
    code, lines, _ = wizard(
        "install",
        "--python",
        base_python(),
        "--env",
        str(tmp_path / "e"),
        "--build",
        "cu999",
        "--yes",
        "--json",
        data_dir=data,
    )
    assert code == 2 and "cu999" in lines[-1]["message"]
    code, lines, _ = wizard(
        "install", "--python", str(tmp_path / "no-python"), "--yes", "--json", data_dir=data
    )
    assert code == 2
    assert not (tmp_path / "e").exists()


def test_install_from_a_wheel_folder_prints_one_json_object_per_line_and_exits_0(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    fake_torch_wheel(wheels)
    env_dir = tmp_path / "env"
    code, lines, text = wizard(
        "install", "--python", base_python(), "--env", str(env_dir), "--source", f"wheels:{wheels}",
        "--no-torchvision", "--yes", "--json", data_dir=tmp_path / "data",
    )  # fmt: skip
    assert code == 0, text[-3000:]
    events = [line["event"] for line in lines]
    assert events[0] == "plan" and events[-1] == "installed"
    plan = lines[0]
    assert plan["torch"] == "2.17.0+cpu" and [s["id"] for s in plan["steps"]] == [
        "create-venv",
        "upgrade-pip",
        "install-torch",
        "verify",
    ]
    assert [line["id"] for line in lines if line["event"] == "step"] == [
        "create-venv",
        "upgrade-pip",
        "install-torch",
        "verify",
    ]
    assert all(line["ok"] for line in lines if line["event"] == "step-result")
    assert lines[-1]["verify"]["torch"] == "2.17.0+cpu"
    assert (env_dir / "torch-constraints.txt").read_text().count("torch==2.17.0+cpu") == 1


def test_a_failed_step_exits_3_with_its_diagnosis_then_unfinished_lists_and_removes_it(
    tmp_path: Path,
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    data, env_dir = tmp_path / "data", tmp_path / "env"
    code, lines, text = wizard(
        "install", "--python", base_python(), "--env", str(env_dir), "--source", f"index:http://127.0.0.1:{port}/simple",
        "--yes", "--json", data_dir=data,
    )  # fmt: skip
    assert code == 3, text[-3000:]
    failed = lines[-1]
    assert failed["event"] == "failed" and failed["diagnosis"]["code"] == "network-offline"
    assert "retry" in failed["diagnosis"]["actions"]
    assert (
        env_dir.is_dir()
    )  # kept for a retry: the next start (or `unfinished`) offers to finish or remove it

    code, lines, _ = wizard("unfinished", "--json", data_dir=data)
    assert code == 0 and lines[-1]["installs"][0]["env"] == str(env_dir)
    assert lines[-1]["installs"][0]["steps_done"] == ["create-venv"]
    code, lines, _ = wizard(
        "unfinished", "--remove", str(tmp_path / "other"), "--yes", "--json", data_dir=data
    )
    assert code == 2  # not the one that was cut short
    (env_dir / "thesis.tex").write_text("mine")  # the learner's own file now lies there: nothing is deleted
    code, lines, _ = wizard("unfinished", "--remove", str(env_dir), "--yes", "--json", data_dir=data)
    assert code == 2 and lines[-1]["event"] == "kept" and (env_dir / "thesis.tex").exists()
    (env_dir / "thesis.tex").unlink()
    code, lines, _ = wizard("unfinished", "--remove", str(env_dir), "--yes", "--json", data_dir=data)
    assert code == 0 and lines[-1]["event"] == "removed" and not env_dir.exists()
    code, lines, _ = wizard("unfinished", "--json", data_dir=data)
    assert lines[-1]["installs"] == []


@pytest.fixture
def silent_index() -> Iterator[int]:
    """A server on 127.0.0.1 that accepts connections and never answers (a stalled mirror)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        t.join(2)
        for c in held:
            c.close()
        server.close()


def test_ctrl_c_stops_the_whole_tree_removes_the_env_and_exits_4(tmp_path: Path, silent_index: int) -> None:
    data, env_dir = tmp_path / "data", tmp_path / "env"
    proc = subprocess.Popen(
        [sys.executable, "-m", "wizard", "install", "--python", base_python(), "--env", str(env_dir),
         "--source", f"index:http://127.0.0.1:{silent_index}/simple", "--yes", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=str(ROOT), env=cli_env(data),
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.stdout is not None
    seen: list[dict] = []
    deadline = time.monotonic() + 120
    for text in proc.stdout:
        if text.startswith("{"):
            seen.append(json.loads(text))
            if seen[-1].get("event") == "step" and seen[-1].get("id") == "upgrade-pip":
                break
        assert time.monotonic() < deadline, seen
    time.sleep(1.5)  # pip is now waiting for the silent server
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children, "pip should be running"
    proc.send_signal(signal.SIGINT)
    rest, _ = proc.communicate(timeout=60)
    seen += [json.loads(t) for t in rest.splitlines() if t.startswith("{")]
    assert proc.returncode == 4, seen
    assert seen[-1]["event"] == "stopped"
    assert not env_dir.exists()
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]


def test_a_mirror_that_lags_gives_the_newest_it_really_has(tmp_path: Path) -> None:
    """Read from the mirror's own pages: 2.17.0 and 2.16.0 there, the build wants 2.18.0 -> 2.17.0+cpu."""
    from tests.localindex import FakeRelease, serve_index, write_index
    from wizard.core import torchindex
    from wizard.installcli import _pick

    root = write_index(
        tmp_path / "mirror",
        [FakeRelease("2.16.0", None, ("cpu",)), FakeRelease("2.17.0", None, ("cpu", "cu130"))],
    )
    with serve_index(root) as base:
        have = torchindex.mirror_versions(base + "cpu", "torch", "linux", "x86_64", "3.12")
        assert have == ["2.17.0+cpu", "2.16.0+cpu"]
        assert torchindex.mirror_versions(base + "cu130", "torch", "linux", "x86_64", "3.12") == [
            "2.17.0+cu130"
        ]
        assert torchindex.mirror_versions(base + "cpu", "torch", "windows", "arm64", "3.12") == []
    assert _pick(have, "2.18.0", "cpu") == "2.17.0+cpu"
    assert _pick(have, "2.16.0", "cpu") == "2.16.0+cpu"
    assert _pick(["2.17.0+cu130"], "2.17.0", "cpu") is None  # a GPU build is never taken for the CPU one


def test_a_project_the_mirror_does_not_have_is_an_empty_list(tmp_path: Path) -> None:
    from tests.localindex import FakeRelease, serve_index, write_index
    from wizard.core import torchindex

    root = write_index(tmp_path / "mirror", [FakeRelease("2.17.0", None, ("cpu",))])
    with serve_index(root) as base:
        assert torchindex.mirror_versions(base + "cpu", "torchvision", "linux", "x86_64", "3.12") == []
