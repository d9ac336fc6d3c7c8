"""The Review page's decisions without a window (``wizard/core/review_rules.py``): what stands in the way, what
is a warning, which help is offered and which questions go to the index, as codes with parameters."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from wizard.core import review_rules as rules
from wizard.core.plan import InstallRequest, PackageSource, Route, SourceKind
from wizard.core.review_rules import Finding

SERVER = PackageSource(SourceKind.PYTORCH_INDEX, index_url="https://download.pytorch.org/whl/cpu")
MIRROR = PackageSource(SourceKind.CUSTOM_INDEX, index_url="https://mirror.example.test/simple")
FOLDER = PackageSource(SourceKind.WHEEL_FOLDER, folder="/media/stick/wheels")


def _wheel(status: str, message: str = "") -> SimpleNamespace:
    return SimpleNamespace(status=status, message=message)


# -- the index's answer about torch -------------------------------------------------------------


def test_a_mirror_without_the_only_build_is_behind_and_offers_the_server() -> None:
    v = rules.judge_wheel(_wheel("missing", "no"), MIRROR, one_build=True, kit=False, torch="2.13.0")
    assert v.problems == [Finding("mirror-behind", {"torch": "2.13.0"})]
    assert v.help == rules.HELP_MIRROR_MISSING and not v.unreachable


@pytest.mark.parametrize(
    ("source", "one_build", "kit"), [(MIRROR, False, False), (MIRROR, True, True), (SERVER, True, False)]
)
def test_a_missing_wheel_is_said_in_the_index_words_with_the_login_masked(
    source: PackageSource, one_build: bool, kit: bool
) -> None:
    message = "https://ann:hunter2@mirror.example.test/simple has no torch 2.13.0"
    v = rules.judge_wheel(_wheel("missing", message), source, one_build=one_build, kit=kit, torch="2.13.0")
    assert [f.code for f in v.problems] == ["said"] and v.help == ""
    assert "hunter2" not in v.problems[0].params["text"] and "no torch 2.13.0" in v.problems[0].params["text"]
    assert v.problems[0].params["escape"] is True


@pytest.mark.parametrize(
    ("source", "help_kind", "unreachable"),
    [
        (SERVER, rules.HELP_SERVER_UNREACHABLE, True),
        (MIRROR, rules.HELP_MIRROR_UNREACHABLE, True),
        (FOLDER, "", False),
    ],
)
def test_an_index_that_cannot_be_asked_is_no_problem_but_offers_help(
    source: PackageSource, help_kind: str, unreachable: bool
) -> None:
    v = rules.judge_wheel(_wheel("unknown", "timed out"), source, one_build=True, kit=False, torch=None)
    assert v.problems == [] and v.help == help_kind and v.unreachable is unreachable


@pytest.mark.parametrize("wheel", [None, _wheel("found", "torch 2.13.0 is there")])
def test_a_found_wheel_or_no_answer_yet_stands_in_no_way(wheel: Any) -> None:
    v = rules.judge_wheel(wheel, SERVER, one_build=True, kit=False, torch="2.13.0")
    assert (v.problems, v.help, v.unreachable) == ([], "", False)


def test_the_torch_question_is_asked_only_of_an_index_and_not_for_conda_forge() -> None:
    plan = SimpleNamespace(request=SimpleNamespace(torch="2.13.0", route=Route.PIP), is_conda=False)
    assert rules.wheel_question(plan, SERVER, (3, 12), "linux", None) == (
        SERVER.index_url,
        "2.13.0",
        (3, 12),
        "linux",
        "x86_64",
    )
    assert rules.wheel_question(plan, MIRROR, (3, 12), "macos", "arm64") == (
        MIRROR.index_url,
        "2.13.0",
        (3, 12),
        "macos",
        "arm64",
    )
    assert rules.wheel_question(plan, FOLDER, (3, 12), "linux", None) is None
    assert rules.wheel_question(plan, PackageSource(SourceKind.PYTORCH_INDEX), (3, 12), "linux", None) is None
    assert rules.wheel_question(plan, SERVER, None, "linux", None) is None
    forge = SimpleNamespace(request=SimpleNamespace(torch="2.13.0", route=Route.CONDA_FORGE), is_conda=True)
    assert rules.wheel_question(forge, SERVER, (3, 12), "linux", None) is None


# -- a typed mirror address ---------------------------------------------------------------------


def test_a_mirror_is_asked_only_once_its_complete_address_is_typed_and_left() -> None:
    url = MIRROR.index_url or ""
    assert rules.index_is_asked(MIRROR, [], url)
    assert not rules.index_is_asked(MIRROR, [], url[:-3])  # still typing
    assert not rules.index_is_asked(MIRROR, [rules.said("bad")], url)
    half = PackageSource(SourceKind.CUSTOM_INDEX, index_url="https://")
    assert not rules.index_is_asked(half, [], "https://")
    assert rules.index_is_asked(SERVER, [rules.said("x")], "") and rules.index_is_asked(FOLDER, [], "")


def test_a_kit_is_looked_for_in_a_kit_folder_or_at_a_finished_valid_address() -> None:
    url = MIRROR.index_url or ""
    assert rules.kit_location(FOLDER, "/media/stick/kit", "") == "/media/stick/kit"
    assert rules.kit_location(FOLDER, None, "") is None
    assert rules.kit_location(MIRROR, None, url) == url
    assert rules.kit_location(MIRROR, None, "") is None  # not finished typing
    spaced = PackageSource(SourceKind.CUSTOM_INDEX, index_url="https://a b.test/simple")
    assert rules.kit_location(spaced, None, "https://a b.test/simple") is None
    assert rules.kit_location(SERVER, None, "") is None


def test_an_address_that_is_no_kit_is_a_plain_mirror() -> None:
    for code, plain in (("not-a-kit", True), ("kit-unreachable", True), ("bad-manifest", False)):
        kit = SimpleNamespace(error=SimpleNamespace(code=code))
        assert rules.kit_is_plain_mirror(MIRROR, kit) is plain
        assert not rules.kit_is_plain_mirror(FOLDER, kit)
    assert not rules.kit_is_plain_mirror(MIRROR, SimpleNamespace(error=None))


# -- the source itself --------------------------------------------------------------------------


def test_source_problems_come_as_they_were_shown(tmp_path: Any) -> None:
    problems, warnings, folder = rules.source_problems(
        PackageSource(SourceKind.WHEEL_FOLDER, folder="a\x00b"), (3, 12), "linux"
    )
    assert problems == [Finding("nul-in-folder")] and warnings == [] and folder is None
    problems, _w, folder = rules.source_problems(
        PackageSource(SourceKind.WHEEL_FOLDER, folder=str(tmp_path)), (3, 12), "linux"
    )
    assert folder is not None and [f.code for f in problems] == ["said"]
    assert problems[0].params["escape"] is False  # the folder's words are shown as they always were
    problems, warnings, folder = rules.source_problems(
        PackageSource(SourceKind.CUSTOM_INDEX, index_url="http://mirror.example.test/simple"),
        (3, 12),
        "linux",
    )
    assert problems == [] and [f.code for f in warnings] == ["said"] and folder is None
    problems, warnings, _f = rules.source_problems(
        PackageSource(SourceKind.CUSTOM_INDEX, index_url="not an address"), (3, 12), "linux"
    )
    assert len(problems) == 1 and warnings == []
    assert rules.source_problems(SERVER, (3, 12), "linux") == ([], [], None)


# -- a kit --------------------------------------------------------------------------------------


HERE = SimpleNamespace(os="linux", arch="x86_64", python="3.12", free_threaded=False, variant="cpu")


def _pick(ok: bool, code: str = "", target: Any = None, **params: str) -> SimpleNamespace:
    return SimpleNamespace(ok=ok, code=code, target=target, params=params, message=lambda: f"pick {code}")


def test_a_kit_that_cannot_be_opened_or_has_bad_files_is_broken() -> None:
    err = SimpleNamespace(
        error=SimpleNamespace(message=lambda: "kit.json is damaged"), pick=None, problems=()
    )
    v = rules.judge_kit(err, HERE)
    assert v.help == rules.HELP_KIT_BROKEN and not v.usable
    assert v.problems == [rules.said("kit.json is damaged")]
    target = SimpleNamespace(torchvision="0.28.0")
    bad = SimpleNamespace(
        error=None,
        kit="K",
        pick=_pick(True, "ok", target),
        problems=(SimpleNamespace(message=lambda: "torch.whl differs"),),
    )
    v = rules.judge_kit(bad, HERE)
    assert v.help == rules.HELP_KIT_BROKEN and v.problems == [rules.said("torch.whl differs")]
    assert not v.usable and v.done == []


@pytest.mark.parametrize(
    ("pick", "finding"),
    [
        (
            _pick(False, "other-python", python="3.11"),
            Finding("kit-other-python", {"python": "3.11", "has": "K"}),
        ),
        (
            _pick(False, "no-build-runs", why="old driver"),
            Finding("kit-no-build-runs", {"why": "old driver", "has": "K"}),
        ),
        (_pick(False, "no-target"), Finding("kit-nothing", {"target": HERE, "has": "K"})),
        (None, Finding("kit-nothing", {"target": HERE, "has": "K"})),
    ],
)
def test_a_kit_with_nothing_for_this_computer_says_what_it_has(pick: Any, finding: Finding) -> None:
    v = rules.judge_kit(SimpleNamespace(error=None, kit="K", pick=pick, problems=()), HERE)
    assert v.help == rules.HELP_KIT_NOTHING and v.problems == [finding] and not v.usable


def test_a_good_kit_is_used_and_a_cpu_stand_in_is_a_warning() -> None:
    target = SimpleNamespace(torchvision="0.28.0")
    v = rules.judge_kit(
        SimpleNamespace(error=None, kit="K", pick=_pick(True, "exact", target), problems=()), HERE
    )
    assert v.usable and v.help == "" and v.problems == [] and v.warnings == []
    assert v.done == [Finding("kit-ok", {"target": target})]
    v = rules.judge_kit(
        SimpleNamespace(error=None, kit="K", pick=_pick(True, "cpu-instead", target), problems=()), HERE
    )
    assert v.usable and v.warnings == [rules.said("pick cpu-instead")]


def test_a_usable_kit_gives_its_folder_and_pins_and_an_unusable_one_leaves_the_source(tmp_path: Any) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / "torch-2.13.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl").write_bytes(b"")
    target = SimpleNamespace(torch="2.13.0+cpu", torchvision="0.28.0+cpu")
    kit = SimpleNamespace(is_url=False, wheel_dir=wheels)
    good = SimpleNamespace(error=None, kit=kit, pick=_pick(True, "exact", target), problems=())
    verdict, use = rules.use_kit(good, HERE, FOLDER)
    assert verdict.usable and use.pins == ("2.13.0+cpu", "0.28.0+cpu")
    assert use.source.kind is SourceKind.WHEEL_FOLDER and use.source.folder == str(wheels.resolve())
    assert use.folder is not None and use.folder.has("torch")
    served = SimpleNamespace(is_url=True, index_url=lambda: "http://127.0.0.1:8000/simple")
    good.kit = served
    _, use = rules.use_kit(good, HERE, MIRROR)
    assert use.source.kind is SourceKind.CUSTOM_INDEX and use.folder is None
    broken = SimpleNamespace(
        error=SimpleNamespace(message=lambda: "kit.json is damaged"), pick=None, problems=()
    )
    verdict, use = rules.use_kit(broken, HERE, FOLDER)
    assert verdict.help == rules.HELP_KIT_BROKEN and not verdict.usable
    assert use == rules.KitUse(FOLDER, None, None)


# -- the plan -----------------------------------------------------------------------------------


def _request(torchvision: str | None = "0.28.0") -> InstallRequest:
    return InstallRequest("python3", (3, 12), "/tmp/env", "linux", "2.13.0", torchvision)


def test_pins_from_the_source_replace_the_build_s() -> None:
    assert rules.with_pins(_request(), None) == _request()
    kit = rules.with_pins(_request(), ("2.12.0", "0.27.0"))
    assert (kit.torch, kit.torchvision) == ("2.12.0", "0.27.0")
    no_vision_in_kit = rules.with_pins(_request(), ("2.12.0", None))
    assert (no_vision_in_kit.torch, no_vision_in_kit.torchvision) == ("2.12.0", None)
    index = rules.with_pins(_request(), (None, "0.27.1"))
    assert (index.torch, index.torchvision) == ("2.13.0", "0.27.1")
    unticked = rules.with_pins(_request(None), (None, "0.27.1"))
    assert unticked.torchvision is None  # torchvision not wanted stays not wanted
    assert rules.with_pins(_request(), (None, None)) == _request()


def test_the_shown_command_leaves_out_empty_option_values() -> None:
    argv = ["pip", "install", "--find-links", "", "--no-index", "torch==2.13.0"]
    assert rules.shown_command(argv, "linux") == "pip install --no-index torch==2.13.0"
    assert (
        rules.shown_command(["pip", "--index-url", "https://u:secret@h.test/s"], "linux").count("secret") == 0
    )
    assert rules.shown_command(["a b", "--last", ""], "windows") == '"a b"'
    assert rules.shown_command(["python", "-c", ""], "linux") == "python -c ''"  # only an option's value


def test_one_build_counts_only_builds_that_run_here() -> None:
    run = SimpleNamespace(runs_here=True)
    not_here = SimpleNamespace(runs_here=False)
    assert rules.one_build(SimpleNamespace(choices=(run, not_here)))
    assert not rules.one_build(SimpleNamespace(choices=(run, run)))
    assert rules.one_build(None)


# -- torchvision --------------------------------------------------------------------------------


class _Folder:
    def __init__(self, *have: str) -> None:
        self.have = have

    def best(self, project: str, python: tuple[int, int], os_name: str) -> Any:
        return object() if project in self.have else None

    def has(self, project: str) -> bool:
        return project in self.have


def test_torchvision_is_offered_only_where_it_can_be_installed() -> None:
    def verdict(**kw: Any) -> tuple[bool, str]:
        args = {"folder": None, "kit_target": None, "vision": None, **kw}
        has = args.pop("has", True)
        ok, why = rules.torchvision_verdict(has, (3, 12), "linux", **args)
        return ok, why.code

    assert verdict() == (True, "vision-no-build")
    assert verdict(has=False) == (False, "vision-no-build")
    assert verdict(kit_target=SimpleNamespace(torchvision="")) == (False, "vision-not-in-kit")
    assert verdict(has=False, kit_target=SimpleNamespace(torchvision="0.28.0"))[0] is True  # the kit decides
    assert verdict(folder=_Folder("torch")) == (False, "vision-not-in-folder")
    assert verdict(folder=_Folder("torch", "torchvision")) == (True, "vision-no-build")
    none = SimpleNamespace(status="none", wanted="0.28.0", torch="2.13.0")
    ok, why = rules.torchvision_verdict(True, (3, 12), "linux", folder=None, kit_target=None, vision=none)
    assert not ok and why == Finding("vision-not-on-index", {"version": "0.28.0", "torch": "2.13.0"})
    other = SimpleNamespace(status="other", wanted="0.28.0", torch="2.13.0")
    assert verdict(vision=other) == (True, "vision-no-build")


def test_only_a_place_short_of_room_is_a_problem() -> None:
    checks = [
        SimpleNamespace(ok=True, path="/home", short_by=0),
        SimpleNamespace(ok=False, path="/tmp", short_by=5 * 2**30),
    ]
    assert rules.space_problems(checks) == [Finding("no-space", {"path": "/tmp", "short_by": 5 * 2**30})]


# -- the computer -------------------------------------------------------------------------------


def test_the_machine_without_a_hardware_report_is_told_by_the_python() -> None:
    interp = SimpleNamespace(bits=64, free_threaded=True)
    mac = rules.machine(interp, None, (3, 13), "macos")
    assert (mac.os, mac.arch, mac.python, mac.free_threaded) == ("macos", "arm64", (3, 13), True)
    pc = rules.machine(SimpleNamespace(bits=0), None, None, "windows")
    assert (pc.arch, pc.python_bits) == ("x86_64", 64)
    target = rules.this_target(mac, "mps")
    assert (target.python, target.variant, target.free_threaded) == ("3.13", "mps", True)
    assert rules.this_target(pc, "cpu").python == "0.0"


def test_the_fitting_python_prefers_a_system_python_then_the_better_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wizard.core import interpreters

    scores = {"/usr/bin/python3.11": 5, "/opt/py311": 9, "/venv/bin/python": 20, "/usr/bin/python3.10": 30}
    monkeypatch.setattr(
        interpreters,
        "assess",
        lambda i, data=None: SimpleNamespace(suitable=i.path != "/bad", score=scores.get(i.path, 0)),
    )

    def py(path: str, minor: int, venv: bool = False) -> SimpleNamespace:
        return SimpleNamespace(path=path, version_info=(3, minor, 0), is_venv=venv)

    class Only311(_Folder):
        def best(self, project: str, python: tuple[int, int], os_name: str) -> Any:
            return object() if python == (3, 11) else None

    found = [
        py("/usr/bin/python3.12", 12),
        py("/venv/bin/python", 11, venv=True),
        py("/usr/bin/python3.11", 11),
    ]
    found += [py("/opt/py311", 11), py("/bad", 11), py("/usr/bin/python3.10", 10), py("/broken", 0)]
    folder = Only311("torch")
    best = rules.fitting_python(folder, found, "/usr/bin/python3.12", None, "linux")
    assert best is not None and best.path == "/opt/py311"  # a system Python, the better scored
    only_venv = [py("/venv/bin/python", 11, venv=True)]
    assert rules.fitting_python(folder, only_venv, None, None, "linux").path == "/venv/bin/python"
    assert (
        rules.fitting_python(folder, [py("/opt/py311", 11)], "/opt/py311", None, "linux") is None
    )  # it is this one
    assert rules.fitting_python(Only311(), found, None, None, "linux") is None  # no torch in the folder
    assert rules.fitting_python(None, found, None, None, "linux") is None


# -- the words the page shows (gui/review_words.py; no window needed) --------------------------------


def test_size_lines_say_download_room_free_space_and_what_the_index_said_without_a_login() -> None:
    from wizard.core import precheck
    from wizard.core.precheck import SpaceCheck, SpaceNeed
    from wizard.gui import review_words
    from wizard.gui.common import size_text

    check = SpaceCheck("/home", (SpaceNeed("env", "/home", 2 * 10**9),), free_bytes=50 * 10**9)
    found = _wheel("found", "https://ann:hunter2@127.0.0.1:9/simple has torch 2.13.0")
    lines = review_words.size_lines(
        900, 2000, [check], found, unreachable=False, typing=False, problems=False, done=[]
    )
    assert lines[0].startswith("Download: about") and "environment needs about" in lines[1]
    assert lines[2].startswith("Free space in /home:") and "the new environment" in lines[2]
    need_mb = check.need_bytes / precheck.MB
    assert f"needed: {size_text(need_mb)}," in lines[2]  # written as the other sizes on the page
    assert size_text(2000) in lines[1] and "2000.0 MB" not in " ".join(lines)
    assert lines[3].startswith("✔ ") and "has torch 2.13.0" in lines[3] and "hunter2" not in lines[3]
    folder = review_words.size_lines(
        0,
        2000,
        [],
        None,
        unreachable=False,
        typing=True,
        problems=False,
        done=[Finding("folder-ok", {"count": 2})],
    )
    assert folder[0] == "Nothing is downloaded: the files come from the folder."
    assert (
        "finished typing" in folder[2]
        and folder[3].startswith("✔ Every wheel file")
        and "2 files" in folder[3]
    )
    blocked = review_words.size_lines(0, 1, [], None, unreachable=False, typing=True, problems=True, done=[])
    assert len(blocked) == 2  # what stands in the way is said, not "checked when you have finished typing"
    offline = review_words.size_lines(
        1, 1, [], _wheel("unreachable", "no answer"), unreachable=True, typing=False, problems=False, done=[]
    )
    assert offline[-1] == "⚠ no answer"


def test_the_message_puts_problems_first_in_red_then_warnings_notes_and_waits_escaped() -> None:
    from wizard.gui import review_words

    text = review_words.message_text(
        [rules.said("<b>bad</b>")], [rules.said("careful")], ["a note"], ["Checking <files>…"]
    )
    assert text.split("<br>") == [
        "<span style='color:#a61b1b'>✘ &lt;b&gt;bad&lt;/b&gt;</span>",
        "⚠ careful",
        "⚠ a note",
        "⏳ Checking &lt;files&gt;…",
    ]
    assert "could not check these choices" in review_words.message_text([Finding("could-not-check")])
