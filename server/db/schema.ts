/** Every table of the application, for Drizzle and drizzle-kit. Modules add their schema here. */
export * from '../modules/account/account.schema';
export * from '../modules/catalogs/catalogs.schema';
export * from '../modules/notes/notes.schema';
export * from '../modules/org/org.schema';
export * from '../modules/users/users.schema';
export * from '../platform/audit/audit.schema';
export * from '../platform/auth/auth.schema';
export * from '../platform/authz/authz.schema';
export * from '../platform/jobs/jobs.schema';
export * from '../platform/settings/settings.schema';
export * from '../modules/incoming/incoming.schema';
export * from '../modules/registers/registers.schema';
export * from '../platform/files/files.schema';
export * from '../platform/notify/notify.schema';
export * from '../modules/schedule/schedule.schema';
export * from '../modules/announcements/announcements.schema';
