import { Grid, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OUTGOING_STATUSES, type TOutgoingStatus } from '../../../../contracts/outgoing';
import {
  DateRangeCols,
  enterSubmits,
  FILTER_HALF,
  FILTER_SPAN,
  filterSelectProps,
  foldedFilter,
  ResetFiltersCol,
  UnitFilterCol,
  useCatalogFilterOptions,
} from '../../incoming/search/filter-fields';
import { PersonPicker } from '../../incoming/search/pickers';
import { type OutgoingFilters, outgoingRangeInvalid } from './search-state';

interface Props {
  value: OutgoingFilters;
  onChange: (patch: Partial<OutgoingFilters>) => void;
  onReset: () => void;
  onSubmit: () => void;
  units: { id: string; name: string; depth: number }[];
  canReset: boolean;
}

/** "Lọc nâng cao" of Tìm văn bản đi: four per row on a desktop, one or two on a phone. */
export function OutgoingFiltersPanel({ value: f, onChange, onReset, onSubmit, units, canReset }: Props) {
  const { t } = useTranslation('outgoing');
  const options = useCatalogFilterOptions();
  const enter = enterSubmits(onSubmit);
  const select = filterSelectProps(t('draft.nothingFound'));

  return (
    <Grid gap="sm" align="flex-start" data-testid="outgoing-filters">
      <DateRangeCols
        from={f.from}
        to={f.to}
        onChange={onChange}
        labels={{ from: t('search.from'), to: t('search.to') }}
        rangeError={outgoingRangeInvalid(f) ? t('search.rangeError') : undefined}
        testIdPrefix="outgoing-filter"
      />
      <Grid.Col span={FILTER_HALF}>
        <TextInput
          label={t('search.year')}
          placeholder={t('search.yearPlaceholder')}
          inputMode="numeric"
          maxLength={4}
          value={f.year}
          onChange={(e) => onChange({ year: e.currentTarget.value.replace(/\D/g, '') })}
          onKeyDown={enter}
          data-testid="outgoing-filter-year"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_HALF}>
        <TextInput
          label={t('search.codeNumber')}
          placeholder={t('search.codeNumberPlaceholder')}
          inputMode="numeric"
          maxLength={8}
          value={f.codeNumber}
          onChange={(e) => onChange({ codeNumber: e.currentTarget.value.replace(/\D/g, '') })}
          onKeyDown={enter}
          data-testid="outgoing-filter-number"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <TextInput
          label={t('field.code')}
          placeholder={t('search.codePlaceholder')}
          maxLength={60}
          value={f.code}
          onChange={(e) => onChange({ code: e.currentTarget.value })}
          onKeyDown={enter}
          data-testid="outgoing-filter-code"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <Select
          {...select}
          label={t('field.documentType')}
          placeholder={t('search.all')}
          searchable
          filter={foldedFilter}
          data={options.types}
          value={f.documentTypeId}
          onChange={(documentTypeId) => onChange({ documentTypeId })}
          data-testid="outgoing-filter-type"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <Select
          {...select}
          label={t('field.field')}
          placeholder={t('search.all')}
          searchable
          filter={foldedFilter}
          data={options.fields}
          value={f.fieldId}
          onChange={(fieldId) => onChange({ fieldId })}
          data-testid="outgoing-filter-field"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <Select
          {...select}
          label={t('field.status')}
          placeholder={t('search.all')}
          data={OUTGOING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={f.status}
          onChange={(status) => onChange({ status: status as TOutgoingStatus | null })}
          data-testid="outgoing-filter-status"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_HALF}>
        <Select
          {...select}
          label={t('field.urgency')}
          placeholder={t('search.all')}
          data={options.urgency}
          value={f.urgencyCode}
          onChange={(urgencyCode) => onChange({ urgencyCode })}
          data-testid="outgoing-filter-urgency"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_HALF}>
        <Select
          {...select}
          label={t('field.confidentiality')}
          placeholder={t('search.all')}
          data={options.confidentiality}
          value={f.confidentialityCode}
          onChange={(confidentialityCode) => onChange({ confidentialityCode })}
          data-testid="outgoing-filter-confidentiality"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <PersonPicker
          label={t('field.signer')}
          placeholder={t('search.signerPlaceholder')}
          value={f.signer}
          onChange={(signer) => onChange({ signer })}
          data-testid="outgoing-filter-signer"
        />
      </Grid.Col>
      <UnitFilterCol
        units={units}
        value={f.unitId}
        onChange={(unitId) => onChange({ unitId })}
        label={t('field.unit')}
        placeholder={t('search.allUnits')}
        nothingFound={t('draft.nothingFound')}
        data-testid="outgoing-filter-unit"
      />
      <ResetFiltersCol
        onReset={onReset}
        disabled={!canReset}
        label={t('search.reset')}
        data-testid="outgoing-filter-reset"
      />
    </Grid>
  );
}
