import { Badge, Checkbox, Grid, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../../../contracts/calendar';
import type { TFileRef } from '../../../../../contracts/files';
import { OUTGOING_LIMITS, type TOutgoingDetail } from '../../../../../contracts/outgoing';
import { DateInput } from '../../../../components/date-input';
import { FileDrop } from '../../../../components/file-drop';
import { documentTypesQuery } from '../../../incoming/components/catalog-queries';
import { todayIso } from '../../../incoming/detail/detail-format';
import { FormFooter } from '../../../incoming/detail/forms/form-parts';
import { outgoingFormQuery } from '../../api';
import { previewCode } from './issue-number';
import { OutgoingActionError, type OutgoingFormProps } from './simple-forms';

interface IssueValues {
  issuedDate: string;
  signerName: string;
  signerPosition: string;
  pageCount: number | string;
  copies: number | string;
  files: TFileRef[];
  send: boolean;
}

/** The signer's position as it goes under the signature: the reviewer's job title at the last step. */
function signerPositionOf(doc: TOutgoingDetail): string {
  if (doc.signerPosition) return doc.signerPosition;
  const last = doc.steps.length - 1;
  const review = doc.reviews.find(
    (r) => (doc.signerId ? r.person.id === doc.signerId : r.stepIndex === last) && r.state === 'approved',
  );
  return review?.person.jobTitle ?? '';
}

/**
 * Phát hành (ND30 Điều 15): the clerk numbers the signed document in the unit's register — the
 * number it will get shows at the top — with its date, signer, page count and copies, optionally
 * the final signed files, and sends it at once ("Gửi ngay", checked) or later.
 */
export function IssueForm({ doc, actions, onCancel, onDone }: OutgoingFormProps) {
  const { t } = useTranslation('outgoing');
  const options = useQuery(outgoingFormQuery);
  const types = useQuery(documentTypesQuery);
  const type = types.data?.find((d) => d.id === doc.documentTypeId);
  const preview = previewCode(doc, options.data, types.data ? (type?.abbreviation ?? null) : undefined);
  const [busy, setBusy] = useState(false);
  const today = todayIso();
  const hasRecipients = doc.deliveries.some((d) => d.status === 'pending');
  const form = useForm<IssueValues>({
    initialValues: {
      issuedDate: today,
      signerName: doc.signerName ?? doc.signer ?? '',
      signerPosition: signerPositionOf(doc),
      pageCount: doc.pageCount ?? '',
      copies: doc.copies ?? '',
      files: [],
      send: hasRecipients,
    },
    validate: {
      issuedDate: (v) =>
        !v
          ? t('errors.issuedDate')
          : !isDateOrEmpty(v)
            ? t('errors.dateInvalid')
            : v > today
              ? t('errors.issuedFuture')
              : null,
      signerName: (v) => (v.trim() ? null : t('errors.signerName')),
    },
  });
  const submit = form.onSubmit((v) => {
    actions.issue.mutate(
      {
        issuedDate: v.issuedDate,
        signerName: v.signerName.trim() || null,
        signerPosition: v.signerPosition.trim() || null,
        pageCount: typeof v.pageCount === 'number' ? v.pageCount : null,
        copies: typeof v.copies === 'number' ? v.copies : null,
        fileIds: v.files.length > 0 ? v.files.map((f) => f.id) : undefined,
        send: hasRecipients && v.send,
      },
      { onSuccess: onDone },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {preview && (
          <Paper withBorder radius="md" p="sm" bg="blue.0" data-testid="issue-number">
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text size="sm">{t('forms.issueNumber')}</Text>
              <Badge
                size="xl"
                radius="sm"
                variant="filled"
                color={preview.secret ? 'grape' : 'blue'}
                leftSection={preview.secret ? <IconLock size={16} aria-hidden /> : undefined}
                styles={{ label: { textTransform: 'none' } }}
              >
                {preview.code}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('forms.issueNumberHint', { register: doc.registerName ?? options.data?.unitName ?? '' })}
            </Text>
          </Paper>
        )}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <DateInput
              label={t('field.issuedDate')}
              max={today}
              value={form.values.issuedDate}
              onChange={(v) => form.setFieldValue('issuedDate', v)}
              error={form.errors.issuedDate}
              data-testid="issue-date"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 'auto' }}>
            <NumberInput
              label={t('field.pageCount')}
              min={1}
              max={OUTGOING_LIMITS.pageCount}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('pageCount')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 'auto' }}>
            <NumberInput
              label={t('field.copies')}
              min={1}
              max={OUTGOING_LIMITS.copies}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('copies')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('forms.signerName')}
              required
              maxLength={OUTGOING_LIMITS.signer}
              data-testid="issue-signer-name"
              {...form.getInputProps('signerName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('forms.signerPosition')}
              maxLength={OUTGOING_LIMITS.signer}
              data-testid="issue-signer-position"
              {...form.getInputProps('signerPosition')}
            />
          </Grid.Col>
        </Grid>
        <FileDrop
          value={form.values.files}
          onChange={(files) => form.setFieldValue('files', files)}
          onBusyChange={setBusy}
          label={t('forms.finalFiles')}
          data-testid="issue-files"
        />
        <Text size="xs" c="dimmed" mt={-6}>
          {t('forms.finalFilesHint')}
        </Text>
        <Checkbox
          label={t('forms.sendNow')}
          description={hasRecipients ? t('forms.sendNowHint') : t('forms.noRecipients')}
          disabled={!hasRecipients}
          {...form.getInputProps('send', { type: 'checkbox' })}
          data-testid="issue-send"
        />
        <OutgoingActionError error={actions.issue.error} />
        <FormFooter
          submitLabel={t('actions.issue.submit')}
          loading={actions.issue.isPending}
          disabled={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
