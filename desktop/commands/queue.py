"""`main.py queue run|list|pause|resume|cancel|retry`: the persistent queue from a terminal."""

from __future__ import annotations

import argparse
import sys

from desktop.commands.common import add_library_option, guarded, print_table, run_with_services
from desktop.commands.runner import interrupted_message, run_until_done
from desktop.core.queue.queries import JobFilter


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("queue", help="run and manage the persistent job queue")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    run = actions.add_parser("run", help="run every pending job (including ones a crash interrupted)")
    add_library_option(run)
    run.set_defaults(func=guarded(_run))

    listing = actions.add_parser("list", help="list jobs (or batches with --batches)")
    add_library_option(listing)
    listing.add_argument("--state", action="append", default=[],
                         choices=["pending", "running", "succeeded", "failed", "cancelled", "paused"],
                         help="only jobs in this state (repeatable)")
    listing.add_argument("--batch", type=int, help="only this batch's jobs")
    listing.add_argument("--limit", type=int, default=50, help="at most this many lines (default 50)")
    listing.add_argument("--batches", action="store_true", help="one line per batch")
    listing.set_defaults(func=guarded(_list))

    for name, text in (("pause", "pause jobs, batches or (with --all) the whole queue"),
                       ("resume", "resume paused jobs, batches or (with --all) the whole queue"),
                       ("cancel", "cancel jobs or batches"),
                       ("retry", "retry failed or cancelled jobs")):
        p = actions.add_parser(name, help=text)
        add_library_option(p)
        p.add_argument("jobs", nargs="*", type=int, metavar="JOB_ID", help="job ids (see `queue list`)")
        p.add_argument("--batch", type=int, action="append", default=[], metavar="BATCH_ID",
                       help="every job of this batch (repeatable; see `queue list --batches`)")
        if name in ("pause", "resume"):
            p.add_argument("--all", action="store_true", help="the whole queue")
        if name == "retry":
            p.add_argument("--failed", action="store_true", help="every failed job")
        p.set_defaults(func=guarded(_change), change=name)


def _run(args: argparse.Namespace) -> int:
    async def work(services) -> int:
        if await run_until_done(services, None) == "interrupted":
            print(interrupted_message(services), file=sys.stderr)
            return 130
        counts = services.queue.queries.state_counts()
        print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "the queue is empty")
        if counts.get("pending") and services.queue.commands.global_paused():
            print("the queue is paused: `main.py queue resume --all` lets the pending jobs run",
                  file=sys.stderr)
        return 0 if not counts.get("failed") and not counts.get("pending") else 1

    return run_with_services(args, work)


def _list(args: argparse.Namespace) -> int:
    async def work(services) -> int:
        if args.batches:
            rows = [[b.id, b.name, b.total, b.succeeded, b.failed, b.pending + b.running,
                     "paused" if b.paused else "", f"${b.cost_usd:.2f}"]
                    for b in services.queue.batches()[: args.limit]]
            print_table(rows, ["batch", "name", "jobs", "ok", "failed", "left", "", "cost"])
            return 0
        where = JobFilter(states=tuple(args.state), batch_id=args.batch)
        jobs = services.queue.jobs(services.queue.job_ids(where)[: args.limit])
        rows = [[j.id, j.batch_id, j.state.value, j.provider, j.model, j.size,
                 _short(j.prompt, 40), j.attempts, f"${j.cost_usd:.3f}", _short(j.error_message or "", 50)]
                for j in jobs]
        print_table(rows, ["job", "batch", "state", "provider", "model", "size", "prompt", "tries",
                           "cost", "error"])
        return 0

    return run_with_services(args, work)


def _change(args: argparse.Namespace) -> int:
    async def work(services) -> int:
        q = services.queue
        if getattr(args, "all", False):
            await q.set_paused(args.change == "pause")
            print(f"queue {'paused' if args.change == 'pause' else 'resumed'}")
            return 0
        ids = list(args.jobs)
        unknown = _unknown(q, ids, args.batch)
        if unknown:
            print(unknown)
            ids = [job.id for job in q.jobs(ids)]
            args.batch = [b.id for b in q.batches(args.batch)] if args.batch else []
            if not ids and not args.batch and not getattr(args, "failed", False):
                return 1
        if args.batch and args.change in ("pause", "resume"):
            fn = q.pause_batches if args.change == "pause" else q.resume_batches
            await fn(args.batch)
            print(f"{args.change}d batch {', '.join(map(str, args.batch))}")
            if not ids:
                return 1 if unknown else 0
        for batch in args.batch:
            ids += q.job_ids(JobFilter(batch_id=batch))
        if getattr(args, "failed", False):
            ids += q.job_ids(JobFilter(states=("failed",)))
        if not ids:
            extra = {"retry": "--failed", "pause": "--all", "resume": "--all"}.get(args.change)
            print(f"nothing to do: name job ids, --batch or {extra}" if extra
                  else "nothing to do: name job ids or --batch")
            return 2
        changed = await getattr(q, args.change)(ids)
        print(f"{args.change}: {len(changed)} job(s) changed" +
              (f" ({len(set(ids)) - len(changed)} not in a state that allows it)" if len(changed) < len(set(ids)) else ""))
        return 1 if unknown else 0

    return run_with_services(args, work)


def _unknown(q, job_ids: list[int], batch_ids: list[int]) -> str:
    """'no job 9; no batch 4' for the ids named on the command line that the library lacks."""
    jobs = sorted(set(job_ids) - {job.id for job in q.jobs(job_ids)})
    batches = sorted(set(batch_ids) - {b.id for b in q.batches(batch_ids)}) if batch_ids else []
    return "; ".join([*(f"no job {i}" for i in jobs), *(f"no batch {i}" for i in batches)])


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
