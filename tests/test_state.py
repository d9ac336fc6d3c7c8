"""WizardState: each field is written only by its writer (the page named in ``state.WRITERS``)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

import pytest

from wizard.core import releases
from wizard.core.plan import InstallRequest, PackageSource, SourceKind, build_plan
from wizard.gui import state as state_module
from wizard.gui.state import WRITERS, WizardState

ROOT = Path(__file__).resolve().parent.parent
DATA = releases.load()


def write_as(module: str, code: str, st: WizardState, **names: Any) -> None:
    """Run ``code`` as if it were in the module ``module`` (a page of the wizard, say)."""
    exec(compile(code, f"<{module}>", "exec"), {"__name__": module, "st": st, **names})


def test_a_page_cannot_write_a_field_it_does_not_own() -> None:
    st = WizardState(data=DATA)
    write_as("wizard.gui.page_hardware", "st.variant = 'cu130'", st)  # the Hardware page chooses the build
    assert st.variant == "cu130"
    with pytest.raises(
        AttributeError, match=r"variant is written by page_hardware, window, not by .*page_demo"
    ):
        write_as("wizard.gui.page_demo", "st.variant = 'cpu'", st)
    with pytest.raises(AttributeError, match="env_dir"):
        write_as("wizard.gui.page_review", "st.env_dir = '/tmp/x'", st)
    with pytest.raises(AttributeError, match="no field 'pyhton'"):  # a typo is not a new field
        write_as("wizard.gui.page_python", "st.pyhton = None", st)
    with pytest.raises(AttributeError, match="os_name is written by nobody"):
        write_as("wizard.gui.window", "st.os_name = 'windows'", st)
    assert st.variant == "cu130" and st.env_dir == ""


def test_writer_methods_are_checked_for_who_calls_them() -> None:
    st = WizardState(data=DATA)
    req = InstallRequest(
        base_python=sys.executable,
        python_version=sys.version_info[:2],
        env_dir="/tmp/cut-short-env",
        os_name="linux",
        torch=None,
        torchvision=None,
        source=PackageSource(SourceKind.PYTORCH_INDEX, "https://download.pytorch.org/whl/cpu"),
        variant="cpu",
    )
    plan = build_plan(req, DATA)
    with pytest.raises(AttributeError, match="page_finish"):
        write_as("wizard.gui.page_finish", "st.resume(req, plan)", st, req=req, plan=plan)
    write_as("wizard.gui.window", "st.resume(req, plan)", st, req=req, plan=plan)
    assert (st.env_dir, st.variant, st.manager, st.plan) == ("/tmp/cut-short-env", "cpu", "pip", plan)


def test_tests_and_tools_may_set_up_any_state() -> None:
    st = WizardState(data=DATA)
    st.os_name, st.env_dir, st.variant = "windows", "C:/env", "cu130"  # this module is not the wizard
    assert (st.os_name, st.env_dir, st.variant) == ("windows", "C:/env", "cu130")


def state_writes(source: str) -> list[tuple[str, int]]:
    """Every assignment to a WizardState field in a module: ``<...>.state.F = ``, ``st.F = ``,
    ``state.F = `` (also in tuples and augmented assignments), as (field, line)."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        while targets:
            target = targets.pop()
            if isinstance(target, (ast.Tuple, ast.List)):
                targets.extend(target.elts)
                continue
            if not isinstance(target, ast.Attribute):
                continue
            owner = target.value
            is_state = (isinstance(owner, ast.Attribute) and owner.attr == "state") or (
                isinstance(owner, ast.Name) and owner.id in ("st", "state")
            )
            if is_state:
                found.append((target.attr, target.lineno))
    return found


def test_every_write_in_the_wizard_is_made_by_the_fields_writer() -> None:
    """Read from the code, so that a write on a path no test walks is found too."""
    wrong = []
    for path in sorted((ROOT / "wizard" / "gui").glob("*.py")):
        if path.name == "state.py":
            continue
        for field, line in state_writes(path.read_text(encoding="utf-8")):
            if path.stem not in WRITERS.get(field, ()):
                owners = ", ".join(WRITERS.get(field, ())) or "nobody"
                wrong.append(f"{path.name}:{line}: writes {field} (written by {owners})")
    assert not wrong, "\n".join(wrong)


def test_the_code_reader_finds_writes() -> None:
    """The check above can fail: it sees the forms the pages use."""
    code = (
        "self.state.variant = 'cpu'\n"
        "st.plan = plan\n"
        "self.state.manager, self.state.conda_env_name = 'conda', name\n"
        "self.other.variant = 1\n"
    )
    assert sorted(state_writes(code)) == [("conda_env_name", 3), ("manager", 3), ("plan", 2), ("variant", 1)]


def test_every_field_has_its_writer_named() -> None:
    st = WizardState(data=DATA)
    fields = {name for name in vars(st) if not name.startswith("_")}
    assert fields == set(WRITERS)
    gui = {p.stem for p in (ROOT / "wizard" / "gui").glob("*.py")}
    assert {m for owners in WRITERS.values() for m in owners} <= gui
    assert state_module.__name__ == "wizard.gui.state"  # the guard names modules of this package
