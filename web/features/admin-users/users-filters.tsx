import { Grid, Input, Loader, Paper, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type TAdminUserOptions, type TUserStatus, USER_STATUSES } from '../../../contracts/admin-users';
import { useIsPhone } from '../../app/media';
import { unitTree } from '../directory/unit-filter';

/** The filter values the page holds. */
export interface FilterValues {
  search: string;
  unitId: string | null;
  groupId: string | null;
  status: TUserStatus | null;
}

/** Search box, unit and group selects, status switch. */
export function UsersFilters({
  value,
  onChange,
  options,
  searching,
}: {
  value: FilterValues;
  onChange: (patch: Partial<FilterValues>) => void;
  options: TAdminUserOptions | undefined;
  searching: boolean;
}) {
  const { t } = useTranslation('adminUsers');
  const isPhone = useIsPhone();
  const units = useMemo(() => unitTree(options?.units ?? []), [options?.units]);
  const depth = useMemo(() => new Map(units.map((u) => [u.value, u.depth])), [units]);
  const statuses = [
    { value: 'all', label: t('status.all') },
    ...USER_STATUSES.map((s) => ({ value: s, label: t(`status.short.${s}`) })),
  ];

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TextInput
            label={t('filters.search')}
            placeholder={t('filters.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={searching ? <Loader size={14} /> : null}
            type="search"
            value={value.search}
            onChange={(e) => onChange({ search: e.currentTarget.value })}
            data-testid="users-search"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label={t('filters.unit')}
            placeholder={t('filters.allUnits')}
            data={units.map(({ value: id, label }) => ({ value: id, label }))}
            value={value.unitId}
            onChange={(unitId) => onChange({ unitId })}
            searchable
            clearable
            nothingFoundMessage={t('filters.noUnit')}
            renderOption={({ option }) => (
              <span style={{ paddingLeft: (depth.get(option.value) ?? 0) * 14 }}>{option.label}</span>
            )}
            comboboxProps={{ withinPortal: true }}
            data-testid="users-unit"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label={t('filters.group')}
            placeholder={t('filters.allGroups')}
            data={(options?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={value.groupId}
            onChange={(groupId) => onChange({ groupId })}
            searchable
            clearable
            nothingFoundMessage={t('filters.noGroup')}
            comboboxProps={{ withinPortal: true }}
            data-testid="users-group"
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Input.Wrapper label={t('filters.status')}>
            <SegmentedControl
              fullWidth={isPhone}
              display={isPhone ? undefined : 'flex'}
              w={isPhone ? undefined : 'fit-content'}
              size={isPhone ? 'xs' : 'sm'}
              data={statuses}
              value={value.status ?? 'all'}
              onChange={(s) => onChange({ status: s === 'all' ? null : (s as TUserStatus) })}
              data-testid="users-status"
            />
          </Input.Wrapper>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
