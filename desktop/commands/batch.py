"""`main.py batch FILE...`: read prompt files, show the expansion, queue and run them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import add_library_option, fail, guarded, run_with_services
from desktop.commands.runner import format_duration, interrupted_message, run_until_done
from desktop.core.queue.intake import Intake, IntakeDefaults, parse_size
from desktop.core.queue.queries import JobFilter
from desktop.core.queue.types import BatchOptions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="generate images from prompt files (txt, csv, tsv, jsonl, json, xlsx)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--provider", help="provider for rows that name none (see `providers list`)")
    p.add_argument("--model", help="model for rows that name none")
    p.add_argument("--size", help="WIDTHxHEIGHT for rows that name none, e.g. 1024x1024")
    p.add_argument("--count", type=int, default=1, help="images per prompt for rows that name none")
    p.add_argument("--quality", help="quality for providers that take one (low, medium, high...)")
    add_library_option(p)
    p.add_argument("--dry-run", action="store_true", help="show the expansion and estimate; run nothing")
    p.add_argument("--list-all", action="store_true", help="with --dry-run: list every job, not the first 50")
    p.add_argument("--budget", type=float, metavar="USD", help="pause the batch before it would cost more")
    p.add_argument("--fallback", metavar="P1,P2", help="providers to try, in order, when one refuses or is down")
    p.add_argument("--mode", choices=["combinatorial", "random"], default="combinatorial",
                   help="how {a|b} choices expand (default: every combination)")
    p.add_argument("--max-jobs", type=int, help="cap on the number of jobs the expansion may make")
    p.add_argument("--wildcards", type=Path, metavar="DIR", help="folder of __wildcard__ .txt files")
    p.add_argument("--name", help="batch name (default: the file names)")
    p.add_argument("--priority", type=int, default=0,
                   help="higher runs first among waiting jobs (default 0; negative waits behind others)")
    p.add_argument("--fresh", action="store_true", help="never reuse an identical earlier image")
    p.add_argument("--no-run", action="store_true", help="queue the jobs and return without running them")
    p.set_defaults(func=guarded(_batch))


def _defaults(args: argparse.Namespace) -> IntakeDefaults:
    width = height = None
    if args.size:
        width, height = parse_size(args.size)
    return IntakeDefaults(
        provider=args.provider, model=args.model, width=width, height=height, count=args.count,
        quality=args.quality, mode=args.mode, max_jobs=args.max_jobs, wildcards_dir=args.wildcards,
    )


def _batch(args: argparse.Namespace) -> int:
    if args.provider:
        args.provider = args.provider.strip().lower()  # as a provider column is read ("OpenAI")
    try:
        defaults = _defaults(args)
    except ValueError as exc:
        return fail(f"--size: {exc}")
    if args.count < 1:
        return fail("--count must be at least 1")
    if args.budget is not None and args.budget < 0:
        return fail("--budget must be 0 or more (US dollars)")
    if args.max_jobs is not None and args.max_jobs < 1:
        return fail("--max-jobs must be at least 1")
    fallback = tuple(p.strip().lower() for p in (args.fallback or "").split(",") if p.strip())

    async def work(services) -> int:
        known = services.providers.names()
        if args.provider and args.provider not in known:
            return fail(f"--provider: unknown provider {args.provider!r} (known: {', '.join(sorted(known))})")
        unknown = [name for name in fallback if name not in known]
        if unknown:
            return fail(f"--fallback: unknown provider {', '.join(map(repr, unknown))} "
                        f"(known: {', '.join(sorted(known))})")
        intake = Intake(services.providers, services.prices, services.config)
        preview = intake.preview_files(args.files, defaults)
        for line in preview.summary_lines():
            print(line)
        if args.dry_run:
            for line in preview.job_lines(len(preview.specs) if args.list_all else 50):
                print(line)
            return 0 if preview.specs else 1
        if not preview.specs:
            return fail("nothing to queue: every row had a problem (see above)")
        options = BatchOptions(
            name=args.name or ", ".join(f.name for f in args.files), source="; ".join(map(str, args.files)),
            priority=args.priority, budget_usd=args.budget, allow_cache=not args.fresh,
            fallback=fallback,
        )
        batch_id, job_ids = await services.queue.enqueue(preview.specs, options)
        print(f"Queued batch {batch_id}: {len(job_ids)} job(s) in {services.root}")
        if args.no_run:
            return 0
        if await run_until_done(services, [batch_id]) == "interrupted":
            print(interrupted_message(services), file=sys.stderr)
            return 130
        return _summary(services, batch_id)

    return run_with_services(args, work)


def _summary(services, batch_id: int) -> int:
    (batch,) = services.queue.batches([batch_id])
    took = (batch.finished_at or 0) - batch.created_at if batch.finished_at else None
    print(f"Batch {batch_id}: {batch.succeeded} succeeded, {batch.failed} failed, {batch.cancelled} cancelled, "
          f"{batch.pending + batch.paused_jobs} not run; cost ${batch.cost_usd:.2f}"
          + (f"; took {format_duration(took)}" if took else ""))
    if batch.pause_reason:
        print(f"  paused: {batch.pause_reason}")
    failed = services.queue.jobs(services.queue.job_ids(JobFilter(states=("failed",), batch_id=batch_id)))
    for job in failed[:20]:
        print(f"  job {job.id} ({job.source or job.provider}): {job.error_message}", file=sys.stderr)
    if len(failed) > 20:
        print(f"  ... and {len(failed) - 20} more failed; `main.py queue list --state failed`", file=sys.stderr)
    waiting = batch.pending + batch.paused_jobs
    if waiting and services.queue.commands.global_paused():
        print(f"  {waiting} job(s) wait because the queue is paused: `main.py queue resume --all`, "
              "then `main.py queue run`", file=sys.stderr)
    elif waiting:
        print(f"  {waiting} job(s) wait in the queue; fix the cause above and run `main.py queue run`",
              file=sys.stderr)
    return 0 if batch.succeeded == batch.total else 1
