/** npm run seed:demo — creates the demo organisation in an empty database (same as first start). */
import { loadConfig } from '../server/config';
import { seedDemo } from '../server/db/seed-demo';
import { openDatabase } from '../server/platform/db/database';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await db.migrate();
const accounts = await seedDemo(db, { fixedPasswords: config.demoPasswordsFixed });
if (!accounts) console.log('The database already has users: nothing was seeded.');
else for (const a of accounts) console.log(`${a.username}\t${a.password}\t${a.unit}\t${a.fullName}`);
await db.close();
