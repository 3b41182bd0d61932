import { Grid, NumberInput, Select, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../../../contracts/calendar';
import type { TCatalogEntry } from '../../../../contracts/catalogs';
import { INCOMING_LIMITS, type TDuplicate, type TPersonOption } from '../../../../contracts/incoming';
import { FileDrop } from '../../../components/file-drop';
import { PersonPicker } from '../components/person-picker';
import { documentTypesQuery, levelsQuery } from '../components/catalog-queries';
import { DateInput } from '../../../components/date-input';
import { OrganInput } from './organ-input';
import { DuplicatesWarning } from './register-alerts';
import { type RegisterValues, typedNotation } from './register-form';

export interface RegisterFieldsProps {
  form: UseFormReturnType<RegisterValues>;
  organRef: RefObject<HTMLInputElement | null>;
  subjectRef: RefObject<HTMLTextAreaElement | null>;
  maxFileMb: number;
  allowedTypes: string[];
  /** Documents already registered with the same code and organ (shown under the code, not a block). */
  duplicates: TDuplicate[];
  onOpen: (id: string) => void;
  /** Mật or above chosen: the secret register numbers it. */
  secret: boolean;
  onUploadingChange: (busy: boolean) => void;
  leadersChosen: number;
  onLeadersChosen: (count: number) => void;
  /** Shown instead of the upload box when the files come with the document (a delivery from another unit). */
  filesSlot?: ReactNode;
}

const levelOptions = (list: TCatalogEntry[] | undefined) => (list ?? []).map((e) => ({ value: e.code, label: e.name }));

/** The ND30 fields of an incoming document, laid out for fast entry (two or four per row on a desktop). */
export function RegisterFields(props: RegisterFieldsProps) {
  const { form, organRef, subjectRef, maxFileMb, allowedTypes, duplicates, onOpen, secret } = props;
  const { onUploadingChange, leadersChosen, onLeadersChosen } = props;
  const { t } = useTranslation(['incomingRegister', 'incoming']);
  const types = useQuery(documentTypesQuery);
  const confidentiality = useQuery(levelsQuery('confidentiality'));
  const urgency = useQuery(levelsQuery('urgency'));
  const fields = useQuery(levelsQuery('field'));
  const v = form.values;
  const normalLabel = (list: TCatalogEntry[] | undefined) =>
    (list ?? []).find((e) => e.rank === 0)?.name ?? t('register.levelNormal');

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 8 }} data-field="organName">
        <OrganInput
          ref={organRef}
          name={v.organName}
          organId={v.organId}
          onChange={(name, id) => form.setValues({ organName: name, organId: id })}
          error={form.errors.organName}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }} data-field="documentTypeId">
        <Select
          label={t('incoming:field.documentType')}
          withAsterisk
          placeholder={t('register.typePlaceholder')}
          data={(types.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('register.nothingFound')}
          data-testid="incoming-type"
          {...form.getInputProps('documentTypeId')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 5, sm: 3 }} data-field="codeNumber">
        <TextInput
          label={t('incoming:field.codeNumber')}
          placeholder={t('register.codeNumberPlaceholder')}
          maxLength={INCOMING_LIMITS.codeNumber}
          inputMode="numeric"
          data-testid="incoming-code-number"
          {...form.getInputProps('codeNumber')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 7, sm: 5 }} data-field="codeNotation">
        <TextInput
          label={t('incoming:field.codeNotation')}
          placeholder={t('register.codeNotationPlaceholder')}
          maxLength={INCOMING_LIMITS.codeNotation}
          autoCapitalize="characters"
          spellCheck={false}
          data-testid="incoming-code-notation"
          {...form.getInputProps('codeNotation')}
          onChange={(e) => form.setFieldValue('codeNotation', typedNotation(e.currentTarget.value))}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }} data-field="issuedDate">
        <DateInput
          label={t('incoming:field.issuedDate')}
          max={vnDate(new Date())}
          value={v.issuedDate}
          onChange={(value) => form.setFieldValue('issuedDate', value)}
          error={form.errors.issuedDate}
          data-testid="incoming-issued-date"
        />
      </Grid.Col>
      {duplicates.length > 0 && (
        <Grid.Col span={12}>
          <DuplicatesWarning items={duplicates} onOpen={onOpen} />
        </Grid.Col>
      )}
      <Grid.Col span={12} data-field="subject">
        <Textarea
          ref={subjectRef}
          label={t('incoming:field.subject')}
          withAsterisk
          placeholder={t('register.subjectPlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={INCOMING_LIMITS.subject}
          description={t('register.counter', { n: v.subject.length, max: INCOMING_LIMITS.subject })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          styles={{ description: { textAlign: 'right' } }}
          data-testid="incoming-subject"
          {...form.getInputProps('subject')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 8, sm: 6 }} data-field="signer">
        <TextInput
          label={t('incoming:field.signer')}
          placeholder={t('register.signerPlaceholder')}
          maxLength={INCOMING_LIMITS.signer}
          data-testid="incoming-signer"
          {...form.getInputProps('signer')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 4, sm: 2 }} data-field="pageCount">
        <NumberInput
          label={t('incoming:field.pageCount')}
          min={1}
          max={INCOMING_LIMITS.pageCount}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          data-testid="incoming-page-count"
          {...form.getInputProps('pageCount')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }} data-field="dueDate">
        <DateInput
          label={t('incoming:field.dueDate')}
          min={vnDate(new Date())}
          value={v.dueDate}
          onChange={(value) => form.setFieldValue('dueDate', value)}
          error={form.errors.dueDate}
          data-testid="incoming-due-date"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="confidentialityCode">
        <Select
          label={t('incoming:field.confidentiality')}
          placeholder={normalLabel(confidentiality.data)}
          data={levelOptions(confidentiality.data)}
          leftSection={secret ? <IconLock size={14} color="var(--mantine-color-grape-7)" aria-hidden /> : null}
          data-testid="incoming-confidentiality"
          {...form.getInputProps('confidentialityCode')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="urgencyCode">
        <Select
          label={t('incoming:field.urgency')}
          placeholder={normalLabel(urgency.data)}
          data={levelOptions(urgency.data)}
          data-testid="incoming-urgency"
          {...form.getInputProps('urgencyCode')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }} data-field="fieldId">
        <Select
          label={t('incoming:field.field')}
          placeholder={t('register.fieldPlaceholder')}
          data={(fields.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          searchable
          clearable
          nothingFoundMessage={t('register.nothingFound')}
          data-testid="incoming-field"
          {...form.getInputProps('fieldId')}
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="recipientIds">
        <PersonPicker
          label={t('incoming:field.recipients')}
          kind="handlers"
          value={v.recipientIds}
          onChange={(ids, people: TPersonOption[]) => {
            form.setFieldValue('recipientIds', ids);
            onLeadersChosen(people.filter((p) => p.leader).length);
          }}
          description={leadersChosen > 0 ? t('register.recipientsLeaders') : t('register.recipientsHint')}
          error={form.errors.recipientIds}
          testId="incoming-recipients"
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="notes">
        <Textarea
          label={t('incoming:field.notes')}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={INCOMING_LIMITS.notes}
          data-testid="incoming-notes"
          {...form.getInputProps('notes')}
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="files">
        {props.filesSlot ?? (
          <FileDrop
            value={v.files}
            onChange={(files) => form.setFieldValue('files', files)}
            maxFileMb={maxFileMb}
            allowedTypes={allowedTypes}
            onBusyChange={onUploadingChange}
            label={t('incoming:field.files')}
            data-testid="incoming-files"
          />
        )}
        {form.errors.files && (
          <Text size="xs" c="red.7" mt={4} role="alert">
            {form.errors.files}
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
