import type { Kysely } from 'kysely';
import type { Organisation, Ownership } from '../core/org/organisation.js';
import { listOwnership, recordOrganisation } from '../store/organisation.js';
import type { Database } from '../store/schema.js';
import { readOrganisationFile } from './organisationFile.js';

/** The organisation in force, its ownership history and the problems of the last reload attempt. */
export class OrganisationState {
  private current: Organisation;
  private ownershipHistory: Ownership[] = [];
  private lastProblems: string[] = [];
  private version = 0;

  constructor(
    private readonly db: Kysely<Database>,
    organisation: Organisation,
    readonly sourcePath: string | undefined,
  ) {
    this.current = organisation;
  }

  get organisation(): Organisation {
    return this.current;
  }

  get ownership(): readonly Ownership[] {
    return this.ownershipHistory;
  }

  /** Problems of the last reload that was refused (the previous organisation stayed in force). */
  get problems(): readonly string[] {
    return this.lastProblems;
  }

  /** Increases whenever the organisation in force changes (caches key on it). */
  get revision(): number {
    return this.version;
  }

  /** Records the organisation in the store (ownership changes keep their dates) and puts it in force. */
  async apply(organisation: Organisation, now: Date): Promise<void> {
    await recordOrganisation(this.db, organisation, this.sourcePath ?? null, now);
    this.ownershipHistory = await listOwnership(this.db);
    this.current = organisation;
    this.lastProblems = [];
    this.version += 1;
  }

  /** Reads the ownership history without recording anything (for read-only tools such as the CLI). */
  async loadHistory(): Promise<void> {
    this.ownershipHistory = await listOwnership(this.db);
  }

  rejectReload(problems: string[]): void {
    this.lastProblems = problems;
  }

  /**
   * Reads the organisation file again and puts it in force. Never throws: a file with problems, or an
   * organisation the store cannot record (the database is down, say), leaves the previous one in
   * force and the problems in `problems`, which are also returned (empty when reloaded).
   */
  async reloadFrom(path: string, now: Date): Promise<readonly string[]> {
    const result = await readOrganisationFile(path);
    if (!result.ok) {
      this.rejectReload(result.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`));
      return this.lastProblems;
    }
    try {
      await this.apply(result.organisation, now);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.rejectReload([`the organisation could not be stored: ${reason}`]);
    }
    return this.lastProblems;
  }
}
