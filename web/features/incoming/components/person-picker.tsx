import { Group, Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCrown } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPersonOption } from '../../../../contracts/incoming';
import { usePeople } from '../api';

export interface PersonPickerProps {
  value: string[];
  /** The chosen ids, and the people behind them (name, unit, whether they are a leader). */
  onChange: (ids: string[], people: TPersonOption[]) => void;
  label: ReactNode;
  /** leaders: people who may direct (present to them); handlers: anyone active. */
  kind: 'leaders' | 'handlers';
  maxValues?: number;
  /** Limit the search to one unit. */
  unitId?: string;
  description?: ReactNode;
  placeholder?: string;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  testId?: string;
}

/**
 * Pick people with type-ahead: the server searches names without diacritics (own unit first);
 * each option shows the name, the job title and the unit. Chosen people keep their label while
 * the search changes.
 */
export function PersonPicker(props: PersonPickerProps) {
  const { value, onChange, kind } = props;
  const { t } = useTranslation('incomingRegister');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = usePeople(q, kind, props.unitId);
  // People once seen, so that the chosen ones keep their names whatever the current search shows.
  const known = useRef(new Map<string, TPersonOption>());
  for (const p of people.data ?? []) known.current.set(p.id, p);

  // Only results of the text as it is now: a stale list would let a click pick the wrong person.
  const current = q === search.trim() && !people.isPlaceholderData;
  const results = current ? (people.data ?? []) : [];
  const chosen = value.map((id) => known.current.get(id)).filter((p): p is TPersonOption => Boolean(p));
  const options = [...chosen, ...results.filter((p) => !value.includes(p.id))];
  const data = options.map((p) => ({ value: p.id, label: p.fullName }));

  const full = props.maxValues !== undefined && value.length >= props.maxValues;

  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      autoFocus={props.autoFocus}
      placeholder={full ? undefined : (props.placeholder ?? t('picker.placeholder'))}
      data={data}
      value={value}
      onChange={(ids) => {
        onChange(
          ids,
          ids.map((id) => known.current.get(id)).filter((p): p is TPersonOption => Boolean(p)),
        );
        setSearch('');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched (without diacritics); show what it found as it is.
      filter={({ options: all }) => all}
      maxValues={props.maxValues}
      hidePickedOptions
      clearable
      maxDropdownHeight={300}
      nothingFoundMessage={people.isFetching || !current ? t('picker.searching') : t('picker.nothingFound')}
      rightSection={people.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const person = known.current.get(option.value);
        if (!person) return option.label;
        return (
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={4} wrap="nowrap">
              <Text size="sm" fw={500}>
                {person.fullName}
              </Text>
              {kind === 'handlers' && person.leader && (
                <IconCrown size={14} color="var(--mantine-color-yellow-7)" aria-label={t('picker.leader')} />
              )}
            </Group>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[person.jobTitle, person.unitName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        );
      }}
      data-testid={props.testId}
    />
  );
}
