"""Charts as inline SVG for self-contained HTML (shapes from chart_draw)."""

from __future__ import annotations

from html import escape

from desktop.core.analytics.results import ChartData
from desktop.core.reports.chart_draw import Line, Rect, Text, draw

FONT = "'Noto Sans TC','PingFang TC','Microsoft JhengHei',sans-serif"
ANCHOR = {"start": "start", "middle": "middle", "end": "end"}


def svg(chart: ChartData) -> str:
    if chart.empty:
        return f'<p class="empty">{escape(chart.title)}: no data for this period.</p>'
    pic = draw(chart)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {pic.width:.0f} {pic.height:.0f}"'
           f' width="{pic.width:.0f}" height="{pic.height:.0f}" role="img" aria-label="{escape(pic.title)}"'
           f' font-family="{FONT}">']
    for s in pic.shapes:
        if isinstance(s, Rect):
            tip = f"<title>{escape(s.tip)}</title>" if s.tip else ""
            out.append(f'<rect x="{s.x:.1f}" y="{s.y:.1f}" width="{s.w:.1f}" height="{s.h:.1f}" fill="{s.fill}">{tip}</rect>')
        elif isinstance(s, Line):
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in s.points)
            dash = ' stroke-dasharray="4 3"' if s.dash else ""
            out.append(f'<polyline points="{pts}" fill="none" stroke="{s.stroke}" stroke-width="{s.width:g}"{dash}/>')
        elif isinstance(s, Text):
            rot = f' transform="rotate({s.rotate:g} {s.x:.1f} {s.y:.1f})"' if s.rotate else ""
            weight = ' font-weight="bold"' if s.bold else ""
            out.append(f'<text x="{s.x:.1f}" y="{s.y:.1f}" font-size="{s.size:g}" fill="{s.fill}"'
                       f' text-anchor="{ANCHOR[s.anchor]}"{weight}{rot}>{escape(s.text)}</text>')
    out.append("</svg>")
    return "".join(out)
