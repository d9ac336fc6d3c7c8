"""How the Install page is laid out once drawn: the step list as tall as its steps, and the room that is
left below "Show details" (or the open log's), not an empty band between the parts."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import conda_review, walk_to_review
from tests.test_path_chinese import HeldRunner
from tests.test_session import OK_VERIFY, make_venv
from wizard.gui.window import PageId, SetupWizard


def _installed(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> object:
    review = walk_to_review(qtbot, wiz, tmp_path / "env")
    qtbot.waitUntil(review.isComplete, timeout=20000)  # offline: "install anyway" after the server check
    install = wiz.pages[PageId.INSTALL]
    runner = HeldRunner({"create-venv": make_venv, "install-torch": ([], 0), "verify": ([OK_VERIFY], 0)})
    install.ensure_session(runner=runner)
    wiz.next()
    qtbot.waitUntil(lambda: install.succeeded, timeout=10000)
    qtbot.wait(50)  # laid out and drawn
    return install


def test_the_step_list_is_as_tall_as_its_steps(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    install = _installed(qtbot, wiz, tmp_path)
    view = install.steps_view  # type: ignore[attr-defined]
    assert view.count() >= 4
    inside = view.viewport().height()
    first = view.visualItemRect(view.item(0))
    last = view.visualItemRect(view.item(view.count() - 1))
    assert first.top() >= 0 and last.bottom() < inside, "a step is cut off"
    assert inside - last.bottom() <= 4, f"an empty band of {inside - last.bottom()} px under the steps"


def test_the_room_left_is_below_the_log_button(qtbot: QtBot, wiz: SetupWizard, tmp_path: Path) -> None:
    install = _installed(qtbot, wiz, tmp_path)
    result, log = install.result, install.log  # type: ignore[attr-defined]
    gap = log.toggle.mapTo(install, log.toggle.rect().topLeft()).y() - result.geometry().bottom()
    assert gap < 40, f"{gap} px between the result and Show details"
    log.toggle.setChecked(True)
    qtbot.wait(50)
    free = install.height() - log.geometry().bottom()
    assert log.view.height() > 100 and free < 40, (log.view.height(), free)  # the open log takes the room


def test_a_long_conda_route_name_does_not_widen_the_review_page(wiz: SetupWizard) -> None:
    """At 1024x768 the conda route's long name pushed the Review page past the screen's right edge: the
    list asks for a width that fits, whatever its items say (the open list shows them whole)."""
    review = conda_review(wiz)
    review.route.addItem("x" * 300, ("pip", ""))  # a name far too long for any screen
    assert review.route.sizeHint().width() < 420
    assert review.route.minimumSizeHint().width() < 420


def test_sizes_are_written_one_way_in_decimal_units_as_pip_writes_them() -> None:
    from wizard.gui.common import size_text

    assert size_text(60) == "60.0 MB"
    assert size_text(191.8) == "191.8 MB"  # pip's figure for the CPU wheel, not MiB
    assert size_text(1000) == "1.0 GB"  # not "1000.0 MB"
    assert size_text(2300) == "2.3 GB"
    assert size_text(None) == "0.0 MB"
