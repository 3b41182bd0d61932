import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

describe('Danh bạ điện thoại', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    cookie = await t.login('th.gv1');
  });
  afterAll(() => t.close());

  const get = (qs: string) => t.app.inject({ method: 'GET', url: `/api/directory${qs}`, headers: { cookie } });

  it('lists the whole organisation in Vietnamese order by given name', async () => {
    const res = await get('?limit=200');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((i: { fullName: string }) => i.fullName);
    expect(names).toHaveLength(18);
    // Given names: Ánh, Bảo, Bình… "Phạm Ngọc Ánh" (A) comes before "Lâm Quốc Bảo" (B); Đức after Dung-less D names.
    expect(names.indexOf('Phạm Ngọc Ánh')).toBeLessThan(names.indexOf('Lâm Quốc Bảo'));
    expect(names.indexOf('Huỳnh Văn Đức')).toBeLessThan(names.indexOf('Nguyễn Thị Hồng'));
    expect(names.at(-1)).toBe('Dương Thị Yến');
  });

  it('finds people without diacritics', async () => {
    const res = await get(`?q=${encodeURIComponent('duc')}`);
    expect(res.json().items.map((i: { fullName: string }) => i.fullName)).toEqual(['Huỳnh Văn Đức']);
    const accented = await get(`?q=${encodeURIComponent('NGUYỄN')}`);
    expect(accented.json().items).toHaveLength(2);
  });

  it('finds people by job title, email or phone too', async () => {
    const byTitle = await get(`?q=${encodeURIComponent('hieu truong')}`);
    expect(byTitle.json().items).toHaveLength(3);
    const byEmail = await get('?q=thcs.vanthu');
    expect(byEmail.json().items.map((i: { fullName: string }) => i.fullName)).toEqual(['Dương Thị Yến']);
    const phone = byEmail.json().items[0].phone as string;
    expect((await get(`?q=${phone.slice(-6)}`)).json().items.map((i: { phone: string }) => i.phone)).toContain(phone);
  });

  it('treats % and _ in the search as plain characters', async () => {
    expect((await get(`?q=${encodeURIComponent('%')}`)).json().items).toHaveLength(0);
  });

  it('filters by unit and pages with a cursor without repeats', async () => {
    const units = await t.app.inject({ method: 'GET', url: '/api/units/options', headers: { cookie } });
    const root = units.json().find((u: { parentId: string | null }) => u.parentId === null);
    const school = units.json().find((u: { name: string }) => u.name === 'Trường THCS An Minh');
    expect((await get(`?unitId=${school.id}`)).json().items).toHaveLength(4);
    expect((await get(`?unitId=${root.id}`)).json().items).toHaveLength(18); // the subtree

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await get(`?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(18);
    expect(new Set(seen).size).toBe(18);
  });

  it('rejects a forged cursor and an unknown unit with 400', async () => {
    expect((await get('?cursor=abc')).json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'querystring.cursor' }],
    });
    expect((await get('?unitId=00000000-0000-7000-8000-000000000000')).statusCode).toBe(400);
    expect((await get('?unitId=not-a-uuid')).statusCode).toBe(400);
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/directory' });
    expect(res.statusCode).toBe(401);
  });
});

describe('personal preferences and favourites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const patch = (cookie: string, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: '/api/me/preferences', headers: { cookie }, payload: payload as object });

  it('saves favourites and language and returns them in /me', async () => {
    const cookie = await t.login('chuyenvien1');
    const res = await patch(cookie, { favourites: ['change-password', 'directory', 'directory'], locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      locale: 'en',
      favourites: ['change-password', 'directory'],
      pageSize: 20,
      landingFunction: null,
      notifyChannels: [],
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().preferences.favourites).toEqual(['change-password', 'directory']);
    // Errors now come in the user's language.
    const bad = await patch(cookie, { pageSize: 5 });
    expect(bad.json().error.message).toBe('The request is not valid.');
  });

  it('refuses an unknown function, one the user may not see, and unknown keys', async () => {
    const cookie = await t.login('chuyenvien2');
    expect((await patch(cookie, { favourites: ['khong-co'] })).statusCode).toBe(400);
    const forbidden = await patch(cookie, { favourites: ['admin-users'] });
    expect(forbidden.statusCode).toBe(400);
    expect(forbidden.json().error.fields[0].path).toBe('body.favourites.0');
    expect((await patch(cookie, { theme: 'dark' })).statusCode).toBe(400);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().preferences.favourites).toEqual(['directory', 'change-password']);
  });
});
