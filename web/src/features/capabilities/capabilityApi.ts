import { useQuery } from '@tanstack/react-query';
import type { Capability } from '../../../../src/core/assessment/capability.js';
import type { CapabilityStatement } from '../../../../src/core/assessment/capabilityStatement.js';
import { getJson } from '../../lib/api.js';

export type CatalogEntry = Capability & { statementCount: number };
export type CapabilityDetail = Capability & {
  statements: CapabilityStatement[];
  reflectiveQuestions: string[];
};

export function useCatalog() {
  return useQuery({
    queryKey: ['capabilities'],
    queryFn: () => getJson<{ capabilities: CatalogEntry[] }>('/api/capabilities'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCapability(slug: string) {
  return useQuery({
    queryKey: ['capability', slug],
    queryFn: () => getJson<CapabilityDetail>(`/api/capabilities/${encodeURIComponent(slug)}`),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export const categoryNames = {
  technical: 'Technical',
  measurement: 'Measurement',
  process: 'Process',
  cultural: 'Cultural',
} as const;

export const groupingNames = {
  'climate-for-learning': 'Climate for learning',
  'fast-flow': 'Fast flow',
  'fast-feedback': 'Fast feedback',
  ai: 'AI capabilities model',
} as const;

export const keyNames = {
  leadTime: 'lead time',
  deploymentFrequency: 'deployment frequency',
  changeFailureRate: 'change failure rate',
  timeToRestore: 'time to restore',
} as const;
