// Procedure search: answer quality on the shipped catalogue and referrals (the question sets of
// test/procedures, answered as the conversation answers them), then speed at national-catalogue
// scale: the seed procedures are grown to 2,000 with synthetic variants (new codes, varied names
// and aliases in both languages), the bilingual index is built once, then ~5,000 questions of all
// sets are answered (search + confidence rules). Run alone with `npx tsx bench/search.ts`.
import { runIfMain } from './support/service.js';
import { loadSeedCatalogue } from '../src/procedures/catalogue.js';
import { BilingualSearch, type BilingualEntry } from '../src/procedures/bilingual.js';
import { decide } from '../src/procedures/confidence.js';
import { loadSeedReferrals } from '../src/referrals/referrals.js';
import { ENGLISH_QUESTIONS } from '../test/procedures/english-questions.js';
import { OUT_OF_SCOPE } from '../test/procedures/out-of-scope.js';
import { inCatalogueQuality, outOfScopeQuality, rate, seedCatalogue } from '../test/procedures/quality.js';
import { QUESTIONS } from '../test/procedures/questions.js';

const PROCEDURES = 2000;
const QUERIES = 5000;
// Imported national-catalogue procedures rarely come with citizens' words (the 35 seed ones keep all
// of theirs); BENCH_SEARCH_ALIASES=8 gives every variant 8 aliases as a harsher case.
const ALIASES_PER_VARIANT = Number(process.env.BENCH_SEARCH_ALIASES ?? 2);

// Real administrative words, so synthetic names grow the vocabulary the way a real catalogue does.
const QUALIFIERS = [
  'trong lĩnh vực nông nghiệp', 'đối với thủy sản', 'cho cơ sở giáo dục', 'tại cơ sở y tế', 'về văn hóa',
  'về thể thao', 'cho doanh nghiệp du lịch', 'về giao thông đường bộ', 'về thuế', 'về hải quan',
  'đối với người có công', 'về lao động', 'về việc làm', 'về tài nguyên nước', 'về môi trường',
  'về lâm nghiệp', 'về thủy lợi', 'về điện lực', 'về khoáng sản', 'về quốc phòng', 'về tôn giáo',
  'về thi đua khen thưởng', 'về dân tộc', 'về trẻ em', 'về bình đẳng giới', 'về phòng cháy',
  'về an toàn thực phẩm', 'về thú y', 'về trồng trọt', 'về khoa học công nghệ', 'về thông tin truyền thông',
  'về báo chí', 'về xuất bản', 'về bưu chính', 'về ngân hàng', 'về bảo hiểm', 'về thương mại',
  'về công nghiệp', 'về năng lượng', 'về đường thủy nội địa',
];
const STAGES = ['cấp mới', 'cấp lại', 'điều chỉnh', 'gia hạn', 'thu hồi', 'đính chính', 'chấm dứt', 'công nhận'];
const STAGES_EN = ['new issue', 'reissue', 'amendment', 'extension', 'withdrawal', 'correction', 'termination', 'recognition'];

function syntheticCatalogue(): BilingualEntry[] {
  const seed: BilingualEntry[] = loadSeedCatalogue();
  const referrals: BilingualEntry[] = loadSeedReferrals().map((r) => ({ ...r, kind: 'referral', field: r.agency }));
  const out = [...seed, ...referrals];
  for (let i = seed.length; out.length < PROCEDURES + referrals.length; i++) {
    const base = seed[i % seed.length];
    const qualifier = QUALIFIERS[i % QUALIFIERS.length];
    const stageIndex = Math.floor(i / QUALIFIERS.length) % STAGES.length;
    const stage = STAGES[stageIndex];
    out.push({
      code: `SYN.${String(i).padStart(6, '0')}`,
      name: `${base.name} ${qualifier} (${stage})`,
      nameEn: base.nameEn && `${base.nameEn} (${STAGES_EN[stageIndex]}, sector ${i % QUALIFIERS.length})`,
      field: base.field,
      aliases: base.aliases.slice(0, ALIASES_PER_VARIANT).map((a, k) => (k % 2 ? `${a} ${qualifier}` : `${stage} ${a}`)),
      aliasesEn: (base.aliasesEn ?? []).slice(0, ALIASES_PER_VARIANT).map((a) => `${a} ${STAGES_EN[stageIndex]}`),
    });
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export async function benchSearch(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const catalogue = seedCatalogue();
  const inCatalogue = inCatalogueQuality(catalogue, QUESTIONS);
  const outOfScope = outOfScopeQuality(catalogue, OUT_OF_SCOPE);
  const english = inCatalogueQuality(catalogue, ENGLISH_QUESTIONS);

  const entries = syntheticCatalogue();
  const t0 = performance.now();
  const search = new BilingualSearch(entries);
  const buildMs = performance.now() - t0;
  const answer = (q: string) => {
    const hits = search.search(q, 5);
    decide(hits);
    return hits;
  };

  const all = [...QUESTIONS.map(([q]) => q), ...OUT_OF_SCOPE.map((c) => c.q), ...ENGLISH_QUESTIONS.map(([q]) => q)];
  const questions = Array.from({ length: QUERIES }, (_, i) => all[i % all.length]);
  for (const q of questions.slice(0, 200)) answer(q); // warm-up (JIT)
  // Wall time is what a citizen waits for; CPU time (this process only) is also reported because
  // on a shared machine wall-time tails mostly measure other processes.
  const micros: number[] = [];
  const cpuMicros: number[] = [];
  let empty = 0;
  for (const q of questions) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const hits = answer(q);
    const used = process.cpuUsage(cpu);
    micros.push((performance.now() - start) * 1000);
    cpuMicros.push(used.user + used.system);
    if (hits.length === 0) empty++;
  }
  micros.sort((a, b) => a - b);
  cpuMicros.sort((a, b) => a - b);
  const pct = (n: number, total: number) => `${rate.percent(rate.share(n, total))} (${n} of ${total})`;
  return {
    name: 'Procedure search (MiniSearch, Vietnamese and English analyzers, confidence rules)',
    figures: {
      'in-catalogue questions: right procedure ranked first': pct(inCatalogue.top1, inCatalogue.total),
      'in-catalogue questions: answered at once with the right card': pct(inCatalogue.direct, inCatalogue.total),
      'in-catalogue questions: answered with a wrong card': pct(inCatalogue.wrongCards, inCatalogue.total),
      'out-of-scope questions: answered with a wrong procedure card': pct(outOfScope.wrongCards, outOfScope.total),
      'out-of-scope questions: answered with a wrong referral': pct(outOfScope.wrongReferrals, outOfScope.total),
      'out-of-scope questions: right card or referral': pct(outOfScope.right, outOfScope.total),
      'English questions: right entry ranked first': pct(english.top1, english.total),
      'English questions: answered at once with the right card': pct(english.direct, english.total),
      'entries in the speed test (procedures + referrals)': entries.length,
      'aliases per synthetic procedure': ALIASES_PER_VARIANT,
      queries: questions.length,
      'build ms': Math.round(buildMs),
      'p50 µs/query': Math.round(percentile(micros, 0.5)),
      'p99 µs/query': Math.round(percentile(micros, 0.99)),
      'max µs/query': Math.round(micros[micros.length - 1]),
      'p50 CPU µs/query': percentile(cpuMicros, 0.5),
      'p99 CPU µs/query': percentile(cpuMicros, 0.99),
      'queries with no hit': empty,
    },
  };
}

await runIfMain(import.meta.url, benchSearch);
