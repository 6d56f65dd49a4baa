"""Render app.svg into the PNG sizes, the Windows .ico and the macOS .icns the packaging uses.

Run after changing app.svg:  .venv/bin/python resources/icons/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "app.svg"))
    if not renderer.isValid():
        print("app.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(HERE / f"app-{size}.png", optimize=True)
    images[256].save(HERE / "app.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    images[512].save(HERE / "app.icns")
    print(f"wrote app-<size>.png for {SIZES}, app.ico and app.icns in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
