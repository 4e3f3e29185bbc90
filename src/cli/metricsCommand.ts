import { type groupByValues, metricsQuerySchema } from '../contract/metrics.js';
import type { Organisation } from '../core/org/organisation.js';
import { type Config, effectiveDataDir } from '../server/config.js';
import type { AppContext } from '../server/context.js';
import { LiveUpdates } from '../server/live.js';
import { Measurements } from '../server/measurement/measurements.js';
import { presentMetrics } from '../server/measurement/presentMetrics.js';
import { formatProblems, readOrganisationFile } from '../server/organisationFile.js';
import { OrganisationState } from '../server/organisationState.js';
import { version } from '../server/version.js';
import { openDb } from '../store/openDb.js';
import { latestOrganisation } from '../store/organisation.js';
import { formatMetricsTable } from './formatMetrics.js';
import { findRunningServer, serverHeaders } from './runningServer.js';
import { withOrg } from './withOrg.js';

interface MetricsOptions {
  groupBy: string;
  from?: string;
  to?: string;
  environment?: string;
  json?: boolean;
  org?: string;
}

/** `checkpoint metrics`: the four keys and rework per group, from the running server or the data directory. */
export async function metricsCommand(base: Config, options: MetricsOptions): Promise<void> {
  const config = withOrg(base, options.org);
  const query = metricsQuerySchema.safeParse({
    groupBy: options.groupBy,
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.environment ? { environment: options.environment } : {}),
  });
  if (!query.success) {
    console.error(
      query.error.issues
        .map((i) => `--${i.path.join('.').replace('groupBy', 'group-by')}: ${i.message}`)
        .join('\n'),
    );
    process.exitCode = 2;
    return;
  }
  const server = await findRunningServer(config);
  const result = server ? await fromServer(server, config, query.data) : await fromStore(config, query.data);
  if ('error' in result) {
    console.error(result.error);
    process.exitCode = 1;
    return;
  }
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(
    `${result.from} → ${result.to}${result.environment ? ` · environment ${result.environment}` : ' · production'}`,
  );
  console.log(formatMetricsTable(result.groupBy, result.groups));
  console.log('\n[n] is the band, the Quick Check answer it matches (6 best); — means no data.');
}

type MetricsResponse = {
  from: string;
  to: string;
  groupBy: string;
  environment: string | null;
  groups: Parameters<typeof formatMetricsTable>[1];
};

async function fromServer(server: string, config: Config, query: Record<string, string | undefined>) {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const response = await fetch(`${server}/api/metrics?${params}`, { headers: serverHeaders(config) });
  const body = (await response.json()) as MetricsResponse & { message?: string };
  if (!response.ok)
    return { error: `the server answered ${response.status}: ${body.message ?? JSON.stringify(body)}` };
  return body;
}

async function fromStore(
  config: Config,
  query: {
    groupBy: (typeof groupByValues)[number];
    from?: string | undefined;
    to?: string | undefined;
    environment?: string | undefined;
  },
) {
  let organisation: Organisation | undefined;
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: effectiveDataDir(config) });
  try {
    if (config.orgFile) {
      const file = await readOrganisationFile(config.orgFile);
      if (!file.ok) return { error: formatProblems(config.orgFile, file.problems) };
      organisation = file.organisation;
    } else {
      organisation = await latestOrganisation(db.kysely);
      if (!organisation)
        return { error: 'no organisation: give --org FILE (or start the demo once with npm start)' };
    }
    const state = new OrganisationState(db.kysely, organisation, config.orgFile);
    await state.loadHistory();
    const context: AppContext = {
      config,
      db,
      clock: Date.now,
      organisation: state,
      version,
      live: new LiveUpdates(),
    };
    const measurements = new Measurements(context);
    const window = measurements.window(query.from, query.to);
    if ('error' in window) return { error: window.error };
    const snapshot = await measurements.snapshot(query.environment);
    const groups = snapshot.groups(query.groupBy).map((group) => ({
      key: group.key,
      squad: group.squad,
      tribe: group.tribe,
      ...presentMetrics(snapshot.summarise(group, window)),
    }));
    return {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      groupBy: query.groupBy,
      environment: query.environment ?? null,
      groups,
    };
  } finally {
    await db.close();
  }
}
