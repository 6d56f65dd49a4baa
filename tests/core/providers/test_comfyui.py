"""ComfyUI adapter against the loopback ComfyUI fake, over real HTTP."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.comfyui import ComfyUIImages
from desktop.core.providers.comfyui_graph import build_txt2img
from tests.fakes.comfyui_fake import FakeComfyUI
from tests.fakes.server import free_port

SDXL = "sd_xl_base_1.0.safetensors"


@pytest.fixture(scope="module")
def server():
    with FakeComfyUI() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake, http, *, base: str | None = None, **options) -> ComfyUIImages:
    settings = ProviderSettings(options={"poll_interval_s": 0.01, **options})
    return ComfyUIImages(ProviderContext(http=http, settings=settings,
                                         env={"COMFYUI_BASE_URL": base or fake.url}))


def sdxl(**changes) -> GenerationRequest:
    return GenerationRequest("comfyui", SDXL, "a glass teapot", negative_prompt="blurry",
                             width=832, height=1216, seed=1234, steps=25,
                             cfg_scale=6.0).with_changes(**changes)


def queued_graph(fake) -> dict:
    return fake.requests_to("/prompt")[0].json()["prompt"]


async def fails(provider, request) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await provider.generate(request)
    return info.value


@pytest.mark.asyncio
async def test_builtin_graph_generates_and_downloads_the_saved_image(fake, http):
    seen: list[float] = []
    result = await make(fake, http).generate(sdxl(params={"sampler_name": "dpmpp_2m",
                                                          "scheduler": "karras"}), seen.append)
    assert result.images[0].data == fake.image and result.images[0].seed == 1234
    assert result.cost_usd == 0.0 and seen[-1] == 1.0
    graph = queued_graph(fake)
    assert graph == build_txt2img(sdxl(), SDXL, 1234, sampler="dpmpp_2m", scheduler="karras")
    assert graph["3"]["inputs"]["sampler_name"] == "dpmpp_2m"
    assert graph["5"]["inputs"] == {"width": 832, "height": 1216, "batch_size": 1}
    view = fake.requests_to("/view")[0]
    # (the empty subfolder= is sent too; the fake's query parser drops blank values)
    assert view.query == {"filename": ["batchgen_00001_.png"], "type": ["output"]}
    assert len(fake.requests_to("/history/")) == 2  # {} once, then the finished entry


@pytest.mark.asyncio
async def test_without_a_model_the_first_checkpoint_is_used(fake, http):
    await make(fake, http).generate(sdxl(model=""))
    assert queued_graph(fake)["4"]["inputs"]["ckpt_name"] == SDXL


@pytest.mark.asyncio
async def test_refresh_lists_checkpoints_as_models_even_on_older_servers(fake, http):
    provider = make(fake, http)
    assert provider.capabilities().models == ()
    await provider.refresh()
    assert [m.id for m in provider.capabilities().models] == fake.checkpoints
    fake.models_endpoint = False
    fake.checkpoints = ["old_model.ckpt"]
    assert await provider.refresh() == ("old_model.ckpt",)
    assert fake.requests_to("/object_info/CheckpointLoaderSimple")


@pytest.mark.asyncio
async def test_an_unknown_checkpoint_is_a_bad_request_with_the_node_message(fake, http):
    exc = await fails(make(fake, http), sdxl(model="missing.safetensors"))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 400
    assert exc.code == "prompt_outputs_failed_validation"
    assert "node 4 (CheckpointLoaderSimple): Value not in list: ckpt_name: " \
           "'missing.safetensors'" in exc.message


@pytest.mark.asyncio
async def test_an_execution_error_is_transient_with_the_exception_message(fake, http):
    fake.script("error", polls_before_done=2)
    exc = await fails(make(fake, http), sdxl())
    assert exc.kind is ErrorKind.TRANSIENT
    assert exc.message == ("ComfyUI node 3 (KSampler) failed: Allocation on device 0 would "
                           "exceed allowed memory. (out of memory)")


@pytest.mark.asyncio
async def test_an_interrupted_prompt_is_cancelled(fake, http):
    fake.script("interrupted")
    assert (await fails(make(fake, http), sdxl())).kind is ErrorKind.CANCELLED


@pytest.mark.asyncio
async def test_a_prompt_that_never_finishes_times_out_and_is_interrupted(fake, http):
    fake.script("never")
    provider = make(fake, http)
    provider.ctx.settings.timeout_s = 0.2
    exc = await fails(provider, sdxl())
    assert exc.kind is ErrorKind.TRANSIENT and "within 0.2 s" in exc.message
    (pid,) = fake.prompts
    assert fake.interrupts == [{"prompt_id": pid}]


@pytest.mark.asyncio
async def test_cancelling_a_running_prompt_interrupts_it(fake, http):
    fake.script("never")
    task = asyncio.create_task(make(fake, http).generate(sdxl()))
    while len(fake.requests_to("/history/")) < 2:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    (pid,) = fake.prompts
    assert fake.interrupts == [{"prompt_id": pid}]


@pytest.mark.asyncio
async def test_cancelling_a_waiting_prompt_removes_it_without_interrupting_others(fake, http):
    fake.script("never")
    other = await http.post(f"{fake.url}/prompt", json={"prompt": build_txt2img(sdxl(), SDXL, 1)})
    other_id = other.json()["prompt_id"]
    task = asyncio.create_task(make(fake, http).generate(sdxl()))
    while len(fake.requests_to("/history/")) < 2:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    (mine,) = fake.deleted
    assert mine != other_id and fake.interrupts == []
    assert other_id in fake.prompts


@pytest.mark.asyncio
async def test_a_user_workflow_gets_its_placeholders_filled_with_types(fake, http, tmp_path):
    workflow = build_txt2img(sdxl(), SDXL, 0)
    workflow["6"]["inputs"]["text"] = "masterpiece, {prompt}"
    workflow["7"]["inputs"]["text"] = "{negative_prompt}"
    workflow["4"]["inputs"]["ckpt_name"] = "{checkpoint}"
    workflow["5"]["inputs"].update(width="{width}", height="{height}")
    workflow["3"]["inputs"].update(steps="{steps}", cfg="{cfg}")
    text = json.dumps(workflow, indent=1).replace('"seed": 0', '"seed": {seed}')  # bare, not JSON
    path = tmp_path / "我的工作流.json"
    path.write_text(text, "utf-8")
    request = sdxl(prompt="a cat saying {seed}", params={"workflow_path": str(path)})
    result = await make(fake, http).generate(request)
    graph = queued_graph(fake)
    assert graph["6"]["inputs"]["text"] == "masterpiece, a cat saying {seed}"
    assert graph["7"]["inputs"]["text"] == "blurry"
    assert graph["4"]["inputs"]["ckpt_name"] == SDXL
    assert graph["5"]["inputs"] == {"width": 832, "height": 1216, "batch_size": 1}
    assert graph["3"]["inputs"]["seed"] == 1234 and graph["3"]["inputs"]["steps"] == 25
    assert graph["3"]["inputs"]["cfg"] == 6.0
    assert result.images[0].data == fake.image


@pytest.mark.asyncio
async def test_an_unfilled_placeholder_is_refused_by_comfyui_itself(fake, http, tmp_path):
    workflow = build_txt2img(sdxl(), SDXL, 0)
    workflow["6"]["inputs"]["text"] = "{prompt}"
    workflow["3"]["inputs"]["steps"] = "{stepz}"
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(workflow), "utf-8")
    exc = await fails(make(fake, http, workflow_path=str(path)), sdxl())
    assert exc.kind is ErrorKind.BAD_REQUEST
    assert "node 3 (KSampler): Failed to convert an input value to a INT value" in exc.message


@pytest.mark.asyncio
@pytest.mark.parametrize(("content", "expected"), [
    ('{"3": {"class_type": "KSampler", "inputs": {}}}', "has no {prompt} placeholder"),
    ('{"nodes": [], "links": [], "x": "{prompt}"}', "UI-format workflow"),
    ('{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{prompt}"}},\n  oops}',
     "bad.json:2:3: not valid JSON"),
])
async def test_unusable_workflow_files_are_bad_requests_naming_the_file(
        fake, http, tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    exc = await fails(make(fake, http, workflow_path=str(path)), sdxl())
    assert exc.kind is ErrorKind.BAD_REQUEST and expected in exc.message
    assert not fake.requests_to("/prompt")


@pytest.mark.asyncio
async def test_a_missing_workflow_file_is_a_bad_request(fake, http, tmp_path):
    exc = await fails(make(fake, http), sdxl(params={"workflow_path": str(tmp_path / "nope.json")}))
    assert exc.kind is ErrorKind.BAD_REQUEST and "nope.json" in exc.message


@pytest.mark.asyncio
async def test_check_reports_ok_unreachable_and_wrong_base_url(fake, http):
    ok = await make(fake, http).check()
    assert ok.status == "ok" and ok.detail["comfyui_version"] == "0.3.60"
    assert ok.detail["checkpoints"] == fake.checkpoints
    dead = await make(fake, http, base=f"http://127.0.0.1:{free_port()}").check()
    assert dead.status == "unreachable"
    wrong = await make(fake, http, base=f"{fake.url}/not-comfy").check()
    assert wrong.status == "wrong_base_url", wrong.message
