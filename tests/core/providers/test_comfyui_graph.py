"""Filling a user's ComfyUI API-format workflow from placeholders (no server needed)."""

from __future__ import annotations

import pytest

from desktop.core.providers.comfyui_graph import WorkflowError, fill_workflow

VALUES = {"prompt": "紅色燈籠", "negative_prompt": "", "seed": 42, "width": 512, "height": 768,
          "steps": 12, "cfg": 4.5, "checkpoint": "a.safetensors"}


def test_whole_string_placeholders_become_typed_values_and_text_ones_stay_text():
    graph = fill_workflow(
        '{"1": {"class_type": "KSampler", "inputs": {"seed": "{seed}", "cfg": "{cfg}", '
        '"note": "seed={seed} size={width}x{height}", "text": "{prompt}"}}}', VALUES)
    assert graph["1"]["inputs"] == {"seed": 42, "cfg": 4.5, "note": "seed=42 size=512x768",
                                    "text": "紅色燈籠"}


def test_bare_numeric_placeholders_are_filled_before_parsing():
    graph = fill_workflow('{"1": {"class_type": "K", "inputs": {"steps": {steps}, '
                          '"text": "{prompt}"}}}', VALUES)
    assert graph["1"]["inputs"]["steps"] == 12


def test_a_saved_prompt_request_body_is_accepted():
    graph = fill_workflow('{"prompt": {"9": {"class_type": "X", "inputs": {"t": "{prompt}"}}}, '
                          '"client_id": "abc"}', VALUES)
    assert graph == {"9": {"class_type": "X", "inputs": {"t": "紅色燈籠"}}}


def test_a_node_without_class_type_is_refused_with_its_id():
    with pytest.raises(WorkflowError, match="node '2' has no class_type"):
        fill_workflow('{"2": {"inputs": {"t": "{prompt}"}}}', VALUES, "w.json")


def test_unknown_braces_are_left_alone():
    graph = fill_workflow('{"1": {"class_type": "X", "inputs": {"t": "{prompt} {style}"}}}', VALUES)
    assert graph["1"]["inputs"]["t"] == "紅色燈籠 {style}"
