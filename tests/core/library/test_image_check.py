from __future__ import annotations

import struct
import zlib

import pytest

from desktop.core.library.errors import CorruptImageError, ImageTooLargeError
from desktop.core.library.image_check import check_image
from tests.core.library.conftest import encode, gradient, jpeg_bytes, png_bytes, webp_bytes


def _chunk(ctype: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data))


def bomb_png(width: int, height: int) -> bytes:
    """A PNG header declaring a huge canvas with almost no data behind it."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + _chunk(b"IEND", b""))


@pytest.mark.parametrize(("data", "fmt", "mime", "ext"), [
    (png_bytes(), "PNG", "image/png", "png"),
    (jpeg_bytes(), "JPEG", "image/jpeg", "jpg"),
    (webp_bytes(), "WEBP", "image/webp", "webp"),
    (encode(gradient(), "GIF"), "GIF", "image/gif", "gif"),
])
def test_valid_images_are_described(data: bytes, fmt: str, mime: str, ext: str) -> None:
    info = check_image(data)
    assert (info.width, info.height, info.format, info.mime, info.ext) == (64, 48, fmt, mime, ext)


def test_alpha_is_detected() -> None:
    assert check_image(png_bytes(mode="RGBA")).has_alpha
    assert not check_image(png_bytes()).has_alpha


@pytest.mark.parametrize("maker", [png_bytes, jpeg_bytes, webp_bytes])
def test_a_truncated_download_is_corrupt_and_says_so(maker) -> None:
    data = maker((256, 256))
    with pytest.raises(CorruptImageError) as caught:
        check_image(data[: len(data) // 2], "image for job 7 from openai")
    assert "image for job 7 from openai" in str(caught.value)


def test_a_flipped_byte_in_png_data_fails_the_crc_check() -> None:
    data = bytearray(png_bytes((128, 128)))
    idat = data.index(b"IDAT")
    data[idat + 40] ^= 0xFF
    with pytest.raises(CorruptImageError, match="damaged or incomplete"):
        check_image(bytes(data))


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "0 bytes"),
    (b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "HTML page"),
    (b'{"error": {"message": "rate limited"}}', "JSON"),
    (b"\x00\x01garbage" * 10, "unknown format"),
])
def test_non_images_are_named_for_what_they_are(data: bytes, reason: str) -> None:
    with pytest.raises(CorruptImageError, match=reason):
        check_image(data)


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    with pytest.raises(ImageTooLargeError, match="decompression bomb"):
        check_image(bomb_png(100_000, 100_000))


def test_the_pixel_limit_is_a_parameter_not_global_state() -> None:
    data = png_bytes((64, 48))
    with pytest.raises(ImageTooLargeError, match="more than the 1,000 pixels"):
        check_image(data, max_pixels=1000)
    assert check_image(data).width == 64  # the default still applies elsewhere
