import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TDirectoryPage, ZUnitOption } from '../../../contracts/directory';
import { apiFetch } from '../../app/api';

/** One unit of the filter list. */
export type TUnitOption = z.infer<typeof ZUnitOption>;

/** Units for the directory filter (GET /api/units/options). */
export const unitOptionsQueryOptions = queryOptions({
  queryKey: ['units', 'options'],
  queryFn: ({ signal }) => apiFetch<TUnitOption[]>('/api/units/options', { signal }),
  staleTime: 10 * 60_000,
});

/** Staff directory pages for a search text and unit, keyset-paged with `nextCursor`. */
export function directoryQueryOptions(q: string, unitId: string | null, limit: number) {
  return infiniteQueryOptions({
    queryKey: ['directory', { q, unitId, limit }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TDirectoryPage>('/api/directory', {
        query: { q: q || undefined, unitId: unitId ?? undefined, limit, cursor: pageParam ?? undefined },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
