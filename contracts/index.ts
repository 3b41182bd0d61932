export * from './auth';
export * from './badges';
export * from './directory';
export * from './errors';
export * from './preferences';
