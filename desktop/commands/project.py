"""`main.py project templates|list|create|check|consistency|export-history|export-checks`:
the workflow's projects, brand checks and history, headless."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    add_library_option,
    fail,
    guarded,
    print_table,
    run_with_services,
)
from desktop.core.workflow.errors import WorkflowError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("project", help="projects: templates, brand checks, consistency, history")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, func: Any, help_text: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text)
        add_library_option(p)
        p.set_defaults(func=guarded(func))
        return p

    action("templates", _templates, "the project templates, shipped and your own")
    action("list", _list, "projects in the library")
    create = action("create", _create, "a new project, optionally from a template")
    create.add_argument("name")
    create.add_argument("--template", metavar="KEY", help="template key (see `project templates`)")
    check = action("check", _check, "brand-check a project's images not checked under its current rules")
    check.add_argument("project", help="project id or name")
    check.add_argument("--all", action="store_true", help="check every image again")
    score = action("consistency", _consistency, "score how consistent a project's (or a batch's) images are")
    score.add_argument("project", help="project id or name")
    score.add_argument("--batch", type=int, default=None)
    for name, what in (("export-history", "the project's timeline"), ("export-checks", "brand check results")):
        p = action(name, _export, f"write {what} as .json or .csv")
        p.add_argument("project", help="project id or name")
        p.add_argument("out", type=Path)


def _templates(args: argparse.Namespace) -> int:
    async def work(services: Any) -> int:
        rows = [[t.key, t.name, t.origin, ", ".join(t.sizes), len(t.presets)]
                for t in services.workflow.projects.templates()]
        print_table(rows, ["key", "name", "origin", "sizes", "presets"])
        return 0

    return run_with_services(args, work)


def _list(args: argparse.Namespace) -> int:
    async def work(services: Any) -> int:
        rows = [[p.id, p.name, p.template, p.batch_count, p.asset_count]
                for p in services.workflow.projects.projects()]
        print_table(rows, ["id", "name", "template", "batches", "images"])
        return 0

    return run_with_services(args, work)


def _create(args: argparse.Namespace) -> int:
    async def work(services: Any) -> int:
        projects = services.workflow.projects
        try:
            if args.template:
                project_id = await projects.create_from_template(args.template, args.name)
            else:
                project_id = await projects.create(args.name)
        except WorkflowError as exc:
            return fail(str(exc))
        print(f"project {project_id}: {args.name}")
        return 0

    return run_with_services(args, work)


def _check(args: argparse.Namespace) -> int:
    async def work(services: Any) -> int:
        wf = services.workflow
        project = _project_id(services, args.project)
        if project is None:
            return 1
        try:
            wf.projects.project(project)
        except WorkflowError as exc:
            return fail(str(exc))
        count = await wf.checks.check_project(project, everything=args.all)
        ids = wf.ctx.records.asset_ids(project)
        latest = wf.checks.latest(ids)
        failed = [i for i, c in latest.items() if not c.passed]
        print(f"checked {count} image(s); {len(latest) - len(failed)} pass, {len(failed)} fail")
        for asset_id in failed:
            reasons = "; ".join(r.reason for r in latest[asset_id].result.failures)
            print(f"  image {asset_id}: {reasons}")
        return 1 if failed else 0

    return run_with_services(args, work)


def _consistency(args: argparse.Namespace) -> int:
    async def work(services: Any) -> int:
        wf = services.workflow
        project = _project_id(services, args.project)
        if project is None:
            return 1
        ids = wf.ctx.records.asset_ids(project, args.batch)
        if len(ids) < 2:
            return fail(f"project {args.project} has fewer than two images to compare")
        _run_id, report = await wf.consistency.score(ids, project, args.batch)
        print(f"consistency {report.score:.1f}/100 over {len(ids)} images "
              f"(measures: {', '.join(report.measures)})")
        for measure, why in report.left_out.items():
            print(f"  {measure} not used: {why}")
        for image in sorted(report.images, key=lambda i: i.score):
            flag = "  outlier" if image.outlier else ""
            print(f"  image {image.asset_id}: {image.score:.1f}{flag}")
        return 0

    return run_with_services(args, work)


def _export(args: argparse.Namespace) -> int:
    async def work(services: Any) -> int:
        wf = services.workflow
        if args.out.suffix.lower() not in (".json", ".csv"):
            return fail(f"{args.out}: write .json or .csv")
        project = _project_id(services, args.project)
        if project is None:
            return 1
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)  # as `report --out` does
            if args.action == "export-history":
                count = await wf.history.export(project, args.out)
            else:
                count = await wf.checks.export(project, args.out)
        except OSError as exc:
            return fail(f"{args.out}: cannot write the export: {exc.strerror or exc}")
        print(f"wrote {count} row(s) to {args.out}")
        return 0

    return run_with_services(args, work)


def _project_id(services: Any, value: str) -> int | None:
    """The id of the project named by id or by name (case-insensitive); None once the
    error listing the known projects is printed."""
    if value.strip().isdigit():
        return int(value)
    projects = services.workflow.projects.projects()
    for project in projects:
        if project.name.casefold() == value.strip().casefold():
            return project.id
    names = ", ".join(p.name for p in projects) or "none in this library"
    fail(f"no project named {value!r} (known: {names})")
    return None
