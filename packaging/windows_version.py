"""The Windows version resource of the .exe (Properties > Details), made from the package version.

build_installer.spec writes :func:`version_file_text` to a file in its work folder and gives that to
PyInstaller (``EXE(version=...)``), which reads it only when building on Windows.
"""

from __future__ import annotations

import re

COMPANY = "Torch Setup Wizard project"
PRODUCT = "Torch Setup Wizard"
DESCRIPTION = "Torch Setup Wizard - installs PyTorch for learners"
COPYRIGHT = "MIT License"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); anything after the release numbers (rc1, .dev2, +local) is dropped."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(n) for n in release.group(0).split(".")] if release else []
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def version_file_text(version: str, exe_name: str) -> str:
    """The text form of PyInstaller's ``VSVersionInfo`` (what ``pyi-grab_version`` writes)."""
    numbers = version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = [
        ("CompanyName", COMPANY),
        ("FileDescription", DESCRIPTION),
        ("FileVersion", dotted),
        ("InternalName", exe_name),
        ("LegalCopyright", COPYRIGHT),
        ("OriginalFilename", f"{exe_name}.exe"),
        ("ProductName", PRODUCT),
        ("ProductVersion", version),
    ]
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings)
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
