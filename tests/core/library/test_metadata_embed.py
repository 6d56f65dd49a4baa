"""Embedded metadata round-trips and, more importantly, is seen by other readers:
Pillow's own PNG text and EXIF parsing, a plain XML parser for XMP, raw TIFF structure."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from desktop.core.library.errors import CorruptImageError
from desktop.core.library.metadata import MetadataRecord, embed, read
from desktop.core.library.metadata.jpeg_segments import SOS, segments
from desktop.core.models import GenerationRequest
from tests.core.library.conftest import (
    CHINESE_NEGATIVE,
    CHINESE_PROMPT,
    encode,
    gradient,
    jpeg_bytes,
    png_bytes,
    webp_bytes,
)

TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
IPTC_EXT = "{http://iptc.org/std/Iptc4xmpExt/2008-02-29/}"
XMP_NS = "{http://ns.adobe.com/xap/1.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def record(request_zh: GenerationRequest) -> MetadataRecord:
    return MetadataRecord.from_request(request_zh, job_id=17, batch_id=3, created_at=1_760_000_000.5,
                                       source="prompts.csv:12", revised_prompt="一隻橘色的貓")


def xmp_fields(packet: bytes | str) -> dict[str, str]:
    """Read XMP the way any XML tool would, without our parser."""
    text = packet.decode("utf-8") if isinstance(packet, bytes) else packet
    root = ET.fromstring(text[text.index("<x:xmpmeta"): text.rindex("</x:xmpmeta>") + 12])
    desc = root.find(f".//{RDF}Description")
    assert desc is not None
    out = {
        "source_type": desc.get(f"{IPTC_EXT}DigitalSourceType", ""),
        "tool": desc.get(f"{XMP_NS}CreatorTool", ""),
    }
    li = desc.find(f"{DC}description/{RDF}Alt/{RDF}li")
    out["description"] = li.text if li is not None and li.text else ""
    return out


def check_infotext(text: str) -> None:
    lines = text.split("\n")
    assert lines[0] == CHINESE_PROMPT
    assert lines[1] == f"Negative prompt: {CHINESE_NEGATIVE}"
    params = lines[-1]
    for part in ("Steps: 30", "Sampler: DPM++ 2M Karras", "CFG scale: 6.5", "Seed: 4242",
                 "Size: 1024x1536", "Model: gpt-image-1", "Provider: openai"):
        assert part in params


def pixels(data: bytes) -> tuple[str, bytes]:
    with Image.open(io.BytesIO(data)) as im:
        return im.mode, im.tobytes()


def raw_user_comment(jpeg: bytes) -> tuple[int, bytes]:
    """(TIFF type, raw value) of UserComment, read straight from the APP1 bytes."""
    start = jpeg.index(b"Exif\x00\x00") + 6
    tiff = jpeg[start:]
    order = ">" if tiff[:2] == b"MM" else "<"

    def entries(offset: int):
        (count,) = struct.unpack_from(order + "H", tiff, offset)
        for i in range(count):
            yield struct.unpack_from(order + "HHII", tiff, offset + 2 + 12 * i)

    ifd0 = struct.unpack_from(order + "I", tiff, 4)[0]
    exif_ifd = next(value for tag, _t, _c, value in entries(ifd0) if tag == 0x8769)
    tag, typ, count, offset = next(e for e in entries(exif_ifd) if e[0] == 0x9286)
    return typ, tiff[offset: offset + count]


# -- PNG ----------------------------------------------------------------------------------
def test_png_parameters_are_readable_by_pillow_with_chinese_intact(record: MetadataRecord) -> None:
    data = embed(png_bytes(), "image/png", record)
    with Image.open(io.BytesIO(data)) as im:
        check_infotext(im.info["parameters"])
        assert json.loads(im.info["batch-image-generator"])["job_id"] == 17
        xmp = xmp_fields(im.info["XML:com.adobe.xmp"])
    assert xmp == {"source_type": TRAINED, "tool": "Batch Image Generator 0.1.0",
                   "description": CHINESE_PROMPT}


def test_png_metadata_sits_before_the_image_data_and_pixels_are_untouched(record: MetadataRecord) -> None:
    original = png_bytes((80, 60), mode="RGBA")
    data = embed(original, "image/png", record)
    assert data.index(b"parameters") < data.index(b"IDAT")
    assert data[data.index(b"IDAT") - 4:].startswith(original[original.index(b"IDAT") - 4:][:20])
    assert pixels(data) == pixels(original)


def test_embedding_twice_replaces_instead_of_duplicating(record: MetadataRecord) -> None:
    once = embed(png_bytes(), "image/png", record)
    twice = embed(once, "image/png", record.__class__.from_dict({**record.to_dict(), "seed": 9}))
    assert twice.count(b"parameters") == 1 and twice.count(b"XML:com.adobe.xmp") == 1
    assert read(twice).seed == 9


def test_an_ascii_png_prompt_uses_plain_text_chunks(request_zh: GenerationRequest) -> None:
    plain = MetadataRecord.from_request(request_zh.with_changes(prompt="a red fox", negative_prompt=""))
    data = embed(png_bytes(), "image/png", plain)
    assert b"tEXtparameters\x00a red fox\n" in data
    with Image.open(io.BytesIO(data)) as im:
        assert im.info["parameters"].startswith("a red fox\nSteps: 30")


# -- JPEG ---------------------------------------------------------------------------------
def test_jpeg_user_comment_is_unicode_undefined_and_readable_by_pillow(record: MetadataRecord) -> None:
    data = embed(jpeg_bytes(), "image/jpeg", record)
    with Image.open(io.BytesIO(data)) as im:
        comment = im.getexif().get_ifd(ExifTags.IFD.Exif)[0x9286]
        assert im.getexif()[0x0131] == "Batch Image Generator 0.1.0"  # Software
        xmp = xmp_fields(im.info["xmp"])
    assert comment[:8] == b"UNICODE\x00"
    check_infotext(comment[8:].decode("utf-16-be"))  # what A1111/piexif decode
    typ, raw = raw_user_comment(data)
    assert typ == 7 and raw == comment  # UNDEFINED, as the Exif spec says
    assert xmp == {"source_type": TRAINED, "tool": "Batch Image Generator 0.1.0",
                   "description": CHINESE_PROMPT}


def test_jpeg_is_not_recompressed(record: MetadataRecord) -> None:
    original = jpeg_bytes((120, 90))
    data = embed(original, "image/jpeg", record)
    _, sos_before, _ = segments(io.BytesIO(original))
    _, sos_after, _ = segments(io.BytesIO(data))
    assert data[sos_after] == 0xFF and data[sos_after + 1] == SOS
    assert data[sos_after:] == original[sos_before:]


def test_jpeg_keeps_existing_exif_such_as_orientation(record: MetadataRecord) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Camera Maker"
    data = embed(encode(gradient(), "JPEG", exif=exif.tobytes()), "image/jpeg", record)
    with Image.open(io.BytesIO(data)) as im:
        assert im.getexif()[0x0112] == 6 and im.getexif()[0x010F] == "Camera Maker"
    assert data.count(b"Exif\x00\x00") == 1


def test_an_ascii_jpeg_comment_uses_the_ascii_charset(request_zh: GenerationRequest) -> None:
    plain = MetadataRecord.from_request(request_zh.with_changes(prompt="a red fox", negative_prompt=""))
    typ, raw = raw_user_comment(embed(jpeg_bytes(), "image/jpeg", plain))
    assert raw.startswith(b"ASCII\x00\x00\x00a red fox\nSteps: 30")


@pytest.mark.parametrize("chars", [20_000, 40_000])
def test_a_prompt_too_long_for_one_jpeg_segment_still_round_trips(
    request_zh: GenerationRequest, chars: int
) -> None:
    long_prompt = ("貓" * chars)
    rec = MetadataRecord.from_request(request_zh.with_changes(prompt=long_prompt, negative_prompt=""))
    data = embed(jpeg_bytes(), "image/jpeg", rec)
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        assert TRAINED in im.info["xmp"].decode("utf-8")
    found = read(data)
    assert found.prompt.startswith("貓" * 1000) and found.model == "gpt-image-1"


# -- WebP ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("lossless", "mode"), [(True, "RGB"), (False, "RGB"), (True, "RGBA"), (False, "RGBA")])
def test_webp_gets_exif_and_xmp_without_reencoding(record: MetadataRecord, lossless: bool, mode: str) -> None:
    original = webp_bytes((70, 50), lossless=lossless, mode=mode)
    data = embed(original, "image/webp", record)
    assert data[12:16] == b"VP8X"
    assert pixels(data) == pixels(original)  # the same bitstream decodes to the same pixels
    with Image.open(io.BytesIO(data)) as im:
        exif = Image.Exif()
        exif.load(im.info["exif"])
        comment = exif.get_ifd(ExifTags.IFD.Exif)[0x9286]
        xmp = xmp_fields(im.info["xmp"])
    check_infotext(comment[8:].decode("utf-16-be"))
    assert xmp["source_type"] == TRAINED and xmp["description"] == CHINESE_PROMPT


def test_webp_that_already_has_metadata_gets_it_replaced(record: MetadataRecord) -> None:
    first = encode(gradient(), "WEBP", exif=Image.Exif().tobytes(), xmp=b"<x:xmpmeta/>")
    data = embed(first, "image/webp", record)
    assert data.count(b"EXIF") == 1 and data.count(b"XMP ") == 1
    assert read(data).record == record


# -- all formats --------------------------------------------------------------------------
@pytest.mark.parametrize("maker", [png_bytes, jpeg_bytes, webp_bytes])
def test_our_full_record_reads_back_equal(record: MetadataRecord, maker) -> None:
    found = read(embed(maker(), "", record))
    assert found.record == record
    assert found.source == "batch-image-generator" and found.warnings == []
    assert (found.prompt, found.negative_prompt, found.seed, found.size) == (
        CHINESE_PROMPT, CHINESE_NEGATIVE, 4242, (1024, 1536))
    assert found.digital_source_type == TRAINED
    assert found.extra["Quality"] == "high" and found.extra["Background"] == "transparent"


def test_other_formats_are_stored_unchanged(record: MetadataRecord) -> None:
    gif = encode(gradient(), "GIF")
    assert embed(gif, "image/gif", record) == gif


def test_a_damaged_container_is_a_corrupt_image(record: MetadataRecord) -> None:
    with pytest.raises(CorruptImageError, match="png"):
        embed(png_bytes()[:40], "image/png", record)
    with pytest.raises(CorruptImageError, match="jpeg"):
        embed(b"\xff\xd8\xff\xe0\x00", "image/jpeg", record)


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
@pytest.mark.parametrize(("maker", "ext"), [(png_bytes, "png"), (jpeg_bytes, "jpg"), (webp_bytes, "webp")])
def test_exiftool_reads_our_metadata_and_finds_the_file_valid(
    tmp_path: Path, record: MetadataRecord, maker, ext: str
) -> None:
    path = tmp_path / f"image.{ext}"
    path.write_bytes(embed(maker(), "", record))
    out = subprocess.run(["exiftool", "-j", "-a", "-validate", "-warning", "-DigitalSourceType",
                          "-Description", "-CreatorTool", "-UserComment", "-Parameters", str(path)],
                         capture_output=True, timeout=60, check=True)
    tags = json.loads(out.stdout.decode("utf-8"))[0]
    assert tags["Validate"] == "OK", tags
    assert tags["DigitalSourceType"] == TRAINED and tags["Description"] == CHINESE_PROMPT
    assert tags["CreatorTool"] == "Batch Image Generator 0.1.0"
    infotext = tags["Parameters"] if ext == "png" else tags["UserComment"]
    check_infotext(infotext)
