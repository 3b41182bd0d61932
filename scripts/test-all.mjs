// npm test: typecheck, lint, unit + integration tests (PGlite, and the PostgreSQL server when
// TEST_DATABASE_URL is set), web build, end-to-end tests in Chromium. Runs every stage even when
// one fails, and ends with one line "N passed, N failed" counting tests and checks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('out', { recursive: true });
let passed = 0;
let failed = 0;
const summary = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
}

function check(label, ok) {
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
}

const bin = (name) => `node_modules/.bin/${name}`;

check('typecheck', run('typecheck', bin('tsc'), ['-p', '.']));
check('lint + format', run('lint + format', bin('biome'), ['check', '--error-on-warnings', '.']));

if (!process.env.TEST_DATABASE_URL)
  console.log('\nTEST_DATABASE_URL is not set: integration tests run on PGlite only.');
rmSync('out/vitest.json', { force: true });
const vitestOk = run('unit + integration', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=out/vitest.json',
]);
if (existsSync('out/vitest.json')) {
  const r = JSON.parse(readFileSync('out/vitest.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  summary.push(
    `${r.numFailedTests === 0 && vitestOk ? 'ok  ' : 'FAIL'} vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`,
  );
  if (!vitestOk && r.numFailedTests === 0) check('vitest run (suite error)', false);
} else check('vitest run', false);

const built = run('web build', bin('vite'), ['build', '--logLevel', 'warn']);
check('web build', built);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(
    `\nNo Chromium at ${chromium}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  check('end-to-end (Chromium missing)', false);
} else if (built) {
  rmSync('out/playwright.json', { force: true });
  const e2eOk = run('end-to-end', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'out/playwright.json',
  });
  if (existsSync('out/playwright.json')) {
    const s = JSON.parse(readFileSync('out/playwright.json', 'utf8')).stats;
    const ok = s.expected + (s.flaky ?? 0);
    passed += ok;
    failed += s.unexpected;
    summary.push(`${s.unexpected === 0 && e2eOk ? 'ok  ' : 'FAIL'} playwright: ${ok} passed, ${s.unexpected} failed`);
    if (!e2eOk && s.unexpected === 0) check('playwright run (suite error)', false);
  } else check('playwright run', false);
}

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
