import { describe, expect, it } from 'vitest';
import type { TOutgoingDetail } from '../../../../contracts/outgoing';
import {
  draftFromDetail,
  emptyDraft,
  fieldOfServerPath,
  hasFlowFor,
  newOrgan,
  recipientsTextOf,
  toCreateBody,
  toUpdateBody,
  typedDraftingCode,
  validateDraft,
} from './draft-form';

const TYPE = '22222222-2222-4222-8222-222222222222';
const UNIT = '33333333-3333-4333-8333-333333333333';
const SIGNER = '44444444-4444-4444-8444-444444444444';
const FILE = {
  id: '55555555-5555-4555-8555-555555555555',
  name: 'a.pdf',
  mime: 'application/pdf',
  size: 1,
  preview: 'pdf' as const,
};

describe('draft form of outgoing documents', () => {
  it('starts from the drafting code and signer used last', () => {
    expect(emptyDraft({ draftingCode: 'TCCB', signerId: SIGNER })).toMatchObject({
      draftingCode: 'TCCB',
      signerId: SIGNER,
    });
    expect(emptyDraft(null)).toMatchObject({ draftingCode: '', signerId: null });
  });

  it('sends units and named organs as recipients, files as version 1, the reply link', () => {
    const v = {
      ...emptyDraft(),
      documentTypeId: TYPE,
      subject: '  Quyết định về việc  ',
      pageCount: 3,
      copies: '' as const,
      unitIds: [UNIT],
      organs: [newOrgan('Sở GD&ĐT', ' sogd@kg.gov.vn '), newOrgan('', '')],
      files: [FILE],
    };
    const body = toCreateBody(v, 'reply-id');
    expect(body).toMatchObject({
      documentTypeId: TYPE,
      subject: 'Quyết định về việc',
      pageCount: 3,
      copies: null,
      summary: null,
      fileIds: [FILE.id],
      replyToIncomingId: 'reply-id',
      recipients: [
        { kind: 'unit', unitId: UNIT },
        { kind: 'organ', name: 'Sở GD&ĐT', email: 'sogd@kg.gov.vn' },
      ],
    });
    expect(toUpdateBody(v)).not.toHaveProperty('fileIds');
  });

  it('refuses what the server would refuse, naming the field', () => {
    const empty = validateDraft(emptyDraft(), { needSigner: true, needFiles: true });
    expect(empty).toMatchObject({
      documentTypeId: 'typeRequired',
      subject: 'subjectRequired',
      signerId: 'signerRequired',
      files: 'filesRequired',
    });
    const bad = validateDraft(
      {
        ...emptyDraft(),
        documentTypeId: TYPE,
        subject: 'x'.repeat(501),
        dueDate: '31/02',
        pageCount: 0,
        organs: [newOrgan('', 'a@b.vn'), newOrgan('Sở', 'not-an-email')],
      },
      { needSigner: false },
    );
    expect(bad).toMatchObject({
      subject: 'tooLong',
      dueDate: 'dateInvalid',
      pageCount: 'positive',
      'organs.0.name': 'organName',
      'organs.1.email': 'email',
    });
    expect(bad).not.toHaveProperty('signerId');
    expect(validateDraft({ ...emptyDraft(), documentTypeId: TYPE, subject: 'QĐ' }, { needSigner: false })).toEqual({});
  });

  it('knows when the unit has a flow for the type (or one for every type)', () => {
    expect(hasFlowFor({ flowTypeIds: [] }, TYPE)).toBe(false);
    expect(hasFlowFor({ flowTypeIds: [TYPE] }, TYPE)).toBe(true);
    expect(hasFlowFor({ flowTypeIds: [TYPE] }, null)).toBe(false);
    expect(hasFlowFor({ flowTypeIds: [null] }, UNIT)).toBe(true);
  });

  it('writes "Nơi nhận" the ND30 way and the drafting code in upper case', () => {
    expect(recipientsTextOf(['Trường Tiểu học An Minh', 'Sở GD&ĐT'], '')).toBe(
      '- Trường Tiểu học An Minh;\n- Sở GD&ĐT;\n- Lưu: VT.',
    );
    expect(recipientsTextOf([], 'VT, TCCB')).toBe('- Lưu: VT, TCCB.');
    expect(typedDraftingCode('tc cb')).toBe('TCCB');
  });

  it('maps server field paths to form fields', () => {
    expect(fieldOfServerPath('body.recipients.2.email')).toBe('unitIds');
    expect(fieldOfServerPath('body.fileIds.0')).toBe('files');
    expect(fieldOfServerPath('body.signerId')).toBe('signerId');
    expect(fieldOfServerPath('body.other')).toBeNull();
  });

  it('edits a document with its pending recipients as lists', () => {
    const doc = {
      documentTypeId: TYPE,
      subject: 'S',
      summary: null,
      draftingCode: 'TCCB',
      pageCount: null,
      copies: 2,
      confidentialityCode: null,
      urgencyCode: null,
      field: null,
      dueDate: null,
      signerPrefix: 'KT.',
      signerId: SIGNER,
      recipientsText: null,
      fileCopyTo: null,
      notes: null,
      infoUsers: [{ id: UNIT, fullName: 'A', jobTitle: null, unitName: 'U', seenAt: null }],
      files: [FILE],
      deliveries: [
        { kind: 'unit', unitId: UNIT, name: 'Trường', email: null },
        { kind: 'organ', unitId: null, name: 'Sở', email: 'so@x.vn' },
      ],
    } as unknown as TOutgoingDetail;
    const v = draftFromDetail(doc);
    expect(v).toMatchObject({ unitIds: [UNIT], copies: 2, signerPrefix: 'KT.', infoUserIds: [UNIT] });
    expect(v.organs).toMatchObject([{ name: 'Sở', email: 'so@x.vn' }]);
  });
});
