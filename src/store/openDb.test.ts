import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openDb } from './openDb.js';

describe('a PostgreSQL server that accepts connections but never answers', () => {
  it('gives an error instead of a request that waits forever', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const db = await openDb({
      databaseUrl: `postgres://nobody@127.0.0.1:${port}/none`,
      dataDir: 'unused',
      migrate: false,
    });
    try {
      expect(await db.ping()).toBe(false);
    } finally {
      await db.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 60_000);
});
