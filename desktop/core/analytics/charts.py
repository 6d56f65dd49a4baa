"""The data series behind each chart of the Analytics tab and the reports.

Every function returns a `ChartData` (or plain dataclasses) computed by the metric engine
with SQL aggregations; time series get every bucket of the range, empty ones as 0.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import text

from desktop.core.analytics import rollups
from desktop.core.analytics.dimensions import Dim, bucket_date, buckets_between, pick_bucket
from desktop.core.analytics.facts import core_facts
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.metrics import metric
from desktop.core.analytics.query import MetricEngine
from desktop.core.analytics.results import ChartData, Grouped, Series
from desktop.core.analytics.units import Unit

LATENCY_EDGES_MS = (0, 1000, 2000, 5000, 10000, 20000, 30000, 60000, 120000)


@dataclass(frozen=True)
class LatencyDistribution:
    """Successful call durations of one provider: percentiles and a histogram."""

    provider: str
    calls: int
    p50_ms: float | None
    p95_ms: float | None
    mean_ms: float | None
    bins: list[tuple[float, float | None, int]]  # [low, high) in ms (None = no upper bound), count
    approximate: bool = False  # percentiles from the rollups' fine histogram (long ranges)


@dataclass(frozen=True)
class TopItem:
    label: str
    accepted: int
    reviewed: int


def time_range(engine: MetricEngine, flt: Filter) -> tuple[date, date] | None:
    """The first and last day to chart: the filter's, or the data's when it is open."""
    first, last = flt.first_day(), flt.last_day()
    if first and last:
        return first, last
    with engine.connect() as conn:
        lo, hi = conn.execute(text("SELECT MIN(started_at), MAX(started_at) FROM attempts")).one()
    if lo is None:
        return None
    raw_lo = int((lo + flt.tz_offset_s) // 86400)
    raw_hi = int((hi + flt.tz_offset_s) // 86400)
    return first or bucket_date(Dim.DAY, raw_lo), last or bucket_date(Dim.DAY, raw_hi)


def buckets(engine: MetricEngine, flt: Filter, bucket: Dim | None = None) -> tuple[Dim, list[date]]:
    """The time bucket to chart with (given, or picked from the span) and every bucket start."""
    span = time_range(engine, flt)
    if span is None:
        return bucket or Dim.DAY, []
    dim = bucket or pick_bucket(*span)
    return dim, buckets_between(dim, *span)


def _labels(dim: Dim, days: list[date]) -> list[str]:
    return [d.strftime("%Y-%m") if dim is Dim.MONTH else d.isoformat() for d in days]


def series_chart(grouped: Grouped, keys: list[str], days: list[date], *, key: str, title: str,
                 kind: str = "line") -> ChartData:
    """Metrics over time from a grouping by one time dimension, one series per metric."""
    rows = grouped.by_key()
    series = [Series(metric(k).label, [_zero((rows.get((d,)) or {}).get(k), k) for d in days]) for k in keys]
    return ChartData(key, title, kind, metric(keys[0]).unit, _labels(grouped.dims[0], days), series, days,
                     note=_note(grouped))


def split_chart(grouped: Grouped, metric_key: str, days: list[date], *, key: str, title: str,
                kind: str = "stacked_bar") -> ChartData:
    """One metric over time from a grouping by (time, something), one series per something."""
    names = sorted({str(r.key[1]) for r in grouped.rows if r.key[1] is not None})
    values = {(r.key[0], str(r.key[1])): r.values[metric_key] for r in grouped.rows}
    series = [Series(n, [_zero(values.get((d, n)), metric_key) for d in days]) for n in names]
    return ChartData(key, title, kind, metric(metric_key).unit, _labels(grouped.dims[0], days), series, days,
                     note=_note(grouped))


def dimension_chart(grouped: Grouped, keys: list[str], *, key: str, title: str, kind: str = "hbar",
                    sort_by: str | None = None) -> ChartData:
    """Metrics per value of one dimension, largest first when `sort_by` is set."""
    rows = list(grouped.rows)
    if sort_by:
        rows.sort(key=lambda r: -(r.values.get(sort_by) or 0))
    cats = [str(r.key[0]) if r.key[0] is not None else "(none)" for r in rows]
    series = [Series(metric(k).label, [r.values.get(k) for r in rows]) for k in keys]
    return ChartData(key, title, kind, metric(keys[0]).unit, cats, series, note=_note(grouped))


def time_series(engine: MetricEngine, keys: list[str], flt: Filter, *, key: str, title: str,
                kind: str = "line", bucket: Dim | None = None) -> ChartData:
    """Metrics over time, one series per metric."""
    dim, days = buckets(engine, flt, bucket)
    return series_chart(engine.grouped(keys, flt, (dim,)), keys, days, key=key, title=title, kind=kind)


def split_series(engine: MetricEngine, metric_key: str, split: Dim, flt: Filter, *, key: str,
                 title: str, kind: str = "stacked_bar", bucket: Dim | None = None) -> ChartData:
    """One metric over time, one series per value of `split` (e.g. spend by provider)."""
    dim, days = buckets(engine, flt, bucket)
    return split_chart(engine.grouped([metric_key], flt, (dim, split)), metric_key, days, key=key,
                       title=title, kind=kind)


def by_dimension(engine: MetricEngine, keys: list[str], dim: Dim, flt: Filter, *, key: str,
                 title: str, kind: str = "hbar", sort_by: str | None = None) -> ChartData:
    """Metrics per provider / model / error kind..., largest first when `sort_by` is set."""
    return dimension_chart(engine.grouped(keys, flt, (dim,)), keys, key=key, title=title, kind=kind,
                           sort_by=sort_by)


def latency_distributions(engine: MetricEngine, flt: Filter) -> list[LatencyDistribution]:
    """Percentiles from the registry (window functions); counts, mean and histogram bins in
    one more scan. With daily rollups, counts, mean and bins come from them (exactly), and
    over ranges longer than a month the percentiles too (within half a fine bin)."""
    if engine.rollups_usable(flt, (Dim.PROVIDER,)):
        return _latency_from_rollups(engine, flt)
    pct = engine.grouped(["latency_p50", "latency_p95"], flt, (Dim.PROVIDER,)).by_key()
    fact = core_facts()["attempts"]
    edges = list(LATENCY_EDGES_MS) + [None]
    bins = ", ".join(
        f"SUM(a.duration_ms >= {lo}" + (f" AND a.duration_ms < {hi})" if hi is not None else ")")
        for lo, hi in zip(edges[:-1], edges[1:], strict=True))
    body, params = fact.from_and_where(flt, condition="a.outcome = 'succeeded' AND a.duration_ms IS NOT NULL")
    sql = f"SELECT a.provider, COUNT(*), AVG(a.duration_ms), {bins} {body} GROUP BY a.provider ORDER BY a.provider"
    with engine.connect() as conn:
        rows = conn.execute(text(sql), params).all()
    out = []
    for row in rows:
        provider, calls, mean = str(row[0]), int(row[1]), row[2]
        p = pct.get((row[0],), {})
        out.append(LatencyDistribution(
            provider, calls, p.get("latency_p50"), p.get("latency_p95"), mean,
            [(float(lo), None if hi is None else float(hi), int(n or 0))  # type: ignore[arg-type]
             for lo, hi, n in zip(edges[:-1], edges[1:], row[3:], strict=True)]))
    return out


def _latency_from_rollups(engine: MetricEngine, flt: Filter) -> list[LatencyDistribution]:
    fact = rollups.FACTS["attempts"]
    body, params = fact.from_and_where(flt)
    bins = ", ".join(f"SUM(r.b{i})" for i in range(len(LATENCY_EDGES_MS)))
    sql = (f"SELECT r.provider, SUM(r.lat_n), SUM(r.lat_sum) / SUM(r.lat_n), {bins} {body}"
           " GROUP BY r.provider HAVING SUM(r.lat_n) > 0 ORDER BY r.provider")
    span = time_range(engine, flt)  # an open range spans the data's days
    long_range = span is not None and (span[1] - span[0]).days + 1 > rollups.EXACT_PERCENTILES_UP_TO_DAYS
    with engine.connect() as conn:
        rows = conn.execute(text(sql), params).all()
        fine = _fine_percentiles(conn, flt) if long_range else {}
    pct = {} if long_range else engine.grouped(["latency_p50", "latency_p95"], flt, (Dim.PROVIDER,)).by_key()
    edges = list(LATENCY_EDGES_MS) + [None]
    out = []
    for row in rows:
        provider = str(row[0])
        p50, p95 = fine.get(provider, (None, None)) if long_range else (
            pct.get((row[0],), {}).get("latency_p50"), pct.get((row[0],), {}).get("latency_p95"))
        out.append(LatencyDistribution(
            provider, int(row[1]), p50, p95, row[2],
            [(float(lo), None if hi is None else float(hi), int(n or 0))  # type: ignore[arg-type]
             for lo, hi, n in zip(edges[:-1], edges[1:], row[3:], strict=True)], approximate=long_range))
    return out


def _fine_percentiles(conn: object, flt: Filter) -> dict[str, tuple[float, float]]:
    """Nearest-rank p50 and p95 per provider from the fine histogram: the middle of the bin
    that holds the rank."""
    body, params = rollups.LATENCY_FACT.from_and_where(flt)
    rows = conn.execute(text(  # type: ignore[attr-defined]
        f"SELECT r.provider, r.bin_ms, SUM(r.n) {body} GROUP BY r.provider, r.bin_ms ORDER BY 1, 2"), params).all()
    by_provider: dict[str, list[tuple[float, int]]] = {}
    for provider, bin_ms, n in rows:
        by_provider.setdefault(str(provider), []).append((float(bin_ms), int(n)))
    out = {}
    for provider, counts in by_provider.items():
        total = sum(n for _, n in counts)
        picks = []
        for p in (50, 95):
            seen = 0
            for bin_ms, n in counts:
                seen += n
                if seen * 100 >= p * total:
                    picks.append(bin_ms + rollups.fine_bin_width(bin_ms) / 2)
                    break
        out[provider] = (picks[0], picks[1])
    return out


def latency_chart(dists: list[LatencyDistribution]) -> ChartData:
    """The distributions as one histogram chart: bins on x, one series per provider."""
    labels = [_bin_label(lo, hi) for lo, hi, _ in dists[0].bins] if dists else []
    series = [Series(d.provider, [float(n) for _, _, n in d.bins]) for d in dists]
    return ChartData("latency", "Latency distribution per provider (successful calls)", "histogram",
                     Unit.COUNT, labels, series, y_label="calls")


def _bin_label(lo: float, hi: float | None) -> str:
    return f"≥ {lo / 1000:g} s" if hi is None else f"{lo / 1000:g}–{hi / 1000:g} s"


def top_by_picks(engine: MetricEngine, dim: Dim, flt: Filter, limit: int = 10) -> tuple[list[TopItem], str]:
    """Prompts or styles with the most accepted images; empty with a note when the workflow
    tables are missing."""
    grouped = engine.grouped(["accepted_images", "reviewed_images"], flt, (dim,))
    if "accepted_images" in grouped.unavailable:
        return [], grouped.unavailable["accepted_images"]
    items = [TopItem(str(r.key[0] or "(none)"), int(r.values["accepted_images"] or 0),
                     int(r.values["reviewed_images"] or 0)) for r in grouped.rows]
    items = [i for i in items if i.accepted]
    items.sort(key=lambda i: (-i.accepted, -i.reviewed, i.label))
    return items[:limit], ""


def top_chart(items: list[TopItem], key: str, title: str) -> ChartData:
    return ChartData(key, title, "hbar", Unit.COUNT, [i.label for i in items],
                     [Series("Images accepted", [float(i.accepted) for i in items])])


def drop_category(chart: ChartData, label: str = "(none)") -> ChartData:
    """The chart without one category (rows with no error kind are the successes)."""
    keep = [i for i, c in enumerate(chart.categories) if c != label]
    return replace(chart, categories=[chart.categories[i] for i in keep],
                   series=[Series(s.name, [s.values[i] for i in keep]) for s in chart.series])


def _zero(value: float | None, key: str) -> float | None:
    return value if value is not None or not metric(key).empty_is_zero else 0.0


def _note(grouped: Grouped) -> str:
    return "; ".join(sorted(set(grouped.unavailable.values())))
