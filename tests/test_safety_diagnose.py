"""Issue 11's diagnoses that were missing or wrong, and issue 9's "decide first, word second": the code and
its parameters are decided once; the words are made when read, in the language active then."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wizard.core import causes
from wizard.core.diagnose import (
    ACTIONS,
    CODES,
    LogNotReadable,
    diagnose,
    diagnose_file,
    diagnosis_for,
    wheel_folder_gone,
)

NO_MATCH = (
    "ERROR: Could not find a version that satisfies the requirement torch (from versions: none)\n"
    "ERROR: No matching distribution found for torch\n"
)


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# -- what the runner knows is a fact, not a line of text -------------------------------------------


def test_pip_killed_by_a_signal_ran_out_of_memory() -> None:
    progress = "Collecting torch\n  Downloading torch-2.13.0-cp311-cp311-manylinux_2_28_x86_64.whl (180 MB)\n"
    assert diagnose(progress, 9, crashed=True, step="install-torch").code == "out-of-memory"  # QProcess
    assert diagnose(progress, None, signal=9, step="install-torch").code == "out-of-memory"
    assert diagnose(progress, 9, step="install-torch").code == "out-of-memory"
    assert diagnose(progress, -9).code == "out-of-memory" and diagnose(progress, 137).code == "out-of-memory"
    assert "memory" in diagnose(progress, None, signal=9).explanation


def test_a_timed_out_pip_step_is_a_timeout_by_parameter() -> None:
    """No fake "Read timed out" line: the session says the step ran too long."""
    progress = "Collecting torch\nProgress 1000 of 90000000\n"
    assert diagnose(progress, 9, crashed=True, step="install-torch", timed_out=True).code == "network-timeout"
    result = diagnose(progress, None, step="upgrade-pip", timed_out=True)
    assert result.code == "network-timeout" and result.actions[0] == "retry-longer-timeout"
    # a step that does not download and ran too long is diagnosed from what it printed
    assert diagnose(NO_MATCH, 1, step="verify", timed_out=True).code == "no-matching-distribution"


def test_a_proxy_or_certificate_failure_that_also_timed_out_is_the_proxy_or_certificate() -> None:
    proxy = (
        "WARNING: Retrying (Retry(total=4)) after connection broken by 'ProxyError('Unable to connect to "
        "proxy', ConnectTimeoutError(<HTTPSConnection(host='proxy.school.edu', port=3128)>, 'Connection to "
        "proxy.school.edu timed out. (connect timeout=15)'))': /whl/cpu/torch/\n"
        "error: connection-timeout\n"
    )
    assert diagnose(proxy, 1, step="install-torch").code == "network-proxy"
    assert diagnose(proxy, None, step="install-torch", timed_out=True).code == "network-proxy"
    cert = (
        "WARNING: Retrying (Retry(total=4)) after connection broken by 'SSLError(SSLCertVerificationError(1, "
        "'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer "
        "certificate'))': /whl/cpu/torch/\nReadTimeoutError: Read timed out.\n"
    )
    assert diagnose(cert, 1).code == "network-ssl"
    assert diagnose(cert, None, step="install-torch", timed_out=True).code == "network-ssl"


# -- new causes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Illegal instruction (core dumped)\n",
        'zsh: illegal hardware instruction  python -c "import torch"\n',
    ],
)
def test_illegal_instruction_is_a_processor_that_cannot_run_it(text: str) -> None:
    mac = diagnose(text, 1, step="verify", os_name="macos")
    assert mac.code == "cpu-unsupported"
    assert mac.actions[0] == "use-arm64-python" and "Apple" in mac.explanation
    pc = diagnose(text, 1, step="verify", os_name="linux")
    assert pc.code == "cpu-unsupported" and "use-arm64-python" not in pc.actions
    assert "Rosetta" not in pc.explanation


def test_sigill_by_exit_code_or_signal() -> None:
    assert diagnose("", -4).code == "cpu-unsupported"
    assert diagnose("", 132).code == "cpu-unsupported"
    assert diagnose("", 4, crashed=True, os_name="macos").actions[0] == "use-arm64-python"
    assert diagnose("", None, signal=4).code == "cpu-unsupported"


def test_paging_file_too_small() -> None:
    text = (
        "OSError: [WinError 1455] 页面文件太小，无法完成操作。 Error loading "
        '"C:\\env\\Lib\\site-packages\\torch\\lib\\cudnn_cnn_infer64_9.dll" or one of its dependencies.\n'
    )
    result = diagnose(text, 1, step="verify")
    assert result.code == "paging-file-too-small"
    assert result.actions[0] == "open-performance-settings" and "choose-another-build" in result.actions
    assert "Virtual memory" in result.explanation


def test_a_damaged_wheel_names_the_file() -> None:
    wheel = "/media/ann/USB/wheels/torch-2.13.0-cp311-cp311-manylinux_2_28_x86_64.whl"
    result = diagnose(f"Processing {wheel}\nERROR: Wheel 'torch' located at {wheel} is invalid.\n", 1)
    assert result.code == "broken-wheel-file" and result.params["file"] == wheel
    assert wheel in result.explanation and result.actions[0] == "use-wheel-folder"
    zipped = f"Processing {wheel}\nzipfile.BadZipFile: Bad CRC-32 for file 'torch/lib/libtorch_cpu.so'\n"
    assert diagnose(zipped, 2).params == {"file": wheel}


def test_access_denied_on_torch_in_the_new_env_is_a_locked_file() -> None:
    line = (
        "ERROR: Could not install packages due to an OSError: [WinError 5] 拒绝访问。: "
        "'C:\\\\Users\\\\ann\\\\pytorch-env\\\\Lib\\\\site-packages\\\\torch\\\\lib\\\\c10.dll'\n"
    )
    assert diagnose(line, 1).code == "file-locked"
    numpy = line.replace("torch\\\\lib\\\\c10.dll", "numpy\\\\core\\\\_multiarray_umath.pyd")
    assert diagnose(numpy, 1).code == "permission-denied"  # whose file it is, is not known ...
    assert diagnose(numpy, 1, env_dir="C:\\Users\\ann\\pytorch-env").code == "file-locked"  # ... now it is
    system = "[WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python312\\\\Lib\\\\site-packages\\\\torch\\\\x'"
    assert diagnose(system, 1).code == "permission-denied"


def test_a_windows_path_of_260_characters_is_too_long_even_without_pip_s_hint() -> None:
    deep = "C:\\\\Users\\\\ann\\\\" + "\\\\".join(["a-rather-long-folder-name"] * 10) + "\\\\kernel.cu"
    assert len(deep.replace("\\\\", "\\")) >= 260
    text = f"ERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory: '{deep}'\n"
    result = diagnose(text, 1)
    assert result.code == "long-path" and result.actions[0] == "choose-another-folder"
    short = "C:\\\\Users\\\\ann\\\\env\\\\Lib\\\\site-packages\\\\torch\\\\x.cu"
    assert diagnose(text.replace(deep, short), 1).code != "long-path"


def test_a_mistyped_mirror_is_not_an_offline_computer() -> None:
    text = (
        "WARNING: Retrying (Retry(total=4)) after connection broken by 'NewConnectionError('<pip._vendor."
        "urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: "
        "[Errno -2] Name or service not known')': /simple/torch/\n" + NO_MATCH
    )
    mirror = "https://mirrror.example.edu/simple"
    wrong = diagnose(text, 1, custom_index_url=mirror)
    assert wrong.code == "index-address-wrong" and wrong.params == {"host": "mirrror.example.edu"}
    assert "mirrror.example.edu" in wrong.explanation and wrong.actions[0] == "edit-index-address"
    assert diagnose(text, 1).code == "network-offline"  # the PyTorch server: then the computer is offline
    temporary = text.replace(
        "[Errno -2] Name or service not known", "[Errno -3] Temporary failure in name resolution"
    )
    assert diagnose(temporary, 1, custom_index_url=mirror).code == "network-offline"
    other = (
        "WARNING: Retrying after connection broken by 'NameResolutionError(\"<HTTPSConnection(host='files"
        ".example.org', port=443)>: Failed to resolve 'files.example.org' ([Errno -2] Name or service not "
        "known)\")': /numpy.whl\n"
    )
    assert diagnose(other, 1, custom_index_url=mirror).code == "network-offline"
    windows = "ERROR: ... getaddrinfo failed [Errno 11001] host='mirrror.example.edu'\n"
    assert diagnose(windows, 1, custom_index_url=mirror).code == "index-address-wrong"
    # the session found that the PyTorch server's name does not resolve either: offline after all
    assert (
        diagnose(windows, 1, custom_index_url=mirror, default_index_resolves=False).code == "network-offline"
    )


def test_a_vanished_wheel_folder_says_it_is_gone(tmp_path: Path) -> None:
    gone = str(tmp_path / "USB" / "wheels")
    warning = f"WARNING: Location '{gone}' is ignored: it is either a non-existing path or lacks a specific scheme.\n"
    result = diagnose(warning + NO_MATCH, 1, step="install-torch")
    assert result.code == "wheel-folder-missing" and result.params["folder"] == gone
    assert gone in result.explanation and result.actions[0] == "use-wheel-folder"
    assert diagnose(NO_MATCH, 1, step="install-torch", wheel_folder=gone).code == "wheel-folder-missing"
    assert wheel_folder_gone(gone) is not None and wheel_folder_gone(str(tmp_path)) is None
    # the folder is there: the text decides as before
    assert diagnose(NO_MATCH, 1, step="install-torch", wheel_folder=str(tmp_path)).code == (
        "no-matching-distribution"
    )


def test_words_in_a_folder_name_do_not_decide(tmp_path: Path) -> None:
    env = str(tmp_path / "Permission denied [Errno 28]" / "env")
    wheels = tmp_path / "No space left on device" / "wheels"
    wheels.mkdir(parents=True)
    text = (
        f"Looking in links: {wheels}\n"
        f"Processing {wheels}/torch-2.13.0-cp311-cp311-manylinux_2_28_x86_64.whl\n"
        f"Requirement already satisfied: pip in {env}/lib/python3.11/site-packages\n"
        "ERROR: HTTPSConnectionPool(host='files.example.org', port=443): Max retries exceeded "
        "(Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))\n"
    )
    result = diagnose(text, 1, env_dir=env, wheel_folder=str(wheels), step="install-torch")
    assert result.code == "network-offline" and "Connection refused" in result.evidence
    # a quoted path in a traceback says nothing either, even when the session named no folder
    quoted = "  File '/home/ann/Permission denied/train.py', line 3\nImportError: DLL load failed\n"
    assert diagnose(quoted, 1).code == "vc-redist-missing"
    assert diagnose("  File '/home/ann/Permission denied/train.py', line 3\n", 1).code == "unknown"


def test_disk_full_says_the_size_of_the_chosen_build() -> None:
    text = "ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device\n"
    cpu = diagnose(text, 1, need_mb=900)
    assert "900 MB" in cpu.explanation and "3 to 6 GB" not in cpu.explanation
    assert "2.4 GB" in diagnose(text, 1, need_mb=2400).explanation
    assert "3 to 6 GB" not in diagnose(text, 1).explanation


def test_every_new_code_has_words_and_actions_that_exist() -> None:
    for code in (
        "cpu-unsupported",
        "paging-file-too-small",
        "broken-wheel-file",
        "index-address-wrong",
        "wheel-folder-missing",
    ):
        assert code in CODES
        result = diagnosis_for(code)
        assert result.title.strip() and result.explanation.strip() and "{" not in result.explanation
        assert result.actions and set(result.actions) <= set(ACTIONS)
    assert set(causes.TEXT_CODES) == set(CODES)


def test_secrets_in_the_evidence_are_masked() -> None:
    text = "ERROR: 403 Client Error: Forbidden for url: https://ann:s3cr3t@mirror.example.edu/simple/torch/\n"
    result = diagnose(text, 1)
    assert result.code == "index-http-error"
    assert "s3cr3t" not in result.evidence and "ann:****@" in result.evidence
    assert "s3cr3t" not in str(result.to_json())


# -- decide first, word second -----------------------------------------------------------------------


@pytest.fixture
def chinese(qapp: Any) -> Any:
    from wizard.i18n import Translations

    tr = Translations(qapp)
    yield tr
    tr.switch("en")


def test_switching_the_language_rewords_the_same_diagnosis(
    chinese: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.core import diagnose as dg

    result = diagnose("ERROR: Could not install packages due to an OSError: [Errno 28] No space left\n", 1)
    english = (result.title, result.explanation, result.to_json()["title"])
    calls: list[object] = []
    monkeypatch.setattr(dg, "_find", lambda *a: calls.append(a))  # no diagnosis runs from here on
    assert chinese.switch("zh_CN")
    assert has_cjk(result.title) and has_cjk(result.to_json()["title"]) and result.title != english[0]
    assert has_cjk(causes.action_label("retry"))
    chinese.switch("en")
    assert (result.title, result.explanation, result.to_json()["title"]) == english
    assert calls == []


# -- saved logs ----------------------------------------------------------------------------------------


def test_diagnose_file_of_a_missing_file_or_a_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(LogNotReadable, match="no file"):
        diagnose_file(tmp_path / "missing.log")
    with pytest.raises(LogNotReadable, match="folder"):
        diagnose_file(tmp_path)
