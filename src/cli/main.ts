import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from '../server/config.js';
import { version } from '../server/version.js';

// Each command loads its own modules when it runs, so `--help` and `org validate` start fast.

function positiveDays(value: string): number {
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0)
    throw new InvalidArgumentError('must be a positive number of days');
  return days;
}

const program = new Command('checkpoint')
  .description(
    'DevOps Checkpoint: measure the four keys, assess, run the quarterly checkpoint, close the loop.',
  )
  .version(version)
  .showHelpAfterError('(run with --help for usage)');

const config = () => {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
};

program
  .command('serve')
  .description(
    'start the server (the organisation from --org or CHECKPOINT_ORG; without one, the demo organisation)',
  )
  .option('--org <file>', 'the organisation file (YAML)')
  .option('--port <port>', 'port to listen on (PORT, default 3000)')
  .option('--host <host>', 'address to bind (HOST, default 127.0.0.1)')
  .action(async (options: { org?: string; port?: string; host?: string }) =>
    (await import('./serveCommand.js')).serveCommand(options),
  );

program
  .command('prune')
  .description(
    'apply the retention policy to the record of webhook deliveries; the measured events are never touched',
  )
  .option(
    '--keep-payloads <days>',
    'days to keep raw payloads (the rows stay, to de-duplicate redeliveries)',
    positiveDays,
    180,
  )
  .option(
    '--keep-refusals <days>',
    'days to keep refused, duplicate and ignored deliveries',
    positiveDays,
    30,
  )
  .option('--org <file>', 'the organisation file (selects the data directory); without one, the demo')
  .action(async (options: { keepPayloads: number; keepRefusals: number; org?: string }) =>
    (await import('./pruneCommand.js')).pruneCommand(config(), options),
  );

program
  .command('migrate')
  .description('apply pending database migrations (the server also applies them on start)')
  .option('--org <file>', 'the organisation file; without one the demo database is migrated')
  .action(async (options: { org?: string }) =>
    (await import('./migrateCommand.js')).migrateCommand(config(), options),
  );

const org = program.command('org').description('the organisation file');
org
  .command('validate')
  .description('check an organisation file; prints each problem with its line and field, exits 1 if any')
  .argument('<file>', 'the organisation file (YAML)')
  .action(async (file: string) => (await import('./orgValidateCommand.js')).orgValidateCommand(file));

const token = program.command('token').description('API tokens for CI systems and scripts');
token
  .command('create')
  .description('create an API token and print it once (only its hash is stored)')
  .requiredOption('--name <name>', 'what the token is for, e.g. "github-actions"')
  .addOption(
    new Option('--scope <scope>', 'what it may do')
      .choices(['ingest', 'read', 'admin'])
      .makeOptionMandatory(),
  )
  .option('--expires <days>', 'expire after this many days', positiveDays)
  .option('--org <file>', 'the organisation file (selects the data directory); without one, the demo')
  .action(
    async (options: { name: string; scope: 'ingest' | 'read' | 'admin'; expires?: number; org?: string }) =>
      (await import('./tokenCreateCommand.js')).tokenCreateCommand(config(), options),
  );

const user = program.command('user').description('local accounts, for a server reachable from other hosts');
user
  .command('create')
  .description('create a local account; the password comes from CHECKPOINT_PASSWORD or is asked without echo')
  .requiredOption('--email <email>', 'the email to sign in with')
  .requiredOption('--name <name>', 'the name shown to others')
  .addOption(
    new Option('--role <role>', 'what the account may do')
      .choices(['admin', 'facilitator', 'member', 'viewer'])
      .makeOptionMandatory(),
  )
  .option(
    '--scope <squad-or-tribe...>',
    'squads or tribes the role applies to (default: the whole organisation)',
  )
  .option('--org <file>', 'the organisation file (selects the data directory); without one, the demo')
  .action(async (options: { email: string; name: string; role: string; scope?: string[]; org?: string }) =>
    (await import('./userCreateCommand.js')).userCreateCommand(config(), options),
  );

