import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/openDb.js';
import type { Config } from './config.js';
import type { LiveUpdates } from './live.js';
import type { OrganisationState } from './organisationState.js';

/** Everything a route may use: configuration, the store, the clock and the organisation in force. */
export interface AppContext {
  config: Config;
  db: Db;
  /** Milliseconds since the epoch; injected so tests control time. */
  clock: () => number;
  organisation: OrganisationState;
  version: string;
  /** Store changes, fanned out to the live streams. */
  live: LiveUpdates;
}

export type Logger = FastifyBaseLogger;
