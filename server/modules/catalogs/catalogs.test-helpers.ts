/** Test helpers of the catalogs module: the shared API helpers. */
export { auditOf, call, countRows, grantAdmin } from '../../test/api-helpers';
