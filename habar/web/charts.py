"""Server-side SVG charts over months: bars for one series, lines for several; real axes, ticks and labels.

No JavaScript and no library: the SVG is built here and inlined in the page, so it works offline and in the
API (the entity and dashboard JSON carry the numbers, the HTML carries the picture). Every text is escaped,
and colours are presentation attributes, not inline styles, so the page's content security policy holds.
"""

from __future__ import annotations

import math
from html import escape

from markupsafe import Markup

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 28, 40  # room for the y labels, the title and the x labels
# colour-blind-safe palette (Okabe–Ito), in the order series are drawn
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999", "#000000"]


def months_between(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from `first` to `last` inclusive, so that a month without articles shows as zero."""
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round tick values from 0 to at least `top` (1, 2 or 5 times a power of ten apart)."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 5, 10) if s * power >= raw)
    step = max(step, 1)  # counts are whole numbers
    return [i * step for i in range(int(math.ceil(top / step)) + 1)]


def coarsen(months: list[str], series: dict[str, list[int]]) -> tuple[list[str], dict[str, list[int]]]:
    """Years instead of months when months would be unreadable: a long span (over five years), or a sparse
    one (most months empty), where monthly bars or lines are only spikes."""
    empty = sum(1 for i in range(len(months)) if not any(v[i] for v in series.values()))
    if len(months) <= 12 or (len(months) <= 60 and empty * 2 <= len(months)):
        return months, series
    years = sorted({m[:4] for m in months})
    index = {y: i for i, y in enumerate(years)}
    out = {name: [0] * len(years) for name in series}
    for name, values in series.items():
        for month, v in zip(months, values):
            out[name][index[month[:4]]] += v
    return years, out


def _label_every(n: int, room: int) -> int:
    return max(1, math.ceil(n / room))


def _x_labels(months: list[str], x_of, y: float) -> list[str]:
    """Month labels, thinned to fit; with many months, only Januaries, labelled by year."""
    parts = []
    many = len(months) > 24 and len(months[0]) == 7
    every = _label_every(len(months), 12)
    for i, month in enumerate(months):
        if many and not month.endswith("-01") and i != 0:
            continue
        if not many and i % every:
            continue
        text = month[:4] if many else month
        parts.append(f'<text x="{x_of(i):.1f}" y="{y:.1f}" text-anchor="middle" font-size="11" '
                     f'fill="#444">{escape(text)}</text>')
    if many and sum(1 for p in parts) > 12:  # decades of data: every other year
        parts = parts[::2]
    return parts


def month_chart(months: list[str], series: dict[str, list[int]], title: str, y_label: str = "",
                bars: bool | None = None) -> Markup:
    """An SVG chart of counts per month: `series` maps a name to one value per month in `months`. One series
    is drawn as bars; several as lines, or as stacked bars when the months are coarsened to years."""
    if not months or not series:
        return Markup(f'<svg class="chart empty" role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} 60" '
                      f'xmlns="http://www.w3.org/2000/svg"><text x="{WIDTH / 2}" y="34" text-anchor="middle" '
                      f'font-size="13" fill="#666">{escape(title)}: —</text></svg>')
    coarse = coarsen(months, series)
    bars = (len(series) == 1 or coarse[0] is not months) if bars is None else bars  # years: stacked bars
    months, series = coarse
    stacked = bars and len(series) > 1
    top = (max(map(sum, zip(*series.values()))) if stacked else max(max(v) for v in series.values())) or 1
    ticks = nice_ticks(top)
    y_max = ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(months)
    x_of = lambda i: LEFT + slot * (i + 0.5)  # noqa: E731
    y_of = lambda v: TOP + plot_h - plot_h * v / y_max  # noqa: E731
    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
           f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
           f'<title>{escape(title)}</title>',
           f'<text x="{LEFT}" y="16" font-size="13" font-weight="bold" fill="#222">{escape(title)}</text>']
    for tick in ticks:  # horizontal grid lines with their values
        y = y_of(tick)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#444">'
                   f'{int(tick)}</text>')
    if y_label:
        out.append(f'<text x="12" y="{TOP + plot_h / 2:.1f}" font-size="11" fill="#444" text-anchor="middle" '
                   f'transform="rotate(-90 12 {TOP + plot_h / 2:.1f})">{escape(y_label)}</text>')
    base = y_of(0)
    out.append(f'<line x1="{LEFT}" y1="{base:.1f}" x2="{WIDTH - RIGHT}" y2="{base:.1f}" stroke="#555"/>')
    out.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base:.1f}" stroke="#555"/>')
    below = [0] * len(months)  # stacked bars: what the series drawn before put under this one
    for n, (name, values) in enumerate(series.items()):
        colour = PALETTE[n % len(PALETTE)]
        if bars:
            w = max(1.0, slot * 0.8)
            for i, v in enumerate(values):
                if v:
                    lo, hi = below[i], below[i] + v
                    label = f"{name}, {months[i]}: {v}" if stacked else f"{months[i]}: {v}"
                    out.append(f'<rect class="bar" x="{x_of(i) - w / 2:.1f}" y="{y_of(hi):.1f}" width="{w:.1f}" '
                               f'height="{y_of(lo) - y_of(hi):.1f}" fill="{colour}"><title>{escape(label)}'
                               f'</title></rect>')
                    if stacked:
                        below[i] = hi
        else:
            points = " ".join(f"{x_of(i):.1f},{y_of(v):.1f}" for i, v in enumerate(values))
            out.append(f'<polyline class="line" points="{points}" fill="none" stroke="{colour}" stroke-width="2">'
                       f'<title>{escape(name)}</title></polyline>')
    out.extend(_x_labels(months, x_of, HEIGHT - BOTTOM + 16))
    if len(series) > 1:  # a legend under the x labels
        x = LEFT
        for n, name in enumerate(series):
            colour = PALETTE[n % len(PALETTE)]
            out.append(f'<rect x="{x}" y="{HEIGHT - 12}" width="10" height="10" fill="{colour}"/>'
                       f'<text x="{x + 14}" y="{HEIGHT - 3}" font-size="11" fill="#222">{escape(name or "?")}</text>')
            x += 22 + 7 * len(name or "?")
    out.append("</svg>")
    return Markup("".join(out))


def per_month(rows: list[tuple[str, str, int]], keep: int = 6, other: str = "other") -> tuple[list[str], dict]:
    """(month, series name, count) rows -> (months, {name: counts}); beyond the `keep` largest series the
    rest are summed under `other`. Rows without a month are left out."""
    rows = [(m, s, n) for m, s, n in rows if m and len(m) == 7]
    if not rows:
        return [], {}
    totals: dict[str, int] = {}
    for _, s, n in rows:
        totals[s] = totals.get(s, 0) + n
    names = sorted(totals, key=lambda s: -totals[s])
    kept = set(names[:keep]) if len(names) > keep + 1 else set(names)
    months = months_between(min(m for m, _, _ in rows), max(m for m, _, _ in rows))
    index = {m: i for i, m in enumerate(months)}
    series = {s: [0] * len(months) for s in names if s in kept}
    if len(kept) < len(names):
        series[other] = [0] * len(months)
    for m, s, n in rows:
        series[s if s in kept else other][index[m]] += n
    return months, series
