"""From prompt rows to job specs: dynamic-prompt syntax (`{a|b}`, `{2$$a|b|c}`, `__wildcard__`)
expanded by the dynamicprompts library, times each row's count, up to a job cap.

Combinatorial mode makes every combination, each `count` times; random mode samples one
prompt for each of the row's `count` images. A row with a seed gives seed, seed+1, ... to its
copies; without one the seed stays None and the queue picks it. Checks that depend on
providers (sizes, models, prices) come in as callables, so this module knows no provider.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dynamicprompts.generators import CombinatorialPromptGenerator, RandomPromptGenerator

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.prompts.preview import Duplicate, ExpansionPreview, ProviderTally
from desktop.core.prompts.types import Problem, PromptRow, ReadResult
from desktop.core.prompts.wildcards import RecordingWildcardManager, WildcardLibrary

Validate = Callable[[GenerationRequest], list[str]]
Estimate = Callable[[GenerationRequest], "float | None"]
_MAX_EXPANSIONS_FACTOR = 8  # when validation turns expansions down, look this far for good ones


@dataclass(frozen=True)
class ExpansionOptions:
    """How to expand, and the defaults for what a row leaves empty."""

    mode: Literal["combinatorial", "random"] = "combinatorial"
    max_jobs: int = 1000
    wildcards_dir: Path | None = None
    seed: int | None = None  # random mode: the same seed gives the same picks
    provider: str | None = None
    model: str | None = None  # for `provider`; other providers use `provider_models`
    width: int = 1024
    height: int = 1024
    count: int = 1
    quality: str | None = None
    provider_models: Mapping[str, str] = field(default_factory=dict)


def expand_rows(
    rows: Iterable[PromptRow] | ReadResult,
    options: ExpansionOptions = ExpansionOptions(),
    *,
    validate: Validate | None = None,
    estimate: Estimate | None = None,
    known_providers: set[str] | None = None,
    wildcards: WildcardLibrary | None = None,
    problems: Iterable[Problem] = (),
) -> ExpansionPreview:
    """Expand rows into specs and a preview. A `ReadResult` brings its reading problems along;
    `wildcards` (already loaded) saves re-reading `options.wildcards_dir` on every call."""
    found: list[Problem] = list(problems)
    if isinstance(rows, ReadResult):
        found.extend(rows.problems)
        rows = rows.rows
    rows = list(rows)
    if wildcards is None:
        wildcards = WildcardLibrary.load(options.wildcards_dir)
    found.extend(wildcards.problems)
    run = _Expansion(options, wildcards, validate, estimate, known_providers, found)
    for index, row in enumerate(rows):
        if run.full:
            left = len(rows) - index
            if not run.cap_note:
                run.cap_note = (
                    f"job cap of {options.max_jobs} reached after {rows[index - 1].source}"
                )
            run.cap_note += f"; {left} more row{'s' if left != 1 else ''} not expanded"
            break
        run.expand(row)
    return run.preview(len(rows))


class _Expansion:
    """The state of one `expand_rows` call (never shared between calls)."""

    def __init__(
        self,
        options: ExpansionOptions,
        wildcards: WildcardLibrary,
        validate: Validate | None,
        estimate: Estimate | None,
        known_providers: set[str] | None,
        problems: list[Problem],
    ) -> None:
        self.options = options
        self.wildcards = wildcards
        self.manager: RecordingWildcardManager = wildcards.manager()
        self.combinatorial = CombinatorialPromptGenerator(wildcard_manager=self.manager)
        self.random = RandomPromptGenerator(wildcard_manager=self.manager, seed=options.seed)
        self.validate = validate
        self.estimate = estimate
        self.known_providers = known_providers
        self.problems = problems
        self.specs: list[JobSpec] = []
        self.origins: dict[str, list[tuple[str, int]]] = {}  # request JSON -> (source, expansion)
        self.checked: dict[str, list[str]] = {}  # request JSON -> validation messages
        self.tallies: dict[str, ProviderTally] = {}
        self.cap_note = ""
        self.notes: list[str] = []

    @property
    def full(self) -> bool:
        return len(self.specs) >= self.options.max_jobs

    def expand(self, row: PromptRow) -> None:
        provider = row.provider or self.options.provider
        if not provider:
            self._problem(row, "no provider: add a provider column or choose a default provider")
            return
        if self.known_providers is not None and provider not in self.known_providers:
            known = ", ".join(sorted(self.known_providers)) or "none"
            self._problem(row, f"unknown provider {provider!r} (known: {known})")
            return
        count = row.count or self.options.count
        base = self._base_request(row, provider)
        reported: set[str] = set()
        random_mode = self.options.mode == "random"
        room = self.options.max_jobs - len(self.specs)
        # One expansion past the room left, to know whether the cap cut anything; more
        # only when validation turned some down, doubling up to a bound.
        wanted = min(count, room + 1) if random_mode else room // count + 1
        done = 0
        while True:
            prompts = self._prompts(row, wanted)
            if prompts is None:
                return
            for expansion in range(done, len(prompts)):
                prompt = prompts[expansion].strip()
                if not prompt:
                    self._problem(row, f"expansion {expansion + 1} of the prompt is empty")
                    continue
                for copy in [expansion] if random_mode else range(count):
                    if self.full:
                        self._note_cap(row, expansion, count)
                        return
                    seed = None if row.seed is None else row.seed + copy
                    request = base.with_changes(prompt=prompt, seed=seed)
                    self._add(row, request, 0 if random_mode else expansion, reported)
            done = len(prompts)
            if random_mode or done < wanted:
                return
            if wanted >= _MAX_EXPANSIONS_FACTOR * self.options.max_jobs:
                self.notes.append(f"{row.source}: stopped expanding after {done} expansions")
                return
            wanted *= 2

    def _prompts(self, row: PromptRow, wanted: int) -> list[str] | None:
        self.manager.missing.clear()
        try:
            if self.options.mode == "random":
                prompts = self.random.generate(row.prompt, num_images=wanted)
            else:
                prompts = self.combinatorial.generate(row.prompt, max_prompts=wanted)
        except Exception as error:  # dynamicprompts raises parse and lookup errors of many types
            self._problem(row, f"cannot expand the prompt: {_expansion_error(error)}")
            return None
        if self.manager.missing:
            self._problem(row, self._missing_message(self.manager.missing))
            return None
        return prompts

    def _base_request(self, row: PromptRow, provider: str) -> GenerationRequest:
        options = self.options
        model = row.model or (options.model if provider == options.provider else None)
        return GenerationRequest(
            provider=provider,
            model=model or options.provider_models.get(provider, ""),
            prompt=row.prompt,
            negative_prompt=row.negative_prompt,
            width=row.width or options.width,
            height=row.height or options.height,
            steps=row.steps,
            cfg_scale=row.cfg_scale,
            quality=row.quality or options.quality,
            style=row.style,
        )

    def _add(
        self, row: PromptRow, request: GenerationRequest, expansion: int, reported: set[str]
    ) -> None:
        key = request.to_json()
        if self.validate is not None:
            if key not in self.checked:
                self.checked[key] = list(self.validate(request))
            messages = self.checked[key]
            for message in messages:
                if message not in reported:
                    reported.add(message)
                    self._problem(row, message)
            if messages:
                return
        tags = tuple(f"{k}={v}" for k, v in row.tags.items())
        self.specs.append(JobSpec(request, row.source, row.name or "", tags, row.style))
        self.origins.setdefault(key, []).append((row.source, expansion))
        self._count_cost(request)

    def _count_cost(self, request: GenerationRequest) -> None:
        tally = self.tallies.get(request.provider) or ProviderTally(request.provider)
        usd = self.estimate(request) if self.estimate is not None else None
        self.tallies[request.provider] = ProviderTally(
            tally.provider,
            tally.jobs + 1,
            tally.priced_jobs + (usd is not None),
            tally.estimated_usd + (usd or 0.0),
        )

    def _note_cap(self, row: PromptRow, expansion: int, count: int) -> None:
        if not self.cap_note:
            self.cap_note = (
                f"job cap of {self.options.max_jobs} reached at {row.source} "
                f"(expansion {expansion + 1}); the rest of that row was left out"
            )

    def _missing_message(self, missing: list[str]) -> str:
        names = ", ".join(f"__{name}__" for name in missing)
        if self.wildcards.folder is None:
            where = "no wildcards folder is set"
        elif not self.wildcards.values:
            where = f"the wildcards folder {self.wildcards.folder} has no .txt files"
        else:
            known = self.wildcards.names()
            shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
            where = f"known: {shown}"
        word = "wildcard" if len(missing) == 1 else "wildcards"
        return f"unknown {word} {names} ({where})"

    def _problem(self, row: PromptRow, message: str) -> None:
        file = row.source.rpartition(":")[0] or row.source
        self.problems.append(Problem(file, row.line, None, message))

    def preview(self, rows: int) -> ExpansionPreview:
        duplicates = [
            Duplicate(
                self._request_of(key),
                tuple(dict.fromkeys(source for source, _ in origins)),
                len(origins),
            )
            for key, origins in self.origins.items()
            if len(set(origins)) > 1
        ]
        return ExpansionPreview(
            specs=self.specs,
            problems=self.problems,
            duplicates=duplicates,
            by_provider=dict(self.tallies),
            rows=rows,
            mode=self.options.mode,
            max_jobs=self.options.max_jobs,
            capped=bool(self.cap_note),
            cap_note=self.cap_note or None,
            notes=self.notes,
        )

    def _request_of(self, key: str) -> GenerationRequest:
        return GenerationRequest.from_json(key)


def _expansion_error(error: Exception) -> str:
    location = getattr(error, "loc", None)
    if isinstance(location, int):  # a pyparsing error: point at the character
        return (
            f"check the {{ | }} and __wildcard__ syntax near character {location + 1} "
            f"({getattr(error, 'msg', error)})"
        )
    if isinstance(error, KeyError):
        return str(error.args[0]) if error.args else "unknown name"
    return f"{type(error).__name__}: {error}"
