import {
  Button,
  type ComboboxItem,
  Divider,
  Grid,
  NumberInput,
  type OptionsFilter,
  Select,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { vnDate } from '../../../../contracts/calendar';
import type { TCatalogEntry } from '../../../../contracts/catalogs';
import { OUTGOING_LIMITS, SIGNER_PREFIXES, type TOutgoingFormOptions } from '../../../../contracts/outgoing';
import { DateInput } from '../../../components/date-input';
import { FileDrop } from '../../../components/file-drop';
import { documentTypesQuery, levelsQuery, unitOptionsQuery } from '../../incoming/components/catalog-queries';
import { PersonPicker } from '../../incoming/components/person-picker';
import { matchesFolded } from '../../incoming/search/search-state';
import { OrganRecipients, UnitRecipients } from '../components/recipients';
import { type DraftValues, recipientsTextOf, typedDraftingCode } from './draft-form';

/** Mantine's own filter is accent-sensitive; this one finds "Quyết định" from "quyet dinh". */
const foldedFilter: OptionsFilter = ({ options, search }) =>
  options.filter((o) => !('value' in o) || matchesFolded((o as ComboboxItem).label, search));

const levelOptions = (list: TCatalogEntry[] | undefined) => (list ?? []).map((e) => ({ value: e.code, label: e.name }));

export interface DraftFieldsProps {
  form: UseFormReturnType<DraftValues>;
  options: TOutgoingFormOptions;
  /** The files of version 1 (new drafts); an edit changes files through "Thêm phiên bản". */
  withFiles: boolean;
  /** No approval flow for the chosen type: the signer must be chosen (the draft goes to them). */
  needSigner: boolean;
  onUploadingChange?: (busy: boolean) => void;
}

/** A titled part of the long form. */
function Part({ label }: { label: string }) {
  return (
    <Grid.Col span={12} pb={0}>
      <Divider
        label={
          <Text size="sm" fw={700} c="dark.6">
            {label}
          </Text>
        }
        labelPosition="left"
      />
    </Grid.Col>
  );
}

/**
 * The fields of an outgoing draft (ND30 Phụ lục VI): type, subject and summary, drafting code,
 * levels, field and due date; who signs; who receives it (units in the system, outside organs,
 * the printed "Nơi nhận", where the copy is kept, people informed); files.
 */
export function DraftFields({ form, options, withFiles, needSigner, onUploadingChange }: DraftFieldsProps) {
  const { t } = useTranslation('outgoing');
  const types = useQuery(documentTypesQuery);
  const confidentiality = useQuery(levelsQuery('confidentiality'));
  const urgency = useQuery(levelsQuery('urgency'));
  const fields = useQuery(levelsQuery('field'));
  const units = useQuery(unitOptionsQuery);
  const v = form.values;
  const normalLabel = (list: TCatalogEntry[] | undefined) =>
    (list ?? []).find((e) => e.rank === 0)?.name ?? t('draft.levelNormal');
  const organErrors = Object.fromEntries(Object.entries(form.errors).filter(([k]) => k.startsWith('organs.')));

  const fillRecipientsText = () => {
    const organs = v.organs.map((o) => o.name.trim()).filter(Boolean);
    const nameOf = new Map((units.data ?? []).map((u) => [u.id, u.name]));
    const unitNames = v.unitIds.map((id) => nameOf.get(id) ?? '').filter(Boolean);
    form.setFieldValue('recipientsText', recipientsTextOf([...unitNames, ...organs], v.fileCopyTo));
  };

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }} data-field="documentTypeId">
        <Select
          label={t('field.documentType')}
          withAsterisk
          placeholder={t('draft.typePlaceholder')}
          data={(types.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          searchable
          filter={foldedFilter}
          allowDeselect={false}
          nothingFoundMessage={t('draft.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="draft-type"
          {...form.getInputProps('documentTypeId')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="draftingCode">
        <TextInput
          label={t('field.draftingCodeShort')}
          placeholder={t('draft.draftingCodePlaceholder')}
          description={t('draft.draftingCodeHint', { unit: options.unitShortName })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          maxLength={OUTGOING_LIMITS.draftingCode}
          autoCapitalize="characters"
          spellCheck={false}
          data-testid="draft-drafting-code"
          {...form.getInputProps('draftingCode')}
          onChange={(e) => form.setFieldValue('draftingCode', typedDraftingCode(e.currentTarget.value))}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="dueDate">
        <DateInput
          label={t('field.dueDate')}
          min={vnDate(new Date())}
          value={v.dueDate}
          onChange={(value) => form.setFieldValue('dueDate', value)}
          error={form.errors.dueDate}
          data-testid="draft-due-date"
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="subject">
        <Textarea
          label={t('field.subject')}
          withAsterisk
          placeholder={t('draft.subjectPlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={OUTGOING_LIMITS.subject}
          description={t('draft.counter', { n: v.subject.length, max: OUTGOING_LIMITS.subject })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          styles={{ description: { textAlign: 'right' } }}
          data-testid="draft-subject"
          {...form.getInputProps('subject')}
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="summary">
        <Textarea
          label={t('field.summary')}
          placeholder={t('draft.summaryPlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={OUTGOING_LIMITS.summary}
          data-testid="draft-summary"
          {...form.getInputProps('summary')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="urgencyCode">
        <Select
          label={t('field.urgency')}
          placeholder={normalLabel(urgency.data)}
          data={levelOptions(urgency.data)}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="draft-urgency"
          {...form.getInputProps('urgencyCode')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="confidentialityCode">
        <Select
          label={t('field.confidentiality')}
          placeholder={normalLabel(confidentiality.data)}
          data={levelOptions(confidentiality.data)}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="draft-confidentiality"
          {...form.getInputProps('confidentialityCode')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }} data-field="fieldId">
        <Select
          label={t('field.field')}
          placeholder={t('draft.fieldPlaceholder')}
          data={(fields.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          searchable
          filter={foldedFilter}
          clearable
          nothingFoundMessage={t('draft.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="draft-field"
          {...form.getInputProps('fieldId')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="pageCount">
        <NumberInput
          label={t('field.pageCount')}
          min={1}
          max={OUTGOING_LIMITS.pageCount}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          data-testid="draft-page-count"
          {...form.getInputProps('pageCount')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }} data-field="copies">
        <NumberInput
          label={t('field.copies')}
          min={1}
          max={OUTGOING_LIMITS.copies}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          data-testid="draft-copies"
          {...form.getInputProps('copies')}
        />
      </Grid.Col>

      <Part label={t('draft.parts.signer')} />
      <Grid.Col span={{ base: 12, sm: 3 }} data-field="signerPrefix">
        <Select
          label={t('field.signerPrefix')}
          placeholder={t('draft.signerPrefixNone')}
          data={SIGNER_PREFIXES.map((p) => ({ value: p, label: t(`signerPrefix.${p.replace('.', '')}`) }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="draft-signer-prefix"
          {...form.getInputProps('signerPrefix')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 9 }} data-field="signerId">
        <PersonPicker
          label={t('field.signer')}
          kind="leaders"
          unitId={options.unitId}
          maxValues={1}
          value={v.signerId ? [v.signerId] : []}
          onChange={(ids) => form.setFieldValue('signerId', ids.at(-1) ?? null)}
          required={needSigner}
          description={needSigner ? t('draft.signerNeeded') : t('draft.signerFlow')}
          error={form.errors.signerId}
          testId="draft-signer"
        />
      </Grid.Col>

      <Part label={t('draft.parts.recipients')} />
      <Grid.Col span={12} data-field="unitIds">
        <UnitRecipients
          value={v.unitIds}
          ownUnitId={options.unitId}
          onChange={(ids) => form.setFieldValue('unitIds', ids)}
          error={form.errors.unitIds}
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="organs">
        <OrganRecipients
          value={v.organs}
          onChange={(organs) => form.setFieldValue('organs', organs)}
          errors={organErrors}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }} data-field="recipientsText">
        <Textarea
          label={t('field.recipientsText')}
          description={t('draft.recipientsTextHint')}
          placeholder={t('draft.recipientsTextPlaceholder')}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={OUTGOING_LIMITS.recipientsText}
          data-testid="draft-recipients-text"
          {...form.getInputProps('recipientsText')}
        />
        <Button
          size="compact-xs"
          variant="subtle"
          mt={4}
          leftSection={<IconListDetails size={14} aria-hidden />}
          onClick={fillRecipientsText}
          disabled={v.unitIds.length === 0 && v.organs.every((o) => !o.name.trim())}
          data-testid="draft-recipients-fill"
        >
          {t('draft.recipientsFill')}
        </Button>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }} data-field="fileCopyTo">
        <TextInput
          label={t('field.fileCopyTo')}
          placeholder={t('draft.fileCopyToPlaceholder')}
          maxLength={OUTGOING_LIMITS.recipientsText}
          data-testid="draft-file-copy"
          {...form.getInputProps('fileCopyTo')}
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="infoUserIds">
        <PersonPicker
          label={t('field.infoUsers')}
          description={t('draft.infoUsersHint')}
          kind="handlers"
          unitId={options.unitId}
          maxValues={OUTGOING_LIMITS.infoUsers}
          value={v.infoUserIds}
          onChange={(ids) => form.setFieldValue('infoUserIds', ids)}
          error={form.errors.infoUserIds}
          testId="draft-info-users"
        />
      </Grid.Col>
      <Grid.Col span={12} data-field="notes">
        <Textarea
          label={t('field.notes')}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={OUTGOING_LIMITS.notes}
          data-testid="draft-notes"
          {...form.getInputProps('notes')}
        />
      </Grid.Col>
      {withFiles && (
        <Grid.Col span={12} data-field="files">
          <FileDrop
            value={v.files}
            onChange={(files) => form.setFieldValue('files', files)}
            maxFileMb={options.maxFileMb}
            allowedTypes={options.allowedTypes}
            onBusyChange={onUploadingChange}
            label={t('field.files')}
            data-testid="draft-files"
          />
          {form.errors.files && (
            <Text size="xs" c="red.7" mt={4} role="alert">
              {form.errors.files}
            </Text>
          )}
        </Grid.Col>
      )}
    </Grid>
  );
}
