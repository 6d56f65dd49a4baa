"""What we ask a language model for and how its answer is read: an improved prompt,
alternative directions and negative prompts from a brief or a prompt; a caption for
search; an explanation of why an image fails a brand rule.

The model is asked for three headed lists; the parser is lenient (markdown, numbering,
Chinese colons) because small local models drift from any format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.workflow.brand_check import RuleResult

SYSTEM = (
    "You are an art director helping a designer write prompts for image-generation models. "
    "Be concrete: subject, composition, light, palette, medium, mood. Answer in the same "
    "language as the designer's text. Use exactly this format:\n"
    "IMPROVED:\n- <one improved prompt>\n"
    "ALTERNATIVES:\n- <a different creative direction, as a full prompt>\n- <another>\n- <another>\n"
    "NEGATIVE:\n- <things to keep out of the image, comma-separated>"
)
CAPTION = (
    "Describe this image in one or two plain sentences for search: subject, setting, style, "
    "colours and light."
)
HEADINGS = {"improved": "improved", "improve": "improved", "better": "improved",
            "alternatives": "alternatives", "alternative": "alternatives",
            "directions": "alternatives", "negative": "negatives", "negatives": "negatives",
            "negative prompt": "negatives", "negative prompts": "negatives",
            "改進": "improved", "改良": "improved", "替代": "alternatives", "其他方向": "alternatives",
            "負面": "negatives", "負面提示詞": "negatives"}
_HEAD = re.compile(r"^\s*(?:#+\s*)?\**\s*([A-Za-z][A-Za-z ]*?|[\u4e00-\u9fff]+)\s*\**\s*[:：]\s*\**\s*(.*)$")
# A heading alone on its line, without a colon: "## Alternatives", "**Negative prompt**".
_BARE_HEAD = re.compile(r"^\s*(?:#+\s*|\*\*)\s*([A-Za-z][A-Za-z ]*?|[\u4e00-\u9fff]+)\s*\**\s*$")
_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)、])\s*(.+)$")


@dataclass(frozen=True)
class Suggestions:
    improved: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.improved or self.alternatives or self.negatives)


def suggestion_messages(text: str, *, is_brief: bool = False, style_hint: str = "",
                        brand_words: Sequence[str] = ()) -> list[dict[str, Any]]:
    what = "creative brief" if is_brief else "prompt"
    extra = f"\nThe project's style: {style_hint}" if style_hint else ""
    if brand_words:
        extra += f"\nEvery prompt must include: {', '.join(brand_words)}"
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"My {what}:\n{text.strip()}{extra}"}]


def parse_suggestions(text: str) -> Suggestions:
    found: dict[str, list[str]] = {"improved": [], "alternatives": [], "negatives": []}
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        head = _HEAD.match(line) or _BARE_HEAD.match(line)
        if head and head.group(1).strip().lower() in HEADINGS:
            section = HEADINGS[head.group(1).strip().lower()]
            rest = head.group(2).strip().strip("*").strip() if head.re is _HEAD else ""
            if rest:
                found[section].append(rest)
            continue
        if section is None:
            continue
        item = _ITEM.match(line)
        value = (item.group(1) if item else line).strip().strip("*").strip()
        if value:
            found[section].append(value)
    return Suggestions(found["improved"], found["alternatives"], found["negatives"])


def explain_messages(prompt: str, failures: Sequence[RuleResult], with_image: bool) -> list[dict[str, Any]]:
    lines = "\n".join(f"- {r.rule}: {r.reason}" for r in failures)
    look = "Look at the image and explain" if with_image else "Explain"
    return [
        {"role": "system", "content": "You review images against a brand's guidelines for a "
                                      "designer. Be brief and practical."},
        {"role": "user", "content": f"{look} in two or three sentences why this image fails "
                                    f"these brand rules, and how to change the prompt to fix "
                                    f"it.\nPrompt: {prompt}\nFailed rules:\n{lines}"},
    ]
