import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';

const oidcEnv = (issuer: string) => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: 'checkpoint',
  OIDC_CLIENT_SECRET: 'oidc-test-secret',
});

describe('signing in with OpenID Connect when the identity provider fails', () => {
  let broken: Server;
  let brokenUrl: string;
  let unreachable: TestApp;
  let failing: TestApp;
  beforeAll(async () => {
    // A provider that is up but answers its discovery document with an error.
    broken = createServer((_request, response) => response.writeHead(500).end('down for maintenance'));
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const address = broken.address();
    brokenUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    unreachable = await createTestApp({ env: oidcEnv('http://127.0.0.1:9/') });
    failing = await createTestApp({ env: oidcEnv(brokenUrl), db: unreachable.db });
  }, 180_000);
  afterAll(async () => {
    await failing?.close();
    await unreachable?.close();
    broken?.close();
  });

  it('answers 502 naming the provider that cannot be reached', async () => {
    const response = await unreachable.app.inject({ url: '/api/auth/oidc/login' });
    expect(response.statusCode).toBe(502);
    expect(response.json().message).toMatch(
      /^the identity provider http:\/\/127\.0\.0\.1:9\/ could not be reached: /,
    );
  });

  it('answers 502 when the provider answers with an error', async () => {
    const response = await failing.app.inject({ url: '/api/auth/oidc/login' });
    expect(response.statusCode).toBe(502);
    expect(response.json().message).toContain(brokenUrl);
  });

  it('asks to start again when the callback comes without the sign-in cookie', async () => {
    const response = await unreachable.app.inject({ url: '/api/auth/oidc/callback?code=x&state=y' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/start again/);
  });
});
