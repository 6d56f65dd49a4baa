"""Spotting image bytes that are not a whole image before they leave an adapter."""

from __future__ import annotations

import pytest

from desktop.core.models import ErrorKind
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.image_bytes import require_whole_image, sniff_mime, truncation_problem
from desktop.core.providers.stability import StabilityImages
from tests.fakes.image_samples import sample_image


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp"])
def test_whole_images_are_recognised_and_pass(fmt):
    data = sample_image(fmt)
    assert sniff_mime(data) == f"image/{fmt}"
    assert truncation_problem(data) is None


def test_gif_is_recognised():
    assert sniff_mime(b"GIF89a" + b"\x00" * 10) == "image/gif"


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp"])
def test_a_cut_image_is_named_as_cut(fmt):
    data = sample_image(fmt)
    problem = truncation_problem(data[: len(data) - 9])
    assert problem and "cut short" in problem


def test_trailing_zero_padding_after_the_end_marker_is_tolerated():
    assert truncation_problem(sample_image("png") + b"\x00" * 16) is None


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "empty image"), (b"<html><body>502 Bad Gateway", "not an image (starts with '<html>"),
     (b'{"error": "x"}', "not an image")],
)
def test_pages_and_empty_bodies_are_not_images(data, words):
    assert words in truncation_problem(data)


def test_require_whole_image_raises_a_transient_error_from_the_provider():
    provider = StabilityImages(ProviderContext(http=None))
    assert require_whole_image(provider, sample_image("webp")) == "image/webp"
    with pytest.raises(ProviderError) as caught:
        require_whole_image(provider, sample_image("png")[:30], "image 2")
    exc = caught.value
    assert exc.kind is ErrorKind.TRANSIENT and exc.provider == "stability" and exc.message.startswith("image 2: ")
