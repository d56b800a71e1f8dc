// Loads a procedure catalogue file (YAML or JSON) into the database: all rows or none.
import type { Importer } from '../shared/import-file.js';
import { formatOf, verifySummary } from '../shared/data-file.js';
import { parseCatalogue } from './catalogue.js';
import { upsertProcedures } from './catalogue-service.js';

export const importProceduresFile: Importer = async (services, text, file) => {
  const parsed = parseCatalogue(text, formatOf(file));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { created, updated } = await upsertProcedures(services.db, parsed.procedures);
  return {
    ok: true,
    summary: `Đã nhập ${parsed.procedures.length} thủ tục: ${created} mới, ${updated} cập nhật. Dịch vụ đang chạy sẽ dùng danh mục mới trong vòng 1 phút.${verifySummary(parsed.procedures)}`,
  };
};
