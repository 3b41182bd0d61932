/**
 * Data generator of the incoming-documents benchmark: units, users with their groups, issuing
 * organs, registers, documents over five years with their assignments, access rows and trail,
 * all with SQL generate_series on one connection to a throw-away database that already holds
 * the demo organisation. Secondary indexes of the big tables are dropped during the load and
 * rebuilt from their own definitions afterwards, so the result is the migrated schema. Rows are
 * written in time order (arrival, assignment, step), as a live system writes them, so the heap
 * correlates with time like a real database's does.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import {
  DEPARTMENT_CODES,
  DIRECTIONS,
  FAMILY,
  GIVEN,
  issuingOrgans,
  MIDDLE,
  prefixSlots,
  RESULTS,
  SUBJECT_PREFIXES,
  SUBJECT_TOPICS,
} from './incoming-vocab';

export interface Sizes {
  units: number;
  users: number;
  /** Users of the root unit (PGDĐT) besides the demo ones: its chuyên viên handle its documents. */
  rootStaff: number;
  documents: number;
  organs: number;
}

/** Username of the clerk of the unit the concurrent registrations go to (no documents this year). */
export const REGISTER_CLERK = 'bench.dk.vanthu';
export const REGISTER_UNIT_CODE = 'BENCHREG';

/** Share of the documents of the root unit and of each other demo school; the rest go to the bench units. */
const ROOT_SHARE = 0.03;
const DEMO_SHARE = 0.001;
const BIG_TABLES = ['incoming_documents', 'incoming_assignments', 'incoming_access', 'incoming_steps'];
const VN = `'Asia/Ho_Chi_Minh'`;

