/**
 * The leaderboard's view as URL parameters: grouping, sort, order, filters and window. Everything a
 * reader chooses is in the address, so a view can be shared and restored.
 */
import type { LeaderboardQuery } from '../../lib/queries.js';
import { type DateWindow, readWindow } from '../../lib/timeWindow.js';

export const groupings = ['service', 'squad', 'tribe'] as const;
export type Grouping = (typeof groupings)[number];

export const sorts = [
  'name',
  'deployments',
  'leadTimeMedian',
  'leadTimeMean',
  'changeFailureRate',
  'recoveryTimeMedian',
  'timeToRestoreMedian',
  'reworkRate',
  'improvement',
] as const;
export type Sort = (typeof sorts)[number];

/** Sorts where a lower figure is better: they start ascending (as the API does). */
const lowerIsBetter = new Set<Sort>([
  'name',
  'leadTimeMedian',
  'leadTimeMean',
  'changeFailureRate',
  'recoveryTimeMedian',
  'timeToRestoreMedian',
  'reworkRate',
]);

export const defaultOrder = (sort: Sort): 'asc' | 'desc' => (lowerIsBetter.has(sort) ? 'asc' : 'desc');

export interface LeaderboardView {
  groupBy: Grouping;
  sort: Sort;
  order: 'asc' | 'desc';
  tribe: string | undefined;
  squad: string | undefined;
  environment: string | undefined;
  window: DateWindow;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

const text = (value: string | null) => (value?.trim() ? value.trim() : undefined);

export function readView(search: URLSearchParams): LeaderboardView {
  const sort = pick(search.get('sort'), sorts, 'deployments');
  return {
    groupBy: pick(search.get('groupBy'), groupings, 'service'),
    sort,
    order: pick(search.get('order'), ['asc', 'desc'] as const, defaultOrder(sort)),
    tribe: text(search.get('tribe')),
    squad: text(search.get('squad')),
    environment: text(search.get('environment')),
    window: readWindow(search),
  };
}

/** The API query of a view. */
export function toQuery(view: LeaderboardView): LeaderboardQuery {
  return {
    groupBy: view.groupBy,
    sort: view.sort,
    order: view.order,
    tribe: view.tribe,
    squad: view.squad,
    environment: view.environment,
    from: view.window.from,
    to: view.window.to,
  };
}

/** The URL parameters of clicking a sortable header: toggle the order, or sort by it (its natural order). */
export function sortParams(view: LeaderboardView, sort: Sort): Record<string, string | undefined> {
  const order = view.sort === sort ? (view.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  return {
    sort: sort === 'deployments' ? undefined : sort,
    order: order === defaultOrder(sort) ? undefined : order,
  };
}
