"""The words of the build recommendation (core/builds.py) reach the Chinese learner: mutation testing found
that a notice's code, its context or its English source could change without any test noticing, and
then the learner would read English (or the bare code) on the Hardware page."""

from __future__ import annotations

import re

import pytest

from wizard.core import builds
from wizard.core.builds import LAST_RELEASE_FOR_GPU, LAST_RELEASE_FOR_PYTHON, Notice, notice, word

CJK = re.compile(r"[\u4e00-\u9fff]")

# Every notice code that word() phrases (the codes the Hardware page and `recommend --json` carry).
CODES = (
    LAST_RELEASE_FOR_GPU,
    LAST_RELEASE_FOR_PYTHON,
    "newer-python-for-newest",
    "bundled-data",
    "jetson",
    "jetson-nvidia",
    "macos-too-old",
    "macos-newest-needs",
    "macos-update",
    "mac-cpu",
    "mps-needs-macos",
    "variant-missing-python",
    "intel-not-validated",
    "amd-windows-wheels",
    "rocm-older-release",
    "other-release-other-gpu",
    "driver-too-old-any",
    "old-driver-release",
)
PARAMS = dict(
    build="CUDA 13.0",
    cc="7.5",
    cuda="13.0",
    driver="535.1",
    family="Arc",
    gpu="GeForce GTX 1080",
    have="13.1",
    high="3.14",
    low="3.10",
    need="14.0",
    newest="2.15.0",
    pythons="3.10–3.14",
    py="3.9",
    torch="2.14.1",
    updated="2026-11-01",
)


@pytest.fixture
def chinese(chinese_words: None) -> None:
    """The Chinese catalogue in force (tests/conftest.py)."""


def test_every_notice_is_phrased_with_its_numbers_in_english() -> None:
    texts = {code: word(notice("reason", code, **PARAMS)) for code in CODES}
    for code, text in texts.items():
        assert text != code and "{" not in text and not CJK.search(text), (code, text)
    assert len(set(texts.values())) == len(texts)  # no two codes say the same
    assert "2.14.1" in texts[LAST_RELEASE_FOR_GPU] and "7.5" in texts[LAST_RELEASE_FOR_GPU]


def test_every_notice_is_phrased_in_chinese(chinese: None) -> None:
    for code in CODES:
        text = Notice("reason", code, tuple(PARAMS.items())).text()
        assert CJK.search(text) and "{" not in text, (code, text)


def test_an_unknown_code_is_shown_as_it_is() -> None:
    assert word(notice("warning", "from-a-newer-wizard")) == "from-a-newer-wizard"


PLATFORMS = [
    ("linux", "x86_64"),
    ("linux", "arm64"),
    ("windows", "x86_64"),
    ("windows", "arm64"),
    ("macos", "x86_64"),
    ("macos", "arm64"),
]


def test_every_platform_has_its_own_name_in_both_languages(chinese: None) -> None:
    zh = [builds._platform_label(os_name, arch) for os_name, arch in PLATFORMS]
    assert all(CJK.search(t) for t in zh) and len(set(zh)) == len(zh), zh


def test_platform_names_in_english() -> None:
    en = {f"{os_name}-{arch}": builds._platform_label(os_name, arch) for os_name, arch in PLATFORMS}
    assert all(t and t != key and not CJK.search(t) for key, t in en.items()), en
    assert len(set(en.values())) == len(en)
    assert builds._platform_label("freebsd", "riscv64") == "freebsd-riscv64"
