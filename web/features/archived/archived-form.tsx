import { Autocomplete, Button, Checkbox, Grid, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVED_LIMITS, type TArchivedDetail } from '../../../contracts/archived';
import { isDateOrEmpty } from '../../../contracts/calendar';
import type { TFileRef } from '../../../contracts/files';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { DateInput } from '../../components/date-input';
import { FileDrop } from '../../components/file-drop';
import { documentTypesQuery, levelsQuery, organSearchQuery } from '../incoming/components/catalog-queries';

export interface ArchivedValues {
  documentTypeId: string | null;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  issuingOrganName: string;
  signer: string;
  subject: string;
  fieldId: string | null;
  notes: string;
  shareWithSubunits: boolean;
  /** Files already attached that stay (edit). */
  keepFileIds: string[];
  /** New uploads. */
  files: TFileRef[];
}

export function valuesOf(doc?: TArchivedDetail): ArchivedValues {
  return {
    documentTypeId: doc?.documentTypeId ?? null,
    codeNumber: doc?.codeNumber ?? '',
    codeNotation: doc?.codeNotation ?? '',
    issuedDate: doc?.issuedDate ?? '',
    issuingOrganName: doc?.issuingOrganName ?? '',
    signer: doc?.signer ?? '',
    subject: doc?.subject ?? '',
    fieldId: doc?.fieldId ?? null,
    notes: doc?.notes ?? '',
    shareWithSubunits: doc?.shareWithSubunits ?? false,
    keepFileIds: doc?.files.map((f) => f.id) ?? [],
    files: [],
  };
}

/** The metadata part of a create or update body. */
export function metadataOf(v: ArchivedValues) {
  return {
    documentTypeId: v.documentTypeId,
    codeNumber: v.codeNumber || null,
    codeNotation: v.codeNotation || null,
    issuedDate: v.issuedDate || null,
    issuingOrganName: v.issuingOrganName || null,
    signer: v.signer || null,
    subject: v.subject,
    fieldId: v.fieldId,
    notes: v.notes || null,
    shareWithSubunits: v.shareWithSubunits,
  };
}

const SERVER_FIELDS = ['documentTypeId', 'fieldId', 'subject', 'codeNotation', 'issuedDate', 'fileIds'] as const;

/** Organ name with suggestions from the catalog (any name may be typed). */
function OrganField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('archived');
  const [q] = useDebouncedValue(value.trim(), 250);
  const organs = useQuery({ ...organSearchQuery(q, 8), enabled: q.length > 0 });
  return (
    <Autocomplete
      label={t('field.issuingOrgan')}
      placeholder={t('register.organPlaceholder')}
      value={value}
      onChange={onChange}
      data={q ? (organs.data ?? []).map((o) => o.name) : []}
      filter={({ options }) => options}
      maxLength={ARCHIVED_LIMITS.organName}
      comboboxProps={{ withinPortal: true }}
      data-testid="archived-organ"
    />
  );
}

/**
 * The fields of an archived document (entry and correction): type, number and notation, date,
 * issuing organ, signer, subject, field, notes, sharing with sub-units and files. `save` sends
 * the values; a server error is placed on its field.
 */
