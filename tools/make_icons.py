"""Render the app icon from resources/icons/app.svg into the files the platforms want.

    python tools/make_icons.py            # writes resources/icons/app-<N>.png, app.ico, app.icns

* ``app-<N>.png`` (16 … 512): the Linux desktop entry (hicolor theme sizes) and anything else that wants PNG.
* ``app.ico`` (Windows): 16, 24, 32, 48, 64, 128 and 256 px, each stored as PNG inside the ICO container
  (Windows Vista and later read PNG entries).
* ``app.icns`` (macOS): PNG chunks icp4, icp5, ic07, ic08, ic09, ic10 and the @2x ones (ic11 … ic14). The
  artwork is drawn on Apple's icon grid (the tile takes 824 of 1024 px, centred), so it sits in the Dock
  like other apps' icons.

Qt's QSvgRenderer draws; no other imaging library is needed. Run it after changing app.svg and commit the
results; the frozen app (build_installer.spec) uses the committed files.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (chunk type, pixel size) — PNG payloads; see Apple's "icns" type table.
ICNS_CHUNKS = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
)
MACOS_TILE = 824 / 1024  # Apple's icon grid: the rounded tile inside the 1024 px canvas


def render_png(svg: Path, size: int, scale: float = 1.0) -> bytes:
    """The SVG drawn into a transparent ``size`` x ``size`` image (shrunk by ``scale``, centred), as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    side = size * scale
    renderer.render(painter, QRectF((size - side) / 2, (size - side) / 2, side, side))
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR, one ICONDIRENTRY each, then the PNG data)."""
    sizes = sorted(pngs)
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    body = b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in the one-byte width/height fields
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return out + body


def icns_bytes(chunks: list[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file: 'icns' + total length, then (type, 8 + length, PNG data) per chunk; big-endian."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(size, PNG) of each entry; raises ValueError on a malformed file (used by the tests)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an ICO file")
    entries = []
    for i in range(count):
        w, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        png = data[offset : offset + length]
        if len(png) != length or not png.startswith(b"\x89PNG"):
            raise ValueError(f"ICO entry {i}: no PNG data")
        entries.append((w or 256, png))
    return entries


def read_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, PNG) of each chunk; raises ValueError on a malformed file (used by the tests)."""
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not an ICNS file")
    pos, chunks = 8, []
    while pos < len(data):
        kind = data[pos : pos + 4]
        if pos + 8 > len(data):
            raise ValueError("ICNS: truncated chunk header")
        (length,) = struct.unpack_from(">I", data, pos + 4)
        if length < 8 or pos + length > len(data):
            raise ValueError(f"ICNS chunk {kind!r}: bad length")
        chunks.append((kind, data[pos + 8 : pos + length]))
        pos += length
    return chunks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--svg", default=str(ICONS / "app.svg"))
    ap.add_argument("--out", default=str(ICONS))
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg, out = Path(args.svg), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    flat = {s: render_png(svg, s) for s in sorted({*PNG_SIZES, *ICO_SIZES})}
    for s in PNG_SIZES:
        (out / f"app-{s}.png").write_bytes(flat[s])
    (out / "app.ico").write_bytes(ico_bytes({s: flat[s] for s in ICO_SIZES}))
    mac = {s: render_png(svg, s, MACOS_TILE) for s in {s for _, s in ICNS_CHUNKS}}
    (out / "app.icns").write_bytes(icns_bytes([(kind, mac[s]) for kind, s in ICNS_CHUNKS]))
    for name in [*(f"app-{s}.png" for s in PNG_SIZES), "app.ico", "app.icns"]:
        print(f"{out / name}  {(out / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
