import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { MODULES } from './modules';
import { AuthRepository } from './modules/auth/auth.repository';
import { authRoutes } from './modules/auth/auth.routes';
import { AuthService } from './modules/auth/auth.service';
import { DirectoryRepository } from './modules/directory/directory.repository';
import { directoryRoutes } from './modules/directory/directory.routes';
import { DirectoryService } from './modules/directory/directory.service';
import { systemRoutes } from './modules/system/system.routes';
import { meRoutes } from './modules/users/me.routes';
import { UsersRepository } from './modules/users/users.repository';
import { UsersService } from './modules/users/users.service';
import { Audit, AuditRepository } from './platform/audit/audit.repository';
import { authPlugin } from './platform/auth/auth.plugin';
import { SessionResolver } from './platform/auth/session-resolver';
import { SessionsRepository } from './platform/auth/sessions.repository';
import { type Clock, systemClock } from './platform/clock';
import type { Database } from './platform/db/database';
import { DocumentKinds } from './platform/documents';
import { installErrorHandling } from './platform/errors';
import { LocalFileStore } from './platform/files/file-store';
import { FilesRepository } from './platform/files/files.repository';
import { filesRoutes } from './platform/files/files.routes';
import { FileService, UPLOAD_HARD_CAP_BYTES } from './platform/files/files.service';
import { JobQueue, JobRunner } from './platform/jobs/jobs';
import { Notifier } from './platform/notify/notifier';
import { EMAIL_JOB, emailHandler } from './platform/notify/email';
import { SMS_JOB, smsHandler } from './platform/notify/sms';
import { BadgeService } from './platform/realtime/badges';
import { RealtimeHub } from './platform/realtime/hub';
import { realtimeRoutes } from './platform/realtime/realtime.routes';
import { SettingsRepository } from './platform/settings/settings.repository';
import { SettingsService } from './platform/settings/settings.service';
import type { Platform } from './platform/platform';

export type { Platform } from './platform/platform';

export interface AppOptions {
  config: Config;
  db: Database;
  clock?: Clock;
  /** Start the job runner's polling loop (off in tests, which call runDue()). */
  runJobs?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

/** Builds the whole HTTP application on an open, migrated database. Tests build it too. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // One line per request only when debugging; errors are always logged.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const settings = new SettingsService(new SettingsRepository(db), clock);
  const audit = new Audit(new AuditRepository(db));
  const badges = new BadgeService();
  const realtime = new RealtimeHub(db, badges, app.log);
  const jobs = new JobQueue(db, clock);
  const jobRunner = new JobRunner(db, clock, app.log, { pollMs: config.jobsPollMs });

  const webIndex = path.join(config.webDistDir, 'index.html');
  const hasWeb = existsSync(webIndex);
  installErrorHandling(app, hasWeb ? (_req, reply) => reply.type('text/html').sendFile('index.html') : undefined);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'CloudOffice API', description: 'Văn phòng điện tử CloudOffice', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'co_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);
  // One file per request; the per-setting limit (upload.maxFileMb) is enforced by FileService.
  await app.register(fastifyMultipart, {
    limits: { files: 1, fileSize: UPLOAD_HARD_CAP_BYTES },
    throwFileSizeLimit: false,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });

  const sessions = new SessionsRepository(db);
  const filesRoot = path.join(config.dataDir, 'files');
  const fileStore = new LocalFileStore(filesRoot);
  const files = new FileService({
    tx: db,
    files: new FilesRepository(db),
    store: fileStore,
    settings,
    audit,
    clock,
    tmpDir: path.join(filesRoot, 'tmp'),
  });
  const resolver = new SessionResolver(sessions, settings, clock);
  const platform: Platform = {
    config,
    db,
    clock,
    settings,
    audit,
    badges,
    realtime,
    jobs,
    jobRunner,
    sessions: resolver,
    notifier: new Notifier(db, realtime, settings, jobs),
    files,
    documents: new DocumentKinds(),
  };
  app.decorate('platform', platform);
  jobRunner.register(SMS_JOB, smsHandler({ db, settings, clock }));
  jobRunner.register(EMAIL_JOB, emailHandler({ db, settings, clock, store: fileStore }));
  await app.register(authPlugin, { resolver });

  const usersService = new UsersService({ tx: db, users: new UsersRepository(db), audit });
  const authService = new AuthService({
    tx: db,
    auth: new AuthRepository(db),
    sessions,
    settings,
    audit,
    realtime,
    clock,
  });
  const directoryService = new DirectoryService({ directory: new DirectoryRepository(db) });

  await app.register(async (api) => {
    systemRoutes(api, { db, badges });
    authRoutes(api, { auth: authService, users: usersService, resolver, cookieSecure: config.cookieSecure });
    meRoutes(api, { users: usersService });
    directoryRoutes(api, { directory: directoryService });
    realtimeRoutes(api, { hub: realtime });
    filesRoutes(api, { files });
    for (const mod of MODULES) await mod.register(api, platform);
  });

  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  app.addHook('onReady', async () => {
    await realtime.start();
    if (opts.runJobs) await jobRunner.start();
  });
  app.addHook('onClose', async () => {
    await jobRunner.stop();
    await realtime.stop();
  });
  return app;
}
