"""The A1111 fake, painting each image from its request: the requested size, a base colour
named in the prompt, an accent disc moved by the seed, and a busy border for "busy". So
brand checks and consistency scores see real, different images over real HTTP."""

from __future__ import annotations

import io
import threading

from PIL import Image, ImageDraw

from tests.fakes.a1111_fake import FakeA1111
from tests.fakes.server import FakeRequest, FakeResponse

COLOURS = {"red": (200, 30, 45), "navy": (20, 30, 80), "blue": (30, 60, 160),
           "green": (30, 160, 60), "white": (250, 250, 250), "orange": (230, 120, 40)}


def paint(prompt: str, width: int, height: int, seed: int) -> bytes:
    words = prompt.lower()
    base = next((rgb for name, rgb in COLOURS.items() if name in words), (230, 120, 40))
    accent = (250, 250, 250) if base != (250, 250, 250) else (200, 30, 45)
    im = Image.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(im)
    shift = (seed % 7) * width // 100
    draw.ellipse((width * 0.35 + shift, height * 0.35, width * 0.65 + shift, height * 0.65), fill=accent)
    if "busy" in words:
        cell = max(4, width // 40)
        for y in range(0, height, cell):
            for x in range(0, width, cell):
                if (x // cell + y // cell) % 2 and (x < width * 0.1 or x > width * 0.9):
                    draw.rectangle((x, y, x + cell - 1, y + cell - 1), fill=(0, 0, 0))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


class PaintingA1111(FakeA1111):
    def __init__(self) -> None:
        self._paint_lock = threading.Lock()
        super().__init__()

    def _txt2img(self, req: FakeRequest) -> FakeResponse:
        try:
            body = req.json()
        except ValueError:
            return super()._txt2img(req)
        with self._paint_lock:  # `image` is shared state of the base fake
            self.image = paint(str(body.get("prompt", "")), int(body.get("width", 512)),
                               int(body.get("height", 512)), int(body.get("seed", 0)))
            return super()._txt2img(req)
