/** The command line of `npm run bench`: scale, sections, backends and where the results go. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const sectionNames = [
  'ingestion',
  'metrics',
  'limit',
  'engine',
  'memory',
  'workshop',
  'load',
  'web',
] as const;
export type Section = (typeof sectionNames)[number];
/** The sections measured on the seeded benchmark organisation's events (one ingestion serves them all). */
export const metricsSectionNames: readonly Section[] = ['ingestion', 'metrics', 'limit', 'engine', 'memory'];
export const backendNames = ['pglite', 'postgres'] as const;
export type BackendName = (typeof backendNames)[number];

export interface BenchOptions {
  /** Share of the benchmark organisation's services (1 = 200 services over one year). */
  scale: number;
  sections: Set<Section>;
  backends: BackendName[];
  /** Events per POST /api/events. */
  batchSize: number;
  /** Requests in flight at once during ingestion. */
  concurrency: number;
  /** Repetitions of the cheap measurements (the median is reported). */
  repeats: number;
  databaseUrl: string | undefined;
  outFile: string;
}

const usage = `usage: npm run bench -- [section…] [--scale 0.1] [--only ingestion,metrics,limit,engine,memory,workshop,load,web]
                      [--backend pglite|postgres] [--batch 5000] [--concurrency 3] [--repeats 3] [--out file]
sections: the metrics benchmarks (ingestion, metrics, limit, engine, memory), workshop (the live workshop's
          latency, 50 rooms × 12 people) and load (ingestion and metrics under load, 1,000 WebSockets held
          a minute), web (the 200-service leaderboard in Chromium); all of them unless named, e.g. \`npm run bench -- workshop\` or \`--only load\`
environment: BENCH_SCALE (same as --scale), DATABASE_URL (the PostgreSQL server; unset = PostgreSQL skipped)`;

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(/[,|]/).map((item) => item.trim()) as T[];
  const wrong = items.filter((item) => !allowed.includes(item));
  if (wrong.length > 0)
    throw new Error(`${flag}: unknown ${wrong.join(', ')} (one of ${allowed.join(', ')})`);
  return items;
}

function positive(value: string | undefined, flag: string, max: number): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > max) {
    throw new Error(`${flag}: must be a number above 0 and at most ${max} (got ${value ?? 'nothing'})`);
  }
  return number;
}

/** Reads the flags (and BENCH_SCALE / DATABASE_URL); throws with the usage on a mistake. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const options: BenchOptions = {
    scale: env.BENCH_SCALE ? positive(env.BENCH_SCALE, 'BENCH_SCALE', 4) : 1,
    sections: new Set(sectionNames),
    backends: [...backendNames],
    batchSize: 5_000,
    concurrency: 3,
    repeats: 3,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    outFile: join(tmpdir(), 'bench-results.json'),
  };
  const named: Section[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const [name, inline] = flag.includes('=') ? flag.split('=', 2) : [flag, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case '--scale':
        options.scale = positive(value(), '--scale', 4);
        break;
      case '--only':
        options.sections = new Set(list(value() ?? '', sectionNames, '--only'));
        break;
      case '--backend':
        options.backends = list(value() ?? '', backendNames, '--backend');
        break;
      case '--batch':
        options.batchSize = Math.round(positive(value(), '--batch', 10_000));
        break;
      case '--concurrency':
        options.concurrency = Math.round(positive(value(), '--concurrency', 16));
        break;
      case '--repeats':
        options.repeats = Math.round(positive(value(), '--repeats', 9));
        break;
      case '--out':
        options.outFile = value() ?? options.outFile;
        break;
      case '--help':
      case '-h':
        throw new Error(usage);
      default:
        if (!(sectionNames as readonly string[]).includes(flag)) {
          throw new Error(`unknown argument ${flag}\n${usage}`);
        }
        named.push(flag as Section);
    }
  }
  if (named.length > 0) options.sections = new Set(named);
  return options;
}
