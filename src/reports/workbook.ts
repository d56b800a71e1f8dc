// A plain, printable XLSX sheet: bold header row that stays frozen and repeats on every printed
// page, column widths, landscape and fitted to the page width.
import ExcelJS from 'exceljs';

export interface Column<Row> {
  header: string;
  width: number;
  value(row: Row): string | number | null;
  /** Excel number format, e.g. '0.0'. */
  numFmt?: string;
}

export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chính quyền thân thiện';
  wb.title = title;
  return wb;
}

export function addSheet<Row>(wb: ExcelJS.Workbook, name: string, columns: Column<Row>[], rows: Row[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row)));
  ws.pageSetup.printTitlesRow = '1:1';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

export async function toBase64(wb: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
