"""Sync speed against moto (S3 on loopback), side by side with `rclone sync` and
`aws s3 sync` (Debian packages `rclone` and `awscli`) on the same data, in one run.

  1. first upload of N assets x 200 KB (default 500), then a pass with nothing changed;
  2. a pass with nothing changed over a library of M files (default 10,000; 2 KB each so
     the bucket fits in moto's memory — a no-change pass does not read file contents).

Our engine uploads each asset's JSON sidecar too, so every asset is two objects. The tools
are therefore timed twice: on the images alone, and on the same object set (the images
plus the sidecars our engine wrote, copied into a folder). The no-change pass is timed in
process (the app runs it in the background) and as `main.py sync run` (with the start-up
of a Python process), against rclone's and aws's defaults.

Run: .venv/bin/python tests/perf/bench_sync.py [N] [M]
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import boto3  # noqa: E402

from desktop.core.events import EventBus  # noqa: E402
from desktop.core.sync.destination import DestinationOptions  # noqa: E402
from desktop.core.sync.service import SyncService  # noqa: E402
from tests.core.sync.library_builder import LibraryBuilder  # noqa: E402

KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_moto() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    exe = Path(sys.executable).parent / "moto_server"
    proc = subprocess.Popen([str(exe), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("moto_server did not start")


def tool_env(endpoint: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
    env.update(KEYS)
    env.update({"RCLONE_CONFIG_X_TYPE": "s3", "RCLONE_CONFIG_X_PROVIDER": "Other",
                "RCLONE_CONFIG_X_ENDPOINT": endpoint, "RCLONE_CONFIG_X_FORCE_PATH_STYLE": "true",
                "RCLONE_CONFIG_X_ACCESS_KEY_ID": "testing",
                "RCLONE_CONFIG_X_SECRET_ACCESS_KEY": "testing"})
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr[-1500:]}")
    return took


def rclone(src: Path, bucket: str, env: dict[str, str]) -> float:
    return timed(["rclone", "sync", str(src), f"x:{bucket}/p", "--config", "/dev/null"], env)


def aws(src: Path, bucket: str, endpoint: str, env: dict[str, str]) -> float:
    return timed(["/usr/bin/aws", "--endpoint-url", endpoint, "s3", "sync", str(src),
                  f"s3://{bucket}/p", "--only-show-errors"], env)


def build_library(root: Path, count: int, size: int) -> LibraryBuilder:
    lib = LibraryBuilder(root)
    for n in range(count):
        lib.add_asset(size=size, prompt=f"一隻在雨中的貓 {n}", thumb=False)
    return lib


def ours(lib: LibraryBuilder, bucket: str, endpoint: str) -> tuple[SyncService, float]:
    svc = SyncService(lib.db, lib.root, EventBus(), None)
    svc.add_destination(f"s3://{bucket}/p", "bench", DestinationOptions(
        endpoint_url=endpoint, push_backups=False))
    start = time.perf_counter()
    report = asyncio.run(svc.run_once())
    took = time.perf_counter() - start
    if not report.ok:
        raise SystemExit(f"our first upload failed: {report}")
    return svc, took


def ours_idle(svc: SyncService, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        report = asyncio.run(svc.run_once())
        best = min(best, time.perf_counter() - start)
        if not report.ok or report.passes[0].queued:
            raise SystemExit(f"the no-change pass found work: {report}")
    return best


def ours_cli(root: Path, env: dict[str, str], pycache: Path) -> float:
    """`main.py sync run` as a process, with its bytecode cached as an installed app has it
    (this machine sets PYTHONDONTWRITEBYTECODE, which would add ~2 s of compiling)."""
    cli_env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cli_env.update({"PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(pycache)})
    cmd = [sys.executable, str(ROOT / "main.py"), "sync", "run", "--quiet", "--library", str(root)]
    timed(cmd, cli_env)  # warm the bytecode cache
    return min(timed(cmd, cli_env) for _ in range(3))


def same_objects(lib: LibraryBuilder, bucket: str, client: object, into: Path) -> Path:
    """The object set our engine wrote (images + sidecars), as files for the other tools."""
    shutil.copytree(lib.root / "images", into / "images")
    (into / "sidecars").mkdir(parents=True)
    paginator = client.get_paginator("list_objects_v2")  # type: ignore[attr-defined]
    for page in paginator.paginate(Bucket=bucket, Prefix="p/sidecars/"):
        for obj in page.get("Contents", []):
            body = client.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()  # type: ignore[attr-defined]
            (into / "sidecars" / Path(obj["Key"]).name).write_bytes(body)
    return into


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    big = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    for tool in ("rclone", "/usr/bin/aws"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install -y rclone awscli")
    os.environ.update(KEYS)
    os.environ.pop("AWS_CA_BUNDLE", None)
    proc, endpoint = start_moto()
    env = tool_env(endpoint)
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    buckets = iter(f"bench{n}" for n in range(100))

    def bucket() -> str:
        name = next(buckets)
        client.create_bucket(Bucket=name)
        return name

    try:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            os.environ.update({"BATCHGEN_CONFIG_DIR": str(tmp / "cfg"), "BATCHGEN_SECRETS": "file"})
            env.update({"BATCHGEN_CONFIG_DIR": str(tmp / "cfg"), "BATCHGEN_SECRETS": "file"})
            print(f"building {count} assets x 200 KB ...", flush=True)
            lib = build_library(tmp / "lib", count, 200 * 1024)
            ours_bucket = bucket()
            svc, first_ours = ours(lib, ours_bucket, endpoint)
            idle_ours = ours_idle(svc)
            idle_cli = ours_cli(lib.root, env, tmp / "pycache")
            both = same_objects(lib, ours_bucket, client, tmp / "same")
            r_img_b, a_img_b, r_all_b, a_all_b = bucket(), bucket(), bucket(), bucket()
            first = {"rclone (images)": rclone(lib.root / "images", r_img_b, env),
                     "aws (images)": aws(lib.root / "images", a_img_b, endpoint, env),
                     "rclone (images+sidecars)": rclone(both, r_all_b, env),
                     "aws (images+sidecars)": aws(both, a_all_b, endpoint, env)}
            idle = {"rclone (images)": rclone(lib.root / "images", r_img_b, env),
                    "aws (images)": aws(lib.root / "images", a_img_b, endpoint, env),
                    "rclone (images+sidecars)": rclone(both, r_all_b, env),
                    "aws (images+sidecars)": aws(both, a_all_b, endpoint, env)}
            lib.close()

            print(f"\n== {count} files x 200 KB against moto ==")
            print(f"first upload   ours (engine, {2 * count} objects verified): {first_ours:6.2f} s")
            for name, took in first.items():
                print(f"first upload   {name:28s}: {took:6.2f} s   ours/them = {first_ours / took:4.2f}")
            fastest_img = min(first["rclone (images)"], first["aws (images)"])
            fastest_all = min(first["rclone (images+sidecars)"], first["aws (images+sidecars)"])
            print(f"  -> vs the faster tool on the same objects: {fastest_all / first_ours:4.2f}x "
                  f"{'(goal met)' if first_ours <= fastest_all else '(goal NOT met)'}")
            print(f"  -> vs the faster tool on the images only:  {fastest_img / first_ours:4.2f}x "
                  f"{'(goal met)' if first_ours <= fastest_img else '(goal NOT met)'}")
            print(f"no change      ours (in process, incl. pull check): {idle_ours * 1000:7.1f} ms")
            print(f"no change      ours (`main.py sync run` process):   {idle_cli * 1000:7.1f} ms")
            for name, took in idle.items():
                print(f"no change      {name:28s}: {took * 1000:7.1f} ms   "
                      f"them/ours = {took / idle_ours:6.1f}x (process: {took / idle_cli:4.1f}x)")

            print(f"\nbuilding {big} assets x 2 KB ...", flush=True)
            lib = build_library(tmp / "big", big, 2048)
            b_ours, b_r, b_a = bucket(), bucket(), bucket()
            svc, seed_ours = ours(lib, b_ours, endpoint)
            seed_r = rclone(lib.root / "images", b_r, env)
            seed_a = aws(lib.root / "images", b_a, endpoint, env)
            idle_big = ours_idle(svc)
            idle_big_cli = ours_cli(lib.root, env, tmp / "pycache")
            idle_r = rclone(lib.root / "images", b_r, env)
            idle_a = aws(lib.root / "images", b_a, endpoint, env)
            lib.close()
            print(f"\n== {big} files x 2 KB against moto ==")
            print(f"first upload   ours {seed_ours:6.2f} s ({2 * big} objects), rclone {seed_r:6.2f} s, "
                  f"aws {seed_a:6.2f} s ({big} objects)")
            print(f"no change      ours (in process):         {idle_big * 1000:7.1f} ms")
            print(f"no change      ours (`main.py sync run`): {idle_big_cli * 1000:7.1f} ms")
            print(f"no change      rclone (default):          {idle_r * 1000:7.1f} ms   "
                  f"them/ours = {idle_r / idle_big:6.1f}x (process: {idle_r / idle_big_cli:4.1f}x)")
            print(f"no change      aws s3 sync:               {idle_a * 1000:7.1f} ms   "
                  f"them/ours = {idle_a / idle_big:6.1f}x (process: {idle_a / idle_big_cli:4.1f}x)")
            goal = idle_r / idle_big >= 20 and idle["rclone (images)"] / idle_ours >= 20
            print(f"  -> no-change goal (>= 20x faster than rclone's default): "
                  f"{'met' if goal else 'NOT met'}")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
