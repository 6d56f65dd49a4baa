"""Rate-limit utilisation: 1,000 jobs against a fake OpenAI-style provider that allows R
requests a minute and C at once, answering 429 with Retry-After beyond that.

Prints achieved/allowed rate (goal >= 0.95), the 429s after the first minute (goal <= 1%),
and lost and duplicated jobs (goal 0), for two lane settings side by side: the lane told
the provider's real limits, and a lane told twice the real rate (it must learn from 429s).
Run: PYTHONPATH=. .venv/bin/python tests/perf/bench_queue_ratelimit.py [jobs] [rate_per_min]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from desktop.core.config import AppConfig, ConfigStore, ProviderSettings
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.services import build_services
from tests.fakes.limited_image_server import LimitedImageServer

CONCURRENCY = 4
LATENCY = 0.25


async def run(jobs: int, rate: int, lane_rate: float, tmp: Path) -> dict:
    with LimitedImageServer(rate_per_window=rate, window=60.0, concurrency=CONCURRENCY, latency=LATENCY) as fake:
        os.environ.update({"OPENAI_BASE_URL": f"{fake.url}/v1", "OPENAI_API_KEY": "sk-bench",
                           "BATCHGEN_SECRETS": "file"})
        store = ConfigStore(tmp / "config")
        store.save(AppConfig(providers={"openai": ProviderSettings(concurrency=CONCURRENCY,
                                                                   rate_per_minute=lane_rate)}))
        services = build_services(tmp / "lib", config_store=store)
        specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", f"bench prompt {i}")) for i in range(jobs)]
        await services.queue.enqueue(specs)
        engine, _ = services.acquire_engine()
        start = time.monotonic()
        await engine.run(until_idle=True, poll=0.2)
        elapsed = time.monotonic() - start
        counts = services.queue.queries.state_counts()
        await services.aclose()
        served = dict(fake.served)
        limited_after = sum(1 for t in fake.limited_times if t - fake.served_times[0] > 60.0) if fake.served_times else 0
        total_after = sum(1 for t in fake.served_times if t - fake.served_times[0] > 60.0) + limited_after
    first, last = min(fake.served_times), max(fake.served_times)
    achieved = (len(fake.served_times) - 1) / (last - first) * 60 if last > first else 0
    return {
        "elapsed": elapsed, "achieved": achieved, "ratio": achieved / rate,
        "limited": len(fake.limited_times), "limited_after": limited_after,
        "limited_after_pct": 100 * limited_after / max(total_after, 1),
        "lost": jobs - counts.get("succeeded", 0),
        "duplicated": sum(n - 1 for n in served.values() if n > 1),
        "max_in_flight": fake.max_in_flight,
    }


def main() -> None:
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rate = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    print(f"{jobs} jobs; provider allows {rate}/min and {CONCURRENCY} at once; {LATENCY * 1000:.0f} ms per call")
    for label, lane_rate in (("lane told the real limit", rate), ("lane told 2x the real limit", 2 * rate)):
        with tempfile.TemporaryDirectory() as tmp:
            r = asyncio.run(run(jobs, rate, lane_rate, Path(tmp)))
        print(f"{label:28s}: {r['elapsed']:.1f} s, achieved {r['achieved']:.0f}/min = {r['ratio']:.3f} of allowed"
              f" (goal >= 0.95); 429s: {r['limited']} in all, {r['limited_after']} after the first minute"
              f" = {r['limited_after_pct']:.2f}% (goal <= 1%); lost {r['lost']}, duplicated {r['duplicated']}"
              f" (goal 0); max in flight {r['max_in_flight']}")


if __name__ == "__main__":
    main()
