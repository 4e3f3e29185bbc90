import type { Kysely } from 'kysely';
import type { Organisation, Ownership } from '../core/org/organisation.js';
import type { Database } from './schema.js';

/**
 * Keeps the organisation's history: each load is stored, and a service whose squad or tribe changed
 * gets a new ownership record from `now` on. The first owner of a service owns its whole past.
 */
export async function recordOrganisation(
  db: Kysely<Database>,
  organisation: Organisation,
  sourcePath: string | null,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('organisation_versions')
      .values({ loaded_at: now, source_path: sourcePath, document: JSON.stringify(organisation) })
      .execute();
    const open = await tx.selectFrom('service_ownership').selectAll().where('valid_to', 'is', null).execute();
    const current = new Map(open.map((row) => [row.service, row]));
    for (const tribe of organisation.tribes) {
      for (const squad of tribe.squads) {
        for (const service of squad.services) {
          const owner = current.get(service.name);
          if (owner && owner.squad === squad.name && owner.tribe === tribe.name) continue;
          if (owner) {
            await tx
              .updateTable('service_ownership')
              .set({ valid_to: now })
              .where('service', '=', service.name)
              .where('valid_to', 'is', null)
              .execute();
          }
          await tx
            .insertInto('service_ownership')
            .values({
              service: service.name,
              squad: squad.name,
              tribe: tribe.name,
              valid_from: owner ? now : new Date(0),
            })
            .execute();
        }
      }
    }
  });
}

/** Every ownership record, oldest first per service. */
export async function listOwnership(db: Kysely<Database>): Promise<Ownership[]> {
  const rows = await db
    .selectFrom('service_ownership')
    .selectAll()
    .orderBy('service')
    .orderBy('valid_from')
    .execute();
  return rows.map((row) => ({
    service: row.service,
    squad: row.squad,
    tribe: row.tribe,
    from: row.valid_from.getTime(),
  }));
}

/** The organisation most recently put in force, if any. */
export async function latestOrganisation(db: Kysely<Database>): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisation_versions')
    .select('document')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.document as unknown as Organisation) : undefined;
}
