// /baocao: the XLSX workbook opened with exceljs, its layout and its cells checked against the
// seeded progress reports, dossiers, ratings and complaints.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../src/shared/vntime.js';
import type { Reply } from '../../src/conversation/types.js';
import { makeProvince, report, type Province } from './fixture.js';
import { expectSaid, idsOf, said } from '../support/conversation.js';

let p: Province;
let serial = 0;

type Level = 'very_satisfied' | 'satisfied' | 'unsatisfied';

async function dossier(commune: string, returnedOn: string, outcome: string, rating?: { level: Level; askedExtra: boolean }) {
  const { db } = p.app;
  const procedure = await db.procedure.findFirstOrThrow();
  serial++;
  const returnedAt = vnInstant(returnedOn, '10:00');
  const row = await db.dossier.create({
    data: {
      code: `HS-${serial}`,
      communeId: p.communeId[commune],
      procedureId: procedure.id,
      receivedAt: vnInstant('2026-10-20', '09:00'),
      dueAt: returnedAt,
      status: 'returned',
      returnedAt,
      outcome,
      ratingTokenHash: `token-${serial}`,
      shortCodeHash: `short-${serial}`,
      tokenExpiresAt: vnInstant('2026-12-31'),
    },
  });
  if (rating) {
    await db.rating.create({
      data: {
        dossierId: row.id,
        accountId: p.citizen.id,
        questionnaire: 'mot-cua-2025',
        answers: JSON.stringify({ overall: rating.level, timeliness: 'on_time', attitude: 'polite', guidance: 'clear', extra: rating.askedExtra ? 'yes' : 'no' }),
        ...rating,
      },
    });
  }
}

async function complaint(commune: string, filedOn: string, resolvedOn?: string) {
  serial++;
  await p.app.db.complaint.create({
    data: {
      code: `PA-${serial}`,
      communeId: p.communeId[commune],
      category: 'slow',
      text: 'Chờ lâu',
      createdAt: vnInstant(filedOn, '09:00'),
      dueAt: vnInstant('2026-11-30', '17:00'),
      status: resolvedOn ? 'resolved' : 'new',
      resolvedAt: resolvedOn ? vnInstant(resolvedOn, '15:00') : null,
      resolution: resolvedOn ? 'Đã xử lý' : null,
    },
  });
}

