import { describe, expect, it } from 'vitest';
import { ConfigError, effectiveDataDir, loadConfig } from './config.js';

describe('configuration', () => {
  it('works with no environment at all: loopback, port 3000, local access, the demo data directory', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/app/.checkpoint',
      databaseUrl: undefined,
      orgFile: undefined,
      auth: 'local',
      leadTimeStart: 'firstCommitAt',
    });
    expect(effectiveDataDir(config)).toBe('/srv/app/.checkpoint/demo');
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/checkpoint',
        DATABASE_URL: 'postgres://db/checkpoint',
        CHECKPOINT_ORG: 'org.yaml',
        CHECKPOINT_INGEST_TOKEN: 'secret',
        GITHUB_WEBHOOK_SECRET: 'new, old',
        OIDC_ISSUER: 'https://id.example.com',
        OIDC_CLIENT_ID: 'checkpoint',
        CHECKPOINT_PUBLIC_URL: 'https://checkpoint.example.com',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      auth: 'required',
      databaseUrl: 'postgres://db/checkpoint',
      orgFile: '/srv/app/org.yaml',
      ingestToken: 'secret',
      webhookSecrets: { github: ['new', 'old'], gitlab: [] },
      oidc: { issuer: 'https://id.example.com', clientId: 'checkpoint', defaultRole: 'viewer' },
    });
    expect(effectiveDataDir(config)).toBe('/var/lib/checkpoint');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: /],
    [{ PORT: '70000' }, /PORT: must be a port number/],
    [
      { CHECKPOINT_AUTH: 'local', HOST: '0.0.0.0' },
      /CHECKPOINT_AUTH: "local" is only allowed when HOST is a loopback address/,
    ],
    [{ OIDC_ISSUER: 'https://id.example.com' }, /OIDC_ISSUER and OIDC_CLIENT_ID: set both/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: /],
    [{ CHECKPOINT_PUBLIC_URL: 'checkpoint.example.com' }, /CHECKPOINT_PUBLIC_URL: must start with http/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('requires sign-in whenever the server is reachable from another host', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).auth).toBe('required');
    expect(loadConfig({ HOST: '::' }).auth).toBe('required');
    expect(loadConfig({ HOST: '::1' }).auth).toBe('local');
    expect(loadConfig({ HOST: '127.0.0.1', CHECKPOINT_AUTH: 'required' }).auth).toBe('required');
  });
});
