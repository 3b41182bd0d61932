import { defineConfig } from 'vitest/config';

const onServer = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Unit tests (`*.test.ts`) and integration tests (`*.int.test.ts`). Integration tests run on
 * PGlite, and once more on the PostgreSQL server when TEST_DATABASE_URL is set.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration:pglite',
          include: ['server/**/*.int.test.ts'],
          env: { TEST_ENGINE: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(onServer
        ? [
            {
              test: {
                name: 'integration:postgres',
                include: ['server/**/*.int.test.ts'],
                env: { TEST_ENGINE: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
