import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDirectoryEntry, TDirectoryPage } from '../../../contracts/directory';
import { apiFetch } from '../../app/api';

/**
 * Picks the delegate among the active people of the own unit and the units below it (GET
 * /api/directory, searched on the server without diacritics as the user types).
 */
export function DelegatePicker(props: {
  unitId: string;
  selfId: string;
  value: string | null;
  error?: string;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation('account');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<TDirectoryEntry | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const text = chosen && search === chosen.fullName ? '' : q;
  const people = useQuery({
    queryKey: ['directory', 'delegate', props.unitId, text],
    queryFn: ({ signal }) =>
      apiFetch<TDirectoryPage>('/api/directory', {
        query: { q: text || undefined, unitId: props.unitId, limit: 20 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const list = (people.data?.items ?? []).filter((p) => p.id !== props.selfId);
  if (chosen && props.value === chosen.id && !list.some((p) => p.id === chosen.id)) list.unshift(chosen);

  return (
    <Select
      label={t('delegations.to')}
      placeholder={t('delegations.toPlaceholder')}
      withAsterisk
      searchable
      clearable
      data={list.map((p) => ({ value: p.id, label: p.fullName }))}
      renderOption={({ option }) => {
        const p = list.find((x) => x.id === option.value);
        return (
          <div>
            <div>{option.label}</div>
            {p && (
              <div style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>
                {[p.jobTitle, p.unitName].filter(Boolean).join(' · ')}
              </div>
            )}
          </div>
        );
      }}
      value={props.value}
      onChange={(id) => {
        setChosen(list.find((p) => p.id === id) ?? null);
        props.onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the typed text: show its answer as it is.
      filter={({ options }) => options}
      nothingFoundMessage={t('delegations.nobody')}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
      data-testid="delegation-to"
    />
  );
}
