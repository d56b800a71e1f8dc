// Chart shapes that read well on a narrow phone screen, as Vega-Lite specs. A bar chart writes
// each row's name and figure on a line above its bar instead of beside it, so long Vietnamese
// names keep the whole width; reference lines (thresholds, targets) cross all the bars.
import type { ChartSpec } from './render.js';
import { PHONE_WIDTH } from './render.js';

/** Drawing width inside the chart's padding. */
export const PLOT_WIDTH = PHONE_WIDTH - 24;

export const colors = {
  bar: '#1f6fb2',
  track: '#e6ebf1',
  good: '#1a7f37',
  fair: '#6aa84f',
  bad: '#c62828',
  muted: '#8a9bb0',
  line: '#1b1b1b',
  second: '#b35c00',
} as const;

/** Splits a title into lines that fit the chart's width (same width estimate as the renderer). */
export function wrapLines(text: string, fontSize: number, width = PLOT_WIDTH): string[] {
  const perLine = Math.max(8, Math.floor(width / (fontSize * 0.57)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A Vega title whose text and subtitle wrap to the chart's width. */
export function title(text: string, subtitle?: string, sizes = { text: 17, subtitle: 13 }): object {
  return { text: wrapLines(text, sizes.text), ...(subtitle ? { subtitle: wrapLines(subtitle, sizes.subtitle) } : {}) };
}

export interface BarRow {
  /** Unique per chart (the bars' order is the rows' order). */
  key: string;
  /** Written above the bar, on the left. */
  label: string;
  /** Written above the bar, on the right (the figure). */
  note: string;
  value: number;
  color?: string;
}

export interface RuleLine {
  value: number;
  label: string;
}

export interface BarsOptions {
  rows: BarRow[];
  /** The scale's end (the maximum points, 100%…). */
  max: number;
  /** A light track from 0 to `max` behind every bar. */
  track?: boolean;
  rules?: RuleLine[];
  /** Height of one row, label included. */
  step?: number;
  title?: string;
  subtitle?: string;
  /** Axis under the bars, e.g. { format: '~s', title: 'điểm' }; none by default. */
  axis?: { title?: string; values?: number[]; suffix?: string };
}

/** Horizontal bars, one per row, each with its label and figure on the line above it. */
export function labelledBars(o: BarsOptions): ChartSpec {
  const step = o.step ?? 40;
  const rows = o.rows.map((r) => ({ ...r, color: r.color ?? colors.bar }));
  const y = { field: 'key', type: 'nominal', sort: null, axis: null, scale: { paddingInner: 0.52, paddingOuter: 0.4 } } as const;
  const x = {
    type: 'quantitative',
    scale: { domain: [0, o.max], nice: false, clamp: true },
    axis: o.axis
      ? {
          title: o.axis.title ?? null,
          ...(o.axis.values ? { values: o.axis.values } : { tickCount: 4 }),
          ...(o.axis.suffix ? { labelExpr: `datum.label + '${o.axis.suffix}'` } : {}),
          grid: false,
        }
      : null,
  } as const;
  const above = { baseline: 'bottom', dy: -4, fontSize: 13 } as const;
  // Drawn in this order: tracks, bars, reference lines, then the words on top of them all.
  const layers: object[] = [];
  if (o.track) {
    layers.push({ data: { values: rows.map((r) => ({ key: r.key, v: o.max })) }, mark: { type: 'bar', color: colors.track }, encoding: { y, x: { ...x, field: 'v' } } });
  }
  layers.push({ mark: { type: 'bar' }, encoding: { y, x: { ...x, field: 'value' }, color: { field: 'color', type: 'nominal', scale: null } } });
  for (const rule of o.rules ?? []) {
    // The line crosses each bar, not the words above it; its label goes under the bars, on
    // the side with room for it.
    const right = rule.value > o.max * 0.6;
    layers.push(
      {
        mark: { type: 'rule', color: colors.line, strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x: { ...x, datum: rule.value }, y: { ...y, bandPosition: 0 }, y2: { field: 'key', bandPosition: 1 } },
      },
      {
        data: { values: [{}] },
        mark: { type: 'text', align: right ? 'right' : 'left', dx: right ? -4 : 4, baseline: 'top', y: 'height', dy: 2, fontSize: 12, fontWeight: 600 },
        encoding: { x: { ...x, datum: rule.value }, text: { value: rule.label } },
      },
    );
  }
  layers.push(
    {
      mark: { type: 'text', align: 'left', ...above, limit: PLOT_WIDTH * 0.72 },
      encoding: { y: { ...y, bandPosition: 0 }, x: { ...x, datum: 0 }, text: { field: 'label' } },
    },
    {
      mark: { type: 'text', align: 'right', ...above, fontWeight: 600 },
      encoding: { y: { ...y, bandPosition: 0 }, x: { ...x, datum: o.max }, text: { field: 'note' } },
    },
  );
  return {
    ...(o.title ? { title: title(o.title, o.subtitle, { text: 15, subtitle: 13 }) } : {}),
    width: PLOT_WIDTH,
    height: { step },
    data: { values: rows },
    layer: layers,
  } as unknown as ChartSpec;
}

export interface LinePoint {
  /** Label on the axis ("T3"). */
  x: string;
  /** null: no data that month (a gap in the line). */
  y: number | null;
  series: string;
}

/** Percentages over months, one line per series; a single line has each point's value written above it. */
export function percentLines(o: {
  points: LinePoint[];
  series: { name: string; color: string }[];
  title?: string;
  subtitle?: string;
  width?: number;
  height?: number;
}): ChartSpec {
  const order = [...new Set(o.points.map((p) => p.x))];
  const x = { field: 'x', type: 'ordinal', sort: order, axis: { title: null, labelAngle: 0, labelOverlap: true, labelFontSize: 12 } } as const;
  const y = { field: 'y', type: 'quantitative', scale: { domain: [0, 100] }, axis: { title: null, values: [0, 50, 100], labelExpr: "datum.label + '%'" } } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: o.series.map((s) => s.name), range: o.series.map((s) => s.color) },
    // Stacked above the lines, so long names keep the chart narrow.
    legend: o.series.length > 1 ? { title: null, orient: 'top', direction: 'vertical' } : null,
  } as const;
  return {
    ...(o.title ? { title: title(o.title, o.subtitle, { text: 15, subtitle: 13 }) } : {}),
    width: o.width ?? PLOT_WIDTH,
    height: o.height ?? 170,
    data: { values: o.points },
    transform: [{ filter: 'datum.y !== null' }],
    layer: [
      { mark: { type: 'line', strokeWidth: 2.5, point: { size: 50, filled: true } }, encoding: { x, y, color } },
      // Each point's value, when a single line leaves room for it.
      ...(o.series.length === 1
        ? [{ mark: { type: 'text', dy: -11, fontSize: 12 }, encoding: { x, y, color, text: { field: 'y', type: 'quantitative', format: '.0f' } } }]
        : []),
    ],
  } as unknown as ChartSpec;
}