async function workbookOf(user: string, args = ''): Promise<{ reply: Reply; wb: ExcelJS.Workbook }> {
  const [reply] = await p.app.conversation.handle({ channel: 'console', userId: user, text: `/baocao ${args}`.trim() });
  expect(reply.document?.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(reply.document!.base64, 'base64') as unknown as ArrayBuffer);
  return { reply, wb };
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

beforeAll(async () => {
  p = await makeProvince(vnInstant('2026-12-03', '09:00'));
  for (const [code, score] of [['TC1', 18], ['TC2', 22], ['TC3', 17], ['TC4', 13], ['TC5', 18]] as const) {
    await report(p, 'BG-A', code, '2026-11', 'done', score, code === 'TC1' ? [{ kind: 'link', ref: 'https://xa.vn/dm.pdf', doc: 0 }] : []);
  }
  await report(p, 'BG-B', 'TC2', '2026-10', 'in_progress', 9);
  await report(p, 'BG-B', 'TC2', '2026-12', 'done', 25); // after the month asked: not in November's report
  await dossier('BG-A', '2026-11-05', 'early', { level: 'very_satisfied', askedExtra: false });
  await dossier('BG-A', '2026-11-12', 'on_time', { level: 'unsatisfied', askedExtra: true });
  await dossier('BG-A', '2026-11-20', 'late');
  await dossier('BG-B', '2026-10-30', 'on_time', { level: 'satisfied', askedExtra: false }); // October
  await complaint('BG-A', '2026-11-02', '2026-11-06');
  await complaint('BG-A', '2026-11-25');
});
afterAll(async () => {
  await p.app.close();
});

describe('/baocao', () => {
  it('sends a workbook with five sheets, laid out for reading and printing', async () => {
    said(p.app).take();
    const { reply, wb } = await workbookOf('mgr-province', '2026-11');
    expectSaid(said(p.app).take(), 'criteria-xlsx-caption', { month: '11/2026', count: 4 });
    expect(reply.document?.filename).toBe('bao-cao-cqtt-2026-11.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp xã',
      'Tiến độ tiêu chí',
      'Hài lòng (thang quốc gia)',
      'Câu trả lời phiếu đánh giá',
      'Phản ánh, kiến nghị',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(20);
    }
  });

  it('has the criteria progress per commune and per commune × criterion', async () => {
    const { wb } = await workbookOf('mgr-province', '2026-11');
    const summary = rows(wb.getWorksheet('Tổng hợp xã')!);
    expect(summary[0]).toEqual([
      'Mã xã', 'Tên xã', 'Bộ tiêu chí', 'Tổng điểm tự chấm', 'Điểm tối đa', 'Số sao',
      'Đạt điểm tối thiểu từng tiêu chí', 'Đủ điều kiện công nhận', 'Tiêu chí đã báo cáo trong tháng',
    ]);
    expect(summary[1]).toEqual(['BG-A', 'Xã Thử A', '710/QĐ-UBND', 88, 100, 2, 'Có', 'Có', '5/5']);
    expect(summary[2]).toEqual(['BG-B', 'Xã Thử B', '710/QĐ-UBND', 9, 100, 0, 'Không', 'Không', '0/5']);
    expect(summary).toHaveLength(5);

    const progress = rows(wb.getWorksheet('Tiến độ tiêu chí')!);
    expect(progress).toHaveLength(1 + 4 * 5);
    expect(progress[1].slice(0, 12)).toEqual([
      'BG-A', 'Xã Thử A', 'TC1', 'Xây dựng và thực hiện quy chế dân chủ ở cơ sở; tuyên truyền về mô hình chính quyền thân thiện',
      20, 'Cán bộ BG-A số 1', 'Đã hoàn thành', 18, '11/2026', 'Có', 'Tài liệu minh chứng (PDF)', 'https://xa.vn/dm.pdf',
    ]);
    const bTc2 = progress.find((r) => r[0] === 'BG-B' && r[2] === 'TC2')!;
    expect(bTc2.slice(6, 10)).toEqual(['Đang thực hiện', 9, '10/2026', 'Không']);
  });

  it('has satisfaction on the national 3-level scale and complaint figures for the month', async () => {
    const { wb } = await workbookOf('mgr-province', '11/2026');
    const satisfaction = rows(wb.getWorksheet('Hài lòng (thang quốc gia)')!);
    expect(satisfaction[0]).toEqual([
      'Mã xã', 'Tên xã', 'Hồ sơ đã trả kết quả', 'Trước hạn', 'Đúng hạn', 'Trễ hạn', 'Tỷ lệ đúng hạn, kể cả trước hạn (%)',
      'Lượt đánh giá', 'Rất hài lòng', 'Hài lòng', 'Không hài lòng', 'Tỷ lệ hài lòng (%)', 'Tỷ lệ không hài lòng (%)', 'Bị gợi ý chi thêm',
    ]);
    const a = satisfaction.find((r) => r[0] === 'BG-A')!;
    // returned, early, on time, late, in time %, rated, very satisfied, satisfied, not satisfied, satisfied %, not satisfied %, extra
    expect(a.slice(2)).toEqual([3, 1, 1, 1, 66.7, 2, 1, 0, 1, 50, 50, 1]);
    // No dossier returned: the rates are empty cells, not zeros.
    expect(satisfaction.find((r) => r[0] === 'BG-B')!.slice(2, 8)).toEqual([0, 0, 0, 0, undefined, 0]);
    expect(satisfaction.at(-1)!.slice(0, 3)).toEqual(['', 'Toàn phạm vi', 3]);

    // Every answer of every question, counted over November's ratings (two, both on the 3-level form).
    const answers = rows(wb.getWorksheet('Câu trả lời phiếu đánh giá')!);
    expect(answers[0]).toEqual(['Phiếu đánh giá', 'Câu hỏi', 'Câu trả lời', 'Số lượt', 'Tỷ lệ (%)']);
    const overall = answers.filter((r) => r[1] === 'Mức độ hài lòng').map((r) => r.slice(2));
    expect(overall).toEqual([['Rất hài lòng', 1, 50], ['Hài lòng', 0, 0], ['Không hài lòng', 1, 50]]);
    expect(answers.find((r) => r[1] === 'Bị gợi ý chi thêm tiền' && r[2] === 'Có')!.slice(3)).toEqual([1, 50]);

    const complaints = rows(wb.getWorksheet('Phản ánh, kiến nghị')!);
    expect(complaints[0]).toEqual(['Mã xã', 'Tên xã', 'Tiếp nhận', 'Đã giải quyết', 'Giải quyết đúng hạn', 'Tỷ lệ đúng hạn (%)', 'Số ngày làm việc bình quân']);
    const ca = complaints.find((r) => r[0] === 'BG-A')!;
    expect(ca.slice(2, 6)).toEqual([2, 1, 1, 100]);
  });

  it("covers only the manager's scope and refuses a bad month", async () => {
    const { wb } = await workbookOf('mgr-BG-B');
    const progress = rows(wb.getWorksheet('Tiến độ tiêu chí')!);
    expect(new Set(progress.slice(1).map((r) => r[0]))).toEqual(new Set(['BG-B']));
    // This month (December): December's report counts.
    expect(progress.find((r) => r[2] === 'TC2')!.slice(6, 8)).toEqual(['Đã hoàn thành', 25]);
    said(p.app).take();
    const [bad] = await p.app.conversation.handle({ channel: 'console', userId: 'mgr-BG-B', text: '/baocao 2026-13' });
    expect(bad.document).toBeUndefined();
    expect(idsOf(said(p.app).take())).toEqual(['criteria-xlsx-bad-month']);
  });
});
