import { describe, expect, it } from 'vitest';
import type { TInboxDetail, TOutgoingFormOptions } from '../../../contracts/outgoing';
import { unitTree } from './components/recipients';
import { previewCode } from './detail/forms/issue-number';
import { valuesFromDelivery } from './exchange/inbox-values';
import { ALL_TYPES, flowBody, moveItem, newStep } from './flows/flow-model';
import { buildOutgoingParams, EMPTY_OUTGOING_FILTERS, nextOutgoingSort } from './search/search-state';

const UNIT = '33333333-3333-4333-8333-333333333333';
const TYPE = '22222222-2222-4222-8222-222222222222';

describe('issuing: the number a document will get', () => {
  const options = { unitId: UNIT, unitShortName: 'PGDĐT', nextNumber: 5, nextSecretNumber: 12 } as TOutgoingFormOptions;
  const doc = { documentTypeId: TYPE, draftingCode: null, confidentiality: null, unitId: UNIT };
  it('joins the zero-padded number, the type abbreviation, the unit and the drafting code', () => {
    expect(previewCode(doc, options, 'QĐ')).toEqual({ code: '05/QĐ-PGDĐT', secret: false });
    expect(previewCode({ ...doc, draftingCode: 'TCCB' }, options, null)).toEqual({
      code: '05/PGDĐT-TCCB',
      secret: false,
    });
  });
  it('uses the secret sequence for Mật and above, and says nothing for another unit', () => {
    const secret = { ...doc, confidentiality: { code: 'MAT', name: 'Mật', rank: 1 } };
    expect(previewCode(secret, options, 'QĐ')).toEqual({ code: '12/QĐ-PGDĐT', secret: true });
    expect(previewCode({ ...doc, unitId: TYPE }, options, 'QĐ')).toBeNull();
    expect(previewCode(doc, options, undefined)).toBeNull();
  });
});

describe('approval flow designer', () => {
  it('moves steps and never past the ends', () => {
    expect(moveItem([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
  it('needs a name and, in every step, a label and an approver', () => {
    const { body, errors } = flowBody(UNIT, ' ', ALL_TYPES, [newStep('')]);
    expect(body).toBeNull();
    expect(errors).toEqual({ name: 'name', 'steps.0.label': 'label', 'steps.0.approvers': 'approvers' });
    expect(flowBody(UNIT, 'x', ALL_TYPES, []).errors).toEqual({ steps: 'steps' });
  });
  it('sends every type as null and approvers without their names', () => {
    const step = {
      ...newStep(' Trưởng phòng '),
      mode: 'all' as const,
      approvers: [{ kind: 'jobTitle' as const, refId: TYPE, name: 'Trưởng phòng' }],
    };
    expect(flowBody(UNIT, ' Luồng ', ALL_TYPES, [step]).body).toEqual({
      unitId: UNIT,
      documentTypeId: null,
      name: 'Luồng',
      steps: [{ label: 'Trưởng phòng', mode: 'all', approvers: [{ kind: 'jobTitle', refId: TYPE }] }],
    });
    expect(flowBody(UNIT, 'L', TYPE, [step]).body?.documentTypeId).toBe(TYPE);
  });
});

describe('search of outgoing documents', () => {
  it('leaves out empty and half-typed values', () => {
    const params = buildOutgoingParams({
      q: ' hoi khoe ',
      filters: { ...EMPTY_OUTGOING_FILTERS, year: '20', codeNumber: '15', from: '2026-02-01', to: '2026-01-01' },
      sort: { sort: 'issuedAt', dir: 'desc' },
      page: 1,
      pageSize: 20,
    });
    expect(params).toEqual({
      q: 'hoi khoe',
      codeNumber: 15,
      from: '2026-02-01',
      sort: 'issuedAt',
      dir: 'desc',
      page: 1,
      pageSize: 20,
    });
  });
  it('flips the same column and starts another in its natural direction', () => {
    expect(nextOutgoingSort({ sort: 'subject', dir: 'asc' }, 'subject')).toEqual({ sort: 'subject', dir: 'desc' });
    expect(nextOutgoingSort({ sort: 'subject', dir: 'asc' }, 'codeNumber')).toEqual({
      sort: 'codeNumber',
      dir: 'desc',
    });
  });
});

describe('recipients and the exchange inbox', () => {
  it('lists the organisation tree parents first, names in Vietnamese order', () => {
    const tree = unitTree([
      { id: 'c', name: 'Trường THCS', parentId: 'r' },
      { id: 'a', name: 'Trường Mầm non', parentId: 'r' },
      { id: 'r', name: 'Phòng', parentId: null },
    ]);
    expect(tree.map((u) => [u.id, u.depth])).toEqual([
      ['r', 0],
      ['a', 1],
      ['c', 1],
    ]);
  });
  it('fills the incoming entry form from what the sending unit sent', () => {
    const v = valuesFromDelivery({
      senderUnit: 'Phòng Giáo dục và Đào tạo huyện An Minh',
      documentTypeId: TYPE,
      codeNumber: '15',
      codeNotation: 'QĐ-PGDĐT',
      issuedDate: '2026-11-25',
      signer: 'Huỳnh Văn Tiến',
      subject: 'Quyết định',
      pageCount: 2,
      confidentialityCode: null,
      urgencyCode: 'KHAN',
      fieldId: null,
      dueDate: null,
    } as TInboxDetail);
    expect(v).toMatchObject({
      organName: 'Phòng Giáo dục và Đào tạo huyện An Minh',
      organId: null,
      documentTypeId: TYPE,
      codeNumber: '15',
      codeNotation: 'QĐ-PGDĐT',
      issuedDate: '2026-11-25',
      pageCount: 2,
      urgencyCode: 'KHAN',
      dueDate: '',
      files: [],
    });
  });
});
