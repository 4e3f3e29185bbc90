import type { FastifyInstance } from 'fastify';
import { parsePrioritiseRequest, parseQuickCheckRequest } from '../../contract/quickcheck.js';
import {
  capabilityCatalog,
  getCapability,
  isCapabilitySlug,
  listEditions,
  listStatements,
  prioritiseCapabilities,
  reflectiveQuestions,
  scoreQuickCheck,
} from '../../core/assessment/index.js';

/**
 * The Quick Check and the capability catalog. Open to everyone and stateless: a Quick Check taken
 * alone stores nothing.
 */
export async function assessmentRoutes(app: FastifyInstance) {
  const open = { config: { access: 'public' as const } };

  app.get('/api/quickcheck/editions', open, async () => ({ editions: listEditions() }));

  app.post('/api/quickcheck', open, async (request, reply) => {
    const parsed = parseQuickCheckRequest(request.body);
    if (!parsed.ok) return reply.code(400).send({ error: parsed.error, problems: parsed.problems });
    const { edition, answers, industry, organisationSize } = parsed.value;
    const outcome = scoreQuickCheck(edition, answers, { industry, organisationSize });
    if (!outcome.ok) {
      const problems = outcome.problems.map(({ field, message }) => ({ field, message }));
      return reply
        .code(400)
        .send({ error: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });
    }
    return outcome.value;
  });

  app.post('/api/quickcheck/prioritise', open, async (request, reply) => {
    const parsed = parsePrioritiseRequest(request.body);
    if (!parsed.ok) return reply.code(400).send({ error: parsed.error, problems: parsed.problems });
    const { edition, tier, answers } = parsed.value;
    const outcome = prioritiseCapabilities(
      { ...(edition === undefined ? {} : { edition }), ...(tier === undefined ? {} : { tier }) },
      answers,
    );
    if (!outcome.ok) {
      const problems = outcome.problems.map(({ field, message }) => ({ field, message }));
      return reply
        .code(400)
        .send({ error: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });
    }
    return outcome.value;
  });

  app.get('/api/capabilities', open, async () => ({
    capabilities: capabilityCatalog.map((capability) => ({
      ...capability,
      statementCount: listStatements(capability.slug).length,
    })),
  }));

  app.get<{ Params: { slug: string } }>('/api/capabilities/:slug', open, async (request, reply) => {
    const { slug } = request.params;
    if (!isCapabilitySlug(slug)) {
      return reply.code(404).send({
        error: 'not found',
        message: `no capability "${request.params.slug}"; GET /api/capabilities lists them`,
      });
    }
    return {
      ...getCapability(slug),
      statements: listStatements(slug),
      reflectiveQuestions: reflectiveQuestions[slug] ?? [],
    };
  });
}
