"""Charts as reportlab drawings for PDF (shapes from chart_draw; y flipped, text in the
CJK font chosen for it)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, PolyLine, Rect, String
from reportlab.lib.colors import HexColor

from desktop.core.analytics.results import ChartData
from desktop.core.reports import chart_draw as cd
from desktop.core.reports.pdf_fonts import FontSet

ANCHOR = {"start": "start", "middle": "middle", "end": "end"}


def drawing(chart: ChartData, fonts: FontSet, width: float) -> Drawing:
    """The chart scaled to `width` points."""
    pic = cd.draw(chart)
    scale = width / pic.width
    d = Drawing(width, pic.height * scale)
    g = Group()
    g.transform = (scale, 0, 0, scale, 0, 0)
    h = pic.height
    for s in pic.shapes:
        if isinstance(s, cd.Rect):
            g.add(Rect(s.x, h - s.y - s.h, s.w, s.h, fillColor=HexColor(s.fill), strokeColor=None))
        elif isinstance(s, cd.Line):
            pts = [v for x, y in s.points for v in (x, h - y)]
            g.add(PolyLine(pts, strokeColor=HexColor(s.stroke), strokeWidth=s.width,
                           strokeDashArray=[4, 3] if s.dash else None))
        elif isinstance(s, cd.Text):
            text = String(0, 0, s.text, fontName=fonts.pick(s.text), fontSize=s.size,
                          fillColor=HexColor(s.fill), textAnchor=ANCHOR[s.anchor])
            holder = Group(text)
            # SVG rotates clockwise for positive angles with y down; here y is up.
            holder.translate(s.x, h - s.y)
            if s.rotate:
                holder.rotate(-s.rotate)
            g.add(holder)
    d.add(g)
    return d
