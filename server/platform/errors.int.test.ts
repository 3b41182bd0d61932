import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';

describe('bad input gets the documented JSON error, never a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ bodyLimit: 4096 });
  });
  afterAll(() => t.close());

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': contentType } });

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const res = await post('{"username": "admin", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });

  it('wrong types and missing fields → 400 VALIDATION_FAILED naming the fields', async () => {
    const res = await post(JSON.stringify({ username: 42 }));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.password', 'body.username']);
    expect(err.message).toBe('Dữ liệu không hợp lệ.');
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post(JSON.stringify({ username: 'a', password: 'x'.repeat(10_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an unsupported content type → 415', async () => {
    const res = await post('username=a', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an empty JSON body → 400', async () => {
    const res = await post('');
    expect(res.statusCode).toBe(400);
    expect(['INVALID_JSON', 'VALIDATION_FAILED']).toContain(res.json().error.code);
  });

  it('an unknown route → 404 NOT_FOUND as JSON, in English when asked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/khong-co', headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    const del = await t.app.inject({ method: 'DELETE', url: '/api/auth/login' });
    expect(del.statusCode).toBe(404);
  });

  it('a bad query parameter → 400 with the field', async () => {
    const cookie = await t.login('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/directory?limit=abc', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('querystring.limit');
  });

  it('health answers ok with the database reachable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('OpenAPI covers every API route with request and response schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    const paths = Object.keys(spec.paths);
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/change-password',
      '/api/directory',
      '/api/me/preferences',
      '/api/badges',
    ]) {
      expect(paths).toContain(p);
    }
    for (const [p, ops] of Object.entries(
      spec.paths as Record<string, Record<string, { responses?: object; parameters?: { in: string; name: string }[] }>>,
    )) {
      const pathParams = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        expect(op.responses, `${method} ${p} has responses`).toBeTruthy();
        for (const name of pathParams) {
          const declared = op.parameters?.some((x) => x.in === 'path' && x.name === name);
          expect(declared, `${method} ${p} declares :${name}`).toBe(true);
        }
      }
    }
    expect(spec.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual([
      'username',
      'password',
    ]);
  });
});
