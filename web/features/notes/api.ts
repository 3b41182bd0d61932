import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TNote, TNoteCreate, TNoteUpdate } from '../../../contracts/notes';
import { apiFetch } from '../../app/api';

/** Query key of the signed-in user's notes (shared by the page and the top-bar drawer). */
export const NOTES_KEY = ['notes'] as const;

/** GET /api/notes: own notes, pinned first. */
export const notesQueryOptions = queryOptions({
  queryKey: NOTES_KEY,
  queryFn: ({ signal }) => apiFetch<TNote[]>('/api/notes', { signal }),
});

/** Mutations of notes; each refreshes the list so page and drawer agree. */
export function useNoteMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: NOTES_KEY });
  return {
    create: useMutation({
      mutationFn: (body: TNoteCreate) => apiFetch<TNote>('/api/notes', { method: 'POST', body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: TNoteUpdate & { id: string }) =>
        apiFetch<TNote>(`/api/notes/${id}`, { method: 'PATCH', body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/notes/${id}/delete`, { method: 'POST' }),
      onSuccess,
    }),
  };
}
