import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../../../contracts/calendar';
import type { TIncomingUpdate } from '../../../../../contracts/incoming';
import { INCOMING_LIMITS } from '../../../../../contracts/incoming';
import { documentTypesQuery, levelsQuery } from '../../components/catalog-queries';
import { DateInput } from '../../../../components/date-input';
import { ActionError, FormFooter } from './form-parts';
import type { ActionFormProps } from './form-types';

interface Values {
  subject: string;
  documentTypeId: string | null;
  issuingOrganName: string;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  signer: string;
  pageCount: number | string;
  urgencyCode: string | null;
  confidentialityCode: string | null;
  fieldId: string | null;
  dueDate: string;
  notes: string;
}

/**
 * Sửa: the clerk corrects the metadata while the document is not done. Numbers never change;
 * only the fields that were changed are sent.
 */
export function UpdateForm({ doc, actions, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation(['incomingDetail', 'incoming']);
  const types = useQuery(documentTypesQuery);
  const urgency = useQuery(levelsQuery('urgency'));
  const confidentiality = useQuery(levelsQuery('confidentiality'));
  const fields = useQuery(levelsQuery('field'));
  const initial: Values = {
    subject: doc.subject,
    documentTypeId: doc.documentTypeId,
    issuingOrganName: doc.issuingOrgan,
    codeNumber: doc.codeNumber ?? '',
    codeNotation: doc.codeNotation ?? '',
    issuedDate: doc.issuedDate ?? '',
    signer: doc.signer ?? '',
    pageCount: doc.pageCount ?? '',
    urgencyCode: doc.urgency?.code ?? null,
    confidentialityCode: doc.confidentiality?.code ?? null,
    fieldId: doc.field?.id ?? null,
    dueDate: doc.dueDate ?? '',
    notes: doc.notes ?? '',
  };
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      subject: (v) => (v.trim() ? null : t('errors.subjectRequired')),
      documentTypeId: (v) => (v ? null : t('errors.typeRequired')),
      issuingOrganName: (v) => (v.trim() ? null : t('errors.organRequired')),
      issuedDate: (v) => (isDateOrEmpty(v) ? null : t('common:date.invalid')),
      dueDate: (v) => (isDateOrEmpty(v) ? null : t('common:date.invalid')),
    },
  });

  const submit = form.onSubmit((v) => {
    const body: TIncomingUpdate = {};
    const text = (k: keyof Values) => (v[k] as string).trim();
    if (text('subject') !== initial.subject) body.subject = text('subject');
    if (v.documentTypeId && v.documentTypeId !== initial.documentTypeId) body.documentTypeId = v.documentTypeId;
    if (text('issuingOrganName') !== initial.issuingOrganName) {
      body.issuingOrganName = text('issuingOrganName');
      body.issuingOrganId = null;
    }
    for (const k of ['codeNumber', 'codeNotation', 'signer', 'notes'] as const)
      if (text(k) !== initial[k]) body[k] = text(k) || null;
    for (const k of ['issuedDate', 'dueDate'] as const) if (v[k] !== initial[k]) body[k] = v[k] || null;
    if (v.pageCount !== initial.pageCount) body.pageCount = v.pageCount === '' ? null : Number(v.pageCount);
    for (const k of ['urgencyCode', 'confidentialityCode', 'fieldId'] as const) if (v[k] !== initial[k]) body[k] = v[k];
    if (Object.keys(body).length === 0) return onCancel();
    actions.update.mutate(body, { onSuccess: onDone });
  });

  const levelData = (rows: { code: string; name: string }[] | undefined) =>
    (rows ?? []).map((r) => ({ value: r.code, label: r.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('incoming:field.subject')}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={INCOMING_LIMITS.subject}
          data-testid="update-subject"
          {...form.getInputProps('subject')}
        />
        <TextInput
          label={t('incoming:field.issuingOrgan')}
          required
          maxLength={INCOMING_LIMITS.organName}
          data-testid="update-organ"
          {...form.getInputProps('issuingOrganName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <Select
            label={t('incoming:field.documentType')}
            required
            searchable
            data={(types.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
            data-testid="update-type"
            {...form.getInputProps('documentTypeId')}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('incoming:field.codeNumber')}
              maxLength={INCOMING_LIMITS.codeNumber}
              data-testid="update-code-number"
              {...form.getInputProps('codeNumber')}
            />
            <TextInput
              label={t('incoming:field.codeNotation')}
              maxLength={INCOMING_LIMITS.codeNotation}
              data-testid="update-code-notation"
              {...form.getInputProps('codeNotation')}
            />
          </SimpleGrid>
          <DateInput
            label={t('incoming:field.issuedDate')}
            value={form.values.issuedDate}
            onChange={(value) => form.setFieldValue('issuedDate', value)}
            error={form.errors.issuedDate}
            data-testid="update-issued-date"
          />
          <TextInput
            label={t('incoming:field.signer')}
            maxLength={INCOMING_LIMITS.signer}
            {...form.getInputProps('signer')}
          />
          <NumberInput
            label={t('incoming:field.pageCount')}
            min={1}
            max={INCOMING_LIMITS.pageCount}
            allowDecimal={false}
            {...form.getInputProps('pageCount')}
          />
          <DateInput
            label={t('incoming:field.dueDate')}
            value={form.values.dueDate}
            onChange={(value) => form.setFieldValue('dueDate', value)}
            error={form.errors.dueDate}
            data-testid="update-due-date"
          />
          <Select
            label={t('incoming:field.urgency')}
            placeholder={t('meta.normal')}
            clearable
            data={levelData(urgency.data)}
            {...form.getInputProps('urgencyCode')}
          />
          <Select
            label={t('incoming:field.confidentiality')}
            placeholder={t('meta.normal')}
            clearable
            data={levelData(confidentiality.data)}
            {...form.getInputProps('confidentialityCode')}
          />
          <Select
            label={t('incoming:field.field')}
            clearable
            searchable
            data={(fields.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            {...form.getInputProps('fieldId')}
          />
        </SimpleGrid>
        <Textarea
          label={t('incoming:field.notes')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={INCOMING_LIMITS.notes}
          {...form.getInputProps('notes')}
        />
        <ActionError error={actions.update.error} />
        <FormFooter submitLabel={t('actions.update.submit')} loading={actions.update.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
