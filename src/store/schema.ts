import type { ColumnType, Generated } from 'kysely';

/** Timestamps are written as ISO strings or Dates and read back as epoch milliseconds by the queries. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ChangeTable {
  repo: string;
  sha: string;
  committed_at: Timestamp;
  pushed_at: Timestamp | null;
  branch: string | null;
  parents: Json<string[]> | null;
  pr_number: number | null;
  pr_opened_at: Timestamp | null;
  pr_merged_at: Timestamp | null;
  pr_first_commit_at: Timestamp | null;
  labels: Json<string[]>;
  reverts: Json<string[]>;
  files: Json<string[]> | null;
  arrival: ColumnType<string, number | bigint, number | bigint>;
}

export interface DeploymentTable {
  source: string;
  id: string;
  service: string;
  environment: string;
  sha: string | null;
  version: string | null;
  status: string;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  commits: Json<string[]> | null;
  rollback: boolean;
  labels: Json<string[]>;
  arrival: ColumnType<string, number | bigint, number | bigint>;
}

export interface IncidentTable {
  source: string;
  id: string;
  services: Json<string[]>;
  opened_at: Timestamp;
  acknowledged_at: Timestamp | null;
  resolved_at: Timestamp | null;
  severity: string | null;
  caused_by: string | null;
  change_related: boolean;
  arrival: ColumnType<string, number | bigint, number | bigint>;
}

export interface DeliveryTable {
  id: Generated<string>;
  source: string;
  delivery_id: string;
  event_type: string;
  received_at: Timestamp;
  outcome: string;
  detail: string | null;
  payload: Json<unknown> | null;
  event_count: number;
}

export interface TokenTable {
  id: Generated<string>;
  name: string;
  scope: string;
  hash: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  oidc_subject: string | null;
  role: string;
  scopes: Json<string[]>;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface OwnershipTable {
  service: string;
  squad: string;
  tribe: string;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
}

export interface OrganisationTable {
  id: Generated<string>;
  loaded_at: Timestamp;
  source_path: string | null;
  document: Json<unknown>;
}

export interface BackfillCursorTable {
  source: string;
  scope: string;
  cursor: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** One service's measured facts (`ServiceFacts` as JSON) and the settings they were derived with. */
export interface ServiceFactsTable {
  service: string;
  fingerprint: string;
  /** `EncodedFacts.figures`. */
  figures: Uint8Array;
  /** `EncodedFacts.names`. */
  names: string;
  built_at: Timestamp;
}

/** The whole measured history of one state of the store and the settings (one row). */
export interface KeptHistoryTable {
  id: number;
  /** The state of the store and the settings it was measured from. */
  state: string;
  /** `EncodedHistory.figures`. */
  figures: Uint8Array;
  /** `EncodedHistory.records`. */
  records: string;
  built_at: Timestamp;
}

/** A write to a service's deployments (`service`) or a repository's changes (`repo`) since facts were derived. */
export interface ServiceFactsStaleTable {
  id: Generated<string>;
  kind: 'service' | 'repo';
  name: string;
}

export interface CheckpointTable {
  id: string;
  squad: string;
  tribe: string;
  title: string | null;
  edition: string;
  join_code: string;
  created_at: Timestamp;
  created_by: string | null;
  /** The checkpoint's state at version 0. */
  initial_state: Json<unknown>;
}

export interface CheckpointCommandTable {
  checkpoint_id: string;
  /** The checkpoint's version after the command. */
  version: number;
  type: string;
  actor_id: string;
  command: Json<unknown>;
  recorded_at: Timestamp;
}

export interface CheckpointSnapshotTable {
  checkpoint_id: string;
  version: number;
  state: Json<unknown>;
  created_at: Timestamp;
}

export interface CheckpointParticipantTable {
  checkpoint_id: string;
  participant_id: string;
  key_hash: string;
  created_at: Timestamp;
}

export interface CheckpointActionTable {
  id: string;
  seq: Generated<string>;
  checkpoint_id: string;
  squad: string;
  tribe: string;
  title: string;
  owner: string;
  due: string | null;
  capability: string | null;
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  checkpoints: CheckpointTable;
  checkpoint_commands: CheckpointCommandTable;
  checkpoint_snapshots: CheckpointSnapshotTable;
  checkpoint_participants: CheckpointParticipantTable;
  checkpoint_actions: CheckpointActionTable;
  backfill_cursors: BackfillCursorTable;
  service_facts: ServiceFactsTable;
  service_facts_stale: ServiceFactsStaleTable;
  kept_history: KeptHistoryTable;
  changes: ChangeTable;
  deployments: DeploymentTable;
  incidents: IncidentTable;
  deliveries: DeliveryTable;
  api_tokens: TokenTable;
  users: UserTable;
  sessions: SessionTable;
  service_ownership: OwnershipTable;
  organisation_versions: OrganisationTable;
}
