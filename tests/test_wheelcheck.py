"""The wheel check before installing: parsing PEP 503 pages, matching wheels, and asking a real (local)
HTTP server that serves recorded-format index pages (tests/fixtures/wheelcheck)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from wizard.core.wheelcheck import (
    WheelCheck,
    check_wheel,
    matching_wheels,
    parse_simple_index,
    parse_simple_json,
    project_page_url,
    pythons_offered,
)

PAGES = Path(__file__).parent / "fixtures" / "wheelcheck"
CU130 = (PAGES / "whl" / "cu130" / "torch" / "index.html").read_text(encoding="utf-8")
CPU = (PAGES / "whl" / "cpu" / "torch" / "index.html").read_text(encoding="utf-8")
CU130_FILES = parse_simple_index(CU130)
CPU_FILES = parse_simple_index(CPU)

PORTAL = (
    b"<!DOCTYPE html><html><body><h1>Welcome to Hotel WiFi</h1><a href='/login'>Sign in</a></body></html>"
)


# --------------------------------------------------------------------------------------------
# A real HTTP server on 127.0.0.1
# --------------------------------------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    seen_agents: ClassVar[list[str]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        pass

    def _send(self, code: int, body: bytes, ctype: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        _Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path.startswith("/broken/"):
            self._send(500, b"Internal Server Error", "text/plain")
        elif self.path.startswith("/portal/"):
            self._send(200, PORTAL, "text/html; charset=utf-8")
        elif self.path.startswith("/json/torch/"):
            files = [{"filename": n, "url": n, "hashes": {}} for n in CU130_FILES]
            body = json.dumps({"meta": {"api-version": "1.1"}, "name": "torch", "files": files}).encode()
            self._send(200, body, "application/vnd.pypi.simple.v1+json")
        else:
            super().do_GET()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _direct() -> urllib.request.OpenerDirector:
    """An opener that never uses a proxy (127.0.0.1 must be reached directly)."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _check(
    index: str, version: str | None = "2.14.1", python: tuple[int, int] = (3, 12), **kw: Any
) -> WheelCheck:
    kw.setdefault("opener", _direct())
    kw.setdefault("timeout", 5.0)
    os_name = kw.pop("os_name", "linux")
    arch = kw.pop("arch", "x86_64")
    return check_wheel(index, "torch", version, python, os_name, arch, **kw)


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def test_parse_recorded_pages() -> None:
    # 9 releases x their Pythons x 3 platforms (see make_pages.py)
    assert len(CU130_FILES) == 189
    assert all(n.startswith("torch-") and n.endswith(".whl") for n in CU130_FILES)
    assert "torch-2.13.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl" in CU130_FILES
    assert not any("%2B" in n or "#" in n for n in CU130_FILES)
    assert "torch-2.2.2-cp38-none-macosx_10_9_x86_64.whl" in CPU_FILES


def test_parse_text_encoded_empty_or_entities() -> None:
    html = (
        '<a href="/whl/cu130/torch-2.13.0%2Bcu130-cp312-cp312-win_amd64.whl#sha256=ab">'
        "torch-2.13.0%2Bcu130-cp312-cp312-win_amd64.whl</a>"
        '<a href="https://files.example/whl/torch-2.13.0%2Bcpu-cp311-cp311-win_amd64.whl#sha256=cd"></a>'
        '<a href="../x/torchvision-0.28.0-cp312-cp312-win_amd64.whl" data-requires-python="&gt;=3.10">'
        "torchvision-0.28.0-cp312-cp312-win_amd64.whl</a>"
        '<a href="/login">Sign in</a>'
    )
    assert parse_simple_index(html) == [
        "torch-2.13.0+cu130-cp312-cp312-win_amd64.whl",
        "torch-2.13.0+cpu-cp311-cp311-win_amd64.whl",
        "torchvision-0.28.0-cp312-cp312-win_amd64.whl",
    ]


def test_parse_json() -> None:
    text = json.dumps({"files": [{"filename": "torch-2.13.0-cp312-cp312-win_amd64.whl"}, {"url": "x"}]})
    assert parse_simple_json(text) == ["torch-2.13.0-cp312-cp312-win_amd64.whl"]


