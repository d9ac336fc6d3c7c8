"""Make installs fail for real on this machine and check that diagnose() names the cause.

One virtual environment per session (the running interpreter's ``venv``). Its own pip (the one
``ensurepip`` bundles) and, where the running interpreter has pip >= 22.3, the running interpreter's pip
driving that environment through ``pip --python`` are both tried, so old-style urllib3 tracebacks and new
``error: <reference>`` headers are both covered.

Everything is local: servers on 127.0.0.1 that refuse, hang, answer 404 or ask for proxy credentials, a
name under ``.invalid`` that never resolves, wheels built here with ``zipfile``. Every child runs from an
argument list with a timeout, pip's configuration files and ``PIP_*`` variables shut out.

Notes on what pip prints (why the arguments look the way they do):

* With ``--retries 0`` pip logs an unreachable *index* only at debug level, so the output says nothing but
  "No matching distribution found". With at least one retry it prints ``Retrying ... after connection
  broken by ...``, which names the cause. The wizard must keep pip's retries on.
* pip ignores a plain ``http://`` index on a host other than localhost unless ``--trusted-host`` is given,
  again with nothing but "No matching distribution"; the unresolvable name is therefore given as https.
* "Connection refused" is diagnosed as ``network-offline`` (the index could not be reached at all);
  a read-only folder (``[Errno 30]``, seen when running as root) as ``permission-denied``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.server
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from packaging.version import Version

from tests.conftest import REFUSING_INDEX, remove_tree
from wizard.core.diagnose import Diagnosis, diagnose

PIP_TIMEOUT_S = 90
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SELF_SIGNED = ("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost")
NO_DNS = Path(__file__).parent / "no_dns"
WHEEL_URL_PATH = "/whl/cu124/torch-2.5.1%2Bcu124-cp311-cp311-linux_x86_64.whl"


def child_env() -> dict[str, str]:
    """The environment for every child: no pip configuration, no proxies, UTF-8 output."""
    drop = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") and k.lower() not in drop}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONUTF8="1")
    # A test that names no index of its own gets one on 127.0.0.1 that refuses, never pip's default.
    env.update(PIP_NO_INPUT="1", PIP_INDEX_URL=REFUSING_INDEX)
    # ... and no name lookups: an unknown host fails in the child itself, as glibc's resolver answers
    # (tests/no_dns/sitecustomize.py), so no question ever leaves this machine.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NO_DNS), env.get("PYTHONPATH", "")]))
    return env


def run(argv: list[str], timeout: float = PIP_TIMEOUT_S) -> tuple[str, int]:
    """Run a child and return its output (stdout and stderr together) and exit code."""
    proc = subprocess.run(
        argv,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=timeout,
        check=False,
    )
    return proc.stdout.decode("utf-8", errors="replace"), proc.returncode


def check(output: str, exit_code: int, code: str, *, step: str = "install-torch") -> Diagnosis:
    assert exit_code != 0, output
    result = diagnose(output, exit_code, step=step)
    assert result.code == code, f"evidence: {result.evidence!r}\n--- output ---\n{output}"
    return result


# -- the environment and its pips ---------------------------------------------------------------


@pytest.fixture(scope="module")
def venv_python(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    env_dir = tmp_path_factory.mktemp("real-failures") / "env"
    output, rc = run([sys.executable, "-m", "venv", str(env_dir)], timeout=180)
    assert rc == 0, output
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    assert python.exists()
    yield python
    remove_tree(env_dir)


def _outer_pip_supports_python_option() -> bool:
    try:
        return Version(metadata.version("pip")) >= Version("22.3")
    except metadata.PackageNotFoundError:
        return False


@pytest.fixture(
    scope="module",
    params=["env-pip", "outer-pip"],
)
def pip(request: pytest.FixtureRequest, venv_python: Path) -> list[str]:
    """The command that runs pip for the test environment."""
    if request.param == "env-pip":
        return [str(venv_python), "-m", "pip"]
    if not _outer_pip_supports_python_option():
        pytest.skip("the running interpreter has no pip >= 22.3 (needed for --python)")
    return [sys.executable, "-m", "pip", "--python", str(venv_python)]


@pytest.fixture(scope="module")
def env_pip(venv_python: Path) -> list[str]:
    return [str(venv_python), "-m", "pip"]


# -- helpers: wheels, ports, servers ------------------------------------------------------------


def make_wheel(
    folder: Path,
    name: str = "tinypkg",
    version: str = "1.0",
    *,
    payload: int = 0,
    requires: tuple[str, ...] = (),
) -> Path:
    """Write a small valid pure-Python wheel; ``payload`` adds that many incompressible bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    dist_info = f"{name}-{version}.dist-info"
    metadata_text = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata_text += "".join(f"Requires-Dist: {r}\n" for r in requires)
    files: dict[str, bytes] = {
        f"{name}/__init__.py": b"VALUE = 1\n",
        f"{dist_info}/METADATA": metadata_text.encode(),
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    if payload:
        files[f"{name}/blob.bin"] = os.urandom(payload)
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return wheel


def closed_port() -> int:
    """A local port nobody listens on (bound, then closed): connections to it are refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)  # so that the accepting thread notices the end of the test
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
        for conn in accepted:
            conn.close()


@contextlib.contextmanager
def status_server(status: int, context: ssl.SSLContext | None = None) -> Iterator[int]:
    """An HTTP(S) server on 127.0.0.1 that answers every request (and CONNECT) with ``status``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            if status == 407:
                self.send_header("Proxy-Authenticate", 'Basic realm="school"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_CONNECT = do_GET
        do_HEAD = do_GET

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[Path]:
    """Mount a tmpfs (root only); skip the test when that is not possible; always unmount."""
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir(parents=True, exist_ok=True)
    output, rc = run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], timeout=20)
    if rc != 0:
        pytest.skip(f"cannot mount a tmpfs here: {output.strip()}")
    try:
        yield where
    finally:
        _, rc = run(["umount", str(where)], timeout=20)
        if rc != 0:
            run(["umount", "-l", str(where)], timeout=20)


