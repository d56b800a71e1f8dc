// The public page in a real browser: Debian's Chromium, headless, driven by playwright-core.
// At 1200 px and at 360 px (a small phone) the page must not scroll sideways, the figures on
// screen must be the database's, and an official's answer carrying a <script> and an onerror
// handler must stay inert text. Screenshots go to test-output/ (not committed).
// Without Chromium at /usr/bin/chromium the suite is skipped with a message, except under
// CI=true, where it fails: .ci/run installs the package before the tests.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../src/shared/vntime.js';
import { makePublicWorld, type PublicWorld } from './world.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const underCi = process.env.CI === 'true';
const OUTPUT = path.resolve('test-output');

if (!present && !underCi) {
  console.warn(`Skipping the browser test of /congkhai: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
}

describe.skipIf(!present && !underCi)('the public page in headless Chromium', () => {
  let w: PublicWorld;
  let browser: Browser;

  beforeAll(async () => {
    if (!present) throw new Error(`CI=true and no Chromium at ${CHROMIUM}: the browser test cannot be skipped under CI (.ci/run installs it)`);
    w = await makePublicWorld();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  async function open(path_: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const response = await page.goto(`${w.base}${path_}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  // Run in the page (as text: the project's types have no DOM).
  const widths = (page: Page) =>
    page.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
  const OVERFLOWING =
    "[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((el) => el.tagName)";

  /** The month card's figures as the browser shows them: label → value. */
  async function shownCard(page: Page, title: string): Promise<Record<string, string>> {
    const card = page.locator('section.card', { has: page.locator('h3', { hasText: title }) });
    const labels = await card.locator('dt').allInnerTexts();
    const values = await card.locator('dd').allInnerTexts();
    return Object.fromEntries(labels.map((l, i) => [l.trim(), values[i].trim()]));
  }

  /** November's figures for Tân Tiến straight from the tables, not through the page's code. */
  async function novemberFromDatabase(): Promise<Record<string, string>> {
    const cohort = { communeId: w.tanTien.id, status: 'returned', returnedAt: { gte: vnInstant('2026-11-01'), lt: vnInstant('2026-12-01') } };
    const [returned, inTime, rated, satisfied, unsatisfied] = await Promise.all([
      w.app.db.dossier.count({ where: cohort }),
      w.app.db.dossier.count({ where: { ...cohort, outcome: { in: ['early', 'on_time'] } } }),
      w.app.db.rating.count({ where: { dossier: cohort } }),
      w.app.db.rating.count({ where: { dossier: cohort, level: { in: ['very_satisfied', 'satisfied'] } } }),
      w.app.db.rating.count({ where: { dossier: cohort, level: 'unsatisfied' } }),
    ]);
    const pct = (a: number, b: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(Math.round((a / b) * 1000) / 10)}%`;
    return { 'Hài lòng': pct(satisfied, rated), 'Không hài lòng': pct(unsatisfied, rated), 'Lượt đánh giá': String(rated), 'Trả kết quả đúng hạn': pct(inTime, returned) };
  }

  for (const width of [1200, 360]) {
    it(`at ${width} px: no sideways scroll, the database's figures, an inert answer`, async () => {
      const page = await open('/congkhai/BG-TANTIEN', width);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      const sizes = await widths(page);
      expect(sizes.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(sizes.client);
      // Nothing is wider than the screen either (a table or the chart poking out of its box).
      expect(await page.evaluate<string[]>(OVERFLOWING)).toEqual([]);

      expect(await shownCard(page, 'Tháng 11/2026')).toEqual(await novemberFromDatabase());
      await expect.poll(() => page.locator('h1').innerText()).toBe('Xã Tân Tiến: kết quả phục vụ người dân');
      // The chart is drawn and has a name; the hotline dials.
      const chart = page.locator('figure svg[role="img"]');
      expect(await chart.getAttribute('aria-labelledby')).toBe('trend-caption');
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(250);
      expect(box!.width).toBeLessThanOrEqual(width);
      expect(await page.locator('a[href^="tel:"]').innerText()).toBe('0204 3850 001');

      // The injected answer: visible as text, nothing ran, no element was made from it.
      const answer = page.locator('article#PA-2026-T012 p').last();
      expect(await answer.innerText()).toContain('<script>window.__pwned = 1</script>');
      expect(await page.evaluate<unknown>('window.__pwned')).toBeUndefined();
      expect(await page.locator('article script, article img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(0);
      expect(errors).toEqual([]);

      await page.screenshot({ path: path.join(OUTPUT, `congkhai-tantien-${width}.png`), fullPage: true });
      await page.close();
    });
  }

  it('the overview of all communes fits 360 px too', async () => {
    for (const width of [1200, 360]) {
      const page = await open('/congkhai', width);
      const sizes = await widths(page);
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
      expect(await page.evaluate<string[]>(OVERFLOWING)).toEqual([]);
      expect(await page.locator('table:has(caption) tbody tr th a').count()).toBe(3);
      await page.screenshot({ path: path.join(OUTPUT, `congkhai-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