def test_project_page_url() -> None:
    assert project_page_url("https://download.pytorch.org/whl/cu130", "torch") == (
        "https://download.pytorch.org/whl/cu130/torch/"
    )
    assert project_page_url("https://mirror.example/simple/", "Torch_Vision") == (
        "https://mirror.example/simple/torch-vision/"
    )


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

MATCH_CASES: dict[str, tuple[list[str], str | None, tuple[int, int], str, str, bool, list[str]]] = {
    "linux-x86_64": (
        CU130_FILES,
        "2.13.0",
        (3, 12),
        "linux",
        "x86_64",
        False,
        ["torch-2.13.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl"],
    ),
    "linux-arm64": (
        CU130_FILES,
        "2.13.0",
        (3, 12),
        "linux",
        "arm64",
        False,
        ["torch-2.13.0+cu130-cp312-cp312-manylinux_2_28_aarch64.whl"],
    ),
    "windows": (
        CU130_FILES,
        "2.13.0",
        (3, 10),
        "windows",
        "x86_64",
        False,
        ["torch-2.13.0+cu130-cp310-cp310-win_amd64.whl"],
    ),
    "windows-arm64-none": (CU130_FILES, "2.13.0", (3, 12), "windows", "arm64", False, []),
    "macos-none-in-cu130": (CU130_FILES, "2.13.0", (3, 12), "macos", "arm64", False, []),
    "macos-arm64-cpu": (
        CPU_FILES,
        "2.13.0",
        (3, 12),
        "macos",
        "arm64",
        False,
        ["torch-2.13.0-cp312-none-macosx_11_0_arm64.whl"],
    ),
    "intel-mac-new": (CPU_FILES, "2.13.0", (3, 12), "macos", "x86_64", False, []),
    "intel-mac-2.2.2": (
        CPU_FILES,
        "2.2.2",
        (3, 12),
        "macos",
        "x86_64",
        False,
        ["torch-2.2.2-cp312-none-macosx_10_9_x86_64.whl"],
    ),
    "old-linux-tag": (
        CPU_FILES,
        "2.2.2",
        (3, 9),
        "linux",
        "x86_64",
        False,
        ["torch-2.2.2+cpu-cp39-cp39-linux_x86_64.whl"],
    ),
    "old-python-too-new": (CPU_FILES, "2.2.2", (3, 13), "linux", "x86_64", False, []),
    "32-bit": (CU130_FILES, "2.13.0", (3, 12), "windows", "x86", False, []),
    "free-threaded": (
        CU130_FILES,
        "2.14.1",
        (3, 14),
        "linux",
        "x86_64",
        True,
        ["torch-2.14.1+cu130-cp314-cp314t-manylinux_2_28_x86_64.whl"],
    ),
    "regular-314-not-ft": (
        CU130_FILES,
        "2.14.1",
        (3, 14),
        "linux",
        "x86_64",
        False,
        ["torch-2.14.1+cu130-cp314-cp314-manylinux_2_28_x86_64.whl"],
    ),
    "313t-dropped": (CU130_FILES, "2.13.0", (3, 13), "linux", "x86_64", True, []),
    "313t-in-2.12.0": (
        CU130_FILES,
        "2.12.0",
        (3, 13),
        "linux",
        "x86_64",
        True,
        ["torch-2.12.0+cu130-cp313-cp313t-manylinux_2_28_x86_64.whl"],
    ),
    "local-label-exact": (
        CU130_FILES,
        "2.13.0+cu130",
        (3, 11),
        "linux",
        "x86_64",
        False,
        ["torch-2.13.0+cu130-cp311-cp311-manylinux_2_28_x86_64.whl"],
    ),
    "other-local-label": (CU130_FILES, "2.13.0+cu126", (3, 11), "linux", "x86_64", False, []),
    "specifier": (
        CU130_FILES,
        ">=2.14",
        (3, 12),
        "windows",
        "x86_64",
        False,
        ["torch-2.14.1+cu130-cp312-cp312-win_amd64.whl", "torch-2.14.0+cu130-cp312-cp312-win_amd64.whl"],
    ),
}


@pytest.mark.parametrize("case", list(MATCH_CASES))
def test_matching_wheels(case: str) -> None:
    files, version, python, os_name, arch, ft, expected = MATCH_CASES[case]
    assert matching_wheels(files, "torch", version, python, os_name, arch, free_threaded=ft) == expected


