"""Reading the live PyTorch index: recorded-format pages (tests/fixtures/index, made by make_pages.py)
read through a stand-in fetcher, and a local index on 127.0.0.1 (tests/localindex.py) read over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.localindex import FakeRelease, serve_index, serve_index_with_log, write_index
from wizard.core import releases, torchindex
from wizard.core.builds import LAST_RELEASE_FOR_GPU, Machine, recommend
from wizard.core.gpu import Gpu
from wizard.core.torchindex import (
    IndexFile,
    PageMissing,
    load_release_data,
    pair_torchvision,
    parse_page,
    python_key,
    torch_requirement,
)

FIXTURES = Path(__file__).parent / "fixtures" / "index"
BASE = "https://download.pytorch.org/whl/"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TORCH_WIZARD_OFFLINE", raising=False)
    monkeypatch.delenv("TORCH_WIZARD_INDEX_BASE", raising=False)


class TreeFetcher:
    """Answers like download.pytorch.org from a recorded tree: pages from files, metadata from
    metadata.json, 404 (PageMissing) for anything else. Counts the requests."""

    def __init__(self, tree: str, delay: float = 0.0) -> None:
        self.root = FIXTURES / tree
        self.metadata = json.loads((self.root / "metadata.json").read_text(encoding="utf-8"))
        self.delay = delay
        self.urls: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, url: str, timeout: float) -> bytes:
        with self.lock:
            self.urls.append(url)
        if self.delay:
            time.sleep(self.delay)
        assert url.startswith(BASE), url
        rest = url[len("https://download.pytorch.org/") :]
        if rest.endswith(".metadata"):
            name = urllib.parse.unquote(rest.rsplit("/", 1)[-1][: -len(".metadata")])
            if name in self.metadata:
                return self.metadata[name].encode()
            raise PageMissing(url)
        page = self.root / rest / "index.html"
        if page.is_file():
            return page.read_bytes()
        raise PageMissing(url)


import urllib.parse  # noqa: E402 - used by TreeFetcher


def data_for(tree: str, os_name: str, arch: str, **kw: object) -> releases.ReleaseData:
    return load_release_data(os_name, arch, base=BASE, fetch=TreeFetcher(tree), **kw)  # type: ignore[arg-type]


def nvidia(
    cc: str, driver: str = "580.95.05", os_name: str = "linux", py: tuple[int, int] = (3, 12)
) -> Machine:
    return Machine(
        os_name,
        "x86_64",
        py,
        gpus=(Gpu("nvidia", "GPU", 8192, cc, driver),),
        nvidia_driver=driver,
        nvidia_state="ok",
    )


# --------------------------------------------------------------------------------------------
# Pages and tags
# --------------------------------------------------------------------------------------------


def test_parse_page_resolves_absolute_hrefs_and_pep658() -> None:
    html = (FIXTURES / "current" / "whl" / "cu130" / "torch" / "index.html").read_text(encoding="utf-8")
    files = parse_page(html, BASE + "cu130/torch/")
    f = next(f for f in files if f.filename == "torch-2.15.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl")
    assert f.url == BASE + "cu130/torch-2.15.0%2Bcu130-cp312-cp312-manylinux_2_28_x86_64.whl"
    assert f.metadata_url == f.url + ".metadata" and f.size is None
    assert all(f.filename.endswith(".whl") for f in files)
    no_meta = parse_page(
        '<a href="x/torch-2.9.0-cp312-cp312-win_amd64.whl#sha256=00">t</a>', BASE + "cpu/torch/"
    )
    assert no_meta == [
        IndexFile(
            "torch-2.9.0-cp312-cp312-win_amd64.whl",
            BASE + "cpu/torch/x/torch-2.9.0-cp312-cp312-win_amd64.whl",
            None,
            None,
        )
    ]


@pytest.mark.parametrize(
    ("interp", "abi", "key"),
    [
        ("cp312", "cp312", "3.12"),
        ("cp314", "cp314t", "3.14t"),
        ("cp315", "cp315t", "3.15t"),
        ("cp312", "none", "3.12"),  # macOS wheels: abi none
        ("cp39", "abi3", "3.9"),
        ("py3", "none", "any"),  # torchvision 0.29.2: one py3-none wheel per platform
        ("pp310", "pypy310_pp73", None),
    ],
)
def test_python_key(interp: str, abi: str, key: str | None) -> None:
    assert python_key(interp, abi) == key


def test_torch_requirement_and_pairing() -> None:
    meta = "Name: torchvision\nRequires-Dist: numpy\nRequires-Dist: torch (==2.14.1) ; extra != 'x'\n"
    spec = torch_requirement(meta)
    assert spec is not None and str(spec) == "==2.14.1"
    assert torch_requirement("Requires-Dist: torchaudio==2.11\n") is None
    ranged = torch_requirement("Requires-Dist: torch>=2.14.0")
    assert ranged is not None
    reqs = {"0.29.2": ranged, "0.29.1": spec}
    assert pair_torchvision("2.14.1", reqs) == "0.29.1"  # an exact pin wins over a range
    assert pair_torchvision("2.15.0", reqs) == "0.29.2"
    assert pair_torchvision("2.13.0", reqs) is None


# --------------------------------------------------------------------------------------------
# What the index says, judged by the data file's rules
# --------------------------------------------------------------------------------------------


def test_current_index_pairs_torchvision_by_metadata() -> None:
    data = data_for("current", "linux", "x86_64")
    assert data.source.source == "index" and data.recommended == "2.15.0"
    assert data.release("2.15.0").torchvision == "0.29.2"
    assert data.release("2.14.1").torchvision == "0.29.1"
    assert data.release("2.15.0").python_for("linux-x86_64").free_threaded == ((3, 14), (3, 15))
    rec = recommend(Machine("linux", "x86_64", (3, 12)), data)
    assert (rec.torch, rec.torchvision, rec.variant) == ("2.15.0", "0.29.2", "cpu")
    assert rec.release_data.source == "index" and rec.release_data.fetched_at


def test_a_release_newer_than_the_data_file() -> None:
    data = data_for("future", "linux", "x86_64")
    assert data.recommended == "2.16.0" and data.find("2.16.0") is not None
    assert releases.load().find("2.16.0") is None  # the data file never heard of it
    rel = data.release("2.16.0")
    assert rel.mps_min_macos == "14.0" and rel.standard_build("linux-x86_64") == "cu132"  # 2.15's rules
    rec = recommend(nvidia("8.6"), data)
    assert (rec.torch, rec.torchvision, rec.variant) == ("2.16.0", "0.30.0", "cu132")
    old = recommend(nvidia("6.1"), data)  # Pascal: cu126 ended with 2.14
    assert (old.torch, old.variant) == ("2.14.1", "cu126")
    assert old.last_release is not None and old.last_release.code == LAST_RELEASE_FOR_GPU
    assert "2.16.0" in old.last_release.text()


def test_a_mirror_that_lags_gets_the_newest_it_really_has() -> None:
    data = data_for("lagging", "linux", "x86_64")
    assert data.source.source == "index" and data.recommended == "2.14.1"
    rec = recommend(nvidia("8.6"), data)
    assert (rec.torch, rec.variant) == ("2.14.1", "cu130")  # no cu132 folder on this mirror
    assert rec.index_url == BASE + "cu130"
    assert all("cu132" not in r.variants for r in data.releases)


def test_a_variant_missing_a_python() -> None:
    data = data_for("current", "linux", "x86_64")
    assert "3.15" not in (data.release("2.15.0").wheel_pythons("cu132") or ())
    rec = recommend(nvidia("8.6", py=(3, 15)), data)
    assert (rec.torch, rec.variant) == ("2.15.0", "cu130")
    cu132 = next(c for c in rec.choices if c.variant == "cu132" and c.torch == "2.15.0")
    assert not cu132.runs_here and "Python 3.15" in cu132.why_not
    assert recommend(nvidia("8.6", py=(3, 12)), data).variant == "cu132"


def test_macos_13_from_the_wheel_tags() -> None:
    data = data_for("current", "macos", "arm64")
    assert data.release("2.15.0").macos_min == "14.0" and data.release("2.11.0").macos_min == "11.0"
    old = recommend(Machine("macos", "arm64", (3, 12), macos_version="13.6"), data)
    assert (old.torch, old.torchvision, old.variant, old.device, old.index_url) == (
        "2.11.0",
        "0.26.0",
        "cpu",
        "cpu",
        None,
    )
    new = recommend(Machine("macos", "arm64", (3, 12), macos_version="14.5"), data)
    assert (new.torch, new.variant, new.device) == ("2.15.0", "mps", "mps")
    intel = recommend(Machine("macos", "x86_64", (3, 12)), data)
    assert intel.variant is None  # no Intel Mac wheels in these releases


def test_windows_on_arm_from_the_index() -> None:
    data = data_for("current", "windows", "arm64")
    assert [r.torch for r in data.releases if not r.fallback_only] == ["2.13.0"]
    rec = recommend(Machine("windows", "arm64", (3, 12)), data)
    assert (rec.torch, rec.variant, rec.index_url) == ("2.13.0", "cpu", BASE + "cpu")
    none = recommend(Machine("windows", "arm64", (3, 14)), data)
    assert none.variant is None and any("3.11 to 3.13" in a for a in none.alternatives), none.alternatives


def test_cp315t() -> None:
    data = data_for("current", "linux", "x86_64")
    rec = recommend(Machine("linux", "x86_64", (3, 15), free_threaded=True), data)
    assert (rec.torch, rec.variant) == ("2.15.0", "cpu")
    assert "3.15t" not in (data.release("2.14.1").wheel_pythons("cpu") or ())
    ft313 = recommend(Machine("linux", "x86_64", (3, 13), free_threaded=True), data)
    assert ft313.variant is None and any("2.12.0" in a for a in ft313.alternatives)


def test_linux_aarch64_rules_from_the_data_file() -> None:
    data = data_for("current", "linux", "arm64")
    m = Machine(
        "linux",
        "arm64",
        (3, 12),
        gpus=(Gpu("nvidia", "GB10", None, "12.1", "580.95.05"),),
        nvidia_driver="580.95.05",
        nvidia_state="ok",
    )
    assert recommend(m, data).variant == "cu130"  # the only aarch64 CUDA build in this tree


def test_sizes_from_the_index_when_it_gives_them() -> None:
    html = (
        '<a href="/whl/cpu/torch-2.15.0%2Bcpu-cp312-cp312-win_amd64.whl#sha256=00" data-size="127000000">'
        "torch-2.15.0+cpu-cp312-cp312-win_amd64.whl</a>"
    )
    files = parse_page(html, BASE + "cpu/torch/")
    facts = torchindex.versions_for(files, "torch", "windows", "x86_64")
    assert facts["2.15.0"].size == 127000000
    rel = releases.load().release("2.15.0")._replace(size_mb=(("cpu", 127),))
    data = releases.load()._replace(releases=(rel,))
    rec = recommend(Machine("windows", "x86_64", (3, 12)), data)
    assert rec.download_mb == 127 + data.torchvision_download_mb + data.dependencies_download_mb
    assert next(c for c in rec.choices if c.variant == "cpu").download_mb == rec.download_mb


# --------------------------------------------------------------------------------------------
# Fetching: parallel, cached, a clear fallback
# --------------------------------------------------------------------------------------------


def test_pages_are_fetched_in_parallel() -> None:
    fetch = TreeFetcher("current", delay=0.3)
    start = time.monotonic()
    data = load_release_data("linux", "x86_64", base=BASE, fetch=fetch)
    took = time.monotonic() - start
    pages = [u for u in fetch.urls if u.endswith("/")]
    assert data.source.source == "index" and len(pages) >= 12
    assert took < 0.3 * len(pages) / 3, (took, len(pages))  # two rounds (pages, metadata), not one by one


def test_cache_for_a_day(tmp_path: Path) -> None:
    first = TreeFetcher("current")
    d1 = load_release_data("linux", "x86_64", base=BASE, fetch=first, cache_dir=tmp_path)
    assert first.urls and d1.source.source == "index"

    def must_not_fetch(url: str, timeout: float) -> bytes:
        raise AssertionError(f"fetched {url} although it was cached")

    d2 = load_release_data("linux", "x86_64", base=BASE, fetch=must_not_fetch, cache_dir=tmp_path)
    assert d2.recommended == "2.15.0" and d2.source.source == "index"
    # a day later the cache is stale: the index is asked again
    old = time.time() - 25 * 3600
    for f in tmp_path.rglob("*"):
        if f.is_file():
            os.utime(f, (old, old))
    again = TreeFetcher("future")
    d3 = load_release_data("linux", "x86_64", base=BASE, fetch=again, cache_dir=tmp_path)
    assert again.urls and d3.recommended == "2.16.0"


def test_a_cache_for_another_base_is_not_used(tmp_path: Path) -> None:
    load_release_data("linux", "x86_64", base=BASE, fetch=TreeFetcher("current"), cache_dir=tmp_path)
    other = TreeFetcher("lagging")
    d = load_release_data("linux", "x86_64", base=BASE, fetch=other, cache_dir=tmp_path / "x")
    assert other.urls and d.recommended == "2.14.1"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")), "Connection refused"),
        (TimeoutError("timed out"), "timeout"),
        (urllib.error.HTTPError(BASE, 503, "Service Unavailable", None, None), "HTTP 503"),  # type: ignore[arg-type]
    ],
)
def test_unreachable_index_falls_back_to_the_bundled_data(error: Exception, reason: str) -> None:
    def fail(url: str, timeout: float) -> bytes:
        raise error

    data = load_release_data("linux", "x86_64", base=BASE, fetch=fail)
    assert data.source.source == "bundled" and reason in data.source.reason
    assert data.recommended == releases.load().recommended and data.index_base == BASE
    rec = recommend(Machine("linux", "x86_64", (3, 12)), data)
    assert rec.has_notice("bundled-data") and any("may be out of date" in w for w in rec.warnings)


def test_sign_in_page_or_missing_cpu_index_falls_back() -> None:
    def portal(url: str, timeout: float) -> bytes:
        return b"<html><body><a href='/login'>Sign in</a></body></html>"

    assert load_release_data("linux", "x86_64", base=BASE, fetch=portal).source.source == "bundled"

    def nothing(url: str, timeout: float) -> bytes:
        raise PageMissing(url)

    data = load_release_data("linux", "x86_64", base=BASE, fetch=nothing)
    assert data.source.source == "bundled" and "cpu" in data.source.reason


def test_offline_means_no_network_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_fetch(url: str, timeout: float) -> bytes:
        raise AssertionError("no request may be made offline")

    monkeypatch.setenv("TORCH_WIZARD_OFFLINE", "1")
    data = load_release_data("linux", "x86_64", base=BASE, fetch=must_not_fetch)
    assert data.source == releases.ReleaseSource("bundled", BASE, "", "offline")
    monkeypatch.delenv("TORCH_WIZARD_OFFLINE")
    assert load_release_data("linux", "x86_64", offline=True, fetch=must_not_fetch).source.reason == "offline"


def test_index_base_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert torchindex.index_base() == "https://download.pytorch.org/whl/"
    monkeypatch.setenv("TORCH_WIZARD_INDEX_BASE", "http://127.0.0.1:1/mirror/pytorch-wheels")
    assert torchindex.index_base() == "http://127.0.0.1:1/mirror/pytorch-wheels/"
    assert torchindex.index_base("http://127.0.0.1:2/whl/") == "http://127.0.0.1:2/whl/"


def test_release_data_load_stays_cheap() -> None:
    code = "import sys; from wizard.core import releases; releases.load(); print('packaging' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------------------------
# Over HTTP: a local index on 127.0.0.1 serving a fake future release
# --------------------------------------------------------------------------------------------


def test_local_index_future_release_is_picked(tmp_path: Path) -> None:
    root = write_index(
        tmp_path / "index",
        [
            FakeRelease("2.17.0", "0.32.0"),
            FakeRelease("2.14.1", "0.29.1", variants=("cpu", "cu126", "cu130")),
        ],
    )
    with serve_index_with_log(root) as (base, log):
        data = load_release_data("linux", "x86_64", base=base, cache_dir=tmp_path / "cache")
        assert data.source.source == "index" and data.recommended == "2.17.0", data.source
        rec = recommend(nvidia("8.9"), data)
        assert (rec.torch, rec.torchvision, rec.variant, rec.index_url) == (
            "2.17.0",
            "0.32.0",
            "cu132",
            base + "cu132",
        )
        assert rec.requirements() == ("torch==2.17.0", "torchvision==0.32.0")
        pascal = recommend(nvidia("6.1"), data)
        assert (pascal.torch, pascal.variant, pascal.torchvision) == ("2.14.1", "cu126", "0.29.1")
        assert any(p.endswith(".metadata") for p in log)  # torchvision paired by its metadata
        assert all(p.startswith("/whl/") for p in log)


def test_local_index_py3_none_torchvision_and_missing_python(tmp_path: Path) -> None:
    root = write_index(
        tmp_path / "index",
        [FakeRelease("2.17.0", "0.32.0", torchvision_pin=">=", missing=(("cu132", ("3.15",)),))],
    )
    with serve_index(root) as base:
        data = load_release_data("windows", "x86_64", base=base)
        assert data.release("2.17.0").torchvision == "0.32.0"
        rec = recommend(nvidia("8.6", os_name="windows", py=(3, 15)), data)
        assert (rec.torch, rec.variant) == ("2.17.0", "cu130")


def test_the_fake_wheels_install_with_pip(tmp_path: Path) -> None:
    """The fixture's wheels are valid: pip (the venv's, reproducing a learner's pip) installs them from
    the local index, and the package reports its version."""
    root = write_index(tmp_path / "index", [FakeRelease("2.17.0", "0.32.0", variants=("cpu",))])
    wheel = next((root / "whl" / "cpu").glob("torch-2.17.0+cpu-cp312-*manylinux*x86_64.whl"))
    with zipfile.ZipFile(wheel) as zf:
        assert "torch-2.17.0+cpu.dist-info/METADATA" in zf.namelist()
    py = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if py not in ("3.11", "3.12", "3.13", "3.14", "3.15") or sys.platform != "linux":
        pytest.skip("the fake wheels are tagged for CPython 3.11-3.15 on manylinux, win and macOS only")
    target = tmp_path / "site"
    with serve_index(root) as base:
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--no-cache-dir",
                "--disable-pip-version-check",
                "--index-url",
                base + "cpu",
                "--target",
                str(target),
                "torch==2.17.0",
                "torchvision==0.32.0",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            # a learner's plain pip: no configuration of this machine (its constraints, extra indexes)
            env={
                **{k: v for k, v in os.environ.items() if not k.startswith("PIP_")},
                "PIP_CONFIG_FILE": os.devnull,
                "PYTHONUTF8": "1",
            },
        )
    assert r.returncode == 0, r.stderr
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import torch, torchvision; print(torch.__version__, torchvision.__version__)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(target)},
        check=True,
    )
    assert out.stdout.split() == ["2.17.0+cpu", "0.32.0+cpu"]


# --------------------------------------------------------------------------------------------
# tools/check_release_data.py against a local index
# --------------------------------------------------------------------------------------------


def _tool() -> object:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "tools" / "check_release_data.py"
    spec = importlib.util.spec_from_file_location("check_release_data", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_check_release_data_prints_every_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool: Any = _tool()
    root = write_index(
        tmp_path / "index",
        [
            FakeRelease("2.17.0", "0.32.0", variants=("cpu", "cu130")),  # a release the data file lacks
            # 2.15.0 as the data file has it on Linux x86_64, except: no cu132, no 3.15t, torchvision 0.29.3
            FakeRelease(
                "2.15.0",
                "0.29.3",
                variants=("cpu", "cu130", "xpu"),
                pythons=("3.11", "3.12", "3.13", "3.14", "3.14t", "3.15"),
                torchvision_pin=">=",
            ),
        ],
    )
    with serve_index(root) as base:
        code = tool.main(["--index-base", base, "--platform", "linux-x86_64"])
    out = capsys.readouterr().out
    assert code == 1
    lines = out.splitlines()
    assert any("2.17.0" in ln and "release" in ln and "on the index: cpu, cu130" in ln for ln in lines), out
    assert any("2.15.0" in ln and "variants" in ln and "cu132" in ln for ln in lines), out
    assert any("2.15.0" in ln and "free-threaded" in ln and "3.15t" in ln for ln in lines), out
    assert any("2.15.0" in ln and "torchvision" in ln and "0.29.3" in ln for ln in lines), out
    assert any("2.14.1" in ln and "release" in ln and "index: -" in ln for ln in lines), out  # missing there
    assert not any("2.15.0" in ln and " python " in ln for ln in lines), out  # 3.11-3.15 on both sides

    with serve_index(root) as base:
        code = tool.main(["--index-base", base, "--platform", "linux-x86_64", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 1 and doc["index_base"] == base and doc["unreadable"] == {}
    assert {"platform", "torch", "what", "data_says", "index_has"} <= set(doc["differences"][0])


def test_check_release_data_says_when_the_index_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool: Any = _tool()
    root = write_index(tmp_path / "index", [FakeRelease("2.17.0", "0.32.0", variants=("cpu",))])
    with serve_index(root) as base:
        pass  # gone
    assert tool.main(["--index-base", base, "--platform", "windows-x86_64", "--timeout", "2"]) == 2
    assert "could not read the index" in capsys.readouterr().out


def test_check_release_data_no_difference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A data file that says exactly what the local index has gives no difference and exit status 0."""
    tool: Any = _tool()
    raw = json.loads(
        (Path(__file__).resolve().parent.parent / "resources" / "torch_releases.json").read_text()
    )
    rel = next(r for r in raw["releases"] if r["torch"] == "2.15.0")
    rel = {**rel, "variants": ["cpu", "cu130"], "torchvision": "0.29.2"}
    raw["releases"] = [rel]
    raw["index_min_torch"] = "2.15.0"
    data_file = tmp_path / "data.json"
    data_file.write_text(json.dumps(raw))
    root = write_index(
        tmp_path / "index", [FakeRelease("2.15.0", "0.29.2", variants=("cpu", "cu130"), torchvision_pin=">=")]
    )
    with serve_index(root) as base:
        code = tool.main(["--index-base", base, "--platform", "linux-x86_64", "--data", str(data_file)])
    out = capsys.readouterr().out
    assert code == 0 and "No differences." in out, out


