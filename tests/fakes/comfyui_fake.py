"""ComfyUI on loopback: `/prompt` validates API-format graphs like ComfyUI does (400 with
`node_errors`), `/history/{id}` stays `{}` until the prompt finishes, succeeds, fails with an
`execution_error`, is interrupted or never finishes; `/view`, `/queue`, `/interrupt`,
`/system_stats`, `/models/checkpoints` and `/object_info/CheckpointLoaderSimple`.

Wire format: /work/shared/providers.md §9b. Every route is also served under `/api`.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer, tiny_png

NODE_INPUTS = {
    "CheckpointLoaderSimple": {"ckpt_name"},
    "CLIPTextEncode": {"text", "clip"},
    "EmptyLatentImage": {"width", "height", "batch_size"},
    "KSampler": {"seed", "steps", "cfg", "sampler_name", "scheduler", "denoise", "model",
                 "positive", "negative", "latent_image"},
    "VAEDecode": {"samples", "vae"},
    "SaveImage": {"images", "filename_prefix"},
    "PreviewImage": {"images"},
}
INT_INPUTS = {"seed", "steps", "width", "height", "batch_size"}
OUTPUT_NODES = {"SaveImage", "PreviewImage"}
LINK_INPUTS = {"clip", "model", "positive", "negative", "latent_image", "samples", "vae", "images"}
OUTCOMES = {"succeed", "error", "interrupted", "never"}


@dataclass
class QueuedPrompt:
    id: str
    number: int
    graph: dict[str, Any]
    outcome: str
    polls_before_done: int
    polls: int = 0
    done: bool = False
    files: list[dict[str, str]] = field(default_factory=list)


class FakeComfyUI(FakeServer):
    def __init__(self) -> None:
        self.image = tiny_png(color=(240, 110, 30))
        self._state = threading.Lock()
        self.reset()
        super().__init__()

    def reset(self) -> None:
        self.checkpoints = ["sd_xl_base_1.0.safetensors", "dreamshaper_8.safetensors"]
        self.models_endpoint = True  # False: an older ComfyUI without /models/{folder}
        self.prompts: dict[str, QueuedPrompt] = {}
        self.outcome = "succeed"
        self.polls_before_done = 1
        self.exception_message = "Allocation on device 0 would exceed allowed memory. (out of memory)"
        self.deleted: list[str] = []
        self.interrupts: list[dict[str, Any]] = []
        self._number = 0
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeComfyUI:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True  # no 40 ms ACK stalls
        return self

    def script(self, outcome: str, polls_before_done: int = 1) -> None:
        assert outcome in OUTCOMES, outcome
        self.outcome, self.polls_before_done = outcome, polls_before_done

    def setup_routes(self) -> None:
        for prefix in ("", "/api"):
            self.route("POST", f"{prefix}/prompt", self._prompt)
            self.route("GET", f"{prefix}/history/{{pid}}", self._history)
            self.route("GET", f"{prefix}/view", self._view)
            self.route("GET", f"{prefix}/queue", self._queue)
            self.route("POST", f"{prefix}/queue", self._queue_edit)
            self.route("POST", f"{prefix}/interrupt", self._interrupt)
            self.route("GET", f"{prefix}/system_stats", self._stats)
            self.route("GET", f"{prefix}/models/checkpoints", self._checkpoints)
            self.route("GET", f"{prefix}/object_info/{{node}}", self._object_info)

    # -- queueing ----------------------------------------------------------------------------
    def _prompt(self, req: FakeRequest) -> FakeResponse:
        try:
            body = req.json()
        except ValueError:
            return _refused("invalid_prompt", "Invalid prompt", "body is not JSON")
        graph = body.get("prompt") if isinstance(body, dict) else None
        if not isinstance(graph, dict):
            return _refused("no_prompt", "No prompt provided", "No prompt provided")
        for node_id, node in graph.items():
            class_type = node.get("class_type") if isinstance(node, dict) else None
            if class_type not in NODE_INPUTS:
                return _refused("invalid_prompt",
                                f"Cannot execute because node {class_type} does not exist.",
                                f"Node ID '#{node_id}'")
        if not any(n["class_type"] in OUTPUT_NODES for n in graph.values()):
            return _refused("prompt_no_outputs", "Prompt has no outputs", "")
        node_errors = {nid: {"errors": errors, "dependent_outputs": _outputs(graph),
                             "class_type": node["class_type"]}
                       for nid, node in graph.items() if (errors := self._node_errors(graph, node))}
        if node_errors:
            return FakeResponse.json({"error": {"type": "prompt_outputs_failed_validation",
                                                "message": "Prompt outputs failed validation",
                                                "details": "", "extra_info": {}},
                                      "node_errors": node_errors}, 400)
        with self._state:
            self._number += 1
            queued = QueuedPrompt(str(uuid.uuid4()), self._number, graph, self.outcome,
                                  self.polls_before_done)
            self.prompts[queued.id] = queued
        return FakeResponse.json({"prompt_id": queued.id, "number": queued.number,
                                  "node_errors": {}})

    def _node_errors(self, graph: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
        inputs, errors = node.get("inputs") or {}, []
        for name in sorted(NODE_INPUTS[node["class_type"]] - set(inputs)):
            errors.append(_node_error("required_input_missing", "Required input is missing", name))
        for name, value in inputs.items():
            if name in LINK_INPUTS and not (isinstance(value, list) and len(value) == 2
                                            and str(value[0]) in graph):
                errors.append(_node_error("bad_linked_input", "Bad linked input, must be a "
                                          "length-2 list of [node_id, slot_index]", name))
            elif name in INT_INPUTS and not isinstance(value, int):
                errors.append(_node_error("invalid_input_type", "Failed to convert an input "
                                          "value to a INT value", f"{name}, {value}"))
            elif name == "cfg" and not isinstance(value, int | float):
                errors.append(_node_error("invalid_input_type", "Failed to convert an input "
                                          "value to a FLOAT value", f"cfg, {value}"))
        if node["class_type"] == "CheckpointLoaderSimple" and \
                inputs.get("ckpt_name") not in self.checkpoints:
            errors.append(_node_error("value_not_in_list", "Value not in list",
                                      f"ckpt_name: '{inputs.get('ckpt_name')}' not in "
                                      f"{self.checkpoints}"))
        return errors

    # -- history and results -----------------------------------------------------------------
    def _history(self, req: FakeRequest) -> FakeResponse:
        with self._state:
            queued = self.prompts.get(req.params["pid"])
            if queued is None:
                return FakeResponse.json({})
            queued.polls += 1
            if not queued.done and queued.outcome != "never" and \
                    queued.polls > queued.polls_before_done:
                queued.done = True
            if not queued.done:
                return FakeResponse.json({})
            return FakeResponse.json({queued.id: self._entry(queued)})

    def _entry(self, queued: QueuedPrompt) -> dict[str, Any]:
        now = int(time.time() * 1000)
        start = ["execution_start", {"prompt_id": queued.id, "timestamp": now}]
        outputs: dict[str, Any] = {}
        if queued.outcome == "succeed":
            for nid, node in queued.graph.items():
                if node["class_type"] in OUTPUT_NODES:
                    kind = "output" if node["class_type"] == "SaveImage" else "temp"
                    prefix = node["inputs"].get("filename_prefix", "ComfyUI")
                    image = {"filename": f"{prefix}_{queued.number:05}_.png", "subfolder": "",
                             "type": kind}
                    queued.files.append(image)
                    outputs[nid] = {"images": [image]}
            status = {"status_str": "success", "completed": True, "messages": [
                start, ["execution_success", {"prompt_id": queued.id, "timestamp": now}]]}
        elif queued.outcome == "error":
            status = {"status_str": "error", "completed": False, "messages": [start, [
                "execution_error", {
                    "prompt_id": queued.id, "node_id": "3", "node_type": "KSampler",
                    "executed": ["4", "5", "6", "7"], "exception_message": self.exception_message,
                    "exception_type": "torch.OutOfMemoryError", "traceback": ["  File ..."],
                    "current_inputs": {}, "current_outputs": {}, "timestamp": now}]]}
        else:
            status = {"status_str": "error", "completed": False, "messages": [start, [
                "execution_interrupted", {"prompt_id": queued.id, "node_id": "3",
                                          "node_type": "KSampler", "executed": [],
                                          "timestamp": now}]]}
        return {"prompt": [queued.number, queued.id, queued.graph, {"client_id": "x"},
                           list(outputs)],
                "outputs": outputs, "status": status, "meta": {}}

    def _view(self, req: FakeRequest) -> FakeResponse:
        wanted = {k: (req.query.get(k) or [""])[0] for k in ("filename", "subfolder", "type")}
        with self._state:
            known = [f for q in self.prompts.values() for f in q.files]
        if wanted not in known:
            return FakeResponse(404, b"")
        return FakeResponse.raw(self.image, "image/png")

    # -- queue control ---------------------------------------------------------------------------
    def _unfinished(self) -> list[QueuedPrompt]:
        return sorted((q for q in self.prompts.values() if not q.done), key=lambda q: q.number)

    def _queue(self, _req: FakeRequest) -> FakeResponse:
        with self._state:
            waiting = [[q.number, q.id, q.graph, {}, _outputs(q.graph)] for q in self._unfinished()]
        return FakeResponse.json({"queue_running": waiting[:1], "queue_pending": waiting[1:]})

    def _queue_edit(self, req: FakeRequest) -> FakeResponse:
        body = req.json()
        with self._state:
            running = self._unfinished()[:1]
            for pid in body.get("delete") or []:
                queued = self.prompts.get(pid)
                if queued and queued not in running and not queued.done:
                    del self.prompts[pid]
                    self.deleted.append(pid)
        return FakeResponse(200, b"")

    def _interrupt(self, req: FakeRequest) -> FakeResponse:
        body = req.json() if req.body else {}
        with self._state:
            self.interrupts.append(body)
            running = self._unfinished()[:1]
            for queued in running:
                if body.get("prompt_id") in (None, queued.id):
                    queued.outcome, queued.done = "interrupted", True
        return FakeResponse(200, b"")

    # -- information -----------------------------------------------------------------------------
    def _stats(self, _req: FakeRequest) -> FakeResponse:
        return FakeResponse.json({
            "system": {"os": "posix", "ram_total": 68_719_476_736, "ram_free": 40_000_000_000,
                       "comfyui_version": "0.3.60", "python_version": "3.12.3",
                       "pytorch_version": "2.7.1+cu128", "embedded_python": False,
                       "argv": ["main.py", "--listen", "127.0.0.1"]},
            "devices": [{"name": "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync",
                         "type": "cuda", "index": 0, "vram_total": 25_757_220_864,
                         "vram_free": 24_000_000_000, "torch_vram_total": 0,
                         "torch_vram_free": 0}],
        })

    def _checkpoints(self, _req: FakeRequest) -> FakeResponse:
        if not self.models_endpoint:
            return FakeResponse(404, b"404: Not Found", {"Content-Type": "text/plain"})
        return FakeResponse.json(list(self.checkpoints))

    def _object_info(self, req: FakeRequest) -> FakeResponse:
        if req.params["node"] != "CheckpointLoaderSimple":
            return FakeResponse.json({})
        return FakeResponse.json({"CheckpointLoaderSimple": {
            "input": {"required": {"ckpt_name": [list(self.checkpoints),
                                                 {"tooltip": "The name of the checkpoint"}]}},
            "output": ["MODEL", "CLIP", "VAE"], "name": "CheckpointLoaderSimple",
            "category": "loaders", "output_node": False,
        }})


def _outputs(graph: dict[str, Any]) -> list[str]:
    return [nid for nid, n in graph.items() if n.get("class_type") in OUTPUT_NODES]


def _node_error(kind: str, message: str, name: str) -> dict[str, Any]:
    return {"type": kind, "message": message, "details": name,
            "extra_info": {"input_name": name.split(",")[0]}}


def _refused(kind: str, message: str, details: str) -> FakeResponse:
    return FakeResponse.json({"error": {"type": kind, "message": message, "details": details,
                                        "extra_info": {}}, "node_errors": {}}, 400)
