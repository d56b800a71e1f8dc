// Opening the PNG charts the bot sends: decoding them (pngjs), telling a blank picture from a
// drawn one, and reading the bar lengths back out of the pixels, so a test can check that the
// picture shows the numbers it should, not only that a picture was sent.
import { PNG } from 'pngjs';
import { expect } from 'vitest';

export function decodePng(bytes: Buffer | string): PNG {
  return PNG.sync.read(typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes);
}

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function near(png: PNG, i: number, [r, g, b]: Rgb, tolerance = 3): boolean {
  const d = png.data;
  return Math.abs(d[i] - r) <= tolerance && Math.abs(d[i + 1] - g) <= tolerance && Math.abs(d[i + 2] - b) <= tolerance;
}

/** Share of pixels that are not (nearly) white: 0 for a blank picture. */
export function inkShare(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 240 || png.data[i + 1] < 240 || png.data[i + 2] < 240) ink++;
  return ink / (png.width * png.height);
}

/** Pixels of each colour, for "is the red bar there at all". */
export function countColour(png: PNG, hex: string): number {
  const c = rgb(hex);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (near(png, i, c)) n++;
  return n;
}

/**
 * Bars drawn over a light track, top to bottom: for each band of rows where track and bar fill
 * most of the plot's width, the bar's share of the track (0–100) in the band's middle row.
 */
export function barShares(png: PNG, track: string, bars: string[]): number[] {
  const trackRgb = rgb(track);
  const barRgbs = bars.map(rgb);
  const rows: { bar: number; all: number }[] = [];
  for (let y = 0; y < png.height; y++) {
    let bar = 0;
    let all = 0;
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (near(png, i, trackRgb)) all++;
      else if (barRgbs.some((c) => near(png, i, c))) {
        bar++;
        all++;
      }
    }
    rows.push({ bar, all });
  }
  const full = Math.max(...rows.map((r) => r.all));
  const shares: number[] = [];
  for (let y = 0; y < rows.length; ) {
    if (rows[y].all < full * 0.9) {
      y++;
      continue;
    }
    const start = y;
    while (y < rows.length && rows[y].all >= full * 0.9) y++;
    if (y - start < 20) continue; // a line or a legend swatch, not a bar
    const mid = rows[Math.floor((start + y) / 2)];
    shares.push((mid.bar / mid.all) * 100);
  }
  return shares;
}

/** Size and content checks every chart must pass: phone-sized, under Zalo's 1 MB, not blank. */
export function expectPhoneChart(png: PNG, bytes: number): void {
  // 2 pixels per CSS pixel of a ~360–420 px wide phone screen.
  expect(png.width).toBeGreaterThanOrEqual(700);
  expect(png.width).toBeLessThanOrEqual(900);
  expect(png.height).toBeGreaterThanOrEqual(350);
  expect(png.height / png.width).toBeLessThan(6);
  expect(bytes).toBeLessThan(1024 * 1024);
  expect(inkShare(png)).toBeGreaterThan(0.05);
}

export function expectShares(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]), `bar ${i + 1}: ${v.toFixed(1)}% vs ${expected[i]}%`).toBeLessThan(1.5));
}
