import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors';

/** The catalog references of a document's metadata (type, levels, field), as forms send them. */
export interface DocumentReferences {
  documentTypeId: string;
  confidentialityCode: string | null;
  urgencyCode: string | null;
  fieldId: string | null;
}

/** What the catalogs say of them: null rank for an unknown or inactive level. */
export interface ReferenceRow {
  type_ok: boolean;
  conf_rank: number | null;
  urg_rank: number | null;
  field_ok: boolean;
}

/** One query that looks up every reference of a document (for the modules' repositories). */
export function documentReferencesSql(input: DocumentReferences): SQL {
  return sql`
    SELECT
      EXISTS (SELECT 1 FROM document_types WHERE id = ${input.documentTypeId}::uuid AND active) AS type_ok,
      (SELECT rank FROM catalog_entries WHERE catalog = 'confidentiality' AND code = ${input.confidentialityCode} AND active) AS conf_rank,
      (SELECT rank FROM catalog_entries WHERE catalog = 'urgency' AND code = ${input.urgencyCode} AND active) AS urg_rank,
      (${input.fieldId}::uuid IS NULL OR EXISTS (SELECT 1 FROM catalog_entries WHERE catalog = 'field' AND id = ${input.fieldId}::uuid AND active)) AS field_ok`;
}

/**
 * An unknown or inactive type, level or field is VALIDATION_FAILED on its field. Returns the ranks
 * of the confidentiality and urgency levels (0 for none): Mật and above make a document confidential.
 */
export function checkedLevels(ref: ReferenceRow, input: DocumentReferences): { confRank: number; urgRank: number } {
  if (!ref.type_ok) throw new AppError('VALIDATION_FAILED', { field: 'body.documentTypeId' });
  if (input.confidentialityCode && ref.conf_rank === null)
    throw new AppError('VALIDATION_FAILED', { field: 'body.confidentialityCode' });
  if (input.urgencyCode && ref.urg_rank === null)
    throw new AppError('VALIDATION_FAILED', { field: 'body.urgencyCode' });
  if (!ref.field_ok) throw new AppError('VALIDATION_FAILED', { field: 'body.fieldId' });
  return { confRank: Number(ref.conf_rank ?? 0), urgRank: Number(ref.urg_rank ?? 0) };
}
