/**
 * Hand-built SVG charts that read at any width, from a 400-px phone to print. Horizontal positions are
 * percentages of the chart's width and text keeps its CSS size, so nothing is scaled down to unreadable and
 * nothing is clipped: each row puts its label on a line of its own (left) with its figures (right), and the
 * mark below; axis labels at the ends are anchored inwards; whiskers past the axis end in an arrow.
 */
import { esc } from './html-escape.js';

/** Chart area between these percentages of the width: room for a dot's radius and an arrow head at each end. */
const LEFT = 3;
const RIGHT = 97;
const ROW = 40;
/** The narrowest chart to plan for: a 400-px phone less the page's padding. */
const NARROWEST = 368;
/** Average width of a character of chart text at 12–13 px, for planning what fits (generous). */
const CHAR = 7.6;
const HEADING = 28;
const AXIS = 26;

export interface ForestRow {
  label: string;
  /** The figures shown at the right of the label line. */
  figures: string;
  value: number;
  ci: [number, number];
  colour: string;
  /** Tooltip. */
  title: string;
}

export interface ForestGroup {
  heading: string;
  rows: ForestRow[];
}

export interface Axis {
  min: number;
  max: number;
  log: boolean;
  ticks: number[];
  /** Where the reference line is drawn (1 for odds ratios, 0 for differences). */
  reference: number;
  format: (tick: number) => string;
  caption: string;
}

/** Unique marker ids within one page. */
export class Ids {
  private n = 0;
  next(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
}

/**
 * A row's label (left) and figures (right) on one line when both fit the narrowest screen, else on two lines;
 * returns the text and how far below the row's top its mark goes.
 */
function rowText(label: string, figures: string, y: number, stacked: boolean): { text: string; mark: number } {
  const second = stacked ? 16 : 0;
  return {
    text: `<text x="0" y="${y + 14}">${esc(label)}</text><text x="100%" y="${y + 14 + second}" text-anchor="end" class="figures">${esc(figures)}</text>`,
    mark: 28 + second,
  };
}

/** Whether any row's label and figures together would crowd a 400-px phone: then every row takes two lines. */
function crowded(rows: readonly { label: string; figures: string }[]): boolean {
  return rows.some((r) => (r.label.length + r.figures.length) * CHAR + 24 > NARROWEST);
}

/** Point estimates with their 95% intervals, in headed groups, on a shared axis. */
export function forestChart(groups: ForestGroup[], axis: Axis, ids: Ids, label: string): string {
  const rows = groups.reduce((n, g) => n + g.rows.length, 0);
  const stacked = crowded(groups.flatMap((g) => g.rows));
  const rowHeight = stacked ? ROW + 16 : ROW;
  const height = 4 + groups.length * HEADING + rows * rowHeight + AXIS;
  const x = position(axis);
  const parts: string[] = [];
  const colours = [...new Set(groups.flatMap((g) => g.rows.map((r) => r.colour)))];
  const marker = new Map(colours.map((c) => [c, ids.next('arrow')]));
  // The caption is HTML above the chart, so it wraps on a narrow screen instead of running off the edge.
  parts.push(`<p class="caption">${esc(axis.caption)}</p>`);
  parts.push(`<svg class="chart" width="100%" height="${height}" role="img" aria-label="${esc(label)}">`);
  parts.push(`<defs>${colours.map((c) => arrowMarker(marker.get(c)!, c)).join('')}</defs>`);
  const top = 4;
  const bottom = height - AXIS;
  for (const t of axis.ticks) {
    parts.push(`<line x1="${x(t)}%" x2="${x(t)}%" y1="${top}" y2="${bottom}" class="${t === axis.reference ? 'reference' : 'grid'}"/>`);
  }
  let y = top;
  for (const group of groups) {
    parts.push(`<text class="heading" x="0" y="${y + 18}">${esc(group.heading)}</text>`);
    y += HEADING;
    for (const row of group.rows) {
      const { text, mark } = rowText(row.label, row.figures, y, stacked);
      parts.push(`<g><title>${esc(row.title)}</title>${text}`);
      parts.push(whisker(x, axis, row.ci, y + mark, row.colour, marker.get(row.colour)!));
      const v = Math.min(axis.max, Math.max(axis.min, row.value));
      parts.push(`<circle cx="${x(v)}%" cy="${y + mark}" r="5" fill="${row.colour}"/></g>`);
      y += rowHeight;
    }
  }
  parts.push(axisLabels(axis, x, height - 6));
  parts.push('</svg>');
  return parts.join('\n');
}

/** A horizontal CI line, cut at the axis ends with an arrow head where it goes on. */
function whisker(x: (v: number) => number, axis: Axis, [lo, hi]: [number, number], y: number, colour: string, marker: string): string {
  const from = Math.max(axis.min, Math.min(axis.max, lo));
  const to = Math.min(axis.max, Math.max(axis.min, hi));
  const start = lo < axis.min ? ` marker-start="url(#${marker})"` : '';
  const end = hi > axis.max ? ` marker-end="url(#${marker})"` : '';
  return `<line x1="${x(from)}%" x2="${x(to)}%" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="2"${start}${end}/>`;
}

function arrowMarker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
}

