import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** A 400 naming every field and its problem: `field: message`. */
export function badRequest(reply: FastifyReply, error: z.ZodError) {
  const problems = error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  return reply.code(400).send({
    error: 'bad request',
    message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    problems,
  });
}

/** A service we depend on (an identity provider, say) could not be reached or answered nonsense: 502. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
}

const isDatabaseDown = (error: unknown): boolean => {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' || // admin shutdown
    code === '57P03' || // cannot connect now
    code === '08006' ||
    code === '08001' ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      String((error as Error).message),
    )
  );
};

/**
 * Turns errors into answers: client mistakes name the problem, an unreachable service we depend on is a
 * 502, an unreachable database a 503, the rest a 500.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const message =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `the body is larger than the limit of ${request.routeOptions.bodyLimit ?? 'the server'} bytes`
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? `unsupported Content-Type ${request.headers['content-type'] ?? '(none)'}; send application/json or application/x-ndjson`
          : error.message;
    return reply.code(error.statusCode).send({ error: error.code ?? 'bad request', message });
  }
  if (error instanceof UpstreamError) {
    request.log.warn({ err: error }, 'upstream unavailable');
    return reply.code(502).send({ error: 'bad gateway', message: error.message });
  }
  if (isDatabaseDown(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply
      .code(503)
      .header('retry-after', '5')
      .send({ error: 'unavailable', message: 'the database is unavailable; retry shortly' });
  }
  request.log.error({ err: error }, 'request failed');
  return reply
    .code(500)
    .send({ error: 'internal', message: 'something went wrong on our side; the error is logged' });
}