export function ArchivedForm({
  initial,
  existingFiles = [],
  submitLabel,
  loading,
  save,
  footer,
}: {
  initial?: TArchivedDetail;
  existingFiles?: TFileRef[];
  submitLabel: string;
  loading: boolean;
  save: (values: ArchivedValues, done: { ok: () => void; fail: (error: unknown) => void }) => void;
  footer?: ReactNode;
}) {
  const { t } = useTranslation(['archived', 'errors']);
  const isPhone = useIsPhone();
  const types = useQuery(documentTypesQuery);
  const fields = useQuery(levelsQuery('field'));
  const [uploading, setUploading] = useState(false);
  const form = useForm<ArchivedValues>({
    initialValues: valuesOf(initial),
    validate: {
      subject: (v) =>
        !v.trim()
          ? t('register.errors.required')
          : v.trim().length > ARCHIVED_LIMITS.subject
            ? t('register.errors.tooLong', { max: ARCHIVED_LIMITS.subject })
            : null,
      issuedDate: (v) => (isDateOrEmpty(v) ? null : t('register.errors.date')),
    },
  });

  const fail = (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code.startsWith('FILE_')) return form.setFieldError('files', errorMessage(t, error));
      const field = String(error.details.field ?? error.fields[0]?.path ?? '').replace(/^body\./, '');
      const known = SERVER_FIELDS.find((f) => field.startsWith(f));
      if (known) return form.setFieldError(known === 'fileIds' ? 'files' : known, t(`register.errors.server.${known}`));
    }
    notifications.show({ color: 'red', message: errorMessage(t, error) });
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (uploading) return;
        save(v, {
          ok: () => {
            if (initial) return;
            form.setValues({ ...valuesOf(), documentTypeId: v.documentTypeId, fieldId: v.fieldId });
            form.clearErrors();
          },
          fail,
        });
      })}
      data-testid="archived-form"
    >
      <Stack gap="sm">
        <Textarea
          label={t('field.subject')}
          placeholder={t('register.subjectPlaceholder')}
          required
          autosize
          minRows={2}
          maxRows={5}
          maxLength={ARCHIVED_LIMITS.subject + 20}
          {...form.getInputProps('subject')}
          data-testid="archived-subject"
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('field.documentType')}
              placeholder={t('register.typePlaceholder')}
              data={(types.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
              searchable
              clearable
              {...form.getInputProps('documentTypeId')}
              comboboxProps={{ withinPortal: true }}
              data-testid="archived-type"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 5, sm: 2 }}>
            <TextInput
              label={t('field.codeNumber')}
              placeholder={t('register.numberPlaceholder')}
              maxLength={ARCHIVED_LIMITS.codeNumber}
              {...form.getInputProps('codeNumber')}
              data-testid="archived-number"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 7, sm: 4 }}>
            <TextInput
              label={t('field.codeNotation')}
              placeholder={t('register.notationPlaceholder')}
              maxLength={ARCHIVED_LIMITS.codeNotation + 5}
              {...form.getInputProps('codeNotation')}
              data-testid="archived-notation"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <OrganField
              value={form.values.issuingOrganName}
              onChange={(v) => form.setFieldValue('issuingOrganName', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput
              label={t('field.issuedDate')}
              value={form.values.issuedDate}
              onChange={(v) => form.setFieldValue('issuedDate', v)}
              error={form.errors.issuedDate}
              data-testid="archived-date"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('field.signer')} maxLength={ARCHIVED_LIMITS.signer} {...form.getInputProps('signer')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('field.field')}
              placeholder={t('register.fieldPlaceholder')}
              data={(fields.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
              clearable
              searchable
              {...form.getInputProps('fieldId')}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
        </Grid>
        <Textarea
          label={t('field.notes')}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={ARCHIVED_LIMITS.notes}
          {...form.getInputProps('notes')}
        />
        <Checkbox
          label={t('field.share')}
          description={t('field.shareHint')}
          {...form.getInputProps('shareWithSubunits', { type: 'checkbox' })}
          data-testid="archived-share"
        />
        {existingFiles.length > 0 && (
          <Checkbox.Group
            label={t('field.keepFiles')}
            value={form.values.keepFileIds}
            onChange={(v) => form.setFieldValue('keepFileIds', v)}
          >
            <Stack gap={4} mt={4}>
              {existingFiles.map((f) => (
                <Checkbox key={f.id} value={f.id} label={f.name} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Stack gap={4}>
          <FileDrop
            value={form.values.files}
            onChange={(files) => form.setFieldValue('files', files)}
            onBusyChange={setUploading}
          />
          {form.errors.files && (
            <Text size="xs" c="red.7" role="alert">
              {form.errors.files}
            </Text>
          )}
        </Stack>
        <Group justify="space-between" gap="sm">
          <Group gap="sm" w={isPhone ? '100%' : undefined}>
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={loading}
              disabled={uploading}
              fullWidth={isPhone}
              data-testid="archived-save"
            >
              {submitLabel}
            </Button>
            {footer}
          </Group>
          {uploading && (
            <Text size="xs" c="dimmed">
              {t('register.uploading')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
