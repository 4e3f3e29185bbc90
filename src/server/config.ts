import { join, resolve } from 'node:path';
import { z } from 'zod';

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));
const port = z.coerce
  .number()
  .int('must be a whole number')
  .min(0)
  .max(65535, 'must be a port number (0–65535)');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.checkpoint'),
  DATABASE_URL: optionalText,
  CHECKPOINT_ORG: optionalText,
  CHECKPOINT_AUTH: z.enum(['local', 'required']).optional(),
  CHECKPOINT_INGEST_TOKEN: optionalText,
  CHECKPOINT_PUBLIC_URL: optionalText,
  CHECKPOINT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CHECKPOINT_LEAD_TIME_START: z
    .enum(['firstCommitAt', 'committedAt', 'pushedAt', 'prOpenedAt'])
    .default('firstCommitAt'),
  CHECKPOINT_INCIDENT_LABEL: z.string().min(1).default('incident'),
  CHECKPOINT_BODY_LIMIT_MB: z.coerce.number().positive().max(512).default(16),
  CHECKPOINT_INGEST_RATE_PER_MINUTE: z.coerce.number().int().positive().default(600),
  CHECKPOINT_AUTH_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GITHUB_WEBHOOK_SECRET: list,
  GITLAB_WEBHOOK_TOKEN: list,
  PAGERDUTY_WEBHOOK_SECRET: list,
  OPSGENIE_WEBHOOK_TOKEN: list,
  DATADOG_WEBHOOK_TOKEN: list,
  GITHUB_TOKEN: optionalText,
  OIDC_ISSUER: optionalText,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_DEFAULT_ROLE: z.enum(['admin', 'facilitator', 'member', 'viewer']).default('viewer'),
});

export type WebhookSourceName = 'github' | 'gitlab' | 'pagerduty' | 'opsgenie' | 'datadog';

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the data directory (PGlite files, the demo organisation). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Path of the organisation file; absent = demo mode. */
  orgFile: string | undefined;
  /** `local`: a loopback-bound server lets the person at the machine in as admin; `required`: everyone signs in. */
  auth: 'local' | 'required';
  ingestToken: string | undefined;
  publicUrl: string | undefined;
  trustProxy: boolean;
  leadTimeStart: 'firstCommitAt' | 'committedAt' | 'pushedAt' | 'prOpenedAt';
  incidentLabel: string;
  bodyLimitBytes: number;
  ingestRatePerMinute: number;
  authRatePerMinute: number;
  logLevel: string;
  webhookSecrets: Record<WebhookSourceName, string[]>;
  githubToken: string | undefined;
  oidc:
    | { issuer: string; clientId: string; clientSecret: string | undefined; defaultRole: string }
    | undefined;
}

/** A configuration problem: which variable, what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Reads the configuration from an environment (the only reader of process.env is the caller of this). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.OIDC_ISSUER === undefined) !== (e.OIDC_CLIENT_ID === undefined)) {
    problems.push('OIDC_ISSUER and OIDC_CLIENT_ID: set both to enable OpenID Connect sign-in, or neither');
  }
  if (e.CHECKPOINT_AUTH === 'local' && !isLoopback(e.HOST)) {
    problems.push(
      `CHECKPOINT_AUTH: "local" is only allowed when HOST is a loopback address (HOST is ${e.HOST})`,
    );
  }
  if (e.CHECKPOINT_PUBLIC_URL !== undefined && !/^https?:\/\//.test(e.CHECKPOINT_PUBLIC_URL)) {
    problems.push('CHECKPOINT_PUBLIC_URL: must start with http:// or https://');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    orgFile: e.CHECKPOINT_ORG === undefined ? undefined : resolve(cwd, e.CHECKPOINT_ORG),
    auth: e.CHECKPOINT_AUTH ?? (isLoopback(e.HOST) ? 'local' : 'required'),
    ingestToken: e.CHECKPOINT_INGEST_TOKEN,
    publicUrl: e.CHECKPOINT_PUBLIC_URL,
    trustProxy: e.CHECKPOINT_TRUST_PROXY === 'true',
    leadTimeStart: e.CHECKPOINT_LEAD_TIME_START,
    incidentLabel: e.CHECKPOINT_INCIDENT_LABEL,
    bodyLimitBytes: Math.round(e.CHECKPOINT_BODY_LIMIT_MB * 1024 * 1024),
    ingestRatePerMinute: e.CHECKPOINT_INGEST_RATE_PER_MINUTE,
    authRatePerMinute: e.CHECKPOINT_AUTH_RATE_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    webhookSecrets: {
      github: e.GITHUB_WEBHOOK_SECRET,
      gitlab: e.GITLAB_WEBHOOK_TOKEN,
      pagerduty: e.PAGERDUTY_WEBHOOK_SECRET,
      opsgenie: e.OPSGENIE_WEBHOOK_TOKEN,
      datadog: e.DATADOG_WEBHOOK_TOKEN,
    },
    githubToken: e.GITHUB_TOKEN,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            defaultRole: e.OIDC_DEFAULT_ROLE,
          }
        : undefined,
  };
}

/** The demo organisation keeps its own data directory, so it never mixes with a real organisation's data. */
export const effectiveDataDir = (config: Config): string =>
  config.orgFile === undefined ? join(config.dataDir, 'demo') : config.dataDir;
