// `import referrals <file>`: loads a referral file (YAML or JSON) into the database, all rows or none.
import type { Importer } from '../shared/import-file.js';
import { formatOf, verifySummary } from '../shared/data-file.js';
import { parseReferrals } from './referrals.js';
import { upsertReferrals } from './store.js';

export const importReferralsFile: Importer = async (services, text, file) => {
  const parsed = parseReferrals(text, formatOf(file));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { created, updated } = await upsertReferrals(services.db, parsed.referrals);
  return {
    ok: true,
    summary: `Đã nhập ${parsed.referrals.length} mục chuyển nơi khác: ${created} mới, ${updated} cập nhật.${verifySummary(parsed.referrals)}`,
  };
};
