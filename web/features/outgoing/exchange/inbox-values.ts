import type { TInboxDetail } from '../../../../contracts/outgoing';
import { emptyRegisterValues, type RegisterValues } from '../../incoming/register/register-form';

/** The entry form's values from what the sending unit sent (its metadata becomes the incoming record). */
export function valuesFromDelivery(d: TInboxDetail): RegisterValues {
  return {
    ...emptyRegisterValues({ organName: d.senderUnit, organId: null, documentTypeId: d.documentTypeId }),
    codeNumber: d.codeNumber,
    codeNotation: d.codeNotation ?? '',
    issuedDate: d.issuedDate ?? '',
    signer: d.signer ?? '',
    subject: d.subject,
    pageCount: d.pageCount ?? '',
    confidentialityCode: d.confidentialityCode,
    urgencyCode: d.urgencyCode,
    fieldId: d.fieldId,
    dueDate: d.dueDate ?? '',
  };
}
