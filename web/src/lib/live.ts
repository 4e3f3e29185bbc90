/**
 * Live figures: listens to `GET /api/live` (server-sent events) and, when events are stored, marks
 * the measured queries stale so that the open page fetches them again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export interface LiveNotice {
  at: Date;
  stored: number;
  source: string;
}

const measuredKeys = ['metrics', 'leaderboard', 'drill', 'sources'];

/** Subscribes while mounted; returns the latest update seen (null before any). */
export function useLiveUpdates(): LiveNotice | null {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<LiveNotice | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/live');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = 0;
    const onUpdate = (event: MessageEvent<string>) => {
      let update: { stored?: number; source?: string } = {};
      try {
        update = JSON.parse(event.data) as typeof update;
      } catch {
        // A malformed message still means something changed.
      }
      pending += update.stored ?? 0;
      const from = update.source ?? 'an event source';
      // A burst of deliveries becomes one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const key of measuredKeys) void queryClient.invalidateQueries({ queryKey: [key] });
        setNotice({ at: new Date(), stored: pending, source: from });
        pending = 0;
      }, 300);
    };
    source.addEventListener('update', onUpdate as EventListener);
    return () => {
      clearTimeout(timer);
      source.removeEventListener('update', onUpdate as EventListener);
      source.close();
    };
  }, [queryClient]);
  return notice;
}
