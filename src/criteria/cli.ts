// `criteria list` and `criteria use --set <key> --year <yyyy> --commune <code>… | --province <code>`:
// which criteria sets exist, and which set a commune follows in a year (one per year).
import { parseArgs } from 'node:util';
import type { Services } from '../services.js';
import { UsageError, type CliCommand } from '../cli/io.js';

const usage =
  'criteria list | criteria use --set <key> --year <yyyy> (--commune <code> … | --province <code>)   criteria sets per commune and year';

export const criteriaCommand: CliCommand = {
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action !== 'list' && action !== 'use') throw new UsageError('criteria needs list or use');
    const { values } = parseArgs({
      args: rest,
      options: {
        set: { type: 'string' },
        year: { type: 'string' },
        commune: { type: 'string', multiple: true },
        province: { type: 'string' },
      },
    });
    if (action === 'use') {
      if (!values.set || !/^\d{4}$/.test(values.year ?? '') || (!values.commune?.length && !values.province)) {
        throw new UsageError('criteria use needs --set <key>, --year <yyyy> and --commune <code> or --province <code>');
      }
    }
    const services = await io.openApp();
    try {
      if (action === 'list') {
        io.stdout.write(`${await listSets(services)}\n`);
        return 0;
      }
      const result = await useSet(services, values.set!, Number(values.year), values.commune ?? [], values.province);
      (result.ok ? io.stdout : io.stderr).write(`${result.message}\n`);
      return result.ok ? 0 : 1;
    } finally {
      await services.close();
    }
  },
};

async function listSets(services: Pick<Services, 'db' | 'i18n'>): Promise<string> {
  const t = services.i18n.in('vi');
  const sets = await services.db.criteriaSet.findMany({ include: { _count: { select: { criteria: true } } }, orderBy: { key: 'asc' } });
  const links = await services.db.communeSet.groupBy({ by: ['setId', 'year'], _count: { _all: true }, orderBy: { year: 'asc' } });
  if (!sets.length) return t('criteria-cli-no-sets');
  return sets
    .map((s) => {
      const use = links.filter((l) => l.setId === s.id).map((l) => t('criteria-cli-use', { year: String(l.year), count: l._count._all }));
      return t('criteria-cli-set', {
        key: s.key,
        decision: s.decision,
        province: s.province,
        count: s._count.criteria,
        max: s.maxPoints,
        use: use.join(', ') || '—',
      });
    })
    .join('\n');
}

/** Links the communes to the set for the year, replacing any other set they followed that year. */
export async function useSet(
  services: Pick<Services, 'db' | 'i18n'>,
  key: string,
  year: number,
  communeCodes: string[],
  provinceCode?: string,
): Promise<{ ok: boolean; message: string }> {
  const { db } = services;
  const t = services.i18n.in('vi');
  const set = await db.criteriaSet.findUnique({ where: { key } });
  if (!set) return { ok: false, message: t('criteria-cli-unknown-set', { key }) };
  const codes = communeCodes.map((c) => c.trim().toUpperCase());
  const communes = await db.commune.findMany({
    where: { OR: [{ code: { in: codes } }, ...(provinceCode ? [{ province: { code: provinceCode.trim().toUpperCase() } }] : [])] },
  });
  const unknown = codes.filter((c) => !communes.some((x) => x.code === c));
  if (unknown.length) return { ok: false, message: t('criteria-cli-unknown-communes', { codes: unknown.join(', ') }) };
  if (!communes.length) return { ok: false, message: t('criteria-cli-no-communes') };
  // Assignments point at criteria of the old set; they stay (history) but no longer count.
  await db.$transaction(async (tx) => {
    for (const c of communes) {
      await tx.communeSet.upsert({
        where: { communeId_year: { communeId: c.id, year } },
        create: { communeId: c.id, year, setId: set.id },
        update: { setId: set.id },
      });
    }
    await tx.auditLog.create({
      data: { action: 'criteria.use', subject: `set:${set.key}/year:${year}`, detail: JSON.stringify(communes.map((c) => c.code)) },
    });
  });
  return { ok: true, message: t('criteria-cli-used', { key: set.key, year: String(year), count: communes.length }) };
}
