"""The loss curve of the demo's training, drawn with QPainter as the steps arrive."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CURVE_COLOR = QColor("#d9480f")  # PyTorch's orange, dark enough on white
AXIS_COLOR = QColor("#555555")


class LossCurve(QWidget):
    """Loss against training step. ``add`` queues a point; a short timer reveals queued points a few at a
    time, so that 100 steps done in a tenth of a second still read as a curve that goes down."""

    def __init__(self, parent: QWidget | None = None, *, reveal_ms: int = 12) -> None:
        super().__init__(parent)
        self.points: list[tuple[int, float]] = []  # every (step, loss) received
        self.shown = 0  # how many of them are drawn so far
        self.total_steps = 100  # the x axis runs to here (or to the last step, if more)
        self._timer = QTimer(self)
        self._timer.setInterval(reveal_ms)
        self._timer.timeout.connect(self._reveal)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Loss curve"))

    def sizeHint(self) -> QSize:
        return QSize(480, 130)

    # -- data -------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.points.clear()
        self.shown = 0
        self._timer.stop()
        self.update()

    def add(self, step: int, loss: float) -> None:
        self.points.append((step, loss))
        if not self._timer.isActive():
            self._timer.start()

    def finish_animation(self) -> None:
        """Show every point received now (the run ended, or a test wants the final picture)."""
        self.shown = len(self.points)
        self._timer.stop()
        self.update()

    def _reveal(self) -> None:
        self.shown = min(len(self.points), self.shown + 2)
        if self.shown >= len(self.points):
            self._timer.stop()
        self.update()

    def visible_points(self) -> list[tuple[int, float]]:
        return [(s, v) for s, v in self.points[: self.shown] if math.isfinite(v)]

    # -- geometry ---------------------------------------------------------------------------------
    def plot_rect(self) -> QRectF:
        fm = self.fontMetrics()
        left = fm.horizontalAdvance("00.000") + 12
        return QRectF(
            left,
            fm.height() + 6,
            max(10.0, self.width() - left - 12),
            max(10.0, self.height() - 2.5 * fm.height() - 12),
        )

    def value_range(self) -> tuple[float, float]:
        values = [v for _s, v in self.visible_points()] or [v for _s, v in self.points if math.isfinite(v)]
        if not values:
            return 0.0, 1.0
        top = max(values)
        return 0.0, top if top > 0 else 1.0

    def polyline(self, rect: QRectF | None = None) -> list[QPointF]:
        """The drawn points in widget coordinates (larger y is lower on screen)."""
        rect = rect or self.plot_rect()
        low, high = self.value_range()
        last_step = max([self.total_steps] + [s for s, _v in self.points])
        out = []
        for step, value in self.visible_points():
            x = rect.left() + rect.width() * (step / last_step if last_step else 0.0)
            y = rect.bottom() - rect.height() * ((value - low) / (high - low) if high > low else 0.0)
            out.append(QPointF(x, y))
        return out

    # -- drawing ----------------------------------------------------------------------------------
    def painted_texts(self) -> list[str]:
        """The words this widget paints (no label holds them): the axis names, or the empty-curve hint."""
        last_step = max([self.total_steps] + [s for s, _v in self.points])
        texts = [self.tr("loss"), self.tr("training step (0 to {last})").format(last=last_step)]
        if not self.visible_points():
            texts.append(self.tr("The curve appears here during training."))
        return texts

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        rect = self.plot_rect()
        fm = self.fontMetrics()
        painter.setPen(QPen(AXIS_COLOR, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.topLeft())
        low, high = self.value_range()
        text_color = self.palette().text().color()
        painter.setPen(text_color)
        painter.drawText(
            QRectF(0, rect.top() - fm.height() / 2, rect.left() - 6, fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{high:.3g}",
        )
        painter.drawText(
            QRectF(0, rect.bottom() - fm.height() / 2, rect.left() - 6, fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{low:.3g}",
        )
        words = self.painted_texts()
        painter.drawText(
            QRectF(rect.left(), 0, rect.width(), fm.height() + 4),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            words[0],
        )
        painter.drawText(
            QRectF(rect.left(), rect.bottom() + 2, rect.width(), fm.height() + 4),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            words[1],
        )
        points = self.polyline(rect)
        if not points:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), words[2])
            painter.end()
            return
        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.setPen(QPen(CURVE_COLOR, 2.2))
        painter.drawPath(path)
        painter.setBrush(CURVE_COLOR)
        painter.drawEllipse(points[-1], 3.5, 3.5)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Loss curve"))
            self.update()
        super().changeEvent(event)
