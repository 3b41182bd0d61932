import { ActionIcon, Badge, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuilding, IconUser, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TASK_ROLES, type TTaskRole, type TTaskTarget } from '../../../contracts/tasks';
import { useIsPhone } from '../../app/media';
import { useUnitOptions } from './api';
import { PersonSelect } from './form-parts';

/** One person or unit chosen on the form, with the role they get. */
export interface TargetRow {
  userId?: string;
  unitId?: string;
  name: string;
  detail: string | null;
  role: TTaskRole;
}

/** The rows as the API takes them. */
export function toTargets(rows: TargetRow[]): TTaskTarget[] {
  return rows.map((r) => (r.userId ? { userId: r.userId, role: r.role } : { unitId: r.unitId, role: r.role }));
}

/** The role a newly added target gets: lead while nobody leads, co-handler after. */
function nextRole(rows: TargetRow[], leadTaken: boolean): TTaskRole {
  return leadTaken || rows.some((r) => r.role === 'lead') ? 'co' : 'lead';
}

/**
 * Giao cho: people (type-ahead) and units (their leaders receive it) with a role each — chủ trì
 * (one), phối hợp, theo dõi. One row per target; on a phone the role switch sits under the name.
 */
export function TargetsEditor(props: {
  value: TargetRow[];
  onChange: (rows: TargetRow[]) => void;
  /** The task already has a lead (adding people later): new rows start as co-handlers. */
  leadTaken?: boolean;
  error?: string | null;
}) {
  const { value, onChange } = props;
  const { t } = useTranslation('tasks');
  const isPhone = useIsPhone();
  const units = useUnitOptions();
  const chosenUnits = value.flatMap((r) => (r.unitId ? [r.unitId] : []));
  const setRole = (i: number, role: TTaskRole) => {
    const next = value.map((r, j) =>
      j === i ? { ...r, role } : role === 'lead' && r.role === 'lead' ? { ...r, role: 'co' as const } : r,
    );
    onChange(next);
  };
  return (
    <Stack gap="xs" data-testid="task-targets">
      <Text size="sm" fw={500}>
        {t('form.targets')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <PersonSelect
          label={t('form.addPerson')}
          placeholder={t('form.addPersonPlaceholder')}
          clearOnPick
          exclude={value.flatMap((r) => (r.userId ? [r.userId] : []))}
          onPick={(p) => {
            if (!p) return;
            onChange([
              ...value,
              {
                userId: p.id,
                name: p.fullName,
                detail: [p.jobTitle, p.unitName].filter(Boolean).join(' · '),
                role: nextRole(value, Boolean(props.leadTaken)),
              },
            ]);
          }}
          testId="task-target-person"
        />
        <Select
          label={t('form.addUnit')}
          placeholder={t('form.addUnitPlaceholder')}
          data={(units.data ?? [])
            .filter((u) => !chosenUnits.includes(u.id))
            .map((u) => ({ value: u.id, label: u.name }))}
          value={null}
          onChange={(id) => {
            const unit = units.data?.find((u) => u.id === id);
            if (!unit) return;
            onChange([
              ...value,
              { unitId: unit.id, name: unit.name, detail: null, role: nextRole(value, Boolean(props.leadTaken)) },
            ]);
          }}
          searchable
          comboboxProps={{ withinPortal: true }}
          data-testid="task-target-unit"
        />
      </SimpleGrid>
      {value.length === 0 ? (
        <Text size="xs" c="dimmed">
          {props.leadTaken ? t('form.targetsHint') : t('form.keepSelf')}
        </Text>
      ) : (
        <Stack gap={6}>
          {value.map((r, i) => (
            <Paper key={r.userId ?? r.unitId} withBorder radius="sm" px="sm" py={6} data-testid="task-target-row">
              <Group gap="xs" wrap={isPhone ? 'wrap' : 'nowrap'} justify="space-between">
                <Group gap={8} wrap="nowrap" style={{ minWidth: 0, flex: isPhone ? '1 1 100%' : 1 }}>
                  {r.unitId ? <IconBuilding size={18} aria-hidden /> : <IconUser size={18} aria-hidden />}
                  <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500} lineClamp={1}>
                        {r.name}
                      </Text>
                      {r.unitId && (
                        <Badge size="xs" variant="light" color="gray">
                          {t('form.unitTag')}
                        </Badge>
                      )}
                    </Group>
                    {r.detail && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {r.detail}
                      </Text>
                    )}
                  </Stack>
                  {isPhone && (
                    <RemoveButton
                      label={t('form.removeTarget', { name: r.name })}
                      onClick={() => onChange(value.filter((_, j) => j !== i))}
                    />
                  )}
                </Group>
                <Group gap={4} wrap="nowrap" style={isPhone ? { flex: '1 1 100%' } : undefined}>
                  <SegmentedControl
                    size="xs"
                    value={r.role}
                    onChange={(v) => setRole(i, v as TTaskRole)}
                    data={TASK_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                    aria-label={t('form.roleOf', { name: r.name })}
                    fullWidth={isPhone}
                    style={isPhone ? { flex: 1 } : undefined}
                    data-testid="task-target-role"
                  />
                  {!isPhone && (
                    <RemoveButton
                      label={t('form.removeTarget', { name: r.name })}
                      onClick={() => onChange(value.filter((_, j) => j !== i))}
                    />
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {props.error && (
        <Text size="xs" c="red" role="alert">
          {props.error}
        </Text>
      )}
    </Stack>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
      <IconX size={16} />
    </ActionIcon>
  );
}
