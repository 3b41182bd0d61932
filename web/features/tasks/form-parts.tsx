import { Alert, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDirectoryEntry } from '../../../contracts/directory';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { usePeopleSearch } from './api';

const REASONS = ['pastDue', 'beforeStart', 'oneLead', 'duplicate', 'noLeader', 'unchanged'] as const;
const FIELDS: Record<string, string> = {
  title: 'titleRequired',
  dueDate: 'pastDue',
  startDate: 'beforeStart',
  targets: 'targetsInvalid',
  related: 'relatedInvalid',
  fileIds: 'filesInvalid',
  userId: 'personInvalid',
  plan: 'planRequired',
  reason: 'reasonRequired',
  message: 'messageRequired',
  assignmentIds: 'urgeWhoRequired',
};

/** A refused step in words the user understands, never the server's raw text. */
export function taskErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
    const reason = error.details.reason;
    if (typeof reason === 'string' && (REASONS as readonly string[]).includes(reason))
      return t(`tasks:errors.${reason}`, { unit: String(error.details.unit ?? '') });
    for (const f of error.fields) {
      const key = FIELDS[f.path.replace(/^body\./, '').split('.')[0]];
      if (key) return t(`tasks:errors.${key}`);
    }
  }
  return errorMessage(t, error);
}

/** The error of the last attempt, above the buttons. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation(['tasks', 'errors']);
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
      data-testid="task-form-error"
    >
      {taskErrorMessage(t, error)}
    </Alert>
  );
}

/** Cancel and submit (test id `task-form-submit`) at the bottom of every task form. */
export function FormFooter(props: { submitLabel: string; loading: boolean; disabled?: boolean; onCancel: () => void }) {
  const { t } = useTranslation('common');
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      <Button variant="default" onClick={props.onCancel} disabled={props.loading}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={props.loading} disabled={props.disabled} data-testid="task-form-submit">
        {props.submitLabel}
      </Button>
    </Group>
  );
}

/**
 * One person picked by name with type-ahead over the phone book (names without diacritics); the
 * options show the job title and the unit. `onPick` gets the person; the box then clears when
 * `clearOnPick` (adding people one by one).
 */
export function PersonSelect(props: {
  label: ReactNode;
  placeholder?: string;
  value?: string | null;
  onPick: (person: TDirectoryEntry | null) => void;
  clearOnPick?: boolean;
  exclude?: string[];
  error?: ReactNode;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('tasks');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = usePeopleSearch(q);
  const known = useRef(new Map<string, TDirectoryEntry>());
  for (const p of people.data?.items ?? []) known.current.set(p.id, p);
  const current = q === search.trim() && !people.isPlaceholderData && q.length > 0;
  const results = (current ? (people.data?.items ?? []) : []).filter((p) => !props.exclude?.includes(p.id));
  const chosen = props.value ? known.current.get(props.value) : undefined;
  const options = [...(chosen ? [chosen] : []), ...results.filter((p) => p.id !== props.value)];
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      required={props.required}
      error={props.error}
      data={options.map((p) => ({ value: p.id, label: p.fullName }))}
      value={props.clearOnPick ? null : (props.value ?? null)}
      onChange={(id) => {
        props.onPick(id ? (known.current.get(id) ?? null) : null);
        if (props.clearOnPick) setSearch('');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable={!props.clearOnPick}
      maxDropdownHeight={280}
      nothingFoundMessage={
        search.trim() === ''
          ? t('form.typeToSearch')
          : people.isFetching || !current
            ? t('form.searching')
            : t('form.nothingFound')
      }
      rightSection={people.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const p = known.current.get(option.value);
        if (!p) return option.label;
        return (
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {p.fullName}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {[p.jobTitle, p.unitName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        );
      }}
      data-testid={props.testId}
    />
  );
}