# -- the network ---------------------------------------------------------------------------------


def test_index_refuses_connections(pip: list[str]) -> None:
    port = closed_port()
    args = ["install", "--index-url", f"http://127.0.0.1:{port}/simple", "--retries", "1", "--timeout", "3"]
    output, rc = run([*pip, *args, "torch"])
    result = check(output, rc, "network-offline")
    assert "Connection refused" in result.evidence or "[Errno 111]" in result.evidence


def test_without_retries_pip_hides_the_cause(env_pip: list[str]) -> None:
    """Documents a pip behaviour: --retries 0 leaves only the symptom, so the wizard keeps retries on."""
    port = closed_port()
    args = ["install", "--index-url", f"http://127.0.0.1:{port}/simple", "--retries", "0", "--timeout", "3"]
    output, rc = run([*env_pip, *args, "torch"])
    check(output, rc, "no-matching-distribution")


def test_wheel_url_refuses_connections(pip: list[str]) -> None:
    output, rc = run(
        [
            *pip,
            "install",
            "--retries",
            "0",
            "--timeout",
            "3",
            f"http://127.0.0.1:{closed_port()}{WHEEL_URL_PATH}",
        ]
    )
    check(output, rc, "network-offline")


def test_name_does_not_resolve(pip: list[str]) -> None:
    args = [
        "install",
        "--index-url",
        "https://does-not-exist.invalid/simple",
        "--retries",
        "1",
        "--timeout",
        "3",
    ]
    output, rc = run([*pip, *args, "torch"])
    assert "Name or service not known" in output  # the stand-in resolver answered, as glibc would
    check(output, rc, "network-offline")


def test_no_name_is_looked_up_by_the_children() -> None:
    """The stand-in resolver is in force for this file's children: a real lookup would leave the machine."""
    code = (
        "import socket\n"
        "print(socket.getaddrinfo.__module__)\n"  # the stand-in, not the system's resolver
        "try:\n    socket.getaddrinfo('does-not-exist.invalid', 443)\n"
        "except socket.gaierror as e:\n    print(e.errno == socket.EAI_NONAME)\n"
        "print(socket.getaddrinfo('127.0.0.1', 80)[0][4][0])"
    )
    output, rc = run([sys.executable, "-c", code])
    assert rc == 0 and output.split() == ["sitecustomize", "True", "127.0.0.1"], output


def test_index_never_answers(pip: list[str], silent_server: int) -> None:
    args = [
        "install",
        "--index-url",
        f"http://127.0.0.1:{silent_server}/simple",
        "--retries",
        "1",
        "--timeout",
        "1",  # two attempts (one retry, so that pip prints the cause) of one second each
    ]
    output, rc = run([*pip, *args, "torch"])
    check(output, rc, "network-timeout")


def test_download_never_answers(pip: list[str], silent_server: int) -> None:
    url = f"http://127.0.0.1:{silent_server}{WHEEL_URL_PATH}"
    output, rc = run([*pip, "install", "--retries", "0", "--timeout", "2", url])
    check(output, rc, "network-timeout")