def test_any_version_newest_first() -> None:
    got = matching_wheels(CU130_FILES, "torch", None, (3, 12), "linux", "x86_64")
    assert got[0] == "torch-2.14.1+cu130-cp312-cp312-manylinux_2_28_x86_64.whl"
    assert got[-1] == "torch-2.9.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl"
    assert len(got) == 9


def test_other_tags_and_projects() -> None:
    names = [
        "torch-2.9.0+cpu-cp312-cp312-win_arm64.whl",
        "torchvision-0.28.0+cpu-cp312-cp312-win_arm64.whl",
        "extra-1.0-cp39-abi3-manylinux_2_17_x86_64.whl",
        "pure-1.0-py3-none-any.whl",
        "not a wheel.txt",
        "torch-bad.whl",
    ]
    assert matching_wheels(names, "torch", None, (3, 12), "windows", "arm64") == [names[0]]
    assert matching_wheels(names, "extra", "1.0", (3, 12), "linux", "x86_64") == [names[2]]
    assert matching_wheels(names, "extra", "1.0", (3, 8), "linux", "x86_64") == []
    assert matching_wheels(names, "pure", "1.0", (3, 13), "windows", "x86_64") == [names[3]]
    assert matching_wheels(names, "pure", "1.0", (3, 13), "windows", "x86") == []


def test_pythons_offered() -> None:
    got = pythons_offered(CU130_FILES, "torch", "2.14.1", "linux", "x86_64")
    assert got == [(3, 10), (3, 11), (3, 12), (3, 13), (3, 14), (3, 15)]
    assert pythons_offered(CU130_FILES, "torch", "2.14.1", "linux", "x86_64", free_threaded=True) == [
        (3, 14),
        (3, 15),
    ]


# --------------------------------------------------------------------------------------------
# check_wheel against the local server
# --------------------------------------------------------------------------------------------


def test_found(server: str) -> None:
    _Handler.seen_agents.clear()
    r = _check(server + "/whl/cu130")
    assert r.status == "found" and r.found and not r.blocks_install
    assert r.files == ("torch-2.14.1+cu130-cp312-cp312-manylinux_2_28_x86_64.whl",)
    assert "Python 3.12" in r.message
    assert r.url == server + "/whl/cu130/torch/"
    assert _Handler.seen_agents and all("TorchSetupWizard" in a for a in _Handler.seen_agents)


def test_found_without_trailing_slash_and_default_opener(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    r = check_wheel(server + "/whl/cpu/", "torch", "2.13.0", (3, 12), "macos", "arm64", timeout=5.0)
    assert r.status == "found", r.message
    assert r.files == ("torch-2.13.0-cp312-none-macosx_11_0_arm64.whl",)


def test_missing_for_this_python(server: str) -> None:
    r = _check(server + "/whl/cu130", python=(3, 9))
    assert r.status == "missing" and r.blocks_install and r.files == ()
    assert "Python 3.9" in r.message
    assert "3.10, 3.11, 3.12, 3.13, 3.14, 3.15" in r.message


def test_missing_for_this_computer(server: str) -> None:
    r = _check(server + "/whl/cu130", os_name="macos", arch="arm64")
    assert r.status == "missing"
    assert "Apple Silicon" in r.message


def test_missing_version(server: str) -> None:
    r = _check(server + "/whl/cu130", version="2.15.0")
    assert r.status == "missing"
    assert "2.14.1" in r.message  # the newest one there


def test_missing_project_404(server: str) -> None:
    r = _check(server + "/whl/cu999")
    assert r.status == "missing"
    assert "not found" in r.message
    r = check_wheel(
        server + "/whl/cu130", "torchvision", "0.29.1", (3, 12), "linux", "x86_64", opener=_direct()
    )
    assert r.status == "missing"


def test_custom_mirror(server: str) -> None:
    r = _check(server + "/mirror/simple", os_name="windows")
    assert r.status == "found"
    assert r.files == ("torch-2.14.1-cp312-cp312-win_amd64.whl",)


def test_json_answer(server: str) -> None:
    r = _check(server + "/json", version="2.13.0")
    assert r.status == "found"
    assert r.files == ("torch-2.13.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl",)


def test_server_error_is_unknown(server: str) -> None:
    r = _check(server + "/broken")
    assert r.status == "unknown" and not r.blocks_install
    assert "HTTP 500" in r.message


def test_login_page_is_unknown(server: str) -> None:
    r = _check(server + "/portal")
    assert r.status == "unknown"
    assert "sign-in page" in r.message


def test_refused_port_is_unknown() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.monotonic()
    r = _check(f"http://127.0.0.1:{port}/whl/cu130")
    assert r.status == "unknown"
    assert "could not reach 127.0.0.1" in r.message
    assert time.monotonic() - start < 3


def test_hanging_server_times_out() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)  # connections are queued but never answered
        start = time.monotonic()
        r = _check(f"http://127.0.0.1:{s.getsockname()[1]}/whl/cu130", timeout=1.0)
        elapsed = time.monotonic() - start
    assert r.status == "unknown"
    assert elapsed < 4


