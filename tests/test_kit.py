"""Kits: targets, the build per target, pip's arguments, the manifest, verify, pick_target, and the ``kit``
command against a local index of small, valid fake wheels on 127.0.0.1 (never any other host).

The fake index has PyTorch's layout (``/whl/cpu/<project>/``, absolute hrefs with ``#sha256=`` and
``data-requires-python``, as pytorch/test-infra ``s3_management/manage.py`` writes them) and wheels whose
METADATA carries markers, so a Windows kit made here on Linux must take Windows-only dependencies and leave
Linux-only ones out.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil
import pytest

from wizard.core import kit
from wizard.core.builds import Machine, recommend
from wizard.core.gpu import Gpu

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------------
# Fake wheels and a local index
# --------------------------------------------------------------------------------------------


def make_wheel(
    folder: Path,
    name: str,
    version: str,
    tag: str,
    requires: tuple[str, ...] = (),
    requires_python: str | None = None,
) -> Path:
    """A small valid wheel: METADATA (Requires-Dist, Requires-Python), WHEEL, RECORD, one module."""
    dist = name.replace("-", "_")
    filename = f"{dist}-{version}-{tag}.whl"
    info = f"{dist}-{version}.dist-info"
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    if requires_python:
        meta += f"Requires-Python: {requires_python}\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    wheel = f"Wheel-Version: 1.0\nGenerator: test-kit\nRoot-Is-Purelib: false\nTag: {tag}\n"
    files = {
        f"{dist}/__init__.py": f"VERSION = {version!r}\n",
        f"{info}/METADATA": meta,
        f"{info}/WHEEL": wheel,
    }
    record = "".join(f"{p},,\n" for p in files) + f"{info}/RECORD,,\n"
    path = folder / filename
    with zipfile.ZipFile(path, "w") as zf:
        for p, text in files.items():
            zf.writestr(p, text)
        zf.writestr(f"{info}/RECORD", record)
    return path


# (project, version, tag, requires, requires_python)
FAKE_WHEELS: list[tuple[str, str, str, tuple[str, ...], str | None]] = [
    (
        "torch",
        "2.15.0+cpu",
        "cp312-cp312-win_amd64",
        (
            "filelock",
            "sympy>=1.13.3",
            'mkl-fake>=1; platform_system == "Windows"',
            'triton-fake; platform_system == "Linux"',
            'typing-extensions; python_version < "3.11"',
            'opt-einsum>=3.3; extra == "opt-einsum"',
        ),
        ">=3.11",
    ),
    ("torch", "2.15.0", "cp312-none-macosx_14_0_arm64", ("filelock", "sympy>=1.13.3"), ">=3.11"),
    (
        "torch",
        "2.15.0+cpu",
        "cp312-cp312-manylinux_2_28_x86_64",
        ("filelock", 'triton-fake; platform_system == "Linux"'),
        ">=3.11",
    ),
    ("torchvision", "0.29.2+cpu", "py3-none-win_amd64", ("torch>=2.14.0",), ">=3.11"),
    ("torchvision", "0.29.2", "py3-none-macosx_14_0_arm64", ("torch>=2.14.0",), ">=3.11"),
    ("filelock", "3.20.0", "py3-none-any", (), ">=3.9"),
    ("filelock", "99.0", "py3-none-any", (), ">=3.99"),  # no Python can have it: must never be chosen
    ("sympy", "1.14.0", "py3-none-any", ("mpmath<1.4,>=1.1.0",), ">=3.9"),
    ("mpmath", "1.3.0", "py3-none-any", (), None),
    ("mpmath", "1.4.0", "py3-none-any", (), None),  # excluded by sympy's requirement
    ("mkl-fake", "1.0", "py3-none-win_amd64", (), None),
    ("triton-fake", "3.0", "py3-none-manylinux_2_28_x86_64", (), None),
]


@dataclass
class FakeIndex:
    root: Path
    port: int
    requests: list[str] = field(default_factory=list)
    stall: set[str] = field(default_factory=set)  # file names whose download never finishes
    logins: list[str] = field(default_factory=list)  # Authorization headers received

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/whl/"

    @property
    def cpu(self) -> str:
        return self.base + "cpu"

    def fetched(self, needle: str) -> int:
        return sum(1 for r in self.requests if needle in urllib.parse.unquote(r))


def build_index(root: Path) -> None:
    files = root / "whl" / "files"
    files.mkdir(parents=True)
    by_project: dict[str, list[tuple[Path, str | None]]] = {}
    for project, version, tag, requires, rp in FAKE_WHEELS:
        p = make_wheel(files, project, version, tag, requires, rp)
        by_project.setdefault(project, []).append((p, rp))
    for project, items in by_project.items():
        page = root / "whl" / "cpu" / project
        page.mkdir(parents=True)
        links = []
        for p, rp in items:
            digest = hashlib.sha256(p.read_bytes()).hexdigest()
            attr = f' data-requires-python="{html.escape(rp)}"' if rp else ""
            href = f"/whl/files/{urllib.parse.quote(p.name)}#sha256={digest}"
            links.append(f'<a href="{href}"{attr}>{p.name}</a><br>')
        (page / "index.html").write_text(
            "<html><body>" + "\n".join(links) + "</body></html>", encoding="utf-8"
        )


@pytest.fixture
def fake_index(tmp_path: Path) -> Iterator[FakeIndex]:
    root = tmp_path / "index"
    build_index(root)
    state = FakeIndex(root, 0)

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            state.requests.append(self.path)
            if self.headers.get("Authorization"):
                state.logins.append(self.headers["Authorization"])
            name = urllib.parse.unquote(self.path.rsplit("/", 1)[-1])
            if name in state.stall:
                self.send_response(200)
                self.send_header("Content-Length", "100000000")
                self.end_headers()
                with_pause = 0
                while with_pause < 600:  # drip a byte a second: pip waits, never finishes
                    try:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(1)
                    with_pause += 1
                return
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without pip's configuration (this machine's pip.conf adds indexes, find-links and a
    constraint on torch), so pip sees only the local index the test names."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") or k == "PIP_COMPILE"}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_CACHE_DIR": "1", "PYTHONUTF8": "1", **extra}


def run_kit(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> tuple[int, list[dict[str, Any]], str]:
    """``python -m wizard kit ARGS --json``: (exit code, the JSON lines, all stdout)."""
    full_env = clean_env(**(env or {}))
    r = subprocess.run(
        [sys.executable, "-m", "wizard", "kit", *args, "--json"],
        capture_output=True,
        timeout=timeout,
        cwd=str(ROOT),
        env=full_env,
        stdin=subprocess.DEVNULL,
    )
    out = r.stdout.decode("utf-8", errors="replace")
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    return r.returncode, lines, out + r.stderr.decode("utf-8", errors="replace")


def result_of(lines: list[dict[str, Any]]) -> dict[str, Any]:
    assert lines and lines[-1]["event"] == "result", lines
    return lines[-1]


def check_against_manifest(kit_dir: Path) -> dict[str, Any]:
    """Every file of kit.json is in wheels/ with its size and sha256, and nothing else is; the simple pages
    link each file with the same sha256. Returns the manifest."""
    manifest = json.loads((kit_dir / "kit.json").read_text(encoding="utf-8"))
    on_disk = {p.name for p in (kit_dir / "wheels").iterdir()}
    listed = {f["name"] for f in manifest["files"]}
    assert on_disk == listed
    for f in manifest["files"]:
        data = (kit_dir / "wheels" / f["name"]).read_bytes()
        assert len(data) == f["size"], f["name"]
        assert hashlib.sha256(data).hexdigest() == f["sha256"], f["name"]
        page = (kit_dir / "simple" / f["project"] / "index.html").read_text(encoding="utf-8")
        assert f'href="../../wheels/{urllib.parse.quote(f["name"])}#sha256={f["sha256"]}"' in page
        flat = (kit_dir / "index.html").read_text(encoding="utf-8")
        assert f'href="wheels/{urllib.parse.quote(f["name"])}#sha256={f["sha256"]}"' in flat
        for t in f["targets"]:
            assert f["name"] in next(x for x in manifest["targets"] if x["name"] == t)["files"]
    for t in manifest["targets"]:
        assert set(t["files"]) <= listed
    return manifest


def names_of(manifest: dict[str, Any], target: str) -> set[str]:
    files = next(t for t in manifest["targets"] if t["name"] == target)["files"]
    return {f.split("-")[0] for f in files}


# --------------------------------------------------------------------------------------------
# Targets and the build per target
# --------------------------------------------------------------------------------------------


def test_target_names_are_parsed_and_normalised() -> None:
    t = kit.parse_target("linux-x86_64-py3.12-cu130")
    assert (t.os, t.arch, t.python, t.variant, t.free_threaded) == (
        "linux",
        "x86_64",
        (3, 12),
        "cu130",
        False,
    )
    assert t.name == "linux-x86_64-py3.12-cu130"
    assert kit.parse_target("macos-arm64-py3.12").name == "macos-arm64-py3.12-mps"
    assert kit.parse_target("macos-arm64-py3.12-cpu").name == "macos-arm64-py3.12-mps"  # the same wheels
    assert kit.parse_target("windows-amd64-py3.13").name == "windows-x86_64-py3.13-cpu"
    assert kit.parse_target("linux-x86_64-py3.14t-cpu").free_threaded


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("linux-py3.12-cpu", "bad-target"),
        ("beos-x86_64-py3.12-cpu", "bad-target"),
        ("linux-x86_64-py3.12-cu999", "unknown-variant"),
    ],
)
def test_bad_targets_are_refused_with_a_code(text: str, code: str) -> None:
    with pytest.raises(kit.KitError) as err:
        kit.parse_target(text)
    assert err.value.code == code
    assert text.split("-")[-1] in err.value.message() or text in err.value.message()


def test_platform_tags_per_os() -> None:
    linux = kit.parse_target("linux-x86_64-py3.12-cpu").platform_tags()
    assert (
        linux[0] == "manylinux_2_28_x86_64"
        and "manylinux_2_17_x86_64" in linux
        and "manylinux2014_x86_64" in linux
    )
    assert kit.parse_target("windows-x86_64-py3.12-cpu").platform_tags() == ["win_amd64"]
    assert kit.parse_target("macos-arm64-py3.12").platform_tags() == ["macosx_14_0_arm64"]
    assert kit.parse_target("linux-arm64-py3.12-cpu").platform_tags()[0] == "manylinux_2_28_aarch64"


def test_markers_are_evaluated_for_the_target_not_this_computer() -> None:
    reqs = [
        'mkl; platform_system == "Windows"',
        'triton; platform_system == "Linux" and platform_machine == "x86_64"',
        'tomli; python_version < "3.11"',
        'pytest; extra == "test"',
        "filelock",
    ]
    win = {r.name for r in kit.requirements_for_target(reqs, kit.parse_target("windows-x86_64-py3.12-cpu"))}
    lin = {r.name for r in kit.requirements_for_target(reqs, kit.parse_target("linux-x86_64-py3.10-cpu"))}
    mac = {r.name for r in kit.requirements_for_target(reqs, kit.parse_target("macos-arm64-py3.12"))}
    assert win == {"mkl", "filelock"}
    assert lin == {"triton", "tomli", "filelock"}
    assert mac == {"filelock"}


def test_each_target_gets_the_build_the_install_rules_choose() -> None:
    src = kit.Source()
    win = kit.plan_target(kit.parse_target("windows-x86_64-py3.12-cpu"), src)
    assert win.index_url is not None and win.index_url.rstrip("/").endswith("/cpu")
    cuda = kit.plan_target(kit.parse_target("linux-x86_64-py3.12-cu130"), src)
    assert cuda.index_url is not None and cuda.index_url.rstrip("/").endswith("/cu130")
    assert cuda.estimate_bytes > win.estimate_bytes  # the CUDA libraries
    mac = kit.plan_target(kit.parse_target("macos-arm64-py3.12"), src)
    assert mac.index_url is None  # the standard index, as the install uses on a Mac
    old_py = kit.plan_target(kit.parse_target("linux-x86_64-py3.9-cpu"), src)
    assert tuple(int(x) for x in old_py.torch.split(".")[:2]) < tuple(
        int(x) for x in win.torch.split(".")[:2]
    )
    intel_mac = kit.plan_target(kit.parse_target("macos-x86_64-py3.12-cpu"), src)
    assert intel_mac.torch == "2.2.2" and "numpy<2" in intel_mac.requirements()
    with pytest.raises(kit.KitError) as err:
        kit.plan_target(kit.parse_target("windows-x86_64-py3.12-rocm7.2"), src)
    assert err.value.code == "no-build"


def test_auto_is_the_target_the_install_would_choose() -> None:
    ampere = Gpu("nvidia", "NVIDIA GeForce RTX 3060", 12288, "8.6", "580.65.06")
    here = Machine(
        os="linux",
        arch="x86_64",
        python=(3, 12),
        gpus=(ampere,),
        nvidia_driver="580.65.06",
        nvidia_state="ok",
    )
    rec = recommend(here)
    assert rec.variant is not None and rec.variant.startswith("cu")
    assert kit.target_for_machine(here).name == f"linux-x86_64-py3.12-{rec.variant}"
    assert (
        kit.target_for_machine(Machine(os="windows", arch="x86_64", python=(3, 13))).name
        == "windows-x86_64-py3.13-cpu"
    )
    with pytest.raises(kit.KitError) as err:
        kit.target_for_machine(Machine(os="windows", arch="x86", python=(3, 12), python_bits=32))
    assert err.value.code == "no-build-here"


def test_download_arguments_for_a_windows_target() -> None:
    plan = kit.TargetPlan(
        kit.parse_target("windows-x86_64-py3.12-cpu"),
        "2.15.0",
        "0.29.2",
        (),
        "https://download.pytorch.org/whl/cpu",
        1,
        "data-file",
    )
    args = kit.download_args(plan, kit.Source(), Path("KIT/wheels"), plan.requirements())
    assert args == [
        "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--platform", "win_amd64",
        "--python-version", "3.12", "--implementation", "cp", "--abi", "cp312", "--dest", str(Path("KIT/wheels")),
        "--index-url", "https://download.pytorch.org/whl/cpu", "torch==2.15.0", "torchvision==0.29.2",
    ]  # fmt: skip
    folder = kit.Source("wheels", "/media/usb/wheels")
    assert kit.download_args(plan, folder, Path("w"), ["torch"])[-4:] == [
        "--no-index", "--find-links", str(Path("/media/usb/wheels")), "torch",
    ]  # fmt: skip


def test_sources_are_parsed_and_never_keep_a_login(tmp_path: Path) -> None:
    assert kit.parse_source("default") == kit.Source()
    s = kit.parse_source("index:https://student:hunter2@mirror.example.edu/whl/cpu")
    assert s.location == "https://student:hunter2@mirror.example.edu/whl/cpu"  # pip needs it as typed
    assert "hunter2" not in json.dumps(s.describe()) and "student" not in json.dumps(s.describe())
    assert "hunter2" not in s.shown()
    (tmp_path / "w").mkdir()
    assert kit.parse_source(f"wheels:{tmp_path / 'w'}").describe() == {"source": "wheels", "location": "w"}
    for bad, code in (
        ("ftp:x", "bad-source"),
        ("index:notaurl", "bad-source"),
        (f"kit:{tmp_path}", "source-missing"),
    ):
        with pytest.raises(kit.KitError) as err:
            kit.parse_source(bad)
        assert err.value.code == code


def test_saved_files_are_read_from_pip_output() -> None:
    out = (
        "Collecting torch==2.15.0\n  Downloading http://h/whl/files/torch-2.15.0-cp312-none-macosx_14_0_arm64.whl (1 kB)\n"
        "Saved ./k/wheels/torch-2.15.0-cp312-none-macosx_14_0_arm64.whl\n"
        "File was already downloaded /k/wheels/filelock-3.20.0-py3-none-any.whl\nSuccessfully downloaded torch\n"
    )
    assert kit.saved_files(out) == {
        "torch-2.15.0-cp312-none-macosx_14_0_arm64.whl",
        "filelock-3.20.0-py3-none-any.whl",
    }


# --------------------------------------------------------------------------------------------
# Using a kit: open, verify, pick
# --------------------------------------------------------------------------------------------


def small_kit(tmp_path: Path, targets: dict[str, str]) -> kit.Kit:
    """A kit folder written by hand: one fake torch wheel per target (name -> wheel tag)."""
    root = tmp_path / "kit"
    (root / "wheels").mkdir(parents=True)
    k = kit.Kit(root=str(root), made_at="2026-12-01T00:00:00Z")
    for name, tag in targets.items():
        t = kit.parse_target(name)
        label = "" if t.variant == "mps" else "+" + t.variant
        p = make_wheel(root / "wheels", "torch", f"2.15.0{label}", tag)
        k.files[p.name] = kit.KitFile(
            p.name, p.stat().st_size, kit.sha256_of(p), [t.name], "torch", f"2.15.0{label}"
        )
        k.targets[t.name] = kit.KitTarget(
            t.name, t.os, t.arch, f"{t.python[0]}.{t.python[1]}", t.variant, f"2.15.0{label}", None,
            [f"torch==2.15.0{label}"], [p.name], True,
        )  # fmt: skip
    k.write_indexes()
    k.save()
    return k


def linux_machine(
    py: tuple[int, int] = (3, 12), gpus: tuple[Gpu, ...] = (), driver: str | None = None
) -> Machine:
    return Machine(
        os="linux", arch="x86_64", python=py, gpus=gpus, nvidia_driver=driver,
        nvidia_state="ok" if gpus else "absent",
    )  # fmt: skip


def test_verify_names_a_damaged_a_cut_and_a_missing_file(tmp_path: Path) -> None:
    k = small_kit(
        tmp_path,
        {
            "linux-x86_64-py3.12-cpu": "cp312-cp312-manylinux_2_28_x86_64",
            "windows-x86_64-py3.12-cpu": "cp312-cp312-win_amd64",
            "macos-arm64-py3.12": "cp312-none-macosx_14_0_arm64",
        },
    )
    opened = kit.open_kit(str(tmp_path / "kit"))
    assert kit.verify(opened) == []
    names = sorted(opened.files)
    linux = next(n for n in names if "manylinux" in n)
    win = next(n for n in names if "win_amd64" in n)
    mac = next(n for n in names if "macosx" in n)
    data = bytearray((k.wheel_dir / linux).read_bytes())
    data[10] ^= 0xFF  # same size, other bytes
    (k.wheel_dir / linux).write_bytes(bytes(data))
    (k.wheel_dir / win).write_bytes((k.wheel_dir / win).read_bytes()[:-5])
    (k.wheel_dir / mac).unlink()
    problems = {p.params["name"]: p.code for p in kit.verify(opened)}
    assert problems == {linux: "file-damaged", win: "file-size", mac: "file-missing"}
    assert linux in next(p for p in kit.verify(opened) if p.code == "file-damaged").message()
    # only the target asked for is checked
    assert [p.params["name"] for p in kit.verify(opened, "linux-x86_64-py3.12-cpu")] == [linux]


def test_open_kit_recognises_the_folder_its_parts_and_refuses_others(tmp_path: Path) -> None:
    small_kit(tmp_path, {"linux-x86_64-py3.12-cpu": "cp312-cp312-manylinux_2_28_x86_64"})
    root = tmp_path / "kit"
    for where in (root, root / "kit.json", root / "simple", root / "wheels"):
        assert kit.open_kit(str(where)).folder == root
    assert kit.find_kit_near(tmp_path) == root
    with pytest.raises(kit.KitError) as err:
        kit.open_kit(str(tmp_path))
    assert err.value.code == "not-a-kit"
    manifest = json.loads((root / "kit.json").read_text(encoding="utf-8"))
    (root / "kit.json").write_text(json.dumps({**manifest, "kit": 99}), encoding="utf-8")
    with pytest.raises(kit.KitError) as err:
        kit.open_kit(str(root))
    assert err.value.code == "kit-newer"
    (root / "kit.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(kit.KitError) as err:
        kit.open_kit(str(root))
    assert err.value.code == "kit-unreadable"


def test_pick_target_for_this_computer(tmp_path: Path) -> None:
    k = small_kit(
        tmp_path,
        {
            "linux-x86_64-py3.12-cpu": "cp312-cp312-manylinux_2_28_x86_64",
            "windows-x86_64-py3.12-cpu": "cp312-cp312-win_amd64",
        },
    )
    pick = kit.pick_target(k, linux_machine())
    assert pick.code == "ok" and pick.target is not None and pick.target.name == "linux-x86_64-py3.12-cpu"
    other = kit.pick_target(k, linux_machine(py=(3, 11)))
    assert other.code == "other-python" and other.target is None and "3.12" in other.message()
    mac = kit.pick_target(k, Machine(os="macos", arch="arm64", python=(3, 12)))
    assert mac.code == "nothing-for-this-computer" and mac.target is None
    assert "linux-x86_64-py3.12-cpu" in mac.message() and "windows-x86_64-py3.12-cpu" in mac.message()
    # a computer with a GPU the kit has no build for: the CPU build, said plainly
    gpu = Gpu("nvidia", "NVIDIA GeForce RTX 3060", 12288, "8.6", "580.65.06")
    cpu = kit.pick_target(k, linux_machine(gpus=(gpu,), driver="580.65.06"))
    assert cpu.code == "cpu-instead" and cpu.target is not None and cpu.target.variant == "cpu"


def test_pick_target_prefers_the_gpu_build_that_runs_here(tmp_path: Path) -> None:
    k = small_kit(
        tmp_path,
        {
            "linux-x86_64-py3.12-cpu": "cp312-cp312-manylinux_2_28_x86_64",
            "linux-x86_64-py3.12-cu130": "cp312-cp312-manylinux_2_28_x86_64",
            "linux-x86_64-py3.12-cu126": "cp312-cp312-manylinux_2_28_x86_64",
        },
    )
    ampere = Gpu("nvidia", "NVIDIA GeForce RTX 3060", 12288, "8.6", "580.65.06")
    assert kit.pick_target(k, linux_machine(gpus=(ampere,), driver="580.65.06")).target.variant == "cu130"  # type: ignore[union-attr]
    old_driver = Gpu("nvidia", "NVIDIA GeForce RTX 3060", 12288, "8.6", "550.54.14")
    assert kit.pick_target(k, linux_machine(gpus=(old_driver,), driver="550.54.14")).target.variant == "cu126"  # type: ignore[union-attr]
    assert kit.pick_target(k, linux_machine()).target.variant == "cpu"  # type: ignore[union-attr]


def test_requirements_with_hashes_pin_every_file(tmp_path: Path) -> None:
    k = small_kit(tmp_path, {"linux-x86_64-py3.12-cpu": "cp312-cp312-manylinux_2_28_x86_64"})
    (f,) = k.files.values()
    assert kit.requirements_with_hashes(k, "linux-x86_64-py3.12-cpu") == [
        f"torch==2.15.0+cpu --hash=sha256:{f.sha256}"
    ]
    assert kit.install_source_args(k) == ["--no-index", "--find-links", str(k.wheel_dir)]


# --------------------------------------------------------------------------------------------
# The kit command against the local index
# --------------------------------------------------------------------------------------------


def test_foreign_kit_from_a_mirror_matches_its_manifest_and_keeps_no_password(
    tmp_path: Path, fake_index: FakeIndex
) -> None:
    out = tmp_path / "kit"
    mirror = fake_index.cpu.replace("http://", "http://teacher:s3cret-pw@")
    code, lines, text = run_kit(
        "--out", str(out), "--target", "windows-x86_64-py3.12-cpu", "--target", "macos-arm64-py3.12",
        "--source", f"index:{mirror}", "--yes",
    )  # fmt: skip
    assert code == 0, text
    res = result_of(lines)
    assert res["ok"] and res["targets"] == ["macos-arm64-py3.12-mps", "windows-x86_64-py3.12-cpu"]
    plan = lines[0]
    assert plan["event"] == "plan" and all(t["estimate_bytes"] > 0 for t in plan["targets"])
    # the exact build the mirror has for each target, read from its page with the login
    assert [(t["target"], t["torch"]) for t in plan["targets"]] == [
        ("windows-x86_64-py3.12-cpu", "2.15.0+cpu"),
        ("macos-arm64-py3.12-mps", "2.15.0"),
    ]
    assert fake_index.logins and all(a.startswith("Basic ") for a in fake_index.logins)
    manifest = check_against_manifest(out)
    assert kit.verify(kit.open_kit(str(out))) == []
    win = names_of(manifest, "windows-x86_64-py3.12-cpu")
    mac = names_of(manifest, "macos-arm64-py3.12-mps")
    assert win == {"torch", "torchvision", "filelock", "sympy", "mpmath", "mkl_fake"}
    assert mac == {"torch", "torchvision", "filelock", "sympy", "mpmath"}
    names = {f["name"] for f in manifest["files"]}
    assert "filelock-3.20.0-py3-none-any.whl" in names and "mpmath-1.3.0-py3-none-any.whl" in names
    assert not any(n.startswith(("triton", "typing", "opt")) for n in names)
    assert manifest["torch"] == ["2.15.0"] and manifest["torchvision"] == ["0.29.2"]
    wint = next(t for t in manifest["targets"] if t["name"] == "windows-x86_64-py3.12-cpu")
    assert wint["requirements"] == ["torch==2.15.0+cpu", "torchvision==0.29.2+cpu"] and wint["complete"]
    assert manifest["made_from"]["location"] == fake_index.cpu
    shared = next(f for f in manifest["files"] if f["name"].startswith("filelock"))
    assert sorted(shared["targets"]) == ["macos-arm64-py3.12-mps", "windows-x86_64-py3.12-cpu"]
    # the password is nowhere: not in the kit, not in the output
    for p in out.rglob("*"):
        if p.is_file() and p.suffix in (".json", ".html"):
            assert "s3cret-pw" not in p.read_text(encoding="utf-8"), p
    assert "s3cret-pw" not in text
    steps = [e for e in lines if e["event"] == "step"]
    assert steps and all("--platform" in s["argv"] and "--no-deps" in s["argv"] for s in steps)


def test_resume_repairs_and_adds_a_target_from_the_default_source(
    tmp_path: Path, fake_index: FakeIndex
) -> None:
    out = tmp_path / "kit"
    env = {
        "TORCH_WIZARD_OFFLINE": "1",  # the data file's rules, with the index base below
        "TORCH_WIZARD_INDEX_BASE": fake_index.base,
        "PIP_INDEX_URL": fake_index.cpu,  # pip's default index, which a Mac target uses
    }
    code, lines, text = run_kit("--out", str(out), "--target", "windows-x86_64-py3.12-cpu", "--yes", env=env)
    assert code == 0, text
    step = next(e for e in lines if e["event"] == "step")
    assert step["argv"][step["argv"].index("--index-url") + 1] == fake_index.cpu  # the variant's index
    torch_file = next(p for p in (out / "wheels").glob("torch-*"))
    stamp = torch_file.stat().st_mtime_ns
    assert fake_index.fetched(torch_file.name) == 1
    sympy = next((out / "wheels").glob("sympy-*"))
    sympy.write_bytes(b"broken" + sympy.read_bytes()[6:])
    filelock = next((out / "wheels").glob("filelock-*"))
    filelock.unlink()

    code, lines, text = run_kit(
        "--out", str(out), "--target", "windows-x86_64-py3.12-cpu", "--target", "macos-arm64-py3.12", "--yes", env=env
    )  # fmt: skip
    assert code == 0, text
    repaired = {e["params"]["name"]: e["code"] for e in lines if e["event"] == "repaired"}
    assert repaired == {sympy.name: "file-damaged", filelock.name: "file-missing"}
    assert torch_file.stat().st_mtime_ns == stamp and fake_index.fetched(torch_file.name) == 1  # not again
    mac_steps = [e for e in lines if e["event"] == "step" and e["target"] == "macos-arm64-py3.12-mps"]
    assert mac_steps and all("--index-url" not in e["argv"] for e in mac_steps)
    manifest = check_against_manifest(out)
    assert {t["name"] for t in manifest["targets"]} == {"windows-x86_64-py3.12-cpu", "macos-arm64-py3.12-mps"}
    assert all(t["complete"] for t in manifest["targets"])

    # a third run has nothing to do
    n = len(fake_index.requests)
    code, lines, _text = run_kit("--out", str(out), "--target", "macos-arm64-py3.12", "--yes", env=env)
    assert code == 0 and not [e for e in lines if e["event"] == "step"]
    assert lines[0]["targets"][0]["download_bytes"] == 0 and len(fake_index.requests) == n


def test_refused_input_exits_2(tmp_path: Path) -> None:
    code, lines, _ = run_kit("--out", str(tmp_path / "k"), "--target", "plan9-x86_64-py3.12")
    assert code == 2 and result_of(lines)["code"] == "bad-target"
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>my homepage</p>", encoding="utf-8")
    code, lines, _ = run_kit(
        "--out",
        str(tmp_path / "site"),
        "--target",
        "windows-x86_64-py3.12-cpu",
        "--source",
        "index:http://127.0.0.1:9/x",
    )
    assert code == 2 and result_of(lines)["code"] == "out-not-kit"
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<p>my homepage</p>"


def test_a_failed_download_exits_3_with_a_diagnosis(tmp_path: Path, fake_index: FakeIndex) -> None:
    code, lines, text = run_kit(
        "--out", str(tmp_path / "kit"), "--target", "linux-arm64-py3.12-cpu", "--source", f"index:{fake_index.cpu}", "--yes"
    )  # fmt: skip
    assert code == 3, text
    res = result_of(lines)
    assert res["code"] == "no-matching-distribution" and res["target"] == "linux-arm64-py3.12-cpu"
    assert res["diagnosis"]["title"] and res["diagnosis"]["actions"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process group is POSIX")
def test_ctrl_c_ends_pip_and_its_children_and_exits_4(tmp_path: Path, fake_index: FakeIndex) -> None:
    fake_index.stall.add("torch-2.15.0+cpu-cp312-cp312-win_amd64.whl")
    proc = subprocess.Popen(
        [sys.executable, "-m", "wizard", "kit", "--out", str(tmp_path / "kit"), "--target", "windows-x86_64-py3.12-cpu",
         "--source", f"index:{fake_index.cpu}", "--yes", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, cwd=str(ROOT),
        env=clean_env(),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(
            "torch-2.15.0" in urllib.parse.unquote(r) and r.endswith(".whl") for r in fake_index.requests
        ):
            time.sleep(0.2)
        children = psutil.Process(proc.pid).children(recursive=True)
        assert children, "pip was not running"
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 4
    assert json.loads(out.decode().splitlines()[-1])["code"] == "stopped"
    time.sleep(0.5)
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    # what was made stays a valid, resumable kit
    assert json.loads((tmp_path / "kit" / "kit.json").read_text(encoding="utf-8"))["kit"] == 1
