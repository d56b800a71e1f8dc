// The public page over real HTTP: what it publishes (desk, national-scale satisfaction and
// on-time rate for the month, quarter and year, the trend as inline SVG, complaint figures,
// resolved complaints ten to a page), what it never shows (reporters, their texts, rating
// comments), how it stays inert (escaped answers, a CSP that runs nothing) and small.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CACHE_MS } from '../../src/public/page.js';
import { makePublicWorld, INJECTED, SECRETS, type PublicWorld } from './world.js';

let w: PublicWorld;
beforeAll(async () => {
  w = await makePublicWorld();
});
afterAll(() => w.close());

async function get(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await fetch(`${w.base}${path}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** The figures grid of the card headed `title`: label → value. */
function card(html: string, title: string): Record<string, string> {
  const at = html.indexOf(`<h3>${title}</h3>`);
  expect(at, `card ${title}`).toBeGreaterThan(0);
  const block = html.slice(at, html.indexOf('</section>', at));
  return Object.fromEntries([...block.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => [m[1], m[2]]));
}

describe("a commune's page", () => {
  it('is a small, accessible, script-free HTML page with the desk, figures, trend and answers', async () => {
    const { status, html, headers } = await get('/congkhai/BG-TANTIEN');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.byteLength(html)).toBeLessThan(50 * 1024);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h1>Xã Tân Tiến: kết quả phục vụ người dân</h1>');
    expect(html).not.toMatch(/<script/i);
    // Desk address, hours and hotline (a tel: link).
    const desk = await w.app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    expect(html).toContain(`<dt>Bộ phận một cửa</dt><dd>${desk.deskAddress}</dd>`);
    expect(html).toContain(`<dt>Giờ làm việc</dt><dd>${desk.deskHours}</dd>`);
    expect(html).toContain('<a href="tel:02043850001">0204 3850 001</a>');
    expect(html).toMatch(/Cập nhật lúc 09:00 ngày 20\/11\/2026\./);
  });

  it('shows satisfaction on the national scale and the on-time rate for the month, the quarter and the year', async () => {
    const { html } = await get('/congkhai/BG-TANTIEN');
    // November: 8 ratings, 4 + 3 satisfied, 1 not; 8 of 10 returned on time or early.
    expect(card(html, 'Tháng 11/2026')).toEqual({ 'Hài lòng': '87,5%', 'Không hài lòng': '12,5%', 'Lượt đánh giá': '8', 'Trả kết quả đúng hạn': '80%' });
    expect(html).toContain('Rất hài lòng 4 · Hài lòng 3 · Không hài lòng 1 · 10 hồ sơ đã trả kết quả');
    // Q4: November plus October (1 satisfied, 1 not).
    expect(card(html, 'Quý 4/2026')).toEqual({ 'Hài lòng': '80%', 'Không hài lòng': '20%', 'Lượt đánh giá': '10', 'Trả kết quả đúng hạn': '83,3%' });
    // The year to date: plus July and February; December 2025 is last year's.
    expect(card(html, 'Năm 2026 (đến nay)')).toEqual({ 'Hài lòng': '83,3%', 'Không hài lòng': '16,7%', 'Lượt đánh giá': '12', 'Trả kết quả đúng hạn': '85,7%' });
  });

  it('draws the twelve-month trend as inline SVG, named for assistive technology, with its figures as a table', async () => {
    const { html } = await get('/congkhai/BG-TANTIEN');
    expect(html).toMatch(/<svg role="img" aria-labelledby="trend-caption" focusable="false" [^>]*viewBox=/);
    expect(html).toContain('<figcaption id="trend-caption">Tỷ lệ hài lòng và tỷ lệ trả kết quả đúng hạn theo tháng, từ 12/2025 đến 11/2026.');
    const table = html.slice(html.indexOf('<details>'), html.indexOf('</details>'));
    expect(table.match(/<tr><th scope="row">/g)).toHaveLength(12);
    expect(table).toContain('<tr><th scope="row">T12/25</th><td>0%</td><td>100%</td><td>1</td></tr>');
    expect(table).toContain('<tr><th scope="row">T11/26</th><td>87,5%</td><td>80%</td><td>8</td></tr>');
    expect(table).toContain('<tr><th scope="row">T3/26</th><td>—</td><td>—</td><td>0</td></tr>');
  });

  it("publishes the year's complaint figures and answers, newest first, ten to a page, never the reporter", async () => {
    const first = await get('/congkhai/BG-TANTIEN');
    expect(first.html).toMatch(/<dt>Tiếp nhận<\/dt><dd>13<\/dd>.*<dt>Đã giải quyết<\/dt><dd>12<\/dd>.*<dt>Đúng hạn<\/dt><dd>100%<\/dd>/s);
    const codes = (html: string) => [...html.matchAll(/<article class="card" id="([^"]+)"/g)].map((m) => m[1]);
    expect(codes(first.html)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `PA-2026-T${String(i).padStart(3, '0')}`));
    expect(first.html).toContain('<a href="/congkhai/BG-TANTIEN?nam=2026&amp;trang=2">Cũ hơn ›</a>');
    const second = await get('/congkhai/BG-TANTIEN?nam=2026&trang=2');
    expect(codes(second.html)).toEqual(['PA-2026-T002', 'PA-2026-T001']);
    expect(second.html).toContain('<a href="/congkhai/BG-TANTIEN?nam=2026">‹ Mới hơn</a>');
    for (const html of [first.html, second.html]) for (const secret of SECRETS) expect(html).not.toContain(secret);
  });

  it("shows an official's answer with markup as text: escaped, never a tag", async () => {
    const { html } = await get('/congkhai/BG-TANTIEN');
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=&quot;x&quot; onerror=&quot;window.__pwned = 2&quot;&gt;Đã xử lý');
    expect(html).not.toContain(INJECTED);
    expect(html).not.toMatch(/<img/i);
  });

  it('stays under 50 KB with ten of the longest answers on a page', async () => {
    // Its own world: it changes answers and moves the clock.
    const own = await makePublicWorld();
    const getOwn = async (path: string) => (await fetch(`${own.base}${path}`)).text();
    try {
      expect(await getOwn('/congkhai/BG-TANTIEN')).not.toContain('Trả lời dài:');
      const long = `Trả lời dài: ${'Ủy ban nhân dân xã đã làm việc với bộ phận một cửa, kiểm tra sổ theo dõi hồ sơ và xin lỗi người dân. '.repeat(20)}`.slice(0, 2000);
      await own.app.db.complaint.updateMany({ where: { communeId: own.tanTien.id, resolution: { startsWith: 'Trả lời số' } }, data: { resolution: long } });
      // A page is kept a minute: the one shown before the change is served until then.
      expect(await getOwn('/congkhai/BG-TANTIEN')).not.toContain('Trả lời dài:');
      own.clock.advance(PAGE_CACHE_MS);
      const html = await getOwn('/congkhai/BG-TANTIEN');
      expect(html.split('Trả lời dài:').length - 1).toBe(9);
      expect(Buffer.byteLength(html)).toBeLessThan(50 * 1024);
    } finally {
      await own.close();
    }
  });

  it('refuses a bad year or page with 400 and an unknown commune with 404', async () => {
    expect((await get('/congkhai/BG-TANTIEN?trang=0')).status).toBe(400);
    expect((await get('/congkhai/BG-TANTIEN?trang=0')).html).toContain('Trang không hợp lệ');
    expect((await get('/congkhai?nam=abc')).status).toBe(400);
    expect((await get('/congkhai/KHONG-CO')).status).toBe(404);
  });

  it('shows a past year as of its December', async () => {
    const { html } = await get('/congkhai/BG-TANTIEN?nam=2025');
    expect(card(html, 'Tháng 12/2025')).toEqual({ 'Hài lòng': '0%', 'Không hài lòng': '100%', 'Lượt đánh giá': '1', 'Trả kết quả đúng hạn': '100%' });
    expect(html).toContain('<h3>Năm 2025</h3>');
    expect(html).toContain('Chưa có phản ánh nào được giải quyết trong năm 2025.');
  });
});

describe('the overview of all communes', () => {
  it('totals every commune and lists each with its year figures and a link', async () => {
    const { status, html } = await get('/congkhai');
    expect(status).toBe(200);
    expect(html).toContain('<h1>Kết quả phục vụ người dân — các xã, phường</h1>');
    // November: Tân Tiến's 8 ratings plus Yên Thế's one "not satisfied".
    expect(card(html, 'Tháng 11/2026')).toEqual({ 'Hài lòng': '77,8%', 'Không hài lòng': '22,2%', 'Lượt đánh giá': '9', 'Trả kết quả đúng hạn': '72,7%' });
    expect(html).toContain('<tr><th scope="row"><a href="/congkhai/BG-TANTIEN">Xã Tân Tiến</a></th><td>83,3%</td><td>85,7%</td><td>13/12</td></tr>');
    expect(html).toContain('<tr><th scope="row"><a href="/congkhai/BG-YENTHE">Xã Yên Thế</a></th><td>0%</td><td>0%</td><td>0/0</td></tr>');
    expect(html).toContain('<tr><th scope="row"><a href="/congkhai/BG-BOHA">Xã Bố Hạ</a></th><td>—</td><td>—</td><td>0/0</td></tr>');
    for (const secret of SECRETS) expect(html).not.toContain(secret);
    expect(Buffer.byteLength(html)).toBeLessThan(50 * 1024);
  });
});
