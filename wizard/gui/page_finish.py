"""Finish: how to use the new environment from now on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout

from ..core.plan import activate_commands, display_command, env_python
from ..core.resources import resource
from .common import Page, wrap_label
from .widgets import CopyableText


class FinishPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.done = wrap_label()
        self.done.setTextFormat(Qt.TextFormat.RichText)
        self.activate_label = wrap_label()
        self.activate = CopyableText(lines=3)
        self.run_label = wrap_label()
        self.run = CopyableText(lines=3)
        self.next_label = wrap_label()
        self.next_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_label.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        for w in (self.done, self.activate_label, self.activate, self.run_label, self.run, self.next_label):
            layout.addWidget(w)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("All done"))
        self.setSubTitle(self.tr("PyTorch is ready. Here is how to use it from now on."))
        st = self.state if self.wizard() is not None else None
        env = st.env_dir if st is not None else ""
        os_name = st.os_name if st is not None else "linux"
        self.done.setText(
            self.tr(
                "Your environment is in <b>{env}</b>. It has its own Python with PyTorch "
                "installed; the rest of your computer was not changed."
            ).format(env=env)
        )
        if os_name == "windows":
            self.activate_label.setText(
                self.tr(
                    "To use it in a terminal, open Command Prompt (or PowerShell) and type the matching line. After "
                    "that, the commands python and pip use the new environment:"
                )
            )
        else:
            self.activate_label.setText(
                self.tr(
                    "To use it in a terminal, open Terminal and type this line. After that, the commands python "
                    "and pip use the new environment:"
                )
            )
        if st is not None and st.manager == "conda":
            self.activate_label.setText(
                self.tr(
                    "To use it in a terminal, open a terminal where conda works (on Windows: “Anaconda Prompt” or "
                    "“Miniforge Prompt” from the Start menu) and type this line. After that, python and pip use the "
                    "new environment:"
                )
            )
            self.activate.setPlainText(f"conda activate {st.conda_env_name}")
        else:
            self.activate.setPlainText("\n".join(cmd for _shell, cmd in activate_commands(env, os_name)))
        py = st.plan.env_python if st is not None and st.plan is not None else env_python(env, os_name)
        self.run_label.setText(
            self.tr(
                "Or run its Python directly, without activating. For example, to run the example again, or to "
                "start Python and type code yourself:"
            )
        )
        self.run.setPlainText(
            "\n".join(
                [
                    display_command(
                        [
                            py,
                            (st.demo_copy if st is not None and st.demo_copy else str(resource("demo.py"))),
                            "--device",
                            st.demo_device.split(":")[0] if st is not None else "cpu",
                        ],
                        os_name,
                    ),
                    display_command([py], os_name),
                ]
            )
        )
        self.next_label.setText(
            self.tr(
                "In an editor such as VS Code or PyCharm, choose this Python as the interpreter: {python}<br>"
                "Next steps: the official tutorials at "
                "<a href='https://pytorch.org/tutorials/'>pytorch.org/tutorials</a>."
            ).format(python=py)
        )