/** Tick labels at the bottom: the first anchored at its start, the last at its end, so neither is clipped. */
function axisLabels(axis: Axis, x: (v: number) => number, y: number): string {
  return axis.ticks
    .map((t, i) => {
      const anchor = i === 0 ? 'start' : i === axis.ticks.length - 1 ? 'end' : 'middle';
      const at = i === 0 ? 0 : i === axis.ticks.length - 1 ? 100 : x(t);
      return `<text class="tick" x="${at}%" y="${y}" text-anchor="${anchor}">${esc(axis.format(t))}</text>`;
    })
    .join('');
}

/** Percentage across the chart for a value on the axis. */
function position(axis: Axis): (v: number) => number {
  const t = (v: number) => (axis.log ? Math.log(v) : v);
  const [a, b] = [t(axis.min), t(axis.max)];
  return (v: number) => round(LEFT + ((t(v) - a) / (b - a)) * (RIGHT - LEFT));
}

/** A log axis for odds ratios covering every point estimate: powers of ten, at least 0.1–10, at most 0.001–1000. */
export function oddsAxis(values: readonly number[], caption: string): Axis {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.max(-3, Math.min(-1, Math.floor(Math.log10(Math.min(...finite, 1)))));
  const hi = Math.min(3, Math.max(1, Math.ceil(Math.log10(Math.max(...finite, 1)))));
  const ticks: number[] = [];
  for (let p = lo; p <= hi; p++) ticks.push(10 ** p);
  return { min: 10 ** lo, max: 10 ** hi, log: true, ticks, reference: 1, format: (v) => (v >= 1 ? String(v) : v.toFixed(-Math.log10(v))), caption };
}

/** A symmetric linear axis around 0 covering `values` (pass the interval ends too), in steps of 1, 2, 5, 10, 20, 50 or 100. */
export function symmetricAxis(values: readonly number[], caption: string, format: (v: number) => string): Axis {
  const extent = Math.max(1, ...values.filter(Number.isFinite).map(Math.abs));
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => extent / s <= 3) ?? 100;
  const max = Math.ceil(extent / step) * step;
  const ticks: number[] = [];
  for (let v = -max; v <= max + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return { min: -max, max, log: false, ticks, reference: 0, format, caption };
}

