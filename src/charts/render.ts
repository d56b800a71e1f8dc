// Charts drawn on the server, without a browser: a Vega-Lite spec is compiled to Vega, laid out
// by Vega's headless view (`renderer: 'none'`) into SVG, and the SVG is rasterised to PNG by
// resvg (prebuilt binary shipped in the npm package). Text uses Be Vietnam Pro, a font made for
// Vietnamese, loaded from its npm package and never from the system, so a chart looks the same
// on every machine and every diacritic has its glyph.
import { createRequire } from 'node:module';
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { ReplyImage } from '../conversation/types.js';

export type ChartSpec = TopLevelSpec;

export const CHART_FONT = 'Be Vietnam Pro';
/** Logical width of a chat chart: about a phone screen's width in CSS pixels. */
export const PHONE_WIDTH = 360;
/**
 * Pixels per logical pixel in the PNG: 720 px wide, sharp on a phone. 3× would match the
 * densest screens but costs 2.3 times the pixels, and most of a render is encoding them.
 */
const PNG_SCALE = 2;

const require = createRequire(import.meta.url);
const FONT_FILES = ['400Regular/BeVietnamPro_400Regular.ttf', '600SemiBold/BeVietnamPro_600SemiBold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`),
);

type TextItem = { fontSize?: number; text?: unknown };

interface Engines {
  vega: typeof Vega;
  compile: typeof import('vega-lite').compile;
  Resvg: typeof import('@resvg/resvg-js').Resvg;
}

let engines: Promise<Engines> | undefined;

/**
 * The chart libraries are loaded on the first chart, not at start: they take about a second to
 * load, which the service, the CLI and most conversations never need to pay.
 */
function load(): Promise<Engines> {
  engines ??= (async () => {
    const [vega, vegaLite, resvg] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
    // Without a canvas Vega guesses text widths at 0.8 em a character, which wastes a third of a
    // narrow chart. Be Vietnam Pro's advance is about 0.5 em for letters (diacritics add none)
    // and 0.62 em for digits (measured with resvg); a slight overestimate keeps labels apart.
    // vega re-exports vega-scenegraph's textMetrics at run time; its typings leave it out.
    const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } };
    textMetrics.width = (item, text) => {
      const value = String(text ?? item.text ?? '');
      const size = item.fontSize ?? 11;
      let ems = 0;
      for (const ch of value) ems += /[0-9]/.test(ch) ? 0.63 : 0.55;
      return ems * size;
    };
    return { vega, compile: vegaLite.compile, Resvg: resvg.Resvg };
  })();
  return engines;
}

/** Colours and type sizes shared by every chart: readable on a phone, enough contrast. */
const theme = {
  font: CHART_FONT,
  background: '#ffffff',
  padding: 12,
  title: { fontSize: 17, fontWeight: 600, subtitleFontSize: 13, subtitleColor: '#444444', anchor: 'start', offset: 10, subtitlePadding: 4 },
  axis: { labelFontSize: 13, titleFontSize: 13, labelColor: '#333333', titleColor: '#333333', gridColor: '#e5e5e5' },
  legend: { labelFontSize: 13, titleFontSize: 13, orient: 'bottom', symbolSize: 120 },
  view: { stroke: null },
  text: { fontSize: 13, color: '#1b1b1b' },
  concat: { spacing: 22 },
} as const;

/** The chart as SVG (what the public page inlines); the spec's own config wins over the theme. */
export async function chartSvg(spec: ChartSpec, scale = 1): Promise<string> {
  const { vega, compile } = await load();
  const themed = { ...spec, config: { ...theme, ...(spec as { config?: object }).config } } as ChartSpec;
  const view = new vega.View(vega.parse(compile(themed).spec), { renderer: 'none' });
  try {
    return await view.toSVG(scale);
  } finally {
    view.finalize();
  }
}

export interface Png {
  png: Buffer;
  width: number;
  height: number;
}

/** The chart as a PNG for a chat, PNG_SCALE pixels per logical pixel. */
export async function chartPng(spec: ChartSpec): Promise<Png> {
  const svg = await chartSvg(spec, PNG_SCALE);
  return svgToPng(svg);
}

export async function svgToPng(svg: string): Promise<Png> {
  const { Resvg } = await load();
  const rendered = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    shapeRendering: 2,
    textRendering: 1,
  }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** A chart as a picture a reply can carry. */
export async function chartImage(spec: ChartSpec, filename: string, alt: string): Promise<ReplyImage> {
  const { png } = await chartPng(spec);
  return { filename, base64: png.toString('base64'), alt };
}

/** Letters, digits and dashes only: a file name that is safe on every system and platform. */
export function fileSlug(...parts: string[]): string {
  return parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}
