import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDocumentRef, TDocumentSummary, TLinkTree } from '../../../contracts/links';
import type { Actor } from '../../platform/authz/actor';
import { call, countRows } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { registerIncoming, typeId, userId } from '../incoming/incoming.test-helpers';
import { createLinksService } from './links.module';

let t: TestApp;
const c: Record<string, string> = {};
const USERS = ['th.hieutruong', 'th.vanthu', 'th.gv1', 'mn.vanthu', 'truongphong'];

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) c[u] = await t.login(u);
});
afterAll(() => t.close());

async function internal(cookie: string, subject: string): Promise<TDocumentRef> {
  const res = await call(t, cookie, 'POST', '/api/internal', {
    documentTypeId: await typeId(t, 'Tờ trình'),
    subject,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { kind: 'internal', id: res.json().id };
}
async function archived(cookie: string, subject: string): Promise<TDocumentRef> {
  const res = await call(t, cookie, 'POST', '/api/archived', { subject });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { kind: 'archived', id: res.json().id };
}
const link = (cookie: string, from: TDocumentRef, to: TDocumentRef, relation = 'related', note?: string) =>
  call(t, cookie, 'POST', '/api/links', { from, to, relation, ...(note ? { note } : {}) });
async function linked(cookie: string, from: TDocumentRef, to: TDocumentRef, relation = 'related'): Promise<string> {
  const res = await link(cookie, from, to, relation);
  if (res.statusCode !== 201) throw new Error(`link: ${res.statusCode} ${res.body}`);
  return res.json().id;
}
async function tree(cookie: string, ref: TDocumentRef): Promise<TLinkTree> {
  const res = await call(t, cookie, 'GET', `/api/links/tree?kind=${ref.kind}&id=${ref.id}`);
  if (res.statusCode !== 200) throw new Error(`tree: ${res.statusCode} ${res.body}`);
  return res.json();
}
const docIds = (tr: TLinkTree) => tr.nodes.map((n) => n.document.id);

describe('Liên kết văn bản', () => {
  it('links documents of different kinds and shows the tree both ways, each document once despite a cycle', async () => {
    const incoming = await registerIncoming(t, c['th.vanthu'], { subject: 'Công văn về mua sắm thiết bị' });
    const i: TDocumentRef = { kind: 'incoming', id: incoming.document.id };
    const a = await internal(c['th.hieutruong'], 'Tờ trình mua sắm thiết bị dạy học');
    const b = await internal(c['th.hieutruong'], 'Tờ trình bổ sung kinh phí');
    const arch = await archived(c['th.vanthu'], 'Thông tư hướng dẫn mua sắm tài sản công');
    const ab = await linked(c['th.hieutruong'], a, i, 'replies_to');
    await linked(c['th.hieutruong'], b, a, 'amends');
    await linked(c['th.hieutruong'], arch, b, 'related');
    // Closing the cycle: the archived document is related to the incoming one too.
    await linked(c['th.hieutruong'], i, arch, 'related');

    const fromA = await tree(c['th.hieutruong'], a);
    expect(fromA.root).toMatchObject({ kind: 'internal', id: a.id, title: 'Tờ trình mua sắm thiết bị dạy học' });
    expect(fromA.canLink).toBe(true);
    expect(fromA.kinds).toEqual(expect.arrayContaining(['incoming', 'internal', 'archived']));
    expect(fromA.nodes.map((n) => [n.document.kind, n.relation, n.direction, n.depth])).toEqual([
      ['incoming', 'replies_to', 'out', 1],
      ['internal', 'amends', 'in', 1],
      ['archived', 'related', 'in', 2],
    ]);
    expect(new Set(docIds(fromA)).size).toBe(fromA.nodes.length);
    expect(fromA.nodes[0]).toMatchObject({ linkId: ab, parentLinkId: null, canRemove: true });
    expect(fromA.nodes[0].document.link).toBe(`/app/incoming-view?doc=${i.id}`);
    // Reached first through B (its link is older than the one from the incoming document).
    expect(fromA.nodes[2].parentLinkId).toBe(fromA.nodes[1].linkId);

    // From the incoming document, the internal reply is "in".
    const fromI = await tree(c['th.hieutruong'], i);
    expect(fromI.nodes.find((n) => n.document.id === a.id)).toMatchObject({ relation: 'replies_to', direction: 'in' });
    expect(docIds(fromI).sort()).toEqual([a.id, b.id, arch.id].sort());
  });

  it('stops five links away', async () => {
    const chain: TDocumentRef[] = [];
    for (let k = 0; k < 8; k++) chain.push(await archived(c['mn.vanthu'], `Văn bản chuỗi ${k}`));
    for (let k = 1; k < chain.length; k++) await linked(c['mn.vanthu'], chain[k], chain[k - 1], 'replaces');
    const tr = await tree(c['mn.vanthu'], chain[0]);
    expect(docIds(tr)).toEqual(chain.slice(1, 6).map((d) => d.id));
    expect(Math.max(...tr.nodes.map((n) => n.depth))).toBe(5);
  });

  it('hides documents the actor may not see, and does not walk through them', async () => {
    const mine = await archived(c['mn.vanthu'], 'Văn bản của trường mầm non');
    const behind = await archived(c['mn.vanthu'], 'Văn bản phía sau');
    const school = await internal(c['th.hieutruong'], 'Tờ trình của trường tiểu học');
    const actor = await userId(t, 'truongphong');
    // A link someone with a wider view made (written directly: no one here sees both).
    await t.db.rows(sql`
      INSERT INTO document_links (id, from_kind, from_id, to_kind, to_id, relation, created_by) VALUES
      (gen_random_uuid(), 'internal', ${school.id}::uuid, 'archived', ${mine.id}::uuid, 'related', ${actor}::uuid)`);
    await linked(c['mn.vanthu'], behind, mine, 'implements');
    expect(docIds(await tree(c['th.hieutruong'], school))).toEqual([]);
    expect(docIds(await tree(c['mn.vanthu'], mine))).toEqual([behind.id]);
    // The school's clerk may not link to a document of the other school (404, nothing written).
    const before = await countRows(t, 'document_links');
    expect((await link(c['th.hieutruong'], school, behind)).statusCode).toBe(404);
    expect((await call(t, c['th.hieutruong'], 'GET', `/api/links/tree?kind=archived&id=${mine.id}`)).statusCode).toBe(
      404,
    );
    expect(await countRows(t, 'document_links')).toBe(before);
  });

  it('refuses bad links with the right status and writes nothing', async () => {
    const a = await internal(c['th.hieutruong'], 'Tờ trình A');
    const b = await internal(c['th.hieutruong'], 'Tờ trình B');
    await linked(c['th.hieutruong'], a, b, 'related');
    const before = await countRows(t, 'document_links');
    expect((await link(c['th.hieutruong'], a, b, 'related')).statusCode).toBe(409);
    expect((await link(c['th.hieutruong'], a, a)).statusCode).toBe(400);
    expect((await link(c['th.hieutruong'], a, b, 'cites')).statusCode).toBe(400);
    expect((await link(c['th.hieutruong'], a, { kind: 'letters', id: b.id } as never)).statusCode).toBe(400);
    const missing = { kind: 'outgoing', id: '00000000-0000-4000-8000-000000000000' } as TDocumentRef;
    expect((await link(c['th.hieutruong'], a, missing)).statusCode).toBe(404);
    expect((await link(c['th.hieutruong'], a, b, 'amends', 'x'.repeat(501))).statusCode).toBe(400);
    // A teacher without documents.link.
    expect((await link(c['th.gv1'], a, b, 'amends')).statusCode).toBe(403);
    expect(await countRows(t, 'document_links')).toBe(before);
    // The other relation between the same two documents is a new link.
    expect((await link(c['th.hieutruong'], a, b, 'amends', 'Bổ sung mục 2')).statusCode).toBe(201);
  });

  it('removes a link softly (documents.link holders who see both ends)', async () => {
    const a = await internal(c['th.hieutruong'], 'Tờ trình cần gỡ liên kết');
    const b = await internal(c['th.hieutruong'], 'Tờ trình liên quan');
    const id = await linked(c['th.hieutruong'], a, b);
    expect((await call(t, c['th.gv1'], 'DELETE', `/api/links/${id}`)).statusCode).toBe(403);
    expect((await call(t, c['mn.vanthu'], 'DELETE', `/api/links/${id}`)).statusCode).toBe(404);
    expect((await call(t, c['th.hieutruong'], 'DELETE', `/api/links/${id}`)).statusCode).toBe(200);
    expect((await call(t, c['th.hieutruong'], 'DELETE', `/api/links/${id}`)).statusCode).toBe(404);
    expect(docIds(await tree(c['th.hieutruong'], a))).toEqual([]);
    const rows = await t.db.rows(sql`SELECT removed_at, removed_by FROM document_links WHERE id = ${id}::uuid`);
    expect(rows[0].removed_at).not.toBeNull();
    // Linking them again works after the removal.
    expect((await link(c['th.hieutruong'], a, b)).statusCode).toBe(201);
  });

  it('searches documents to link among those the actor sees', async () => {
    await internal(c['th.hieutruong'], 'Đề án chuyển đổi số nhà trường');
    const found = await call(t, c['th.hieutruong'], 'GET', '/api/links/search?kind=internal&q=de an chuyen doi');
    expect(found.statusCode).toBe(200);
    expect((found.json() as TDocumentSummary[]).map((d) => d.title)).toEqual(['Đề án chuyển đổi số nhà trường']);
    const other = await call(t, c['mn.vanthu'], 'GET', '/api/links/search?kind=internal&q=de an chuyen doi');
    expect(other.json()).toEqual([]);
    expect((await call(t, c['th.gv1'], 'GET', '/api/links/search?kind=internal&q=de an')).statusCode).toBe(403);
    expect((await call(t, c['th.hieutruong'], 'GET', '/api/links/search?kind=nope')).statusCode).toBe(400);
  });

  it('links inside another module’s transaction: rolled back with it, reused when it exists', async () => {
    const a = await internal(c['th.hieutruong'], 'Văn bản trả lời');
    const b = await internal(c['th.hieutruong'], 'Văn bản được trả lời');
    const service = createLinksService(t.app.platform);
    const actor = { userId: await userId(t, 'th.hieutruong') } as Actor;
    const before = await countRows(t, 'document_links');
    await expect(
      t.db.transaction(async () => {
        await service.linkInTransaction({ actor, ip: null }, a, b, 'replies_to');
        throw new Error('the issuing failed');
      }),
    ).rejects.toThrow('the issuing failed');
    expect(await countRows(t, 'document_links')).toBe(before);
    const first = await t.db.transaction(() => service.linkInTransaction({ actor, ip: null }, a, b, 'replies_to'));
    const again = await t.db.transaction(() => service.linkInTransaction({ actor, ip: null }, a, b, 'replies_to'));
    expect(again).toBe(first);
    expect(await countRows(t, 'document_links')).toBe(before + 1);
  });
});
