import { describe, expect, it } from 'vitest';
import type { TIncomingFormOptions } from '../../../../contracts/incoming';
import {
  emptyRegisterValues,
  fieldOfServerPath,
  prefillFromLast,
  previewArrivalNumber,
  toCreateBody,
  typedNotation,
  validateRegister,
} from './register-form';

const ORGAN = '11111111-1111-4111-8111-111111111111';
const TYPE = '22222222-2222-4222-8222-222222222222';

describe('entry form of incoming documents', () => {
  it('sends a catalog organ by id and a new organ by its name', () => {
    const picked = { ...emptyRegisterValues({ organName: 'Sở GD&ĐT', organId: ORGAN, documentTypeId: TYPE }) };
    expect(toCreateBody({ ...picked, subject: ' Kế hoạch ' })).toMatchObject({
      issuingOrganId: ORGAN,
      documentTypeId: TYPE,
      subject: 'Kế hoạch',
    });
    expect(toCreateBody({ ...picked, subject: 'x' })).not.toHaveProperty('issuingOrganName');
    const typed = toCreateBody({ ...picked, organId: null, organName: ' UBND xã Mới ', subject: 'x' });
    expect(typed).toMatchObject({ issuingOrganName: 'UBND xã Mới' });
    expect(typed).not.toHaveProperty('issuingOrganId');
  });

  it('sends empty optional fields as null and files by id', () => {
    const body = toCreateBody({
      ...emptyRegisterValues({ organName: 'A', documentTypeId: TYPE }),
      subject: 'S',
      pageCount: 3,
      files: [{ id: 'f1', name: 'a.pdf', mime: 'application/pdf', size: 1, preview: 'pdf' }],
    });
    expect(body).toMatchObject({
      codeNumber: null,
      codeNotation: null,
      issuedDate: null,
      signer: null,
      dueDate: null,
      notes: null,
      pageCount: 3,
      fileIds: ['f1'],
      recipientIds: [],
    });
  });

  it('keeps Vietnamese text in NFC', () => {
    const decomposed = 'Quyết định'.normalize('NFD');
    const body = toCreateBody({
      ...emptyRegisterValues({ organName: 'A', documentTypeId: TYPE }),
      subject: decomposed,
    });
    expect(body.subject).toBe('Quyết định'.normalize('NFC'));
  });

  it('upper-cases the code notation as it is typed', () => {
    expect(typedNotation('qđ-pgdđt')).toBe('QĐ-PGDĐT');
  });

  it('prefills the organ and type used last', () => {
    const v = prefillFromLast({ issuingOrganId: ORGAN, issuingOrganName: 'Sở GD&ĐT', documentTypeId: TYPE });
    expect(v).toMatchObject({ organId: ORGAN, organName: 'Sở GD&ĐT', documentTypeId: TYPE, subject: '' });
    expect(prefillFromLast(null)).toMatchObject({ organId: null, organName: '', documentTypeId: null });
  });

  it('maps the server field paths onto the form fields', () => {
    expect(fieldOfServerPath('body.issuingOrganId')).toBe('organName');
    expect(fieldOfServerPath('body.issuingOrganName')).toBe('organName');
    expect(fieldOfServerPath('body.recipientIds.2')).toBe('recipientIds');
    expect(fieldOfServerPath('body.fileIds')).toBe('files');
    expect(fieldOfServerPath('body.subject')).toBe('subject');
    expect(fieldOfServerPath('body.arrivalAt')).toBeNull();
  });

  it('asks for the organ, the type and the subject, and refuses an issued date in the future', () => {
    const errors = validateRegister({ ...emptyRegisterValues(), issuedDate: '2026-12-01' }, '2026-11-25');
    expect(errors).toEqual({
      organName: 'organRequired',
      documentTypeId: 'typeRequired',
      subject: 'subjectRequired',
      issuedDate: 'issuedInFuture',
    });
    const ok = { ...emptyRegisterValues({ organName: 'A', documentTypeId: TYPE }), subject: 'S', pageCount: 2 };
    expect(validateRegister(ok, '2026-11-25')).toEqual({});
    expect(validateRegister({ ...ok, subject: 'x'.repeat(501) }, '2026-11-25')).toEqual({ subject: 'tooLong' });
    expect(validateRegister({ ...ok, pageCount: 0 }, '2026-11-25')).toEqual({ pageCount: 'pageCount' });
  });

  it('previews the next arrival number zero-padded, from the secret register for Mật', () => {
    const options = { nextNumber: 6, nextSecretNumber: 12 } as TIncomingFormOptions;
    expect(previewArrivalNumber(options, false)).toBe('06');
    expect(previewArrivalNumber(options, true)).toBe('12');
  });

  it('refuses a date box that does not hold a date', () => {
    const ok = { ...emptyRegisterValues({ organName: 'A', documentTypeId: TYPE }), subject: 'S' };
    expect(validateRegister({ ...ok, issuedDate: '31/02/2026', dueDate: 'x' }, '2026-11-25')).toEqual({
      issuedDate: 'dateInvalid',
      dueDate: 'dateInvalid',
    });
  });
});
