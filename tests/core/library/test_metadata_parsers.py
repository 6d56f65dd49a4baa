"""Reading other tools' metadata from fixture images built the way those tools write them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import ExifTags, Image, PngImagePlugin

from desktop.core.library.metadata import read
from desktop.core.library.metadata.exif import decode_user_comment
from desktop.core.library.metadata.infotext import parse_infotext
from tests.core.library.conftest import encode, gradient, png_bytes

A1111_TEXT = (
    "masterpiece, 1girl, 繁體中文提示詞\n"
    "(detailed background:1.2)\n"
    "Negative prompt: lowres, bad anatomy\n"
    "second negative line\n"
    'Steps: 28, Sampler: DPM++ 2M Karras, Schedule type: Karras, CFG scale: 7.5, Seed: 3141592653, '
    'Size: 832x1216, Model hash: 6ce0161689, Model: sdxl_base, '
    'Lora hashes: "detail: 1a2b3c, style: 4d5e6f", Version: v1.10.1'
)


def png_with_text(**texts: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    for key, value in texts.items():
        info.add_text(key, value)  # Pillow picks tEXt or iTXt, as A1111/ComfyUI do
    return encode(gradient(), "PNG", pnginfo=info)


def jpeg_with_user_comment(raw_comment: bytes) -> bytes:
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[0x9286] = raw_comment
    return encode(gradient(), "JPEG", exif=exif.tobytes())


# -- A1111 --------------------------------------------------------------------------------
def test_a1111_png_parameters_are_parsed_into_fields() -> None:
    found = read(png_with_text(parameters=A1111_TEXT))
    assert found.source == "a1111"
    assert found.prompt == "masterpiece, 1girl, 繁體中文提示詞\n(detailed background:1.2)"
    assert found.negative_prompt == "lowres, bad anatomy\nsecond negative line"
    assert (found.steps, found.sampler, found.cfg_scale, found.seed) == (28, "DPM++ 2M Karras", 7.5, 3141592653)
    assert (found.size, found.model) == ((832, 1216), "sdxl_base")
    assert found.extra["Lora hashes"] == "detail: 1a2b3c, style: 4d5e6f"  # quoted value unquoted
    assert found.extra["Model hash"] == "6ce0161689"
    assert found.parameters == A1111_TEXT and found.warnings == []


def test_a1111_jpeg_user_comment_as_piexif_writes_it() -> None:
    raw = b"UNICODE\x00" + A1111_TEXT.encode("utf-16-be")
    found = read(jpeg_with_user_comment(raw))
    assert found.source == "a1111" and found.seed == 3141592653
    assert found.prompt.startswith("masterpiece, 1girl, 繁體中文提示詞")


def test_a_little_endian_unicode_comment_is_still_decoded() -> None:
    raw = b"UNICODE\x00" + A1111_TEXT.encode("utf-16-le")
    assert decode_user_comment(raw, ">") == A1111_TEXT
    assert read(jpeg_with_user_comment(raw)).model == "sdxl_base"


def test_a_camera_comment_is_not_mistaken_for_generation_parameters() -> None:
    found = read(jpeg_with_user_comment(b"ASCII\x00\x00\x00Holiday in Tainan"))
    assert found.source is None and found.prompt == ""
    assert found.texts["UserComment"] == "Holiday in Tainan"


def test_infotext_without_a_parameters_line_gives_the_prompt_and_a_warning() -> None:
    found = read(png_with_text(parameters="just a prompt, nothing else"))
    assert found.prompt == "just a prompt, nothing else" and found.seed is None
    assert any("no parameters line" in w for w in found.warnings)


def test_malformed_numbers_become_warnings_not_exceptions() -> None:
    info = parse_infotext("p\nSteps: many, Seed: 12, CFG scale: x, Size: 5x5")
    assert info.params["Steps"] == "many"
    found = read(png_with_text(parameters="p\nSteps: many, Seed: 12, CFG scale: x, Size: 5x5"))
    assert found.seed == 12 and found.steps is None and found.cfg_scale is None
    assert sum("is not a number" in w for w in found.warnings) == 2


# -- ComfyUI ------------------------------------------------------------------------------
COMFY_API = {
    "3": {"class_type": "KSampler", "inputs": {
        "seed": 156680208700286, "steps": 20, "cfg": 8.0, "sampler_name": "euler",
        "scheduler": "normal", "denoise": 1.0, "model": ["10", 0], "positive": ["6", 0],
        "negative": ["7", 0], "latent_image": ["5", 0]}},
    "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "v1-5-pruned-emaonly.safetensors"}},
    "10": {"class_type": "LoraLoader", "inputs": {"model": ["4", 0], "clip": ["4", 1],
                                                  "lora_name": "style.safetensors"}},
    "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 768, "batch_size": 1}},
    "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "beautiful scenery, 山水畫", "clip": ["10", 1]}},
    "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark", "clip": ["10", 1]}},
    "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
    "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}},
}


def test_comfyui_api_graph_is_walked_from_the_sampler() -> None:
    found = read(png_with_text(prompt=json.dumps(COMFY_API, ensure_ascii=False), workflow="{}"))
    assert found.source == "comfyui"
    assert (found.prompt, found.negative_prompt) == ("beautiful scenery, 山水畫", "text, watermark")
    assert (found.seed, found.steps, found.cfg_scale, found.sampler) == (156680208700286, 20, 8.0, "euler")
    assert found.model == "v1-5-pruned-emaonly.safetensors"  # through the LoRA loader
    assert found.size == (512, 768)


def test_comfyui_model_is_found_through_a_long_lora_chain() -> None:
    graph = {k: dict(v) for k, v in COMFY_API.items()}
    graph["3"] = {**graph["3"], "inputs": {**graph["3"]["inputs"], "model": ["105", 0]}}
    for i in range(101, 106):  # five LoRAs, each loading from the previous one
        graph[str(i)] = {"class_type": "LoraLoaderModelOnly",
                         "inputs": {"model": [str(i - 1) if i > 101 else "4", 0], "lora_name": f"l{i}"}}
    graph["6"] = {"class_type": "CLIPTextEncode", "inputs": {"text": "x", "clip": ["50", 0]}}
    graph["50"] = {"class_type": "CLIPLoader", "inputs": {"clip_name": "t5.safetensors"}}
    assert read(png_with_text(prompt=json.dumps(graph))).model == "v1-5-pruned-emaonly.safetensors"


def test_comfyui_custom_sampler_with_guider_noise_and_controlnet() -> None:
    graph = {
        "13": {"class_type": "SamplerCustomAdvanced", "inputs": {
            "noise": ["25", 0], "guider": ["22", 0], "sampler": ["16", 0], "sigmas": ["17", 0],
            "latent_image": ["27", 0]}},
        "25": {"class_type": "RandomNoise", "inputs": {"noise_seed": 777}},
        "22": {"class_type": "CFGGuider", "inputs": {"model": ["12", 0], "positive": ["30", 0],
                                                     "negative": ["30", 1], "cfg": 3.5}},
        "30": {"class_type": "ControlNetApplyAdvanced", "inputs": {
            "positive": ["6", 0], "negative": ["7", 0], "control_net": ["31", 0], "image": ["32", 0]}},
        "6": {"class_type": "CLIPTextEncode", "inputs": {"text": ["40", 0], "clip": ["11", 0]}},
        "40": {"class_type": "PrimitiveString", "inputs": {"value": "a lighthouse at dawn"}},
        "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "fog", "clip": ["11", 0]}},
        "16": {"class_type": "KSamplerSelect", "inputs": {"sampler_name": "dpmpp_2m"}},
        "17": {"class_type": "BasicScheduler", "inputs": {"steps": 24, "model": ["12", 0]}},
        "12": {"class_type": "UNETLoader", "inputs": {"unet_name": "flux1-dev.safetensors"}},
        "27": {"class_type": "EmptySD3LatentImage", "inputs": {"width": 1024, "height": 576}},
    }
    found = read(png_with_text(prompt=json.dumps(graph)))
    assert (found.prompt, found.negative_prompt) == ("a lighthouse at dawn", "fog")
    assert (found.seed, found.steps, found.cfg_scale, found.sampler) == (777, 24, 3.5, "dpmpp_2m")
    assert (found.model, found.size) == ("flux1-dev.safetensors", (1024, 576))


def test_comfyui_workflow_alone_is_used_when_there_is_no_api_graph() -> None:
    workflow = {
        "nodes": [
            {"id": 3, "type": "KSampler", "inputs": [
                {"name": "model", "link": 1}, {"name": "positive", "link": 4},
                {"name": "negative", "link": 6}, {"name": "latent_image", "link": 2}],
             "widgets_values": [42, "fixed", 25, 6.0, "euler_ancestral", "karras", 1.0]},
            {"id": 4, "type": "CheckpointLoaderSimple", "widgets_values": ["dreamshaper_8.safetensors"]},
            {"id": 5, "type": "EmptyLatentImage", "widgets_values": [640, 960, 1]},
            {"id": 6, "type": "CLIPTextEncode", "widgets_values": ["a koi pond"]},
            {"id": 7, "type": "CLIPTextEncode", "widgets_values": ["ugly"]},
        ],
        "links": [[1, 4, 0, 3, 0, "MODEL"], [2, 5, 0, 3, 3, "LATENT"],
                  [4, 6, 0, 3, 1, "CONDITIONING"], [6, 7, 0, 3, 2, "CONDITIONING"]],
    }
    found = read(png_with_text(workflow=json.dumps(workflow)))
    assert found.source == "comfyui"
    assert (found.prompt, found.negative_prompt, found.seed, found.steps) == ("a koi pond", "ugly", 42, 25)
    assert (found.cfg_scale, found.sampler, found.model, found.size) == (
        6.0, "euler_ancestral", "dreamshaper_8.safetensors", (640, 960))


@pytest.mark.parametrize("broken", ['{"3": {"class_type": "KSampler"', "[1, 2, 3]", '{"1": {"class_type": "VAEDecode"}}'])
def test_broken_comfyui_graphs_give_warnings_not_exceptions(broken: str) -> None:
    found = read(png_with_text(prompt=broken))
    assert found.warnings and found.seed is None


# -- InvokeAI -----------------------------------------------------------------------------
def test_invokeai_metadata_chunk() -> None:
    meta = {"generation_mode": "txt2img", "positive_prompt": "a cozy cabin, 雪景",
            "negative_prompt": "blurry", "width": 1024, "height": 1024, "seed": 1234567,
            "cfg_scale": 5.5, "steps": 30, "scheduler": "dpmpp_3m_k",
            "model": {"key": "abc", "name": "Juggernaut XL v9", "base": "sdxl"}}
    found = read(png_with_text(invokeai_metadata=json.dumps(meta, ensure_ascii=False)))
    assert found.source == "invokeai"
    assert (found.prompt, found.negative_prompt, found.seed) == ("a cozy cabin, 雪景", "blurry", 1234567)
    assert (found.model, found.size, found.steps, found.cfg_scale, found.sampler) == (
        "Juggernaut XL v9", (1024, 1024), 30, 5.5, "dpmpp_3m_k")


def test_invokeai_2_sd_metadata_chunk() -> None:
    meta = {"model_weights": "stable-diffusion-1.5", "image": {
        "prompt": [{"prompt": "a red barn", "weight": 1.0}], "seed": 99, "steps": 50,
        "cfg_scale": 7.5, "width": 512, "height": 512, "sampler": "k_lms"}}
    found = read(png_with_text(**{"sd-metadata": json.dumps(meta)}))
    assert (found.prompt, found.seed, found.model, found.sampler) == ("a red barn", 99, "stable-diffusion-1.5", "k_lms")


def test_invokeai_bad_json_is_a_warning() -> None:
    found = read(png_with_text(invokeai_metadata="{not json"))
    assert found.source is None and any("InvokeAI" in w for w in found.warnings)


# -- XMP and damaged input ----------------------------------------------------------------
def test_xmp_only_images_give_the_description_as_prompt() -> None:
    xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
           '<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia'
           '</Iptc4xmpExt:DigitalSourceType><dc:description><rdf:Alt><rdf:li xml:lang="zh-TW">一座橋</rdf:li>'
           '</rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>')
    found = read(encode(gradient(), "JPEG", xmp=xmp.encode("utf-8")))
    assert (found.source, found.prompt) == ("xmp", "一座橋")
    assert found.digital_source_type.endswith("trainedAlgorithmicMedia")


def test_malformed_xmp_is_a_warning() -> None:
    found = read(encode(gradient(), "JPEG", xmp=b"<x:xmpmeta><unclosed></x:xmpmeta>"))
    assert any("XMP" in w for w in found.warnings) and found.source is None


def test_a_damaged_record_falls_back_to_the_parameters_text() -> None:
    found = read(png_with_text(parameters=A1111_TEXT, **{"batch-image-generator": "{oops"}))
    assert found.record is None and found.source == "a1111" and found.seed == 3141592653
    assert any("record is damaged" in w for w in found.warnings)


def test_a_truncated_file_still_yields_what_came_before_the_cut() -> None:
    data = png_with_text(parameters=A1111_TEXT)
    found = read(data[: data.index(b"IDAT") + 20])
    assert found.seed == 3141592653
    assert any("truncated" in w for w in found.warnings)


def test_reading_a_path_and_a_missing_path(tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(png_with_text(parameters=A1111_TEXT))
    assert read(image).model == "sdxl_base"
    assert read(str(image)).pixel_size == (64, 48)
    missing = read(tmp_path / "nope.png")
    assert missing.source is None and "cannot read the file" in missing.warnings[0]


@pytest.mark.parametrize("junk", [b"", b"hello", b"\x89PNG\r\n\x1a\n\x00\x00", b"RIFF\x00\x00\x00\x00WEBP"])
def test_junk_never_raises(junk: bytes) -> None:
    found = read(junk)
    assert not found.found and found.warnings


def test_an_image_without_metadata_reads_as_nothing_found() -> None:
    found = read(png_bytes())
    assert not found.found and found.warnings == [] and found.pixel_size == (64, 48)
