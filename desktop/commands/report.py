"""`main.py report TYPE --format ... --out FILE` writes one report headless;
`main.py report list` names the report types."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import (
    add_library_option,
    fail,
    guarded,
    library_root,
    load_config,
    open_database,
    print_table,
)
from desktop.core.analytics.filters import Filter, FilterError, local_offset, parse_date
from desktop.core.analytics.roi import RoiInputs
from desktop.core.analytics.service import AnalyticsService
from desktop.core.reports.catalog import REPORT_TYPES
from desktop.core.reports.request import Format, ReportError, ReportRequest
from desktop.core.reports.service import ReportService
from desktop.core.reports.templates import Template


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="write a usage, provider, project, batch, failure, forecast or audit report",
                            description="Write one report headless, or `report list` for the types.")
    parser.add_argument("type", metavar="TYPE", choices=["list", *[t.key for t in REPORT_TYPES]],
                        help="list, or one of: " + ", ".join(t.key for t in REPORT_TYPES))
    parser.add_argument("--format", choices=[f.value for f in Format], help="default: from the --out suffix")
    parser.add_argument("--template", choices=[t.value for t in Template], default="detailed",
                        help="brief, detailed (default) or client (without costs)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-11-01")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day (included)")
    parser.add_argument("--project", metavar="P", help="project id or name")
    parser.add_argument("--batch", type=int, metavar="B", help="batch id (the batch report's batch)")
    parser.add_argument("--provider", help="only this provider")
    parser.add_argument("--model", help="only this model")
    parser.add_argument("--profile", metavar="U", help="user profile id or name")
    parser.add_argument("--budget", type=float, metavar="USD", help="monthly budget to compare spend with")
    parser.add_argument("--hours-per-image", type=float, metavar="H", help="design hours an accepted image saves")
    parser.add_argument("--hourly-rate", type=float, metavar="USD", help="value of an hour of design time")
    parser.add_argument("--weeks", type=int, default=4, help="weeks to forecast (default 4)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="the file to write")
    add_library_option(parser)
    parser.set_defaults(func=guarded(_report))


def _report(args: argparse.Namespace) -> int:
    if args.type == "list":
        print_table([[t.key, t.title, t.description] for t in REPORT_TYPES], ["type", "title", "contents"])
        return 0
    if args.out is None:
        return fail("report: --out FILE is required")
    fmt = args.format or args.out.suffix.lstrip(".").lower()
    if fmt not in {f.value for f in Format}:
        return fail(f"report: give --format (json, csv, html, pdf or xlsx); {args.out.name!r} does not say")
    if (args.hours_per_image is None) != (args.hourly_rate is None):
        return fail("report: --hours-per-image and --hourly-rate go together")
    if args.hourly_rate is not None and min(args.hours_per_image, args.hourly_rate) < 0:
        return fail("report: --hours-per-image and --hourly-rate must be 0 or more")
    if args.weeks < 1:
        return fail("report: --weeks must be at least 1")
    if args.budget is not None and args.budget < 0:
        return fail("report: --budget must be 0 or more (US dollars a month)")
    root = library_root(args)
    if not (root / "library.db").exists():
        return fail(f"{root}: no library here (no library.db)")
    db = open_database(root)
    analytics = AnalyticsService(db)
    try:
        request = ReportRequest(
            type=args.type, format=Format(fmt), template=Template(args.template),
            filter=_filter(args, analytics), monthly_budget_usd=args.budget if args.budget is not None else _budget(),
            roi=RoiInputs(args.hours_per_image, args.hourly_rate) if args.hourly_rate is not None else None,
            forecast_weeks=args.weeks)
        result = ReportService(analytics, root).generate(request, args.out, _progress if sys.stderr.isatty() else None)
    except (ReportError, FilterError, ValueError) as exc:
        return fail(str(exc))
    finally:
        analytics.close()
        db.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"wrote {result.path} ({result.bytes:,} bytes, {result.sections} sections, {result.elapsed_s:.1f} s)")
    return 0


def _filter(args: argparse.Namespace, analytics: AnalyticsService) -> Filter:
    first = parse_date(args.date_from, "--from") if args.date_from else None
    last = parse_date(args.date_to, "--to") if args.date_to else None
    if first and last and last < first:
        raise FilterError(f"--to {last} is before --from {first}")
    options = None
    project = profile = None
    if args.project is not None:
        options = analytics.filter_options()
        project = _id_or_name(args.project, options.projects, "--project")
    if args.profile is not None:
        options = options or analytics.filter_options()
        profile = _id_or_name(args.profile, options.profiles, "--profile")
    return Filter.for_dates(first, last, local_offset(), project_id=project, batch_id=args.batch,
                            provider=args.provider, model=args.model, profile_id=profile)


def _id_or_name(value: str, known: list[tuple[int, str]], option: str) -> int:
    if value.strip().isdigit():
        return int(value)
    for ident, name in known:
        if name.casefold() == value.strip().casefold():
            return ident
    names = ", ".join(n for _, n in known) or "none recorded in this library"
    raise FilterError(f"{option}: no project or profile named {value!r} (known: {names})")


def _budget() -> float | None:
    """The monthly budget from settings (`extra.analytics.monthly_budget_usd`), if set."""
    value = (load_config().extra.get("analytics") or {}).get("monthly_budget_usd")
    return float(value) if value else None


def _progress(fraction: float, message: str) -> None:
    print(f"\r  {fraction * 100:3.0f}%  {message[:60]:<60}", end="", file=sys.stderr, flush=True)