def test_proxy_refuses_connections(pip: list[str]) -> None:
    proxy = f"http://127.0.0.1:{closed_port()}"
    url = f"https://download.pytorch.org{WHEEL_URL_PATH}"
    output, rc = run([*pip, "install", "--proxy", proxy, "--retries", "0", "--timeout", "3", url])
    check(output, rc, "network-proxy")


def test_proxy_wants_a_password(pip: list[str]) -> None:
    with status_server(407) as port:
        args = ["install", "--proxy", f"http://127.0.0.1:{port}", "--retries", "1", "--timeout", "3"]
        output, rc = run([*pip, *args, "--index-url", "https://download.pytorch.org/whl/cu124", "torch"])
    result = check(output, rc, "network-proxy")
    assert "407" in result.evidence


def test_server_says_not_found(env_pip: list[str]) -> None:
    with status_server(404) as port:
        url = f"http://127.0.0.1:{port}{WHEEL_URL_PATH}"
        output, rc = run([*env_pip, "install", "--retries", "0", "--timeout", "3", url])
    result = check(output, rc, "index-http-error")
    assert "404" in result.evidence


def test_certificate_not_trusted(pip: list[str], tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    output, rc = run(
        [openssl, *SELF_SIGNED, "-keyout", str(key), "-out", str(cert)],
        timeout=60,
    )
    if rc != 0:
        pytest.skip(f"openssl could not make a certificate: {output.strip()}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    with status_server(404, context) as port:
        url = f"https://localhost:{port}{WHEEL_URL_PATH}"
        output, rc = run([*pip, "install", "--retries", "0", "--timeout", "3", url])
    check(output, rc, "network-ssl")


# -- the packages ---------------------------------------------------------------------------------


def test_version_that_does_not_exist(pip: list[str], tmp_path: Path) -> None:
    empty = tmp_path / "wheels"
    empty.mkdir()
    output, rc = run([*pip, "install", "--no-index", "--find-links", str(empty), "torch==99.0"])
    check(output, rc, "no-matching-distribution")


def test_versions_that_conflict(pip: list[str], tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels, "alpha", "1.0", requires=("beta==2.0",))
    make_wheel(wheels, "beta", "1.0")
    make_wheel(wheels, "beta", "2.0")
    args = ["install", "--no-index", "--find-links", str(wheels), "--dry-run", "alpha==1.0", "beta==1.0"]
    output, rc = run([*pip, *args])
    check(output, rc, "dependency-conflict")


def test_hash_mismatch(pip: list[str], tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("tinypkg==1.0 --hash=sha256:" + "0" * 64 + "\n", encoding="utf-8")
    args = ["install", "--no-index", "--find-links", str(wheels), "--require-hashes", "-r", str(requirements)]
    output, rc = run([*pip, *args, "--target", str(tmp_path / "target")])
    check(output, rc, "hash-mismatch")


# -- the machine ----------------------------------------------------------------------------------


def test_system_python_is_externally_managed() -> None:
    system_python = Path("/usr/bin/python3.11")
    if not system_python.exists():
        pytest.skip("no /usr/bin/python3.11")
    stdlib, rc = run([str(system_python), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"])
    if rc != 0 or not (Path(stdlib.strip()) / "EXTERNALLY-MANAGED").exists():
        pytest.skip("this system Python is not marked externally managed")
    _, rc = run([str(system_python), "-m", "pip", "--version"])
    if rc != 0:
        pytest.skip("the system Python has no pip")
    # --no-index: nothing is fetched even if the refusal did not come.
    output, rc = run([str(system_python), "-m", "pip", "install", "--dry-run", "--no-index", "six"])
    check(output, rc, "externally-managed")


def test_read_only_folder(env_pip: list[str], tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels)
    args = ["install", "--no-index", "--find-links", str(wheels), "--no-cache-dir", "--prefix"]
    if IS_ROOT:  # root ignores permission bits: a read-only tmpfs refuses even root
        with tmpfs(tmp_path / "ro", "ro,size=1m") as target:
            output, rc = run([*env_pip, *args, str(target), "tinypkg"])
    else:
        target = tmp_path / "ro"
        target.mkdir()
        target.chmod(0o555)
        try:
            output, rc = run([*env_pip, *args, str(target), "tinypkg"])
        finally:
            target.chmod(0o755)
    check(output, rc, "permission-denied")


def test_full_disk(pip: list[str], tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels, payload=300_000)  # bigger than the 64 KiB filesystem
    args = ["install", "--no-index", "--find-links", str(wheels), "--no-cache-dir", "--prefix"]
    with tmpfs(tmp_path / "small", "size=64k") as target:
        output, rc = run([*pip, *args, str(target), "tinypkg"])
    result = check(output, rc, "disk-full")
    assert "[Errno 28]" in result.evidence
