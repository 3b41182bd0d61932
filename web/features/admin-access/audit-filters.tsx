import { Button, Grid, Group, Paper, Select, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditActorsQueryOptions, auditFacetsQueryOptions } from './api';
import { isDateOrEmpty } from '../../../contracts/calendar';
import { DateInput } from '../../components/date-input';
import { actionLabel, entityTypeLabel } from './labels';
import { UserPicker } from './user-picker';

/** The filter values as the form holds them ('' = no filter; dates yyyy-mm-dd). */
export interface AuditFilterValues {
  actorId: string | null;
  entityType: string | null;
  action: string | null;
  entityId: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = {
  actorId: null,
  entityType: null,
  action: null,
  entityId: '',
  from: '',
  to: '',
};

/** Filters of the audit log: người thực hiện, loại đối tượng, hành động, mã đối tượng, từ ngày – đến ngày. */
export function AuditFilters(props: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
  dateError: string | null;
  onExport: () => void;
  exporting: boolean;
}) {
  const { t } = useTranslation(['adminAccess', 'common']);
  const facets = useQuery(auditFacetsQueryOptions);
  const v = props.value;
  const set = (patch: Partial<AuditFilterValues>) => props.onChange({ ...v, ...patch });
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'vi');

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md" data-testid="audit-filters">
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <UserPicker
            label={t('adminAccess:audit.actor')}
            placeholder={t('adminAccess:audit.actorPlaceholder')}
            nothingFoundMessage={t('adminAccess:audit.nothingFound')}
            query={auditActorsQueryOptions}
            value={v.actorId}
            onChange={(actorId) => set({ actorId })}
            data-testid="audit-actor"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <Select
            label={t('adminAccess:audit.action')}
            placeholder={t('adminAccess:audit.actionPlaceholder')}
            data={(facets.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(t, a) })).sort(byLabel)}
            value={v.action}
            onChange={(action) => set({ action })}
            searchable
            clearable
            nothingFoundMessage={t('adminAccess:audit.nothingFound')}
            data-testid="audit-action"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <Select
            label={t('adminAccess:audit.entityType')}
            placeholder={t('adminAccess:audit.entityTypePlaceholder')}
            data={(facets.data?.entityTypes ?? [])
              .map((e) => ({ value: e, label: entityTypeLabel(t, e) }))
              .sort(byLabel)}
            value={v.entityType}
            onChange={(entityType) => set({ entityType })}
            clearable
            data-testid="audit-entity-type"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <TextInput
            label={t('adminAccess:audit.entityId')}
            placeholder={t('adminAccess:audit.entityIdPlaceholder')}
            value={v.entityId}
            onChange={(e) => set({ entityId: e.currentTarget.value })}
            data-testid="audit-entity-id"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <DateInput
            label={t('adminAccess:audit.from')}
            value={v.from}
            onChange={(from) => isDateOrEmpty(from) && set({ from })}
            data-testid="audit-from"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 2 }}>
          <DateInput
            label={t('adminAccess:audit.to')}
            value={v.to}
            onChange={(to) => isDateOrEmpty(to) && set({ to })}
            error={props.dateError}
            data-testid="audit-to"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} pt={{ lg: 33 }}>
          <Group gap="sm" justify="flex-end" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => props.onChange(EMPTY_FILTERS)}
              data-testid="audit-clear"
            >
              {t('adminAccess:audit.clear')}
            </Button>
            <Button
              leftSection={<IconFileSpreadsheet size={16} />}
              color="green"
              onClick={props.onExport}
              loading={props.exporting}
              disabled={props.dateError !== null}
              data-testid="audit-export"
            >
              {t('adminAccess:audit.export')}
            </Button>
          </Group>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
