import { performance } from 'node:perf_hooks';
import { buildApp } from './app';
import { loadConfig } from './config';
import { bootstrapAdministrator } from './db/bootstrap';
import { seedDemo } from './db/seed-demo';
import { openDatabase } from './platform/db/database';

/** Start: read config, open and migrate the database, seed demo data when empty, listen. */
async function main() {
  const started = performance.now();
  const config = loadConfig();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  await db.migrate();
  const accounts =
    config.demoSeed === 'auto' ? await seedDemo(db, { fixedPasswords: config.demoPasswordsFixed }) : null;
  const bootstrap = config.demoSeed === 'off' ? await bootstrapAdministrator(db, config.orgName) : null;
  const app = await buildApp({ config, db, runJobs: true });
  await app.listen({ port: config.port, host: config.host });

  if (accounts) printAccounts(accounts, config.demoPasswordsFixed);
  if (bootstrap) {
    console.log(
      '\nCơ sở dữ liệu trống: đã tạo đơn vị gốc và tài khoản quản trị / Empty database: created the root unit and',
    );
    console.log(
      `the administrator — ${bootstrap.username} / ${bootstrap.password} (mật khẩu dùng một lần / one-time password)\n`,
    );
  }
  const engine = db.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL server';
  console.log(
    `CloudOffice: http://localhost:${config.port} — ${engine} — ready in ${Math.round(performance.now() - started)} ms`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function printAccounts(
  accounts: { username: string; fullName: string; unit: string; password: string }[],
  fixed: boolean,
) {
  console.log('\nDữ liệu mẫu đã được tạo. Tài khoản mẫu / Demo accounts:');
  console.log(
    fixed
      ? '(mật khẩu cố định / fixed passwords)'
      : '(mật khẩu dùng một lần — phải đổi khi đăng nhập lần đầu / one-time passwords)',
  );
  for (const a of accounts)
    console.log(`  ${a.username.padEnd(16)} ${a.password.padEnd(14)} ${a.unit.padEnd(7)} ${a.fullName}`);
  console.log('');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