/** Fills the database; returns the time of each step in ms and the row counts. */
export async function generate(c: pg.Client, z: Sizes, log: (line: string) => void) {
  const steps: Record<string, number> = {};
  const run = async (name: string, text: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await c.query(text, params);
    steps[name] = Math.round(performance.now() - t);
    log(`  ${name}: ${steps[name]} ms${res.rowCount ? ` (${res.rowCount} rows)` : ''}`);
    return res;
  };

  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET maintenance_work_mem = '1GB'`);
  await c.query(`SET work_mem = '256MB'`);
  // Skips foreign-key triggers during the load (needs a superuser; the keys are consistent by construction).
  await c.query(`SET session_replication_role = replica`).catch(() => log('  (foreign keys checked row by row)'));
  await c.query(`SELECT setseed(0.2026)`);

  const indexes = (
    await c.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
      [BIG_TABLES],
    )
  ).rows;
  for (const i of indexes) await c.query(`DROP INDEX ${i.name}`);

  await run(
    'units',
    `INSERT INTO units (id, parent_id, path, code, name, short_name, kind, sort_order)
     SELECT u.id, r.id, r.path || u.id || '/', 'BENCH' || lpad(g::text, 5, '0'),
       (ARRAY['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS'])[1 + g % 3] || ' số ' || g,
       (ARRAY['MN', 'TH', 'THCS'])[1 + g % 3] || g, (ARRAY['kindergarten', 'primary', 'secondary'])[1 + g % 3], 10 + g
     FROM generate_series(1, $1::int) g
     CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, g AS gg) u
     CROSS JOIN (SELECT id, path FROM units WHERE parent_id IS NULL) r
     UNION ALL
     SELECT u.id, r.id, r.path || u.id || '/', '${REGISTER_UNIT_CODE}', 'Trung tâm Học tập cộng đồng xã Đông Hòa',
       'TTHTCĐ', 'learning-centre', 9
     FROM (SELECT gen_random_uuid() AS id) u CROSS JOIN (SELECT id, path FROM units WHERE parent_id IS NULL) r`,
    [z.units],
  );

  // Users: the first rootStaff are chuyên viên of the root; then per bench unit one clerk, one
  // leader (subtree scope, like a head of school) and teachers; plus the register unit's clerk.
  await c.query(
    `CREATE TEMP TABLE gusers AS
    SELECT g, gen_random_uuid() AS id, 'bench' || g AS username,
      CASE WHEN g <= $1 THEN 0 ELSE 1 + (g - $1 - 1) % $2 END AS unit_n,
      CASE WHEN g <= $1 THEN 'chuyen-vien' WHEN (g - $1 - 1) / $2 = 0 THEN 'van-thu'
           WHEN (g - $1 - 1) / $2 = 1 THEN 'lanh-dao' ELSE 'chuyen-vien' END AS role
    FROM generate_series(1, $3::int) g
    UNION ALL SELECT 0, gen_random_uuid(), '${REGISTER_CLERK}', -1, 'van-thu'`,
    [z.rootStaff, z.units, z.users],
  );
  await run(
    'users',
    `INSERT INTO users (id, username, full_name, sort_key, unit_id, job_title_id, password_hash, email, phone)
     SELECT gu.id, gu.username, n.family || ' ' || n.middle || ' ' || n.given, n.given || ' ' || n.family, un.id,
       (SELECT id FROM job_titles WHERE name = CASE gu.role WHEN 'van-thu' THEN 'Văn thư' WHEN 'lanh-dao' THEN 'Hiệu trưởng'
          WHEN 'chuyen-vien' THEN CASE WHEN gu.unit_n = 0 THEN 'Chuyên viên' ELSE 'Giáo viên' END END),
       'x', gu.username || '@anminh.edu.vn', '09' || lpad((gu.g * 7919 % 100000000)::text, 8, '0')
     FROM gusers gu
     CROSS JOIN LATERAL (SELECT ($1::text[])[1 + gu.g % ${FAMILY.length}] AS family,
       ($2::text[])[1 + (gu.g / ${FAMILY.length}) % ${MIDDLE.length}] AS middle,
       ($3::text[])[1 + (gu.g / 7) % ${GIVEN.length}] AS given) n
     JOIN units un ON un.code = CASE WHEN gu.unit_n = 0 THEN 'PGDDT' WHEN gu.unit_n = -1 THEN '${REGISTER_UNIT_CODE}'
       ELSE 'BENCH' || lpad(gu.unit_n::text, 5, '0') END`,
    [FAMILY, MIDDLE, GIVEN],
  );
  await run(
    'user groups',
    `INSERT INTO user_groups (user_id, group_id, scope)
     SELECT gu.id, g.id, CASE gu.role WHEN 'lanh-dao' THEN 'subtree' ELSE 'own' END
     FROM gusers gu JOIN groups g ON g.code = gu.role`,
  );

  const organs = issuingOrgans(z.organs);
  await c.query(
    `CREATE TEMP TABLE gorg AS
     SELECT o.i::int, gen_random_uuid() AS id, o.name, o.key, o.short
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS o(name, key, short, i)`,
    [organs.map((o) => o.name), organs.map((o) => o.key), organs.map((o) => o.short)],
  );
  await run(
    'issuing organs',
    `INSERT INTO issuing_organs (id, name, name_key, short_name) SELECT id, name, key, short FROM gorg`,
  );

  // Units that receive documents, numbered: 0 the root, then the demo schools, then the bench units.
  await c.query(`CREATE TEMP TABLE gu AS
    WITH u AS (
      SELECT id, path, row_number() OVER (ORDER BY parent_id IS NOT NULL, code LIKE 'BENCH%', code) - 1 AS idx
      FROM units WHERE code <> '${REGISTER_UNIT_CODE}'),
    m AS (
      SELECT us.unit_id, g.code, us.id, us.username FROM users us
      JOIN user_groups ug ON ug.user_id = us.id JOIN groups g ON g.id = ug.group_id)
    SELECT u.idx::int, u.id AS unit_id, u.path,
      (SELECT m.id FROM m WHERE m.unit_id = u.id AND m.code = 'van-thu' ORDER BY m.username LIMIT 1) AS clerk,
      ARRAY(SELECT m.id FROM m WHERE m.unit_id = u.id AND m.code = 'lanh-dao' ORDER BY m.username) AS leaders,
      ARRAY(SELECT m.id FROM m WHERE m.unit_id = u.id AND m.code = 'chuyen-vien' ORDER BY m.username) AS handlers
    FROM u`);
  const shape = (
    await c.query<{ n: string; bad: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE clerk IS NULL OR cardinality(leaders) = 0
         OR cardinality(handlers) = 0) AS bad FROM gu`,
    )
  ).rows[0];
  if (Number(shape.bad) > 0) throw new Error(`${shape.bad} units lack a clerk, a leader or a handler`);
  const demoSchools = Number(shape.n) - 1 - z.units;
  const benchShare = 1 - ROOT_SHARE - DEMO_SHARE * demoSchools;

  const types = (
    await c.query<{ id: string; name: string; abbreviation: string | null }>(
      `SELECT id, name, abbreviation FROM document_types`,
    )
  ).rows;
  const typeOf = (name: string) => {
    const t = types.find((x) => x.name === name);
    if (!t) throw new Error(`document type ${name} missing`);
    return t;
  };

  await run(
    'random draws',
    `CREATE TEMP TABLE g0 AS
     SELECT g AS n, gen_random_uuid() AS id, random() AS r_unit, random() AS r_day, random() AS r_time,
       random() AS r_status, random() AS r_kind, random() AS r_urg, random() AS r_conf, random() AS r_pre,
       random() AS r_top, random() AS r_suf, random() AS r_org, random() AS r_lead, random() AS r_co,
       random() AS r_info, random() AS r_who, random() AS r_t1, random() AS r_t2, random() AS r_t3,
       random() AS r_due, random() AS r_seen, random() AS r_misc
     FROM generate_series(1, $1::int) g`,
    [z.documents],
  );

  // One row per document with every derived fact; the tables below are projections of it.
  // Status follows age: the last week is mostly waiting, the last two months a mix, older done.
  await run(
    'documents (staging)',
    `CREATE TEMP TABLE gd AS
     WITH a AS (
       SELECT g0.*,
         CASE WHEN r_unit < ${ROOT_SHARE} THEN 0
              WHEN r_unit < ${ROOT_SHARE + DEMO_SHARE * demoSchools} THEN 1 + floor((r_unit - ${ROOT_SHARE}) / ${DEMO_SHARE})::int
              ELSE ${1 + demoSchools} + LEAST($1::int - 1, floor($1::int * (sqrt(0.25 + 2 * (r_unit - ${1 - benchShare}) / ${benchShare}) - 0.5))::int)
         END AS idx,
         LEAST(now() - interval '1 minute',
           (date_trunc('day', now() AT TIME ZONE ${VN}) - floor(r_day * 1826) * interval '1 day'
             + (25200 + r_time * 36000) * interval '1 second') AT TIME ZONE ${VN}) AS arrival_at
       FROM g0),
     b AS (
       SELECT a.*, gu.unit_id, gu.path, gu.clerk, cardinality(gu.handlers) AS nh,
         gu.leaders[1 + floor(r_who * cardinality(gu.leaders))::int] AS leader,
         gu.handlers[1 + floor(r_lead * cardinality(gu.handlers))::int] AS h_lead,
         floor(r_lead * cardinality(gu.handlers))::int AS li, gu.handlers,
         extract(epoch FROM now() - a.arrival_at) / 86400 AS age,
         extract(year FROM a.arrival_at AT TIME ZONE ${VN})::int AS year,
         extract(month FROM a.arrival_at AT TIME ZONE ${VN})::int AS month,
         r_conf < 0.02 AS confidential
       FROM a JOIN gu ON gu.idx = a.idx),
     c AS (
       SELECT b.*,
         CASE WHEN age <= 7 THEN CASE WHEN r_status < 0.2 THEN 'new' WHEN r_status < 0.6 THEN 'presented' ELSE 'in_progress' END
              WHEN age <= 60 THEN CASE WHEN r_status < 0.05 THEN 'presented' WHEN r_status < 0.5 THEN 'in_progress' ELSE 'done' END
              WHEN age <= 180 THEN CASE WHEN r_status < 0.1 THEN 'in_progress' ELSE 'done' END
              ELSE CASE WHEN r_status < 0.003 THEN 'cancelled' WHEN r_status < 0.005 THEN 'returned' ELSE 'done' END
         END AS status,
         CASE WHEN nh >= 3 AND r_co < 0.3 THEN handlers[1 + (li + 1 + floor(r_co / 0.3 * (nh - 2))::int) % nh] END AS h_co,
         CASE WHEN nh >= 2 AND r_info < 0.2 THEN handlers[1 + (li + nh - 1) % nh] END AS h_info,
         CASE WHEN r_urg < 0.01 THEN 3 WHEN r_urg < 0.04 THEN 2 WHEN r_urg < 0.14 THEN 1 ELSE 0 END AS urgency_rank,
         ($2::int[])[1 + floor(r_pre * 100)::int] AS pi,
         1 + floor(r_top * $3::int)::int AS ti,
         1 + floor(power(r_org, 2.5) * $4::int)::int AS oi
       FROM b),
     d AS (
       SELECT c.*,
         CASE WHEN status = 'done' AND r_kind < 0.3 THEN 'info' ELSE 'handled' END AS kind,
         CASE WHEN status IN ('presented', 'in_progress', 'done')
           THEN LEAST(now(), arrival_at + (600 + r_t1 * 14400) * interval '1 second') END AS presented_at
       FROM c),
     e AS (
       SELECT d.*,
         CASE WHEN status IN ('in_progress', 'done')
           THEN LEAST(now(), presented_at + (1800 + r_t2 * 108000) * interval '1 second') END AS directed_at
       FROM d)
     SELECT e.*,
       CASE WHEN status = 'done' AND kind = 'info' THEN directed_at
            WHEN status = 'done' THEN LEAST(now(), directed_at + (0.5 + r_t3 * 20) * interval '1 day') END AS completed_at,
       CASE WHEN kind = 'handled' AND directed_at IS NOT NULL AND r_due >= 0.2
         THEN (directed_at AT TIME ZONE ${VN})::date + (5 + floor(r_due * 25))::int END AS due_date,
       CASE WHEN status IN ('in_progress', 'done') THEN presented_at + (directed_at - presented_at) * r_seen
            WHEN status = 'presented' AND r_seen < 0.3 THEN LEAST(now(), presented_at + r_seen * interval '10 hours')
       END AS seen_leader,
       CASE WHEN status = 'done' OR (status = 'in_progress' AND r_seen < 0.8)
         THEN LEAST(now(), directed_at + r_seen * interval '36 hours') END AS seen_handler,
       row_number() OVER (PARTITION BY unit_id, year, confidential ORDER BY arrival_at, n)::int AS arrival_number
     FROM e`,
    [z.units, prefixSlots(), SUBJECT_TOPICS.length, organs.length],
  );

  await run(
    'registers',
    `INSERT INTO registers (id, unit_id, kind, year, secret, name, last_number, created_at, updated_at)
     SELECT gen_random_uuid(), unit_id, 'incoming', year, confidential,
       'Sổ đăng ký văn bản đến năm ' || year || CASE WHEN confidential THEN ' (mật)' ELSE '' END,
       count(*), min(arrival_at), max(arrival_at)
     FROM gd GROUP BY unit_id, year, confidential`,
  );

  const fields = (
    await c.query<{ id: string }>(`SELECT id FROM catalog_entries WHERE catalog = 'field' ORDER BY rank`)
  ).rows.map((r) => r.id);
  const prefixes = SUBJECT_PREFIXES.map((p) => p.text.normalize('NFC'));
  await run(
    'incoming_documents',
    `INSERT INTO incoming_documents (id, unit_id, unit_path, register_id, year, arrival_number, arrival_at,
       issuing_organ_id, issuing_organ_name, document_type_id, code_number, code_notation, code_key, issued_date,
       signer, subject, page_count, confidentiality_code, confidential, urgency_code, urgency_rank, pin_rank,
       field_id, due_date, status, direction, directed_by, directed_at, lead_user_id, result, reply_code,
       completed_at, cancel_reason, return_reason, created_by, created_at, updated_at)
     SELECT d.id, d.unit_id, d.path, r.id, d.year, d.arrival_number, d.arrival_at,
       o.id, o.name, ($1::uuid[])[d.pi], n.num, n.notation, n.num || '/' || n.notation,
       (d.arrival_at AT TIME ZONE ${VN})::date - floor(d.r_t1 * 6)::int,
       ($6::text[])[1 + floor(d.r_misc * 1e6)::int % ${FAMILY.length}] || ' '
         || ($7::text[])[1 + floor(d.r_misc * 1e4)::int % ${MIDDLE.length}] || ' '
         || ($8::text[])[1 + floor(d.r_misc * 1e3)::int % ${GIVEN.length}],
       ($3::text[])[d.pi] || ' ' || ($4::text[])[d.ti]
         || CASE WHEN ($4::text[])[d.ti] LIKE '%năm học' THEN ' ' || n.school_year
                 WHEN d.r_suf < 0.6 THEN ' năm học ' || n.school_year
                 WHEN d.r_suf < 0.8 THEN ' năm ' || d.year ELSE '' END,
       1 + floor(d.r_t3 * 8)::int,
       CASE WHEN d.confidential THEN 'mat' END, d.confidential,
       (ARRAY['khan', 'thuong-khan', 'hoa-toc'])[NULLIF(d.urgency_rank, 0)], d.urgency_rank,
       CASE WHEN d.status IN ('new', 'presented', 'in_progress') THEN d.urgency_rank ELSE 0 END,
       CASE WHEN d.r_misc < 0.7 THEN ($11::uuid[])[1 + floor(d.r_kind * cardinality($11::uuid[]))::int] END,
       d.due_date, d.status,
       CASE WHEN d.directed_at IS NOT NULL THEN ($9::text[])[1 + floor(d.r_t2 * 1e4)::int % ${DIRECTIONS.length}] END,
       CASE WHEN d.directed_at IS NOT NULL THEN d.leader END, d.directed_at,
       CASE WHEN d.directed_at IS NOT NULL AND d.kind = 'handled' THEN d.h_lead END,
       CASE WHEN d.status = 'done' AND d.kind = 'handled' THEN ($10::text[])[1 + floor(d.r_t3 * 1e4)::int % ${RESULTS.length}] END,
       CASE WHEN d.status = 'done' AND d.kind = 'handled' AND d.r_t3 < 0.3 THEN (1 + floor(d.r_t2 * 900)::int) || '/PGDĐT-GDTH' END,
       d.completed_at,
       CASE WHEN d.status = 'cancelled' THEN 'Vào sổ nhầm, trùng văn bản đã đăng ký.' END,
       CASE WHEN d.status = 'returned' THEN 'Văn bản gửi nhầm đơn vị.' END,
       d.clerk, d.arrival_at, COALESCE(d.completed_at, d.directed_at, d.presented_at, d.arrival_at)
     FROM gd d
     JOIN registers r ON r.unit_id = d.unit_id AND r.kind = 'incoming' AND r.year = d.year AND r.secret = d.confidential
     JOIN gorg o ON o.i = d.oi
     CROSS JOIN LATERAL (SELECT (1 + floor(d.r_misc * 1800)::int)::text AS num,
       upper(CASE WHEN ($2::text[])[d.pi] IS NULL
         THEN o.short || '-' || ($5::text[])[1 + floor(d.r_t1 * 1e4)::int % ${DEPARTMENT_CODES.length}]
         ELSE ($2::text[])[d.pi] || '-' || o.short END) AS notation,
       (d.year - (d.month < 8)::int) || '-' || (d.year - (d.month < 8)::int + 1) AS school_year) n
     ORDER BY d.arrival_at`,
    [
      SUBJECT_PREFIXES.map((p) => typeOf(p.type).id),
      SUBJECT_PREFIXES.map((p) => typeOf(p.type).abbreviation),
      prefixes,
      SUBJECT_TOPICS.map((t) => t.normalize('NFC')),
      DEPARTMENT_CODES.map((t) => t.normalize('NFC')),
      FAMILY,
      MIDDLE,
      GIVEN,
      DIRECTIONS,
      RESULTS,
      fields,
    ],
  );

  // Parts: the leader asked to direct; once directed, the lead (chủ trì), co-handlers and people
  // informed. A document directed for information only is done once directed.
  await run(
    'incoming_assignments',
    `INSERT INTO incoming_assignments (id, document_id, user_id, role, state, due_date, progress, result,
       assigned_by, completed_at, created_at, updated_at)
     SELECT gen_random_uuid(), id, leader, 'director', CASE WHEN status = 'presented' THEN 'pending' ELSE 'done' END,
       NULL::date, 0, NULL, clerk, directed_at, presented_at, COALESCE(directed_at, presented_at)
     FROM gd WHERE status IN ('presented', 'in_progress', 'done')
     UNION ALL
     SELECT gen_random_uuid(), id, p.user_id, p.role,
       CASE WHEN status = 'done' THEN 'done' WHEN r_seen < 0.4 THEN 'pending' ELSE 'in_progress' END,
       due_date, CASE WHEN status = 'done' THEN 100 WHEN r_seen < 0.4 THEN 0 ELSE 10 * floor(r_seen * 9)::int END,
       CASE WHEN status = 'done' AND p.role = 'lead' THEN 'Đã thực hiện xong.' END,
       leader, completed_at, directed_at, COALESCE(completed_at, directed_at)
     FROM gd CROSS JOIN LATERAL (VALUES (h_lead, 'lead'), (h_co, 'co')) p(user_id, role)
     WHERE kind = 'handled' AND status IN ('in_progress', 'done') AND p.user_id IS NOT NULL
     UNION ALL
     SELECT gen_random_uuid(), id, p.user_id, 'info', CASE WHEN seen_handler IS NULL THEN 'pending' ELSE 'done' END,
       NULL, 0, NULL, leader, seen_handler, directed_at, COALESCE(seen_handler, directed_at)
     FROM gd CROSS JOIN LATERAL (VALUES (CASE WHEN kind = 'info' THEN h_lead END), (h_info)) p(user_id)
     WHERE status IN ('in_progress', 'done') AND p.user_id IS NOT NULL
     ORDER BY 11`,
  );
  await run(
    'incoming_access',
    `INSERT INTO incoming_access (document_id, user_id, granted_at, seen_at)
     SELECT id, leader, presented_at, seen_leader FROM gd WHERE status IN ('presented', 'in_progress', 'done')
     UNION ALL
     SELECT id, p.user_id, directed_at, seen_handler
     FROM gd CROSS JOIN LATERAL (VALUES (h_lead), (CASE WHEN kind = 'handled' THEN h_co END), (h_info)) p(user_id)
     WHERE status IN ('in_progress', 'done') AND p.user_id IS NOT NULL
     ORDER BY 3`,
  );
  await run(
    'incoming_steps',
    `INSERT INTO incoming_steps (id, document_id, at, actor_id, action, comment, targets)
     SELECT gen_random_uuid(), id, arrival_at, clerk, 'register', NULL, '[]'::jsonb FROM gd
     UNION ALL
     SELECT gen_random_uuid(), d.id, d.presented_at, d.clerk, 'present', NULL,
       jsonb_build_array(jsonb_build_object('name', l.full_name, 'role', 'director', 'dueDate', NULL))
     FROM gd d JOIN users l ON l.id = d.leader WHERE d.status IN ('presented', 'in_progress', 'done')
     UNION ALL
     SELECT gen_random_uuid(), d.id, d.directed_at, d.leader, 'direct', x.direction,
       CASE WHEN d.kind = 'handled'
         THEN jsonb_build_array(jsonb_build_object('name', h.full_name, 'role', 'lead', 'dueDate', d.due_date::text))
         ELSE jsonb_build_array(jsonb_build_object('name', h.full_name, 'role', 'info', 'dueDate', NULL)) END
       || CASE WHEN d.kind = 'handled' AND co.id IS NOT NULL
            THEN jsonb_build_array(jsonb_build_object('name', co.full_name, 'role', 'co', 'dueDate', d.due_date::text))
            ELSE '[]'::jsonb END
       || CASE WHEN i.id IS NOT NULL
            THEN jsonb_build_array(jsonb_build_object('name', i.full_name, 'role', 'info', 'dueDate', NULL))
            ELSE '[]'::jsonb END
     FROM gd d JOIN incoming_documents x ON x.id = d.id JOIN users h ON h.id = d.h_lead
     LEFT JOIN users co ON co.id = d.h_co LEFT JOIN users i ON i.id = d.h_info
     WHERE d.status IN ('in_progress', 'done')
     UNION ALL
     SELECT gen_random_uuid(), id, completed_at, h_lead, 'complete', 'Đã thực hiện xong.',
       jsonb_build_array(jsonb_build_object('name', 'chủ trì', 'role', 'lead', 'dueDate', due_date::text))
     FROM gd WHERE status = 'done' AND kind = 'handled'
     UNION ALL
     SELECT gen_random_uuid(), id, LEAST(now(), arrival_at + interval '1 day'), clerk,
       CASE status WHEN 'cancelled' THEN 'cancel' ELSE 'return' END,
       CASE status WHEN 'cancelled' THEN 'Vào sổ nhầm, trùng văn bản đã đăng ký.' ELSE 'Văn bản gửi nhầm đơn vị.' END,
       '[]'::jsonb
     FROM gd WHERE status IN ('cancelled', 'returned')
     ORDER BY 3`,
  );

  await c.query(`SET session_replication_role = DEFAULT`).catch(() => undefined);
  const t = performance.now();
  for (const i of indexes) await c.query(i.def);
  steps.indexes = Math.round(performance.now() - t);
  log(`  indexes (${indexes.length}): ${steps.indexes} ms`);
  await c.query(`DROP TABLE g0, gd, gu, gusers, gorg`);
  await run('vacuum analyze', `VACUUM ANALYZE`);

  const counts = (
    await c.query<Record<string, string>>(`SELECT
      (SELECT count(*) FROM incoming_documents) AS documents, (SELECT count(*) FROM incoming_assignments) AS assignments,
      (SELECT count(*) FROM incoming_access) AS access, (SELECT count(*) FROM incoming_steps) AS steps,
      (SELECT count(*) FROM registers) AS registers, (SELECT count(*) FROM issuing_organs) AS organs,
      (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM users) AS users`)
  ).rows[0];
  return { steps, rows: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) };
}
