"""Words for the Review page's findings (``core/review_rules.Finding``), made when they are shown, as rich
text ready for the page's labels. They keep the "ReviewPage" context of the catalogue (they were the page's
own), so the Chinese translation stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ..core import conda
from ..core.precheck import MB, SpaceCheck, where_label
from ..core.progress import human_size
from ..core.review_rules import Finding
from ..core.secrets import mask_secrets
from . import review_checks
from .common import size_text

if TYPE_CHECKING:
    from .state import WizardState


def words(f: Finding) -> str:
    """The finding in words (rich text: anything from outside is escaped)."""
    p = f.params
    if f.code == "said":
        text = str(p.get("text", ""))
        return escape(text) if p.get("escape", True) else text
    if f.code == "could-not-check":
        return QCoreApplication.translate(
            "ReviewPage",
            "The wizard could not check these choices. Change the source above, or go Back and "
            "choose again; Save report… keeps the details for help.",
        )
    if f.code == "nul-in-folder":
        return QCoreApplication.translate(
            "ReviewPage", "A folder name cannot contain that invisible character (NUL)."
        )
    if f.code == "mirror-behind":
        return QCoreApplication.translate(
            "ReviewPage",
            "This mirror does not have PyTorch {torch} for this computer yet (mirrors are "
            "sometimes days behind). Use the PyTorch download server or a folder of wheel "
            "files instead, or try the mirror again later.",
        ).format(torch=p["torch"])
    if f.code == "vision-other":
        return QCoreApplication.translate(
            "ReviewPage",
            "This package index does not have torchvision {wanted}. It has torchvision {found}, which "
            "is made for PyTorch {torch}: that one is installed.",
        ).format(wanted=p["wanted"], found=p["found"], torch=p["torch"])
    if f.code == "no-space":
        from ..core.progress import human_size

        return QCoreApplication.translate(
            "ReviewPage",
            "There is not enough free space in {path}: free up {size} there, or go back and choose a "
            "folder on another drive.",
        ).format(path=p["path"], size=human_size(p["short_by"]))
    if f.code == "kit-other-python":
        return escape(
            QCoreApplication.translate(
                "ReviewPage",
                "This kit has nothing for Python {python}, the Python chosen for the new environment. It has: "
                "{has}. Go back and choose that Python, or use another source.",
            ).format(python=p["python"], has=review_checks.kit_has_words(p["has"]))
        )
    if f.code == "kit-no-build-runs":
        return escape(
            QCoreApplication.translate(
                "ReviewPage",
                "This kit has PyTorch for this kind of computer, but none of its builds can run here ({why}). "
                "It has: {has}.",
            ).format(why=p["why"], has=review_checks.kit_has_words(p["has"]))
        )
    if f.code == "kit-nothing":
        return escape(
            QCoreApplication.translate(
                "ReviewPage",
                "This kit has nothing for this computer ({computer}). It has: {has}. Ask for a kit made for this "
                "computer, or use another source.",
            ).format(
                computer=review_checks.target_words(p["target"]), has=review_checks.kit_has_words(p["has"])
            )
        )
    if f.code == "kit-ok":
        return escape(
            QCoreApplication.translate(
                "ReviewPage",
                "The kit has PyTorch for this computer ({target}), and every file matches kit.json.",
            ).format(target=review_checks.target_words(p["target"]))
        )
    if f.code == "folder-ok":
        return escape(
            QCoreApplication.translate(
                "ReviewPage", "Every wheel file in the folder is complete and undamaged ({count} files)."
            ).format(count=p["count"])
        )
    return vision_words(f)


def message_text(
    problems: Iterable[Finding],
    warnings: Iterable[Finding] = (),
    notes: Iterable[str] = (),
    waiting: Iterable[str] = (),
) -> str:
    """The page's message (rich text): what stands in the way (red), warnings and the plan's notes (already
    in words), and the checks Install waits for (plain words)."""
    msg = [f"<span style='color:#a61b1b'>✘ {words(p)}</span>" for p in problems]
    msg += [f"⚠ {words(w)}" for w in warnings] + [f"⚠ {n}" for n in notes]
    msg += [f"⏳ {escape(w)}" for w in waiting]
    return "<br>".join(msg)


def vision_words(f: Finding) -> str:
    """Why torchvision is not installed (plain text: a tooltip and a label)."""
    if f.code == "vision-not-in-kit":
        return QCoreApplication.translate(
            "ReviewPage", "The kit has no torchvision for this computer, so it is not installed."
        )
    if f.code == "vision-not-in-folder":
        return QCoreApplication.translate(
            "ReviewPage", "The wheel folder has no torchvision for this Python, so it is not installed."
        )
    if f.code == "vision-not-on-index":
        return QCoreApplication.translate(
            "ReviewPage",
            "The package index has no torchvision {version}, and none made for PyTorch {torch}, so only "
            "PyTorch is installed.",
        ).format(version=f.params["version"], torch=f.params["torch"])
    return QCoreApplication.translate("ReviewPage", "There is no torchvision for this PyTorch build.")


def size_lines(
    download_mb: float,
    installed_mb: float,
    checks: list[SpaceCheck],
    wheel: Any,
    *,
    unreachable: bool,
    typing: bool,
    problems: bool,
    done: list[Finding],
) -> list[str]:
    """How much is downloaded and needed, the free space, what the index said of torch and the checks that
    passed (rich text lines). ``typing``: a mirror's address is still being typed; ``problems``: something
    stands in the way (then that is said, not the typing hint)."""
    lines = []
    if download_mb:
        lines.append(
            QCoreApplication.translate("ReviewPage", "Download: about {size}.").format(
                size=size_text(download_mb)
            )
        )
    else:
        lines.append(
            QCoreApplication.translate("ReviewPage", "Nothing is downloaded: the files come from the folder.")
        )
    lines.append(
        QCoreApplication.translate("ReviewPage", "The new environment needs about {size}.").format(
            size=size_text(installed_mb)
        )
    )
    for check in checks:
        uses = QCoreApplication.translate("ReviewPage", ", ").join(where_label(n.where) for n in check.needs)
        if check.free_bytes is not None:
            lines.append(
                QCoreApplication.translate(
                    "ReviewPage", "Free space in {path}: {free} (needed: {need}, for {uses})."
                ).format(
                    path=check.path,
                    free=human_size(check.free_bytes),
                    need=size_text(check.need_bytes / MB),  # the data's sizes, written as elsewhere on the page
                    uses=uses,
                )
            )
    if wheel is not None and wheel.status == "found":
        lines.append("✔ " + escape(mask_secrets(wheel.message)))
    elif unreachable and wheel is not None:
        lines.append("⚠ " + escape(mask_secrets(wheel.message)))
    elif typing and not problems:
        lines.append(
            QCoreApplication.translate(
                "ReviewPage", "The mirror is checked when you have finished typing its address."
            )
        )
    return lines + ["✔ " + words(f) for f in done]


def python_text(version: tuple[int, int] | None) -> str:
    major, minor = version or (3, 12)
    return f"{major}.{minor}"


def summary_text(st: WizardState) -> str:
    """Which Python the new environment is made from, and where it goes (rich text)."""
    if st.manager == "conda" and st.conda_install is not None:
        python = QCoreApplication.translate("ReviewPage", "Python {version} from conda-forge").format(
            version=python_text(st.python_version)
        )
    else:
        python = QCoreApplication.translate("ReviewPage", "Python {version} from {path}").format(
            version=getattr(st.interpreter, "version", "?"), path=getattr(st.interpreter, "path", "?")
        )
    where = QCoreApplication.translate("ReviewPage", "New environment: <b>{env}</b>").format(
        env=escape(st.env_dir)
    )
    return python + "<br>" + where


def route_label(route: str) -> str:
    """How PyTorch gets into the conda environment, for the route list."""
    if route == conda.ROUTE_CONDA_FORGE:
        return QCoreApplication.translate("ReviewPage", "conda-forge's PyTorch packages (conda install)")
    return QCoreApplication.translate(
        "ReviewPage", "PyTorch's own packages, installed with pip inside the conda environment"
    )


def option_words() -> dict[str, str]:
    """The words of the page's choices and fixed labels, by the page's attribute name."""
    from ..core.plan import JUPYTER_DOWNLOAD_MB

    return {
        # A check box cannot wrap: its own words stay short, what it means goes below it.
        "jupyter": QCoreApplication.translate("ReviewPage", "Also install JupyterLab, about {size} more").format(
            size=size_text(JUPYTER_DOWNLOAD_MB)
        ),
        "jupyter_why": QCoreApplication.translate(
            "ReviewPage", "Notebooks: write and run code in your web browser, step by step."
        ),
        "route_label": QCoreApplication.translate(
            "ReviewPage", "How PyTorch gets into the conda environment:"
        ),
        "torchvision": QCoreApplication.translate(
            "ReviewPage", "Also install torchvision (images and ready-made datasets for PyTorch)"
        ),
        "commands_label": QCoreApplication.translate(
            "ReviewPage",
            "The wizard makes a new folder with its own Python, updates pip (the program that installs "
            "Python packages) there, downloads PyTorch into it, and checks that it works.",
        ),
    }
