// Procedure search at national-catalogue scale: the 35 seed procedures are grown to 2,000 with
// synthetic variants (new codes, varied names and aliases), the index is built once, then ~5,000
// questions from the test set are answered. Run alone with `npx tsx bench/search.ts`.
import { runIfMain } from './support/service.js';
import { loadSeedCatalogue } from '../src/procedures/catalogue.js';
import { ProcedureSearch, type SearchableProcedure } from '../src/procedures/search.js';
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

function syntheticCatalogue(seed: SearchableProcedure[]): SearchableProcedure[] {
  const out = [...seed];
  for (let i = seed.length; i < PROCEDURES; i++) {
    const base = seed[i % seed.length];
    const qualifier = QUALIFIERS[i % QUALIFIERS.length];
    const stage = STAGES[Math.floor(i / QUALIFIERS.length) % STAGES.length];
    out.push({
      code: `SYN.${String(i).padStart(6, '0')}`,
      name: `${base.name} ${qualifier} (${stage})`,
      field: base.field,
      aliases: base.aliases.slice(0, ALIASES_PER_VARIANT).map((a, k) => (k % 2 ? `${a} ${qualifier}` : `${stage} ${a}`)),
    });
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export async function benchSearch(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const procedures = syntheticCatalogue(loadSeedCatalogue());
  const t0 = performance.now();
  const search = new ProcedureSearch(procedures);
  const buildMs = performance.now() - t0;

  const questions = Array.from({ length: QUERIES }, (_, i) => QUESTIONS[i % QUESTIONS.length][0]);
  for (const q of questions.slice(0, 200)) search.search(q); // warm-up (JIT)
  // Wall time is what a citizen waits for; CPU time (this process only) is also reported because
  // on a shared machine wall-time tails mostly measure other processes.
  const micros: number[] = [];
  const cpuMicros: number[] = [];
  let empty = 0;
  for (const q of questions) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const hits = search.search(q);
    const used = process.cpuUsage(cpu);
    micros.push((performance.now() - start) * 1000);
    cpuMicros.push(used.user + used.system);
    if (hits.length === 0) empty++;
  }
  micros.sort((a, b) => a - b);
  cpuMicros.sort((a, b) => a - b);
  return {
    name: 'Procedure search (MiniSearch + Vietnamese normaliser)',
    figures: {
      procedures: procedures.length,
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