# --------------------------------------------------------------------------------------------
# The Hardware page reads the index in a thread
# --------------------------------------------------------------------------------------------


def _to_hardware_page(qtbot: Any, wiz: Any, tmp_path: Path) -> Any:
    from tests.conftest import base_python, select_interpreter
    from wizard.gui.window import PageId

    wiz.start_background_detection()
    while wiz.currentId() != PageId.PYTHON:
        wiz.next()
    select_interpreter(qtbot, wiz, base_python())
    wiz.next()
    wiz.pages[PageId.MANAGER].folder.setText(str(tmp_path / "env"))
    qtbot.waitUntil(wiz.pages[PageId.MANAGER].isComplete, timeout=5000)
    wiz.next()
    page = wiz.pages[PageId.HARDWARE]
    assert wiz.currentPage() is page
    qtbot.waitUntil(page.isComplete, timeout=30000)
    return page


def test_hardware_page_takes_the_newest_release_from_the_index(
    qtbot: Any, wiz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # the cache goes to Qt's test folder, not the user's
    root = write_index(tmp_path / "index", [FakeRelease("2.17.0", "0.32.0")])
    with serve_index(root) as base:
        monkeypatch.setenv("TORCH_WIZARD_INDEX_BASE", base)
        page = _to_hardware_page(qtbot, wiz, tmp_path)
        qtbot.waitUntil(lambda: page.recommendation.torch == "2.17.0", timeout=20000)
    assert page.state.torch_version == "2.17.0" and page.state.torchvision_version == "0.32.0"
    assert page.state.source_index_url.startswith(base)
    assert page.recommendation.release_data.source == "index"
    assert "2.17.0" in page.choice.text()


def test_hardware_page_says_when_the_list_may_be_out_of_date(
    qtbot: Any, wiz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    root = write_index(tmp_path / "index", [FakeRelease("2.17.0", "0.32.0", variants=("cpu",))])
    with serve_index(root) as base:
        pass  # nothing listens there any more
    monkeypatch.setenv("TORCH_WIZARD_INDEX_BASE", base)
    page = _to_hardware_page(qtbot, wiz, tmp_path)
    qtbot.waitUntil(lambda: page.recommendation.release_data.reason not in ("", "offline"), timeout=20000)
    assert "may be out of date" in page.choice.text()
    assert page.recommendation.torch == releases.load().recommended or page.recommendation.torch is None


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-ins are #! scripts")
def test_hardware_page_shows_the_last_release_for_a_pascal_gpu(
    qtbot: Any, wiz: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, standins_on_path: Path
) -> None:
    """A GTX 1060 (stand-in nvidia-smi reproducing driver 580's --query-gpu answers): 2.14.1 cu126 and,
    in bold at the top, that this is the last PyTorch release for it."""
    monkeypatch.setenv("TORCH_WIZARD_OFFLINE", "1")
    monkeypatch.setenv("STANDIN_NVIDIA_GPUS", "1060")
    monkeypatch.setenv("STANDIN_NVIDIA_DRIVER", "580.95.05")
    if sys.platform != "linux":
        pytest.skip("the stand-in describes a Linux machine")
    page = _to_hardware_page(qtbot, wiz, tmp_path)
    rec = page.recommendation
    assert (rec.torch, rec.variant) == ("2.14.1", "cu126"), rec
    text = page.choice.text()
    assert "<b>⚠ This is the last PyTorch release for your GPU" in text
    assert text.count("last PyTorch release for your GPU") == 1  # shown once, not again in the list
