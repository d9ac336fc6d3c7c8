"""A row of buttons for what helps now (retry, a longer timeout, a proxy, …), and the notice shown when a
step has printed nothing for a long time. Used by the Install page."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from .common import wrap_label


class ActionRow(QWidget):
    """Buttons named by action ids; ``label`` words each one (again after a language switch)."""

    def __init__(self, label: Callable[[str], str], on_click: Callable[[str], None]) -> None:
        super().__init__()
        self._label, self._on_click = label, on_click
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}

    def show_actions(self, actions: Iterable[str], *, with_retry: bool = True) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        wanted = list(actions)
        if with_retry and wanted and "retry" not in wanted:
            wanted.insert(0, "retry")
        for action in wanted:
            button = QPushButton(self._label(action))
            button.setProperty("action", action)
            button.clicked.connect(lambda _checked=False, a=action: self._on_click(a))
            self._layout.addWidget(button)
            if self.isVisible():
                button.show()  # a widget added to a shown layout only appears on the next event loop turn
            self.buttons[action] = button

    def retranslate(self) -> None:
        for action, button in self.buttons.items():
            button.setText(self._label(action))


class IdleNotice(QFrame):
    """ "Nothing has happened for 10 minutes…" with a Keep waiting button."""

    def __init__(self, on_keep_waiting: Callable[[], None]) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = wrap_label()
        self.keep_waiting = QPushButton()
        self.keep_waiting.clicked.connect(on_keep_waiting)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.keep_waiting)
        self.setVisible(False)
