"""What a batch would be before anything is queued: the jobs, identical requests, problems,
and per-provider job counts with estimated cost, plus a text table for `batch --dry-run`."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.prompts.types import Problem


@dataclass(frozen=True, slots=True)
class Duplicate:
    """One request that more than one row (or expansion of a row) would make."""

    request: GenerationRequest
    sources: tuple[str, ...]  # where each colliding copy came from, e.g. ("a.csv:3", "a.csv:7")
    jobs: int  # how many specs carry this request


@dataclass(frozen=True, slots=True)
class ProviderTally:
    """Jobs for one provider and what they are estimated to cost."""

    provider: str
    jobs: int = 0
    priced_jobs: int = 0  # jobs with a known estimate; the rest are "unknown"
    estimated_usd: float = 0.0

    @property
    def fully_priced(self) -> bool:
        return self.priced_jobs == self.jobs

    def cost_text(self) -> str:
        if self.priced_jobs == 0:
            return "unknown"
        text = _usd(self.estimated_usd)
        if not self.fully_priced:
            text += f" + unknown for {self.jobs - self.priced_jobs}"
        return text


@dataclass(frozen=True)
class ExpansionPreview:
    """The outcome of expanding prompt rows; `specs` are ready for `QueueService.enqueue`."""

    specs: list[JobSpec]
    problems: list[Problem]
    duplicates: list[Duplicate]
    by_provider: dict[str, ProviderTally]
    rows: int  # prompt rows that were considered
    mode: str = "combinatorial"
    max_jobs: int = 1000
    capped: bool = False
    cap_note: str | None = None  # where the cap cut the batch and what was left out
    notes: list[str] = field(default_factory=list)

    @property
    def estimated_usd(self) -> float:
        return sum(t.estimated_usd for t in self.by_provider.values())

    @property
    def fully_priced(self) -> bool:
        return all(t.fully_priced for t in self.by_provider.values())

    def summary_lines(self, max_listed: int = 50) -> list[str]:
        """A readable plain-text summary: jobs, the per-provider table, duplicates, problems."""
        lines = [
            f"Jobs: {len(self.specs)} from {self.rows} prompt rows ({self.mode} expansion, "
            f"cap {self.max_jobs})"
        ]
        if self.cap_note:
            lines.append(f"  {self.cap_note}")
        lines.extend(f"  {note}" for note in self.notes)
        lines.extend(self._provider_table())
        lines.extend(self._duplicate_lines(max_listed))
        if self.problems:
            lines.append(f"Problems: {len(self.problems)} (rows with problems are left out)")
            lines.extend(f"  {p}" for p in self.problems[:max_listed])
            if len(self.problems) > max_listed:
                lines.append(f"  ... and {len(self.problems) - max_listed} more")
        else:
            lines.append("Problems: none")
        return lines

    def job_lines(self, max_listed: int = 50) -> list[str]:
        """One line a job: where it came from, provider/model, size, seed, prompt."""
        lines = [f"Job list ({len(self.specs)}):"] if self.specs else []
        for spec in self.specs[:max_listed]:
            r = spec.request
            seed = "random" if r.seed is None else str(r.seed)
            one_line = " ".join(r.prompt.splitlines())  # a quoted CSV cell may hold line breaks
            prompt = one_line if len(one_line) <= 70 else one_line[:67] + "..."
            lines.append(f"  {spec.source or '-'}: {r.provider}/{r.model or '-'} {r.size} seed {seed}: {prompt}")
        if len(self.specs) > max_listed:
            lines.append(f"  ... and {len(self.specs) - max_listed} more (--list-all shows every job)")
        return lines

    def _provider_table(self) -> list[str]:
        if not self.by_provider:
            return []
        tallies = sorted(self.by_provider.values(), key=lambda t: (-t.jobs, t.provider))
        total = ProviderTally(
            "total",
            sum(t.jobs for t in tallies),
            sum(t.priced_jobs for t in tallies),
            self.estimated_usd,
        )
        width = max(len("Provider"), *(len(t.provider) for t in tallies))
        lines = [f"{'Provider':<{width}}  {'Jobs':>6}  Estimated USD"]
        for tally in [*tallies, total]:
            lines.append(f"{tally.provider:<{width}}  {tally.jobs:>6}  {tally.cost_text()}")
        return lines

    def _duplicate_lines(self, max_listed: int) -> list[str]:
        if not self.duplicates:
            return ["Duplicates: none"]
        jobs = sum(d.jobs for d in self.duplicates)
        lines = [
            f"Duplicates: {_plural(len(self.duplicates), 'identical request')} from more than "
            f"one row or expansion ({_plural(jobs, 'job')})"
        ]
        for dup in self.duplicates[:max_listed]:
            request = dup.request
            seed = "random" if request.seed is None else request.seed
            prompt = request.prompt if len(request.prompt) <= 60 else request.prompt[:57] + "..."
            lines.append(
                f"  {', '.join(dup.sources)}: {request.provider} {request.model or '-'} "
                f"{request.size} seed {seed}: {prompt!r}"
            )
        if len(self.duplicates) > max_listed:
            lines.append(f"  ... and {len(self.duplicates) - max_listed} more")
        return lines


def _usd(amount: float) -> str:
    return f"${amount:,.2f}" if amount >= 1 else f"${amount:.4f}"


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
