import type { TokenScope } from '../../store/tokens.js';
import type { Role } from '../../store/users.js';

/**
 * Who may call a route. Every route declares one in its `config.access`; a route without one is
 * refused at start-up, so a new route cannot slip in unguarded.
 * - public: anyone (health, the Quick Check, the capability catalog, sign-in);
 * - read: any signed-in user, a read or admin token;
 * - ingest: an ingest or admin token (or the environment's ingest token), an admin user;
 * - facilitate: a facilitator or admin (scoped to their squads/tribes where the route names one);
 * - admin: an admin user or admin token.
 * The person at the machine of a loopback-only install is an admin.
 */
export const accessLevels = ['public', 'read', 'ingest', 'facilitate', 'admin'] as const;
export type Access = (typeof accessLevels)[number];

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'local' }
  | {
      kind: 'user';
      id: string;
      name: string;
      role: Role;
      scopes: string[];
      sessionId: string;
      csrfToken: string;
    }
  | { kind: 'token'; id: string; name: string; scope: TokenScope };

const roleRank: Record<Role, number> = { viewer: 0, member: 1, facilitator: 2, admin: 3 };

/** Whether a principal may use a route of the given access level. */
export function isAllowed(principal: Principal, access: Access): boolean {
  if (access === 'public') return true;
  switch (principal.kind) {
    case 'anonymous':
      return false;
    case 'local':
      return true;
    case 'token':
      if (principal.scope === 'admin') return true;
      return (
        (access === 'read' && principal.scope === 'read') ||
        (access === 'ingest' && principal.scope === 'ingest')
      );
    case 'user':
      if (access === 'read') return true;
      if (access === 'facilitate') return roleRank[principal.role] >= roleRank.facilitator;
      return principal.role === 'admin';
  }
}

/** Whether a principal may act for a squad (and its tribe): admins always, others within their scopes. */
export function isInScope(principal: Principal, squad: string, tribe: string): boolean {
  if (principal.kind === 'local') return true;
  if (principal.kind === 'token') return principal.scope === 'admin';
  if (principal.kind !== 'user') return false;
  if (principal.role === 'admin' || principal.scopes.length === 0) return true;
  return principal.scopes.includes(squad) || principal.scopes.includes(tribe);
}
