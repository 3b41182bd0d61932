import {
  formatOutgoingNumber,
  outgoingNotation,
  type TOutgoingDetail,
  type TOutgoingFormOptions,
} from '../../../../../contracts/outgoing';

/** The number and notation the document will probably get ("15/QĐ-PGDĐT"); the server gives the real one. */
export function previewCode(
  doc: Pick<TOutgoingDetail, 'documentTypeId' | 'draftingCode' | 'confidentiality' | 'unitId'>,
  options: TOutgoingFormOptions | undefined,
  abbreviation: string | null | undefined,
): { code: string; secret: boolean } | null {
  if (!options || options.unitId !== doc.unitId || abbreviation === undefined) return null;
  const secret = (doc.confidentiality?.rank ?? 0) > 0;
  const n = formatOutgoingNumber(secret ? options.nextSecretNumber : options.nextNumber);
  return { code: `${n}/${outgoingNotation(abbreviation, options.unitShortName, doc.draftingCode)}`, secret };
}