def test_opener_errors_are_unknown() -> None:
    class Broken:
        def open(self, fullurl: urllib.request.Request, data: bytes | None = None, timeout: float = 0) -> Any:
            raise OSError("[Errno 11001] getaddrinfo failed")

    r = check_wheel(
        "https://download.pytorch.org/whl/cu130",
        "torch",
        "2.14.1",
        (3, 12),
        "linux",
        "x86_64",
        opener=Broken(),
    )
    assert r.status == "unknown"
    assert "getaddrinfo failed" in r.message
    assert "download.pytorch.org" in r.message


def test_file_index() -> None:
    r = _check((PAGES / "whl" / "cu130").as_uri(), os_name="windows")
    assert r.status == "found"
    r = _check((PAGES / "whl" / "nothing").as_uri())
    assert r.status == "missing"


def test_unsupported_scheme_and_bad_version() -> None:
    assert _check("ftp://example.invalid/simple").status == "unknown"
    assert _check("https://download.pytorch.org/whl/cu130", version="latest!").status == "unknown"


def test_macos_version_in_the_tag_is_honoured() -> None:
    # from 2.12.0 on macOS wheels are tagged macosx_14_0_arm64 (shared/reference/torch-builds.md)
    names = [
        "torch-2.15.0-cp312-none-macosx_14_0_arm64.whl",
        "torch-2.11.0-cp312-none-macosx_11_0_arm64.whl",
    ]
    assert matching_wheels(names, "torch", None, (3, 12), "macos", "arm64", macos_version="13.6") == [
        names[1]
    ]
    assert matching_wheels(names, "torch", None, (3, 12), "macos", "arm64", macos_version="14.0") == names
    assert matching_wheels(names, "torch", None, (3, 12), "macos", "arm64") == names  # unknown: not ruled out


def test_check_wheel_says_when_only_a_newer_macos_has_it() -> None:
    body = (
        b'<a href="/whl/cpu/torch-2.15.0-cp312-none-macosx_14_0_arm64.whl#sha256=00">'
        b"torch-2.15.0-cp312-none-macosx_14_0_arm64.whl</a>"
    )

    class Resp:
        headers = type(
            "H",
            (),
            {
                "get": staticmethod(lambda k, d=None: "text/html"),
                "get_content_charset": staticmethod(lambda: "utf-8"),
            },
        )()

        def __init__(self) -> None:
            self._parts = [body]

        def read(self, n: int) -> bytes:
            return self._parts.pop() if self._parts else b""

        def __enter__(self) -> Resp:
            return self

        def __exit__(self, *a: object) -> None:
            return None

    class Opener:
        def open(self, req: object, data: object = None, timeout: float = 0) -> Resp:
            return Resp()

    r = check_wheel(
        "https://download.pytorch.org/whl/cpu",
        "torch",
        "2.15.0",
        (3, 12),
        "macos",
        "arm64",
        opener=Opener(),
        macos_version="13.6",
    )
    assert r.status == "missing" and "newer macOS" in r.message and "13.6" in r.message
    ok = check_wheel(
        "https://download.pytorch.org/whl/cpu",
        "torch",
        "2.15.0",
        (3, 12),
        "macos",
        "arm64",
        opener=Opener(),
        macos_version="14.1",
    )
    assert ok.found
