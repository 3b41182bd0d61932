import { type OptionsFilter, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../api';
import { organSearchQuery } from '../components/catalog-queries';
import type { PickedOption } from './search-state';

interface PickerProps {
  value: PickedOption | null;
  onChange: (value: PickedOption | null) => void;
  label: string;
  placeholder: string;
  'data-testid': string;
}

/** The server already matched the text (without diacritics); Mantine must not filter again. */
const serverFiltered: OptionsFilter = ({ options }) => options;

/**
 * A searchable Select whose options come from the server as the user types; the picked item
 * stays in the list so its name keeps showing.
 */
function RemotePicker(
  props: PickerProps & {
    search: string;
    onSearch: (s: string) => void;
    options: PickedOption[];
    loading: boolean;
    renderSub?: (id: string) => string | null;
  },
) {
  const { t } = useTranslation('incomingSearch');
  const data = props.options.map((o) => ({ value: o.id, label: o.name }));
  if (props.value && !data.some((d) => d.value === props.value?.id))
    data.unshift({ value: props.value.id, label: props.value.name });
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      data={data}
      value={props.value?.id ?? null}
      onChange={(id, option) => props.onChange(id && option ? { id, name: option.label } : null)}
      searchable
      clearable
      searchValue={props.search}
      onSearchChange={props.onSearch}
      filter={serverFiltered}
      nothingFoundMessage={props.loading ? t('loading') : t('nothingFound')}
      renderOption={({ option }) => {
        const sub = props.renderSub?.(option.value);
        return (
          <div>
            <div>{option.label}</div>
            {sub && <div style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{sub}</div>}
          </div>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
      data-testid={props['data-testid']}
    />
  );
}

/** Cơ quan ban hành: type-ahead over the catalog (GET /api/catalogs/issuing-organs). */
export function OrganPicker(props: PickerProps) {
  const [search, setSearch] = useState('');
  // While the box shows the picked name, list organs like it rather than only itself.
  const typed = props.value && search === props.value.name ? '' : search;
  const [q] = useDebouncedValue(typed.trim(), 250);
  const organs = useQuery(organSearchQuery(q, 20));
  return (
    <RemotePicker
      {...props}
      search={search}
      onSearch={setSearch}
      options={(organs.data ?? []).map((o) => ({ id: o.id, name: o.name }))}
      loading={organs.isFetching}
    />
  );
}

/** Người xử lý: one person (lead or co-handler) found by name without diacritics. */
export function PersonPicker(props: PickerProps) {
  const [search, setSearch] = useState('');
  const typed = props.value && search === props.value.name ? '' : search;
  const [q] = useDebouncedValue(typed.trim(), 250);
  const people = usePeople(q, 'handlers');
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  return (
    <RemotePicker
      {...props}
      search={search}
      onSearch={setSearch}
      options={(people.data ?? []).map((p) => ({ id: p.id, name: p.fullName }))}
      loading={people.isFetching}
      renderSub={(id) => {
        const p = byId.get(id);
        return p ? [p.jobTitle, p.unitName].filter(Boolean).join(' · ') : null;
      }}
    />
  );
}
