"""``python -m wizard``: the GUI with no arguments; ``detect``, ``recommend``, ``diagnose`` without a window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def _detect(args: argparse.Namespace) -> int:
    import json

    from .core import gpu, interpreters, releases

    data = releases.load()
    found = interpreters.detect()
    report = gpu.detect_hardware()
    out = {
        "interpreters": [
            {**i.to_json(), **{"suitable": v.suitable, "reasons": list(v.reasons)}}
            for i in found
            for v in [interpreters.assess(i, data)]
        ],
        **{k: v for k, v in report.to_json().items()},
    }
    from .core import conda

    out["conda"] = [c.to_json() for c in conda.find_conda()]
    best = interpreters.best(found, data)
    out["recommended_interpreter"] = best.path if best is not None else None
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for item in out["interpreters"]:
            mark = "OK " if item["suitable"] else "-- "
            print(f"{mark}{item['version'] or '?':10} {item['source']:16} {item['path']}")
            for reason in item["reasons"]:
                print(f"       {reason}")
        gpus = out.get("gpus") or []
        print("GPUs:", ", ".join(g["name"] for g in gpus) if gpus else "none")
        print(
            "conda:",
            ", ".join(f"{c['kind']} {c['version']} ({c['root_prefix']})" for c in out["conda"]) or "none",
        )
    return 0


def _diagnose(args: argparse.Namespace) -> int:
    import json

    from .core import diagnose

    try:
        result = diagnose.diagnose_file(args.logfile, args.exit_code, step=args.step)
    except diagnose.LogNotReadable as exc:  # a missing file or a folder: one line, no traceback
        print(f"python -m wizard diagnose: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print(f"{result.title}\n\n{result.explanation}")
    return 0


def _install_translator(lang: str | None) -> object:
    """Translate CLI output too (``--lang zh_CN``); needs no display, and works in English without Qt."""
    try:
        from PySide6.QtCore import QCoreApplication
    except ImportError:
        return None

    from .i18n import Translations, normalise

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    tr = Translations(app)
    tr.switch(normalise(lang) if lang else "en")
    return app


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] == "--self-test":  # the window, or its self-test: app.main decides, once
        from .app import main as gui_main

        return gui_main([sys.argv[0] if sys.argv else "wizard", *argv])
    import argparse

    parser = argparse.ArgumentParser(prog="python -m wizard", description="Torch Setup Wizard")
    parser.add_argument("--lang", help="language of the messages: en or zh_CN")
    sub = parser.add_subparsers(dest="command", required=True)
    p_detect = sub.add_parser("detect", help="list the Python interpreters and GPUs found")
    p_detect.add_argument("--json", action="store_true")
    p_detect.set_defaults(func=_detect)
    p_rec = sub.add_parser("recommend", help="the PyTorch build for this (or a described) machine")
    from .core import recommend_cli

    recommend_cli.add_arguments(p_rec)
    p_rec.set_defaults(func=recommend_cli.run)
    p_diag = sub.add_parser("diagnose", help="explain a saved install log")
    p_diag.add_argument("logfile")
    p_diag.add_argument("--json", action="store_true")
    p_diag.add_argument("--exit-code", type=int, help="the exit code of the failed step, when known")
    p_diag.add_argument("--step", help="the step that failed (create-venv, install-torch, verify, ...)")
    p_diag.set_defaults(func=_diagnose)
    p_kit = sub.add_parser("kit", help="download PyTorch for other computers into a kit folder")
    from . import kitcli

    kitcli.add_arguments(p_kit)
    p_kit.set_defaults(func=kitcli.run)
    from . import installcli

    p_inst = sub.add_parser("install", help="install PyTorch into a new environment, as the window does")
    installcli.add_install_arguments(p_inst)
    p_inst.set_defaults(func=installcli.run_install)
    p_unf = sub.add_parser("unfinished", help="list, finish or remove installs that were cut short")
    installcli.add_unfinished_arguments(p_unf)
    p_unf.set_defaults(func=installcli.run_unfinished)
    for p_any in sub.choices.values():  # --lang after the subcommand too: diagnose LOG --json --lang zh_CN
        if "--lang" not in p_any._option_string_actions:
            p_any.add_argument("--lang", default=argparse.SUPPRESS, help="language of the messages")
    args = parser.parse_args(argv)
    _app = _install_translator(args.lang)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
