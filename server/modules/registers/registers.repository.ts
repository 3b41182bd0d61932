import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';

export type RegisterKind = 'incoming' | 'outgoing' | 'internal';

const KIND_NAMES: Record<RegisterKind, string> = {
  incoming: 'Sổ đăng ký văn bản đến',
  outgoing: 'Sổ đăng ký văn bản đi',
  internal: 'Sổ văn bản nội bộ',
};

/** Name of a register as printed on its cover: "Sổ đăng ký văn bản đến năm 2026 (mật)". */
export function registerName(kind: RegisterKind, year: number, secret: boolean): string {
  return `${KIND_NAMES[kind]} năm ${year}${secret ? ' (mật)' : ''}`;
}

/**
 * Numbering of the registers. `take` is one upsert statement: the first document of a year
 * creates the register with number 1; later ones increment under the row lock, so concurrent
 * clerks wait for each other and a rolled-back registration gives its number back.
 */
export class RegistersRepository {
  constructor(private readonly db: Database) {}

  /** Takes the next number of the register (creating it); call inside the registering transaction. */
  async take(
    unitId: string,
    kind: RegisterKind,
    year: number,
    secret: boolean,
    perType?: { id: string; name: string },
  ): Promise<{ registerId: string; number: number }> {
    const name = perType ? `Sổ ${perType.name.toLocaleLowerCase('vi')} năm ${year}` : registerName(kind, year, secret);
    const rows = await this.db.rows<{ id: string; last_number: number }>(sql`
      INSERT INTO registers (id, unit_id, kind, year, secret, document_type_id, name, last_number)
      VALUES (${uuidv7()}, ${unitId}::uuid, ${kind}, ${year}, ${secret}, ${perType?.id ?? null}::uuid, ${name}, 1)
      ON CONFLICT (unit_id, kind, year, secret, document_type_id)
      DO UPDATE SET last_number = registers.last_number + 1, updated_at = now()
      RETURNING id, last_number`);
    return { registerId: rows[0].id, number: Number(rows[0].last_number) };
  }

  /** The number the next document would get (a preview for forms; the real one comes from `take`). */
  async peek(unitId: string, kind: RegisterKind, year: number, secret: boolean, typeId?: string): Promise<number> {
    const rows = await this.db.rows<{ last_number: number }>(sql`
      SELECT last_number FROM registers
      WHERE unit_id = ${unitId}::uuid AND kind = ${kind} AND year = ${year} AND secret = ${secret}
        AND document_type_id IS NOT DISTINCT FROM ${typeId ?? null}::uuid`);
    return (rows[0] ? Number(rows[0].last_number) : 0) + 1;
  }
}
