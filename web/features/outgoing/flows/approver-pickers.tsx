import { Group, Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupPage } from '../../../../contracts/admin-access';
import type { TJobTitleList } from '../../../../contracts/admin-org';
import type { TPersonOption } from '../../../../contracts/incoming';
import { apiFetch } from '../../../app/api';
import { usePeople } from '../../incoming/api';
import { matchesFolded } from '../../incoming/search/search-state';

/** One approver as the designer holds it: kind, id and the name to show. */
export interface ApproverPick {
  kind: 'user' | 'jobTitle' | 'group';
  refId: string;
  name: string;
}

/** Job titles in use (Danh mục chức danh), leaders first. */
const jobTitlesQuery = {
  queryKey: ['outgoing', 'flow-pickers', 'job-titles'],
  queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<TJobTitleList>('/api/admin/job-titles', { signal }),
  staleTime: 5 * 60_000,
};

/** Active groups (Nhóm & phân quyền), by name. */
const groupsQuery = {
  queryKey: ['outgoing', 'flow-pickers', 'groups'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiFetch<TGroupPage>('/api/admin/groups', { signal, query: { status: 'active', pageSize: 100 } }),
  staleTime: 5 * 60_000,
};

interface KindPickerProps {
  value: ApproverPick[];
  onChange: (value: ApproverPick[]) => void;
  testId: string;
}

/** People who approve, found by name without diacritics; chosen ones keep their names. */
export function PeopleApprovers({ value, onChange, testId }: KindPickerProps) {
  const { t } = useTranslation('outgoing');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const people = usePeople(q, 'handlers');
  const known = useRef(new Map<string, TPersonOption>());
  for (const p of people.data ?? []) known.current.set(p.id, p);
  const current = q === search.trim() && !people.isPlaceholderData;
  const results = current ? (people.data ?? []) : [];
  const data = [
    ...value.map((v) => ({ value: v.refId, label: v.name })),
    ...results.filter((p) => !value.some((v) => v.refId === p.id)).map((p) => ({ value: p.id, label: p.fullName })),
  ];
  return (
    <MultiSelect
      label={t('flows.approverKinds.user')}
      placeholder={t('flows.pickPeople')}
      data={data}
      value={value.map((v) => v.refId)}
      onChange={(ids) => {
        onChange(
          ids.map((id) => ({
            kind: 'user' as const,
            refId: id,
            name: value.find((v) => v.refId === id)?.name ?? known.current.get(id)?.fullName ?? '',
          })),
        );
        setSearch('');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      clearable
      nothingFoundMessage={people.isFetching || !current ? t('flows.searching') : t('draft.nothingFound')}
      rightSection={people.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const p = known.current.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {option.label}
            </Text>
            {p && (
              <Text size="xs" c="dimmed">
                {[p.jobTitle, p.unitName].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
        );
      }}
      data-testid={testId}
    />
  );
}

/** A multi-select over a small fixed list (job titles, groups), matched without diacritics. */
function ListApprovers(
  props: KindPickerProps & {
    kind: 'jobTitle' | 'group';
    options: { id: string; name: string }[];
    loading: boolean;
  },
) {
  const { t } = useTranslation('outgoing');
  const { value, onChange, kind, options } = props;
  const data = [
    ...options.map((o) => ({ value: o.id, label: o.name })),
    ...value.filter((v) => !options.some((o) => o.id === v.refId)).map((v) => ({ value: v.refId, label: v.name })),
  ];
  return (
    <MultiSelect
      label={t(`flows.approverKinds.${kind}`)}
      placeholder={t(kind === 'jobTitle' ? 'flows.pickJobTitles' : 'flows.pickGroups')}
      data={data}
      value={value.map((v) => v.refId)}
      onChange={(ids) =>
        onChange(ids.map((id) => ({ kind, refId: id, name: data.find((d) => d.value === id)?.label ?? '' })))
      }
      searchable
      clearable
      hidePickedOptions
      filter={({ options: all, search }) =>
        all.filter((o) => !('value' in o) || matchesFolded((o as { label: string }).label, search))
      }
      rightSection={props.loading ? <Loader size={14} /> : undefined}
      nothingFoundMessage={t('draft.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}

/** Everyone holding one of these job titles approves (the unit's people with the title). */
export function JobTitleApprovers(props: KindPickerProps) {
  const titles = useQuery(jobTitlesQuery);
  const options = (titles.data?.items ?? []).filter((j) => j.active).map((j) => ({ id: j.id, name: j.name }));
  return <ListApprovers {...props} kind="jobTitle" options={options} loading={titles.isPending} />;
}

/** Members of these groups approve. */
export function GroupApprovers(props: KindPickerProps) {
  const groups = useQuery(groupsQuery);
  const options = (groups.data?.items ?? []).map((g) => ({ id: g.id, name: g.name }));
  return <ListApprovers {...props} kind="group" options={options} loading={groups.isPending} />;
}

/** "Trưởng phòng, Nhóm Lãnh đạo": the approvers of a step in one line. */
export function ApproversLine({ approvers }: { approvers: { kind: ApproverPick['kind']; name: string }[] }) {
  const { t } = useTranslation('outgoing');
  return (
    <Group gap={4} wrap="wrap">
      {approvers.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: names may repeat across kinds
        <Text key={i} size="xs" c="dimmed" span>
          {t(`flows.approverPrefix.${a.kind}`)} {a.name}
          {i < approvers.length - 1 ? ';' : ''}
        </Text>
      ))}
    </Group>
  );
}
