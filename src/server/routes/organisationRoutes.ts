import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

export async function organisationRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.get('/api/org', { config: { access: 'read' } }, async () => {
    const state = context.organisation;
    return {
      organisation: state.organisation,
      demo: state.organisation.demo === true,
      source: state.sourcePath ?? null,
      reloadProblems: state.problems,
      ownership: state.ownership.map((o) => ({ ...o, from: new Date(o.from).toISOString() })),
    };
  });
}
