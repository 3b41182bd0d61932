import { Button, type ComboboxItem, Grid, type OptionsFilter, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateOrEmpty } from '../../../../contracts/calendar';
import { OUTGOING_STATUSES, type TOutgoingStatus } from '../../../../contracts/outgoing';
import { DateInput } from '../../../components/date-input';
import { documentTypesQuery, levelsQuery } from '../../incoming/components/catalog-queries';
import { PersonPicker } from '../../incoming/search/pickers';
import { matchesFolded } from '../../incoming/search/search-state';
import { type OutgoingFilters, outgoingRangeInvalid } from './search-state';

const foldedFilter: OptionsFilter = ({ options, search }) =>
  options.filter((o) => !('value' in o) || matchesFolded((o as ComboboxItem).label, search));

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
  const setDate = (key: 'from' | 'to', v: string) => {
    if (isDateOrEmpty(v) && v !== f[key]) onChange(key === 'from' ? { from: v } : { to: v });
  };
  const select = {
    clearable: true,
    comboboxProps: { withinPortal: true },
    nothingFoundMessage: t('draft.nothingFound'),
  } as const;

  return (
    <Grid gap="sm" align="flex-start" data-testid="outgoing-filters">
      <Grid.Col span={half}>
        <DateInput
          label={t('search.from')}
          value={f.from}
          onChange={(v) => setDate('from', v)}
          max={f.to || undefined}
          data-testid="outgoing-filter-from"
        />
      </Grid.Col>
      <Grid.Col span={half}>
        <DateInput
          label={t('search.to')}
          value={f.to}
          onChange={(v) => setDate('to', v)}
          min={f.from || undefined}
          error={outgoingRangeInvalid(f) ? t('search.rangeError') : undefined}
          data-testid="outgoing-filter-to"
        />
      </Grid.Col>
      <Grid.Col span={half}>
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
      <Grid.Col span={half}>
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
      <Grid.Col span={span}>
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
      <Grid.Col span={span}>
        <Select
          {...select}
          label={t('field.documentType')}
          placeholder={t('search.all')}
          searchable
          filter={foldedFilter}
          data={(types.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={f.documentTypeId}
          onChange={(documentTypeId) => onChange({ documentTypeId })}
          data-testid="outgoing-filter-type"
        />
      </Grid.Col>
      <Grid.Col span={span}>
        <Select
          {...select}
          label={t('field.field')}
          placeholder={t('search.all')}
          searchable
          filter={foldedFilter}
          data={(fields.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={f.fieldId}
          onChange={(fieldId) => onChange({ fieldId })}
          data-testid="outgoing-filter-field"
        />
      </Grid.Col>
      <Grid.Col span={span}>
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
      <Grid.Col span={half}>
        <Select
          {...select}
          label={t('field.urgency')}
          placeholder={t('search.all')}
          data={(urgency.data ?? []).filter((d) => d.rank > 0).map((d) => ({ value: d.code, label: d.name }))}
          value={f.urgencyCode}
          onChange={(urgencyCode) => onChange({ urgencyCode })}
          data-testid="outgoing-filter-urgency"
        />
      </Grid.Col>
      <Grid.Col span={half}>
        <Select
          {...select}
          label={t('field.confidentiality')}
          placeholder={t('search.all')}
          data={(confidentiality.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          value={f.confidentialityCode}
          onChange={(confidentialityCode) => onChange({ confidentialityCode })}
          data-testid="outgoing-filter-confidentiality"
        />
      </Grid.Col>
      <Grid.Col span={span}>
        <PersonPicker
          label={t('field.signer')}
          placeholder={t('search.signerPlaceholder')}
          value={f.signer}
          onChange={(signer) => onChange({ signer })}
          data-testid="outgoing-filter-signer"
        />
      </Grid.Col>
      {units.length > 1 && (
        <Grid.Col span={span}>
          <Select
            {...select}
            label={t('field.unit')}
            placeholder={t('search.allUnits')}
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
            data-testid="outgoing-filter-unit"
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
          data-testid="outgoing-filter-reset"
        >
          {t('search.reset')}
        </Button>
      </Grid.Col>
    </Grid>
  );
}
