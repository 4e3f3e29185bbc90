import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/**
 * `GET /api/live`: a server-sent event stream; an `update` event is sent whenever events are stored
 * (its data is the `LiveUpdate`), and a comment every 25 s keeps proxies from closing the connection.
 */
export async function liveRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const open = new Set<() => void>();
  // Streams never end by themselves: close them before the server waits for its connections to finish.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  const streamHeaders = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
  };
  app.get('/api/live', { config: { access: 'read' } }, (request, reply) => {
    // A HEAD request (a monitor checking the route) gets the headers of the stream, not a stream.
    if (request.method === 'HEAD') return reply.headers(streamHeaders).send();
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, { ...streamHeaders, connection: 'keep-alive', 'x-accel-buffering': 'no' });
    stream.write('retry: 3000\n\n');
    const unsubscribe = context.live.subscribe((update) => {
      stream.write(`event: update\ndata: ${JSON.stringify(update)}\n\n`);
    });
    const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), 25_000);
    const close = () => {
      clearInterval(keepAlive);
      unsubscribe();
      open.delete(end);
    };
    const end = () => {
      close();
      stream.end();
    };
    open.add(end);
    request.raw.on('close', close);
  });
}
