import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/** The one TanStack Query client of the app: no retries for answers the server gave on purpose (4xx). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (error instanceof ApiError && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
