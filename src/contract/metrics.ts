/**
 * Query strings of the metrics API: `GET /api/metrics`, `/api/leaderboard` and the drill-downs.
 * Times are ISO 8601 date-times with an offset, or plain dates (local midnight in the organisation's
 * time zone); the window is [from, to).
 */
import { z } from 'zod';

export const groupByValues = ['service', 'squad', 'tribe', 'organisation'] as const;
export type GroupBy = (typeof groupByValues)[number];

const dateOrInstant = z
  .string()
  .refine(
    (value) =>
      z.iso.datetime({ offset: true }).safeParse(value).success || z.iso.date().safeParse(value).success,
    {
      message: 'must be an ISO 8601 date-time with an offset (2026-03-01T00:00:00Z) or a date (2026-03-01)',
    },
  );
const name = z.string().trim().min(1, 'must not be empty').max(200);

const windowShape = {
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
  environment: name.optional(),
};

export const metricsQuerySchema = z.strictObject({
  groupBy: z.enum(groupByValues, { error: `must be one of ${groupByValues.join(', ')}` }).default('service'),
  ...windowShape,
});

export const leaderboardSorts = [
  'deployments',
  'leadTimeMedian',
  'leadTimeMean',
  'changeFailureRate',
  'recoveryTimeMedian',
  'timeToRestoreMedian',
  'reworkRate',
  'improvement',
  'name',
] as const;

export const leaderboardQuerySchema = z.strictObject({
  groupBy: z
    .enum(['service', 'squad', 'tribe'], { error: 'must be one of service, squad, tribe' })
    .default('service'),
  sort: z
    .enum(leaderboardSorts, { error: `must be one of ${leaderboardSorts.join(', ')}` })
    .default('deployments'),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
  tribe: name.optional(),
  squad: name.optional(),
  ...windowShape,
});

export const drillDownQuerySchema = z.strictObject({
  service: name.optional(),
  squad: name.optional(),
  tribe: name.optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1)
    .max(10_000, 'must be at most 10000')
    .default(500),
  ...windowShape,
});

export type MetricsQuery = z.output<typeof metricsQuerySchema>;
export type LeaderboardQuery = z.output<typeof leaderboardQuerySchema>;
export type DrillDownQuery = z.output<typeof drillDownQuerySchema>;

export const isDateOnly = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
