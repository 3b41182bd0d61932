import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/**
 * Every environment variable the server reads, in one place. README lists the same set.
 */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
  DEMO_PASSWORDS_FIXED: bool,
  COOKIE_SECURE: bool,
  TRUST_PROXY: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
  WEB_DIST_DIR: z.string().optional(),
  ORG_NAME: z.string().min(1).max(300).default('Đơn vị gốc'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  demoSeed: 'auto' | 'off';
  demoPasswordsFixed: boolean;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  bodyLimit: number;
  jobsPollMs: number;
  webDistDir: string;
  /** Name of the root unit created for a real deployment's first start (DEMO_SEED=off). */
  orgName: string;
};

/** Reads the configuration from an environment (process.env by default). Throws on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (e.g. DATABASE_URL= to force the embedded database).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    demoSeed: e.DEMO_SEED,
    demoPasswordsFixed: e.DEMO_PASSWORDS_FIXED,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT_BYTES,
    jobsPollMs: e.JOBS_POLL_MS,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? 'dist/web'),
    orgName: e.ORG_NAME.normalize('NFC'),
  };
}