/** NPS from −100 to 100. */
export function npsAxis(caption: string): Axis {
  return { min: -100, max: 100, log: false, ticks: [-100, -50, 0, 50, 100], reference: 0, format: (v) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0'), caption };
}

export interface PairRow {
  label: string;
  figures: string;
  a: number;
  b: number;
  title: string;
}

/** Two bars per row (e.g. share among promoters and among detractors), in headed groups, on a 0–max scale. */
export function pairedBars(groups: { heading: string; rows: PairRow[] }[], colours: [string, string], label: string): string {
  const rows = groups.reduce((n, g) => n + g.rows.length, 0);
  const stacked = crowded(groups.flatMap((g) => g.rows));
  const rowHeight = stacked ? ROW + 16 : ROW;
  const height = groups.length * HEADING + rows * rowHeight + 4;
  const max = Math.max(0.05, ...groups.flatMap((g) => g.rows.flatMap((r) => [r.a, r.b])));
  const width = (v: number) => round((v / max) * (RIGHT - LEFT));
  const parts = [`<svg class="chart" width="100%" height="${height}" role="img" aria-label="${esc(label)}">`];
  let y = 0;
  for (const group of groups) {
    parts.push(`<text class="heading" x="0" y="${y + 18}">${esc(group.heading)}</text>`);
    y += HEADING;
    for (const row of group.rows) {
      const { text, mark } = rowText(row.label, row.figures, y, stacked);
      parts.push(`<g><title>${esc(row.title)}</title>${text}`);
      parts.push(`<rect x="0" y="${y + mark - 9}" width="${width(row.a)}%" height="8" fill="${colours[0]}"/><rect x="0" y="${y + mark}" width="${width(row.b)}%" height="8" fill="${colours[1]}"/></g>`);
      y += rowHeight;
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export interface StackRow {
  label: string;
  figures: string;
  /** Shares summing to 1 (or 0 when the row has no responses), one per colour. */
  shares: number[];
  titles: string[];
}

/** One stacked 100% bar per row (customer states per segment or period). */
export function stackedBars(rows: StackRow[], colours: readonly string[], label: string): string {
  const stacked = crowded(rows);
  const rowHeight = stacked ? ROW + 16 : ROW;
  const height = rows.length * rowHeight + 4;
  const parts = [`<svg class="chart" width="100%" height="${height}" role="img" aria-label="${esc(label)}">`];
  rows.forEach((row, i) => {
    const y = i * rowHeight;
    const { text, mark } = rowText(row.label, row.figures, y, stacked);
    parts.push(text);
    let x = 0;
    row.shares.forEach((share, s) => {
      const w = round(100 * share);
      if (w > 0) parts.push(`<rect x="${round(x)}%" y="${y + mark - 8}" width="${w}%" height="14" fill="${colours[s % colours.length]}"><title>${esc(row.titles[s]!)}</title></rect>`);
      x += 100 * share;
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export interface LinePoint {
  label: string;
  value: number;
  ci: [number, number];
  flagged: boolean;
  title: string;
}

/**
 * A line with its confidence band on −100…100 (NPS over time). The band and line are drawn in a nested SVG
 * stretched to the width (strokes keep their width); dots and labels sit in the outer one, so they stay round
 * and readable. At most six period labels, the first and last anchored inwards.
 */
export function lineChart(points: LinePoint[], label: string): string {
  const height = 250;
  const plotTop = 12;
  const plotHeight = 200;
  // The plot starts at 11% of the width: room for the value labels (right-aligned at 10%) even at 400 px; it
  // ends half the widest period label before the right edge, so every label can be centred on its point.
  const plotLeft = 11;
  const plotRight = Math.floor(100 - (100 * Math.max(...points.map((p) => labelWidth(p.label)))) / 2 / NARROWEST - 1);
  const y = (v: number) => round(plotTop + ((100 - v) / 200) * plotHeight);
  const inner = (v: number) => round(((100 - v) / 200) * plotHeight);
  const u = (i: number) => (points.length === 1 ? 500 : round((i / (points.length - 1)) * 1000));
  const xPct = (i: number) => round(plotLeft + (u(i) / 1000) * (plotRight - plotLeft));
  const parts = [`<svg class="chart" width="100%" height="${height}" role="img" aria-label="${esc(label)}">`];
  for (const t of [-100, -50, 0, 50, 100]) {
    parts.push(`<line x1="${plotLeft}%" x2="100%" y1="${y(t)}" y2="${y(t)}" class="${t === 0 ? 'reference' : 'grid'}"/>`);
    parts.push(`<text class="tick" x="${plotLeft - 1}%" y="${y(t) + 4}" text-anchor="end">${t > 0 ? `+${t}` : t < 0 ? `−${-t}` : '0'}</text>`);
  }
  const band = [...points.map((p, i) => `${u(i)},${inner(p.ci[1])}`), ...points.map((p, i) => `${u(i)},${inner(p.ci[0])}`).reverse()].join(' ');
  parts.push(`<svg x="${plotLeft}%" y="${plotTop}" width="${plotRight - plotLeft}%" height="${plotHeight}" viewBox="0 0 1000 ${plotHeight}" preserveAspectRatio="none">`);
  parts.push(`<polygon points="${band}" class="band"/>`);
  parts.push(`<polyline points="${points.map((p, i) => `${u(i)},${inner(p.value)}`).join(' ')}" class="trend" vector-effect="non-scaling-stroke"/>`);
  parts.push('</svg>');
  points.forEach((p, i) => {
    parts.push(`<circle cx="${xPct(i)}%" cy="${y(p.value)}" r="${p.flagged ? 6 : 4}" class="${p.flagged ? 'flagged' : 'point'}"><title>${esc(p.title)}</title></circle>`);
  });
  for (const i of periodLabels(points.map((p) => p.label), points.map((_, i) => xPct(i)))) {
    parts.push(`<text class="tick" x="${xPct(i)}%" y="${height - 8}" text-anchor="middle">${esc(points[i]!.label)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * Which period labels to show, each centred on its point, so that none overlap on the narrowest screen: the
 * first and the last always, then every k-th for the smallest k that fits (the one before the last dropped if
 * it crowds it). Widths are estimated generously (see labelWidth): SVG text cannot be measured without script.
 */
export function periodLabels(labels: readonly string[], xPercent: readonly number[]): number[] {
  const n = labels.length;
  const span = (i: number): [number, number] => {
    const centre = (xPercent[i]! / 100) * NARROWEST;
    return [centre - labelWidth(labels[i]!) / 2, centre + labelWidth(labels[i]!) / 2];
  };
  const fits = (chosen: number[]) => chosen.every((i, k) => k === 0 || span(chosen[k - 1]!)[1] + 6 <= span(i)[0]);
  for (let step = 1; step < Math.max(2, n); step++) {
    const chosen = [...new Set([...Array.from({ length: Math.ceil(n / step) }, (_, k) => k * step).filter((i) => i < n - 1), n - 1])];
    if (chosen.length > 2 && !fits(chosen.slice(-2))) chosen.splice(-2, 1);
    if (fits(chosen)) return chosen;
  }
  return n > 1 ? [0, n - 1] : [0];
}

/**
 * A period label's width at 12 px in a wide sans-serif (DejaVu Sans, what headless Chromium draws with): digits
 * and most letters 0.64 em, W and M about 1 em, punctuation about 0.37 em. Narrower fonts only leave more room.
 */
function labelWidth(text: string): number {
  let width = 0;
  for (const c of text) width += /[WMmw]/.test(c) ? 12 : /[-.,:;/ ]/.test(c) ? 4.5 : 7.7;
  return width;
}

const round = (v: number) => Math.round(v * 100) / 100;
