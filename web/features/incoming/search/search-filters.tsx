import { Button, type ComboboxItem, Grid, type OptionsFilter, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../../contracts/calendar';
import { INCOMING_STATUS_FILTERS, type TIncomingStatusFilter } from '../../../../contracts/incoming';
import { DateInput } from '../../../components/date-input';
import { documentTypesQuery, levelsQuery } from '../components/catalog-queries';
import { OrganPicker, PersonPicker } from './pickers';
import { dateRangeInvalid, matchesFolded, type SearchFilters } from './search-state';

/** Mantine's own filter is accent-sensitive; this one finds "Công văn" from "cong van". */
const foldedFilter: OptionsFilter = ({ options, search }) =>
  options.filter((o) => !('value' in o) || matchesFolded((o as ComboboxItem).label, search));

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
  const types = useQuery(documentTypesQuery);
  const fields = useQuery(levelsQuery('field'));
  const urgency = useQuery(levelsQuery('urgency'));
  const confidentiality = useQuery(levelsQuery('confidentiality'));
  const enter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onSubmit();
    }
  };
  const span = { base: 12, xs: 6, md: 4, lg: 3 };
  const half = { base: 6, md: 4, lg: 3 };
  const rangeError = dateRangeInvalid(f);
  // Only dates reach the filters: text that is not a date (yet) stays in its box, which says so.
  const setDate = (key: 'from' | 'to', v: string) => {
    if (isDateOrEmpty(v) && v !== f[key]) onChange(key === 'from' ? { from: v } : { to: v });
  };
  const statusOptions = INCOMING_STATUS_FILTERS.map((s) => ({ value: s, label: t(`incoming:status.${s}`) }));
  const select = {
    clearable: true,
    comboboxProps: { withinPortal: true },
    nothingFoundMessage: t('nothingFound'),
  } as const;

  return (
    <Grid gap="sm" align="flex-start" data-testid="incoming-filters">
      <Grid.Col span={half}>
        <DateInput
          label={t('filter.from')}
          value={f.from}
          onChange={(from) => setDate('from', from)}
          max={f.to || undefined}
          data-testid="incoming-filter-from"
        />
      </Grid.Col>
      <Grid.Col span={half}>
        <DateInput
          label={t('filter.to')}
          value={f.to}
          onChange={(to) => setDate('to', to)}
          min={f.from || undefined}
          error={rangeError ? t('filter.rangeError') : undefined}
          data-testid="incoming-filter-to"
        />
      </Grid.Col>
      <Grid.Col span={half}>
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
      <Grid.Col span={half}>
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
      <Grid.Col span={span}>
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
      <Grid.Col span={span}>
        <OrganPicker
          label={t('incoming:field.issuingOrgan')}
          placeholder={t('filter.organPlaceholder')}
          value={f.issuingOrgan}
          onChange={(issuingOrgan) => onChange({ issuingOrgan })}
          data-testid="incoming-filter-organ"
        />
      </Grid.Col>
      <Grid.Col span={span}>
        <Select
          {...select}
          label={t('incoming:field.documentType')}
          placeholder={t('filter.all')}
          searchable
          filter={foldedFilter}
          data={(types.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={f.documentTypeId}
          onChange={(documentTypeId) => onChange({ documentTypeId })}
          data-testid="incoming-filter-type"
        />
      </Grid.Col>
      <Grid.Col span={span}>
        <Select
          {...select}
          label={t('incoming:field.field')}
          placeholder={t('filter.all')}
          searchable
          filter={foldedFilter}
          data={(fields.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={f.fieldId}
          onChange={(fieldId) => onChange({ fieldId })}
          data-testid="incoming-filter-field"
        />
      </Grid.Col>
      <Grid.Col span={half}>
        <Select
          {...select}
          label={t('incoming:field.urgency')}
          placeholder={t('filter.all')}
          // "Thường" is stored as no level, so only the urgent levels can be picked.
          data={(urgency.data ?? []).filter((d) => d.rank > 0).map((d) => ({ value: d.code, label: d.name }))}
          value={f.urgencyCode}
          onChange={(urgencyCode) => onChange({ urgencyCode })}
          data-testid="incoming-filter-urgency"
        />
      </Grid.Col>
      <Grid.Col span={half}>
        <Select
          {...select}
          label={t('incoming:field.confidentiality')}
          placeholder={t('filter.all')}
          data={(confidentiality.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          value={f.confidentialityCode}
          onChange={(confidentialityCode) => onChange({ confidentialityCode })}
          data-testid="incoming-filter-confidentiality"
        />
      </Grid.Col>
      <Grid.Col span={span}>
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
      <Grid.Col span={span}>
        <PersonPicker
          label={t('filter.handler')}
          placeholder={t('filter.handlerPlaceholder')}
          value={f.handler}
          onChange={(handler) => onChange({ handler })}
          data-testid="incoming-filter-handler"
        />
      </Grid.Col>
      {units.length > 1 && (
        <Grid.Col span={span}>
          <Select
            {...select}
            label={t('incoming:field.unit')}
            placeholder={t('filter.allUnits')}
            searchable
            filter={foldedFilter}
            data={units.map((u) => ({ value: u.id, label: u.name }))}
            renderOption={({ option }) => (
              <span style={{ paddingLeft: (units.find((u) => u.id === option.value)?.depth ?? 0) * 14 }}>
                {option.label}
              </span>
            )}
            value={f.unitId}
            onChange={(unitId) => onChange({ unitId })}
            data-testid="incoming-filter-unit"
          />
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, xs: 'content' }} style={{ alignSelf: 'flex-end' }}>
        <Button
          variant="default"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={onReset}
          disabled={!canReset}
          fullWidth
          data-testid="incoming-filter-reset"
        >
          {t('filter.reset')}
        </Button>
      </Grid.Col>
    </Grid>
  );
}
