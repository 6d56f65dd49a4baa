"""Language-model help against a loopback Ollama (NDJSON /api/chat) and a loopback OpenAI
(SSE chat completions): which model is used, streaming, captions, explanations, the "no
text" rule, and plain messages when nothing is reachable."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from desktop.core.providers.base import ProviderError
from desktop.core.services import Services
from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.errors import ModelUnavailableError
from desktop.core.workflow.presets import StylePreset
from desktop.core.workflow.settings import WorkflowSettings
from desktop.core.workflow.suggestions import parse_suggestions
from tests.core.workflow.conftest import run_queue
from tests.fakes.ollama_chat_fake import FakeOllamaChat
from tests.fakes.openai_chat_fake import KEY, FakeOpenAIChat
from tests.fakes.server import free_port

pytestmark = pytest.mark.asyncio


def use(services: Services, **changes: object) -> None:
    services.workflow.save_settings(WorkflowSettings(**changes))


def no_ollama(services: Services) -> None:
    services.providers.env["OLLAMA_HOST"] = f"127.0.0.1:{free_port()}"


async def one_image(services: Services, prompt: str, rules: BrandRules | None = None) -> tuple[int, int]:
    wf = services.workflow
    project_id = await wf.projects.create(prompt[:20])
    if rules:
        await wf.projects.set_rules(project_id, rules)
    preset_id = await wf.projects.save_preset(project_id, StylePreset("Plain"))
    await wf.projects.enqueue_with_preset(project_id, preset_id, [prompt], sizes=["96x96"], provider="a1111")
    await run_queue(services)
    return project_id, wf.ctx.records.asset_ids(project_id)[0]


async def test_local_ollama_is_found_with_a_chat_and_a_vision_model(services: Services) -> None:
    status = await services.workflow.assist.status()
    assert status.text.label == "Ollama llama3.2:latest" and status.vision.model == "llava:latest"
    assert status.message == "suggestions from Ollama llama3.2:latest; images: Ollama llava:latest"


async def test_the_model_chosen_in_settings_is_used_and_a_missing_one_is_named(services: Services) -> None:
    use(services, ollama_model="llava")
    assert (await services.workflow.assist.status()).text.model == "llava:latest"
    use(services, ollama_model="qwen3:8b", backend="ollama")
    status = await services.workflow.assist.status()
    assert status.text is None and "has no model 'qwen3:8b'" in status.message


async def test_with_nothing_reachable_the_message_says_what_was_tried(services: Services) -> None:
    no_ollama(services)
    status = await services.workflow.assist.status()
    assert status.text is None
    assert status.message.startswith("No language model is reachable: Ollama at http://127.0.0.1:")
    assert status.message.endswith("; no OpenAI key is set")
    with pytest.raises(ModelUnavailableError, match="No language model is reachable"):
        [p async for p in services.workflow.assist.suggest("a fox")]


async def test_without_ollama_an_openai_key_takes_over_and_streams(services: Services) -> None:
    no_ollama(services)
    with FakeOpenAIChat() as openai:
        services.providers.env.update(OPENAI_API_KEY=KEY, OPENAI_BASE_URL=f"{openai.url}/v1")
        services.providers.reconfigure(services.config)
        openai.replies.append("IMPROVED: 一隻在雨中的狐狸，霓虹燈倒影\nNEGATIVE: 文字, 浮水印")
        pieces = [p async for p in services.workflow.assist.suggest("雨中的狐狸")]
        body = openai.chats[0]
    assert len(pieces) > 3
    ideas = parse_suggestions("".join(pieces))
    assert ideas.improved == ["一隻在雨中的狐狸，霓虹燈倒影"] and ideas.negatives == ["文字, 浮水印"]
    assert body["model"] == "gpt-4o-mini" and body["stream"] is True
    assert "雨中的狐狸" in body["messages"][-1]["content"]


async def test_a_refused_openai_key_is_an_auth_error_with_the_servers_words(services: Services) -> None:
    use(services, backend="openai")
    with FakeOpenAIChat() as openai:
        services.providers.env.update(OPENAI_API_KEY="sk-wrong", OPENAI_BASE_URL=f"{openai.url}/v1")
        services.providers.reconfigure(services.config)
        with pytest.raises(ProviderError) as caught:
            [p async for p in services.workflow.assist.suggest("a fox")]
    assert caught.value.status == 401 and "Incorrect API key provided" in str(caught.value)


async def test_an_error_in_the_middle_of_the_ollama_stream_is_raised(services: Services, ollama: FakeOllamaChat) -> None:
    ollama.default_reply = "IMPROVED: a long answer that breaks off"
    ollama.fail_after = 2
    got: list[str] = []
    with pytest.raises(ProviderError, match="error was encountered"):
        async for piece in services.workflow.assist.suggest("a fox"):
            got.append(piece)
    assert "".join(got) == "IMPROVED: a "


async def test_a_caption_comes_from_the_vision_model_and_is_kept(services: Services, ollama: FakeOllamaChat) -> None:
    _, asset_id = await one_image(services, "red lantern")
    ollama.script("llava:latest", "A red square with a white disc in the middle.")
    caption = await services.workflow.assist.caption(asset_id)
    assert caption == "A red square with a white disc in the middle."
    assert services.workflow.ctx.records.caption(asset_id) == caption
    sent = ollama.chats[-1]
    image = Image.open(io.BytesIO(base64.b64decode(sent["messages"][-1]["images"][0])))
    assert image.size == (96, 96) and sent["model"] == "llava:latest"


async def test_the_text_rule_asks_the_vision_model_for_every_new_image(services: Services, ollama: FakeOllamaChat) -> None:
    ollama.script("llava:latest", "YES. Big letters say SALE.")
    _, asset_id = await one_image(services, "red poster", BrandRules(text_free=True))
    check = services.workflow.checks.latest([asset_id])[asset_id]
    (rule,) = check.result.results
    assert not check.passed and rule.status == "fail" and "SALE" in rule.reason
    assert "visible text" in ollama.chats[-1]["messages"][-1]["content"]


async def test_the_text_rule_is_skipped_not_failed_without_a_vision_model(services: Services, ollama: FakeOllamaChat) -> None:
    ollama.models = {"llama3.2:latest": ["completion"]}
    _, asset_id = await one_image(services, "red poster", BrandRules(text_free=True, min_width=10))
    check = services.workflow.checks.latest([asset_id])[asset_id]
    text_rule = next(r for r in check.result.results if r.rule == "text_free")
    assert check.passed and text_rule.status == "skipped"
    assert "no vision model" in text_rule.reason or "vision" in text_rule.reason


async def test_a_failed_image_is_explained_by_a_model_that_sees_it(services: Services, ollama: FakeOllamaChat) -> None:
    _, asset_id = await one_image(services, "blue cup", BrandRules(required_words=("brand",)))
    ollama.script("llava:latest", "The prompt never names the brand; add it.")
    text = "".join([p async for p in services.workflow.assist.explain_failure(asset_id)])
    assert text == "The prompt never names the brand; add it."
    sent = ollama.chats[-1]["messages"][-1]
    assert "required_words: the prompt lacks required words: brand" in sent["content"]
    assert sent["images"]


@pytest.mark.parametrize(("answer", "improved", "alternatives", "negatives"), [
    ("**Improved:** a fox at dawn\n\n**Alternatives:**\n1. a fox in snow\n2) a fox in a city\n"
     "**Negative prompt:** blurry, text", ["a fox at dawn"], ["a fox in snow", "a fox in a city"],
     ["blurry, text"]),
    ("## IMPROVED\n- one\n## ALTERNATIVES\n* two\n• three\n**Negative prompts**\n- four",
     ["one"], ["two", "three"], ["four"]),
    ("改進：清晨的狐狸\n替代：\n- 雪中的狐狸\n負面提示詞：模糊", ["清晨的狐狸"], ["雪中的狐狸"], ["模糊"]),
    ("Sure! Here you go.\nIMPROVED:\n- x", ["x"], [], []),
])
async def test_suggestions_are_read_from_the_formats_models_actually_write(answer, improved, alternatives, negatives) -> None:
    ideas = parse_suggestions(answer)
    assert (ideas.improved, ideas.alternatives, ideas.negatives) == (improved, alternatives, negatives)
