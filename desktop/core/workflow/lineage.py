"""The family tree of an image: original -> variants -> variants of variants, with each
image's latest decision (picked, rejected, ...). Leaf siblings whose requests differ only
by seed collapse into one node that counts them, so a tree of 40 reseeds stays readable.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop.core.workflow.records import AssetFacts

# Request fields that change between reseeds without changing the idea.
SEED_ONLY_FIELDS = ("seed",)


@dataclass
class LineageNode:
    asset: AssetFacts
    status: str = ""  # latest pick | reject | approve | request_changes, or ""
    children: list[LineageNode] = field(default_factory=list)
    same_but_seed: list[AssetFacts] = field(default_factory=list)  # collapsed siblings

    @property
    def asset_id(self) -> int:
        return self.asset.id

    @property
    def collapsed_count(self) -> int:
        return len(self.same_but_seed)

    def walk(self) -> list[LineageNode]:
        out = [self]
        for child in self.children:
            out += child.walk()
        return out

    def find(self, asset_id: int) -> LineageNode | None:
        return next((n for n in self.walk()
                     if n.asset.id == asset_id or any(a.id == asset_id for a in n.same_but_seed)), None)


def seedless_key(asset: AssetFacts) -> str:
    """The request without its seed: two assets with equal keys differ only by seed."""
    try:
        data = json.loads(asset.request_json or "{}")
    except ValueError:
        data = {}
    if not data:
        data = {"provider": asset.provider, "model": asset.model, "prompt": asset.prompt,
                "negative_prompt": asset.negative_prompt, "width": asset.width, "height": asset.height}
    for name in SEED_ONLY_FIELDS:
        data.pop(name, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def build_tree(assets: Sequence[AssetFacts], statuses: Mapping[int, str] | None = None,
               collapse: bool = True) -> list[LineageNode]:
    """Roots (usually one) of the family in `assets`, children oldest first."""
    statuses = statuses or {}
    ids = {a.id for a in assets}
    nodes = {a.id: LineageNode(a, statuses.get(a.id, "")) for a in assets}
    roots: list[LineageNode] = []
    for asset in sorted(assets, key=lambda a: (a.created_at, a.id)):
        node = nodes[asset.id]
        if asset.parent_id in ids and asset.parent_id != asset.id:
            nodes[asset.parent_id].children.append(node)
        else:
            roots.append(node)
    if collapse:
        for node in nodes.values():
            node.children = _collapse(node.children)
    return roots


def _collapse(children: list[LineageNode]) -> list[LineageNode]:
    """Group leaf siblings by their seedless request; the group shows its picked (or
    approved) member if it has one, else its oldest."""
    groups: dict[str, list[LineageNode]] = {}
    kept: list[LineageNode | str] = []
    for child in children:
        if child.children:
            kept.append(child)
            continue
        key = seedless_key(child.asset)
        if key not in groups:
            groups[key] = []
            kept.append(key)
        groups[key].append(child)
    out = []
    for item in kept:
        if isinstance(item, LineageNode):
            out.append(item)
            continue
        members = groups[item]
        shown = next((m for m in members if m.status in ("pick", "approve")), members[0])
        shown.same_but_seed = [m.asset for m in members if m is not shown]
        out.append(shown)
    return out
