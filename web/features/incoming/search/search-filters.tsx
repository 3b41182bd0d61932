import { Grid, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INCOMING_STATUS_FILTERS, type TIncomingStatusFilter } from '../../../../contracts/incoming';
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
} from './filter-fields';
import { OrganPicker, PersonPicker } from './pickers';
import { dateRangeInvalid, type SearchFilters } from './search-state';

export interface UnitChoice {
  id: string;
  name: string;
  depth: number;
}

interface Props {
  value: SearchFilters;
  onChange: (patch: Partial<SearchFilters>) => void;
  onReset: () => void;
  /** Enter in a text box searches at once instead of after the pause. */
  onSubmit: () => void;
  /** Units the user may pick (their unit and those under it); the filter shows only for two or more. */
  units: UnitChoice[];
  /** Something is set ("Xóa lọc" is enabled). */
  canReset: boolean;
}

/**
 * "Lọc nâng cao": every filter of the search (Điều 4.2) in a responsive grid, four per row on a
 * desktop, one or two on a phone. Changes apply at once; the typed ones after a short pause.
 */
export function SearchFiltersPanel({ value: f, onChange, onReset, onSubmit, units, canReset }: Props) {
  const { t } = useTranslation(['incomingSearch', 'incoming']);
  const options = useCatalogFilterOptions();
  const enter = enterSubmits(onSubmit);
  const statusOptions = INCOMING_STATUS_FILTERS.map((s) => ({ value: s, label: t(`incoming:status.${s}`) }));
  const select = filterSelectProps(t('nothingFound'));

  return (
    <Grid gap="sm" align="flex-start" data-testid="incoming-filters">
      <DateRangeCols
        from={f.from}
        to={f.to}
        onChange={onChange}
        labels={{ from: t('filter.from'), to: t('filter.to') }}
        rangeError={dateRangeInvalid(f) ? t('filter.rangeError') : undefined}
        testIdPrefix="incoming-filter"
      />
      <Grid.Col span={FILTER_HALF}>
        <TextInput
          label={t('filter.year')}
          placeholder={t('filter.yearPlaceholder')}
          inputMode="numeric"
          maxLength={4}
          value={f.year}
          onChange={(e) => onChange({ year: e.currentTarget.value.replace(/\D/g, '') })}
          onKeyDown={enter}
          data-testid="incoming-filter-year"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_HALF}>
        <TextInput
          label={t('incoming:field.arrivalNumber')}
          placeholder={t('filter.arrivalNumberPlaceholder')}
          inputMode="numeric"
          maxLength={8}
          value={f.arrivalNumber}
          onChange={(e) => onChange({ arrivalNumber: e.currentTarget.value.replace(/\D/g, '') })}
          onKeyDown={enter}
          data-testid="incoming-filter-number"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <TextInput
          label={t('incoming:field.code')}
          placeholder={t('filter.codePlaceholder')}
          maxLength={60}
          value={f.code}
          onChange={(e) => onChange({ code: e.currentTarget.value })}
          onKeyDown={enter}
          data-testid="incoming-filter-code"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <OrganPicker
          label={t('incoming:field.issuingOrgan')}
          placeholder={t('filter.organPlaceholder')}
          value={f.issuingOrgan}
          onChange={(issuingOrgan) => onChange({ issuingOrgan })}
          data-testid="incoming-filter-organ"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <Select
          {...select}
          label={t('incoming:field.documentType')}
          placeholder={t('filter.all')}
          searchable
          filter={foldedFilter}
          data={options.types}
          value={f.documentTypeId}
          onChange={(documentTypeId) => onChange({ documentTypeId })}
          data-testid="incoming-filter-type"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <Select
          {...select}
          label={t('incoming:field.field')}
          placeholder={t('filter.all')}
          searchable
          filter={foldedFilter}
          data={options.fields}
          value={f.fieldId}
          onChange={(fieldId) => onChange({ fieldId })}
          data-testid="incoming-filter-field"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_HALF}>
        <Select
          {...select}
          label={t('incoming:field.urgency')}
          placeholder={t('filter.all')}
          data={options.urgency}
          value={f.urgencyCode}
          onChange={(urgencyCode) => onChange({ urgencyCode })}
          data-testid="incoming-filter-urgency"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_HALF}>
        <Select
          {...select}
          label={t('incoming:field.confidentiality')}
          placeholder={t('filter.all')}
          data={options.confidentiality}
          value={f.confidentialityCode}
          onChange={(confidentialityCode) => onChange({ confidentialityCode })}
          data-testid="incoming-filter-confidentiality"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <Select
          {...select}
          label={t('incoming:field.status')}
          placeholder={t('filter.all')}
          data={statusOptions}
          value={f.status}
          onChange={(status) => onChange({ status: status as TIncomingStatusFilter | null })}
          data-testid="incoming-filter-status"
        />
      </Grid.Col>
      <Grid.Col span={FILTER_SPAN}>
        <PersonPicker
          label={t('filter.handler')}
          placeholder={t('filter.handlerPlaceholder')}
          value={f.handler}
          onChange={(handler) => onChange({ handler })}
          data-testid="incoming-filter-handler"
        />
      </Grid.Col>
      <UnitFilterCol
        units={units}
        value={f.unitId}
        onChange={(unitId) => onChange({ unitId })}
        label={t('incoming:field.unit')}
        placeholder={t('filter.allUnits')}
        nothingFound={t('nothingFound')}
        data-testid="incoming-filter-unit"
      />
      <ResetFiltersCol
        onReset={onReset}
        disabled={!canReset}
        label={t('filter.reset')}
        data-testid="incoming-filter-reset"
      />
    </Grid>
  );
}
