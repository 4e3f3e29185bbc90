/**
 * The API reads the pages share, as TanStack Query hooks: one query key per resource and its
 * parameters, so pages that ask for the same figures share one request and its cache.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { getJson, queryString } from './api.js';
import type {
  ChangesResponse,
  DeploymentsResponse,
  Health,
  IncidentsResponse,
  LeaderboardResponse,
  MetricsResponse,
  OrgResponse,
  SessionResponse,
  SourcesResponse,
} from './apiTypes.js';
import type { Week } from './timeWindow.js';

export type GroupBy = 'service' | 'squad' | 'tribe' | 'organisation';

export interface WindowQuery {
  from: string;
  to: string;
  environment?: string | undefined;
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => getJson<Health>('/api/health'),
    staleTime: 300_000,
  });
}

export function useOrg() {
  return useQuery({ queryKey: ['org'], queryFn: () => getJson<OrgResponse>('/api/org') });
}

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: () => getJson<SessionResponse>('/api/auth/session'),
    staleTime: 300_000,
  });
}

export function useSources() {
  return useQuery({ queryKey: ['sources'], queryFn: () => getJson<SourcesResponse>('/api/sources') });
}

const metricsPath = (groupBy: GroupBy, window: WindowQuery) =>
  `/api/metrics${queryString({ groupBy, from: window.from, to: window.to, environment: window.environment })}`;

/** Every group's figures over a window. */
export function useMetrics(groupBy: GroupBy, window: WindowQuery) {
  return useQuery({
    queryKey: ['metrics', groupBy, window.from, window.to, window.environment ?? ''],
    queryFn: ({ signal }) => getJson<MetricsResponse>(metricsPath(groupBy, window), signal),
  });
}

export interface WeeklyMetrics {
  data: (MetricsResponse | undefined)[];
  pending: boolean;
  error: Error | null;
}

const combineWeeks = (
  results: { data?: MetricsResponse | undefined; isPending: boolean; error: Error | null }[],
): WeeklyMetrics => ({
  data: results.map((result) => result.data),
  pending: results.some((result) => result.isPending),
  error: results.find((result) => result.error)?.error ?? null,
});

/** Every group's figures for each week of a trend (one cached request per week), combined. */
export function useWeeklyMetrics(groupBy: GroupBy, weeks: readonly Week[]): WeeklyMetrics {
  return useQueries({
    queries: weeks.map((week) => ({
      queryKey: ['metrics', groupBy, week.from, week.to, ''],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson<MetricsResponse>(metricsPath(groupBy, week), signal),
      staleTime: week.current ? 30_000 : 600_000,
    })),
    combine: combineWeeks,
  });
}

export interface LeaderboardQuery extends WindowQuery {
  groupBy: 'service' | 'squad' | 'tribe';
  sort: string;
  order?: 'asc' | 'desc' | undefined;
  tribe?: string | undefined;
  squad?: string | undefined;
}

export function useLeaderboard(query: LeaderboardQuery) {
  const path = `/api/leaderboard${queryString({ ...query })}`;
  return useQuery({
    queryKey: ['leaderboard', path],
    queryFn: ({ signal }) => getJson<LeaderboardResponse>(path, signal),
    placeholderData: (previous) => previous,
  });
}

/** Who a drill-down is about. */
export interface Subject {
  kind: 'service' | 'squad' | 'tribe';
  name: string;
}

export const drillDownLimit = 5_000;

function drillPath(what: string, subject: Subject, window: WindowQuery) {
  return `/api/${what}${queryString({
    [subject.kind]: subject.name,
    from: window.from,
    to: window.to,
    environment: window.environment,
    limit: drillDownLimit,
  })}`;
}

export function useDeployments(subject: Subject, window: WindowQuery, enabled = true) {
  const path = drillPath('deployments', subject, window);
  return useQuery({
    queryKey: ['drill', path],
    queryFn: ({ signal }) => getJson<DeploymentsResponse>(path, signal),
    enabled,
  });
}

export function useChanges(subject: Subject, window: WindowQuery) {
  const path = drillPath('changes', subject, window);
  return useQuery({
    queryKey: ['drill', path],
    queryFn: ({ signal }) => getJson<ChangesResponse>(path, signal),
  });
}

export function useIncidents(subject: Subject, window: WindowQuery) {
  const path = drillPath('incidents', subject, window);
  return useQuery({
    queryKey: ['drill', path],
    queryFn: ({ signal }) => getJson<IncidentsResponse>(path, signal),
  });
}
