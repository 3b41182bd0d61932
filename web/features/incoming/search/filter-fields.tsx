import { Button, type ComboboxItem, Grid, type OptionsFilter, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { isDateOrEmpty } from '../../../../contracts/calendar';
import { DateInput } from '../../../components/date-input';
import { documentTypesQuery, levelsQuery } from '../components/catalog-queries';
import { matchesFolded } from './search-state';

/**
 * Pieces of the "Lọc nâng cao" panels of the document searches (incoming, outgoing): the grid
 * spans, the catalog options, the date range, the unit and "Xóa lọc". Each panel keeps its own
 * fields, order, texts and test ids.
 */

/** Four per row on a desktop, one (or two for `FILTER_HALF`) on a phone. */
export const FILTER_SPAN = { base: 12, xs: 6, md: 4, lg: 3 };
export const FILTER_HALF = { base: 6, md: 4, lg: 3 };

/** Mantine's own filter is accent-sensitive; this one finds "Công văn" from "cong van". */
export const foldedFilter: OptionsFilter = ({ options, search }) =>
  options.filter((o) => !('value' in o) || matchesFolded((o as ComboboxItem).label, search));

/** Props every filter Select shares. */
export function filterSelectProps(nothingFound: string) {
  return { clearable: true, comboboxProps: { withinPortal: true }, nothingFoundMessage: nothingFound } as const;
}

/** Enter in a text box searches at once instead of after the pause. */
export function enterSubmits(onSubmit: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onSubmit();
    }
  };
}

/** The options of the catalog filters: document types, fields, urgent levels, confidentiality. */
export function useCatalogFilterOptions() {
  const types = useQuery(documentTypesQuery);
  const fields = useQuery(levelsQuery('field'));
  const urgency = useQuery(levelsQuery('urgency'));
  const confidentiality = useQuery(levelsQuery('confidentiality'));
  return {
    types: (types.data ?? []).map((d) => ({ value: d.id, label: d.name })),
    fields: (fields.data ?? []).map((d) => ({ value: d.id, label: d.name })),
    // "Thường" is stored as no level, so only the urgent levels can be picked.
    urgency: (urgency.data ?? []).filter((d) => d.rank > 0).map((d) => ({ value: d.code, label: d.name })),
    confidentiality: (confidentiality.data ?? []).map((d) => ({ value: d.code, label: d.name })),
  };
}

/** "Từ ngày" and "Đến ngày": only dates reach the filters; other text stays in its box, which says so. */
export function DateRangeCols(props: {
  from: string;
  to: string;
  onChange: (patch: { from: string } | { to: string }) => void;
  labels: { from: string; to: string };
  /** The error under "Đến ngày" when the range is reversed. */
  rangeError?: string;
  testIdPrefix: string;
}) {
  const { from, to } = props;
  const setDate = (key: 'from' | 'to', v: string) => {
    if (isDateOrEmpty(v) && v !== props[key]) props.onChange(key === 'from' ? { from: v } : { to: v });
  };
  return (
    <>
      <Grid.Col span={FILTER_HALF}>
        <DateInput
          label={props.labels.from}
          value={from}
          onChange={(v) => setDate('from', v)}
          max={to || undefined}
          data-testid={`${props.testIdPrefix}-from`}
        />
      </Grid.Col>
      <Grid.Col span={FILTER_HALF}>
        <DateInput
          label={props.labels.to}
          value={to}
          onChange={(v) => setDate('to', v)}
          min={from || undefined}
          error={props.rangeError}
          data-testid={`${props.testIdPrefix}-to`}
        />
      </Grid.Col>
    </>
  );
}

/** The unit (the user's and those under it, indented), shown only when there are two or more. */
export function UnitFilterCol(props: {
  units: { id: string; name: string; depth: number }[];
  value: string | null;
  onChange: (unitId: string | null) => void;
  label: string;
  placeholder: string;
  nothingFound: string;
  'data-testid': string;
}) {
  const { units } = props;
  if (units.length <= 1) return null;
  return (
    <Grid.Col span={FILTER_SPAN}>
      <Select
        {...filterSelectProps(props.nothingFound)}
        label={props.label}
        placeholder={props.placeholder}
        searchable
        filter={foldedFilter}
        data={units.map((u) => ({ value: u.id, label: u.name }))}
        renderOption={({ option }) => (
          <span style={{ paddingLeft: (units.find((u) => u.id === option.value)?.depth ?? 0) * 14 }}>
            {option.label}
          </span>
        )}
        value={props.value}
        onChange={props.onChange}
        data-testid={props['data-testid']}
      />
    </Grid.Col>
  );
}

/** "Xóa lọc", at the end of the grid. */
export function ResetFiltersCol(props: {
  onReset: () => void;
  disabled: boolean;
  label: string;
  'data-testid': string;
}) {
  return (
    <Grid.Col span={{ base: 12, xs: 'content' }} style={{ alignSelf: 'flex-end' }}>
      <Button
        variant="default"
        leftSection={<IconFilterOff size={16} aria-hidden />}
        onClick={props.onReset}
        disabled={props.disabled}
        fullWidth
        data-testid={props['data-testid']}
      >
        {props.label}
      </Button>
    </Grid.Col>
  );
}
