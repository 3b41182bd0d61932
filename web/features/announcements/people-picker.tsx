import { Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDirectoryEntry } from '../../../contracts/directory';
import { usePeopleSearch } from './api';

/**
 * Recipients chosen by name with type-ahead over the phone book (names without diacritics); each
 * option shows the job title and the unit. Chosen people keep their label while the search changes.
 */
export function PeoplePicker(props: {
  value: string[];
  onChange: (ids: string[]) => void;
  label: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
}) {
  const { t } = useTranslation('announcements');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = usePeopleSearch(q);
  const known = useRef(new Map<string, TDirectoryEntry>());
  for (const p of people.data?.items ?? []) known.current.set(p.id, p);

  const current = q === search.trim() && !people.isPlaceholderData && q.length > 0;
  const results = current ? (people.data?.items ?? []) : [];
  const chosen = props.value.map((id) => known.current.get(id)).filter((p): p is TDirectoryEntry => Boolean(p));
  const options = [...chosen, ...results.filter((p) => !props.value.includes(p.id))];

  return (
    <MultiSelect
      label={props.label}
      error={props.error}
      disabled={props.disabled}
      placeholder={t('compose.peoplePlaceholder')}
      data={options.map((p) => ({ value: p.id, label: p.fullName }))}
      value={props.value}
      onChange={(ids) => {
        props.onChange(ids);
        setSearch('');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      hidePickedOptions
      clearable
      maxDropdownHeight={300}
      nothingFoundMessage={
        search.trim() === ''
          ? t('compose.typeToSearch')
          : people.isFetching || !current
            ? t('compose.searching')
            : t('compose.nobody')
      }
      rightSection={people.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const person = known.current.get(option.value);
        if (!person) return option.label;
        return (
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {person.fullName}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[person.jobTitle, person.unitName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        );
      }}
      data-testid="ann-people"
    />
  );
}
