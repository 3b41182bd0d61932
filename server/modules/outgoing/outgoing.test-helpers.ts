import { sql } from 'drizzle-orm';
import type { TOutgoingCreate, TOutgoingDetail } from '../../../contracts/outgoing';
import { samplePdf } from '../../platform/files/files.fixtures';
import { call } from '../../test/api-helpers';
import type { TestApp } from '../../test/harness';
import { typeId, upload } from '../incoming/incoming.test-helpers';

/** Id of a unit by its code (PGDDT, MNAM, THAM, THCSAM). */
export async function unitId(t: TestApp, code: string): Promise<string> {
  const rows = await t.db.rows<{ id: string }>(sql`SELECT id FROM units WHERE code = ${code}`);
  return rows[0].id;
}

/** A draft through the API with a PDF as version 1. */
export async function draft(t: TestApp, cookie: string, over: Partial<TOutgoingCreate> = {}): Promise<TOutgoingDetail> {
  const file = await upload(t, cookie, 'du-thao.pdf', samplePdf(`du thao ${Math.random()}`));
  const body: TOutgoingCreate = {
    documentTypeId: await typeId(t, 'Quyết định'),
    subject: 'Quyết định công nhận trường đạt chuẩn quốc gia năm 2026',
    fileIds: [file.body.id],
    ...over,
  };
  const res = await call(t, cookie, 'POST', '/api/outgoing', body);
  if (res.statusCode !== 201) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A step on an outgoing document; throws on an unexpected status. */
export async function step(
  t: TestApp,
  cookie: string,
  id: string,
  path: string,
  body: unknown = {},
  expected = 200,
): Promise<TOutgoingDetail> {
  const res = await call(t, cookie, 'POST', `/api/outgoing/${id}/${path}`, body);
  if (res.statusCode !== expected) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}
