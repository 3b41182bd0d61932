import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type UseQueryOptions, keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TUserPick } from '../../../contracts/admin-access';

/**
 * A searchable person picker whose options come from the server as the user types
 * (accent-insensitive search there). Keeps the chosen person's label while the search changes.
 */
export function UserPicker({
  query,
  value,
  onChange,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable'> & {
  query: (q: string) => UseQueryOptions<TUserPick[], Error, TUserPick[], string[]>;
  value: string | null;
  onChange: (id: string | null, person: TUserPick | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<TUserPick | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const options = useQuery({
    ...query(chosen && search === label(chosen) ? '' : q),
    placeholderData: keepPreviousData,
  });
  const people = [...(options.data ?? [])];
  if (chosen && value === chosen.id && !people.some((p) => p.id === chosen.id)) people.unshift(chosen);
  return (
    <Select
      {...rest}
      searchable
      clearable
      data={people.map((p) => ({ value: p.id, label: label(p) }))}
      value={value}
      onChange={(id) => {
        const person = people.find((p) => p.id === id) ?? null;
        setChosen(person);
        onChange(id, person);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the typed text (without diacritics): show its answer as is.
      filter={({ options: all }) => all}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function label(p: TUserPick): string {
  return `${p.fullName} (${p.username}) – ${p.unitName}`;
}
