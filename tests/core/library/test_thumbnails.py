from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop.core.library.errors import CorruptImageError, ImageTooLargeError, MissingFileError
from desktop.core.library.layout import LibraryPaths
from desktop.core.library.thumbnails import BACKGROUND, render_thumbnail, write_thumbnail
from tests.core.library.conftest import encode, gradient
from tests.core.library.test_image_check import bomb_png


def open_thumb(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def save(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("size", "expected"), [((800, 400), (256, 128)), ((300, 900), (85, 256)),
                                                ((100, 80), (100, 80))])
def test_png_thumbnails_are_rgb_jpeg_256_on_the_longest_side(size, expected) -> None:
    thumb = open_thumb(render_thumbnail(encode(gradient(size), "PNG")))
    assert (thumb.format, thumb.mode, thumb.size) == ("JPEG", "RGB", expected)


def test_jpeg_thumbnails_with_draft_match_the_full_decode() -> None:
    source = encode(gradient((1600, 1200)), "JPEG", quality=92)
    fast = open_thumb(render_thumbnail(source, use_draft=True))
    slow = open_thumb(render_thumbnail(source, use_draft=False))
    assert fast.size == slow.size == (256, 192)
    diff = np.abs(np.asarray(fast, dtype=int) - np.asarray(slow, dtype=int)).mean()
    assert diff < 4.0
    # The picture is really there: dark at the top-left, bright red at the right edge.
    arr = np.asarray(fast, dtype=int)
    assert arr[2, 2, 0] < 30 and arr[96, 253, 0] > 220


def test_transparent_areas_become_the_neutral_background() -> None:
    im = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    im.paste((255, 0, 0, 255), (200, 0, 400, 200))  # right half opaque red
    thumb = np.asarray(open_thumb(render_thumbnail(encode(im, "PNG"))), dtype=int)
    assert np.abs(thumb[64, 20] - np.array(BACKGROUND)).max() <= 3  # not black
    assert thumb[64, 230, 0] > 240 and thumb[64, 230, 1] < 15


def test_palette_transparency_is_composited_too() -> None:
    im = Image.new("P", (40, 40), 0)
    im.putpalette([0, 0, 0, 0, 255, 0] + [0] * 762)
    im.paste(1, (20, 0, 40, 40))
    thumb = np.asarray(open_thumb(render_thumbnail(encode(im, "GIF", transparency=0))), dtype=int)
    assert np.abs(thumb[20, 5] - np.array(BACKGROUND)).max() <= 3
    assert thumb[20, 35, 1] > 240


def test_sixteen_bit_greyscale_is_scaled_not_clipped_to_white() -> None:
    arr = np.tile(np.linspace(0, 65535, 300, dtype=np.uint16), (100, 1))
    thumb = np.asarray(open_thumb(render_thumbnail(encode(Image.fromarray(arr), "PNG"))), dtype=int)
    assert thumb[40, 2].max() < 20 and thumb[40, 250].min() > 200


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    thumb = open_thumb(render_thumbnail(encode(gradient((400, 200)), "JPEG", exif=exif.tobytes())))
    assert thumb.size == (128, 256)


def test_a_huge_jpeg_is_thumbnailed(tmp_path: Path) -> None:
    big = Image.radial_gradient("L").resize((6000, 4000)).convert("RGB")
    source = save(tmp_path / "huge.jpg", encode(big, "JPEG", quality=80))
    assert open_thumb(render_thumbnail(source)).size == (256, 171)


def test_images_over_the_pixel_limit_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImageTooLargeError):
        render_thumbnail(bomb_png(80_000, 80_000))
    with pytest.raises(ImageTooLargeError, match="more than"):
        render_thumbnail(encode(gradient((200, 200)), "PNG"), max_pixels=10_000)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_truncated_file_is_a_corrupt_image_naming_the_file(tmp_path: Path, fmt: str) -> None:
    data = encode(gradient((400, 400)), fmt)
    source = save(tmp_path / f"cut.{fmt.lower()}", data[: len(data) // 2])
    with pytest.raises(CorruptImageError) as caught:
        render_thumbnail(source)
    assert str(source) in str(caught.value)


def test_garbage_is_a_corrupt_image(tmp_path: Path) -> None:
    source = save(tmp_path / "garbage.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    with pytest.raises(CorruptImageError, match="garbage.png"):
        render_thumbnail(source)


def test_write_thumbnail_mirrors_the_image_path_atomically(paths: LibraryPaths) -> None:
    rel = "images/2026-02/00000003-0123456789.png"
    save(paths.abs(rel), encode(gradient((512, 512)), "PNG"))
    thumb_rel = write_thumbnail(paths, rel)
    assert thumb_rel == "thumbs/2026-02/00000003-0123456789.jpg"
    assert open_thumb(paths.abs(thumb_rel).read_bytes()).size == (256, 256)
    assert not any(p.is_file() for p in paths.tmp.rglob("*"))


def test_write_thumbnail_of_a_missing_image_says_so(paths: LibraryPaths) -> None:
    with pytest.raises(MissingFileError, match="missing"):
        write_thumbnail(paths, "images/2026-02/00000004-0123456789.png")