const backfill = program.command('backfill').description("read a source's history into the store");
backfill
  .command('github')
  .description(
    "read a repository's merged pull requests, default-branch commits and deployments from GitHub (GITHUB_TOKEN); resumes an interrupted run",
  )
  .requiredOption('--repo <owner/name>', 'the repository')
  .option(
    '--since <when>',
    'how far back: days (90d), hours (36h) or a date (2026-01-15); 3d for a daily reconciliation',
    '90d',
  )
  .option('--org <file>', 'the organisation file (CHECKPOINT_ORG): maps the repository to its services')
  .option('--restart', 'ignore an interrupted run and start over')
  .option(
    '--api-url <url>',
    "GitHub's API (default https://api.github.com; Enterprise Server: https://HOST/api/v3)",
  )
  .action(
    async (options: { repo: string; since: string; org?: string; restart?: boolean; apiUrl?: string }) =>
      (await import('./backfillCommand.js')).backfillGithubCommand(config(), options),
  );

program
  .command('import')
  .description(
    'import canonical events from a file (NDJSON, or JSON: one event, an array or {"events": [...]})',
  )
  .argument('<file>', 'the file to import')
  .option('--org <file>', 'the organisation file (selects the data directory); without one, the demo')
  .action(async (file: string, options: { org?: string }) =>
    (await import('./importCommand.js')).importCommand(config(), file, options),
  );

program
  .command('metrics')
  .description('the four keys and rework rate per group, as a table (or --json)')
  .addOption(
    new Option('--group-by <grouping>', 'how to group')
      .choices(['service', 'squad', 'tribe', 'organisation'])
      .default('squad'),
  )
  .option('--from <when>', 'start of the window: ISO date-time or date (default: 90 days before --to)')
  .option('--to <when>', 'end of the window (default: now)')
  .option('--environment <name>', 'one environment instead of the production class')
  .option('--json', 'print the same JSON as GET /api/metrics')
  .option('--org <file>', 'the organisation file; without one, the demo')
  .action(
    async (options: {
      groupBy: string;
      from?: string;
      to?: string;
      environment?: string;
      json?: boolean;
      org?: string;
    }) => (await import('./metricsCommand.js')).metricsCommand(config(), options),
  );

const quickcheck = program
  .command('quickcheck')
  .description(
    "DORA's Quick Check: asks each question (arrow keys), or takes the answers as flags; stores nothing",
  )
  .option('--edition <year>', 'the edition: 2019, 2021, 2022, 2023, 2024 or 2025 (default: the current one)')
  .option('--industry <key>', 'compare with an industry, e.g. technology, financial_services (default: all)')
  .option('--organisation-size <key>', 'compare with an organisation size (2024, 2025)')
  .option('--json', 'print the result as JSON (the same as POST /api/quickcheck)');
for (const [key, help] of [
  ['leadtime', 'lead time answer, 1–6'],
  ['deployfreq', 'deployment frequency answer, 1–6'],
  ['ttr', 'time to restore answer, 1–6 (2019–2022)'],
  ['chgfail', 'change failure answer, 1–6 (2019–2022)'],
  ['failurerecovery', 'failed deployment recovery time answer, 1–6 (2023+)'],
  ['changefailure', 'change failure percentage, 0–100 (2023+)'],
  ['rework', 'deployment rework percentage, 0–100 (2025)'],
] as const) {
  quickcheck.option(`--${key} <answer>`, help);
}
quickcheck.action(async (options: Record<string, string | boolean | undefined>) => {
  const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
  const { quickcheckCommand } = await import('./quickcheckCommand.js');
  await quickcheckCommand({
    ...(text(options.edition) === undefined ? {} : { edition: text(options.edition) as string }),
    ...(text(options.industry) === undefined ? {} : { industry: text(options.industry) as string }),
    ...(text(options.organisationSize) === undefined
      ? {}
      : { organisationSize: text(options.organisationSize) as string }),
    json: options.json === true,
    answers: Object.fromEntries(
      ['leadtime', 'deployfreq', 'ttr', 'chgfail', 'failurerecovery', 'changefailure', 'rework'].map(
        (key) => [key, text(options[key])],
      ),
    ),
  });
});

await program.parseAsync(process.argv);
