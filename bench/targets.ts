/** The targets the figures are read against (printed beside them; never asserted). */
export const targets = {
  /** Ingestion through the API on PGlite, events per second (at least). */
  ingestionEventsPerSecond: 5_000,
  /** Whole-organisation metrics over a year on PostgreSQL, cold, ms (below). */
  metricsYearMs: 2_000,
  /** Metrics time over the time of reading the same rows (at most). */
  ratioToLimit: 5,
  /** Peak resident memory of the server process, bytes (below). */
  peakRssBytes: 1024 ** 3,
  /** From a workshop command to its view at every connection of the room, 99th percentile, ms (below). */
  workshopP99Ms: 100,
  /** WebSocket connections held open at once under load, and for how long (all of them, throughout). */
  loadSockets: 1_000,
  loadSocketHoldSeconds: 60,
  /** From the click on the leaderboard's link to all 200 services' rows on screen in Chromium, ms (below). */
  leaderboardAllRowsMs: 1_000,
} as const;

export interface SummaryItem {
  figure: string;
  backend: string;
  value: number;
  unit: string;
  target: string;
  /** Whether the figure meets its target; null where the target does not apply to this backend. */
  meets: boolean | null;
}
