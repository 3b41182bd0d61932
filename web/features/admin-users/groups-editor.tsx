import { ActionIcon, Button, Grid, Input, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAdminUserOptions, TGroupGrant } from '../../../contracts/admin-users';
import type { TPermissionScope } from '../../../contracts/auth';

const SCOPES: TPermissionScope[] = ['own', 'subtree', 'all'];
const rank = (scope: TPermissionScope) => SCOPES.indexOf(scope);

/** A membership row in the editor: `groupId` empty until a group is picked; `key` identifies the row. */
export type GrantDraft = { key: string; groupId: string; scope: TPermissionScope };

let nextKey = 0;
/** A new editor row. */
export function draft(groupId: string, scope: TPermissionScope): GrantDraft {
  nextKey += 1;
  return { key: `g${nextKey}`, groupId, scope };
}

/** True when the administrator may change this membership (the server applies the same rule). */
export function isGrantEditable(grant: GrantDraft, options: TAdminUserOptions): boolean {
  const group = options.groups.find((g) => g.id === grant.groupId);
  if (grant.groupId && !group?.assignable) return false;
  return rank(grant.scope) <= rank(options.maxScope);
}

/** Drafts without a picked group are dropped before saving. */
export function toGrants(drafts: GrantDraft[]): TGroupGrant[] {
  return drafts.filter((d) => d.groupId).map(({ groupId, scope }) => ({ groupId, scope }));
}

/**
 * Group memberships with their scope. Groups and scopes the administrator may not grant are
 * shown disabled; memberships someone else granted wider stay read-only.
 */
export function GroupsEditor({
  value,
  onChange,
  options,
  error,
}: {
  value: GrantDraft[];
  onChange: (next: GrantDraft[]) => void;
  options: TAdminUserOptions;
  error?: string;
}) {
  const { t } = useTranslation('adminUsers');
  const names = new Map(options.groups.map((g) => [g.id, g.name]));
  const set = (i: number, patch: Partial<GrantDraft>) =>
    onChange(value.map((g, j) => (j === i ? { ...g, ...patch } : g)));

  return (
    <Stack gap="xs" data-testid="groups-editor">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('groups.none')}
        </Text>
      )}
      {value.map((grant, i) => {
        const editable = isGrantEditable(grant, options);
        const taken = new Set(value.map((g) => g.groupId));
        const groupData = options.groups
          .filter((g) => g.id === grant.groupId || !taken.has(g.id))
          .map((g) => ({
            value: g.id,
            label: g.assignable ? g.name : `${g.name} — ${t('groups.adminOnly')}`,
            disabled: !g.assignable,
          }));
        if (grant.groupId && !names.has(grant.groupId))
          groupData.push({ value: grant.groupId, label: '—', disabled: true });
        return (
          <Grid key={grant.key} gap="xs" align="flex-end" data-testid="group-row">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                aria-label={t('groups.group')}
                placeholder={t('groups.group')}
                data={groupData}
                value={grant.groupId || null}
                onChange={(id) => set(i, { groupId: id ?? '' })}
                disabled={!editable}
                searchable
                comboboxProps={{ withinPortal: true }}
                data-testid={`group-select-${i}`}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 10, sm: 5 }}>
              <Select
                aria-label={t('groups.scope')}
                data={SCOPES.map((s) => ({
                  value: s,
                  label: t(`groups.scopes.${s}`),
                  disabled: rank(s) > rank(options.maxScope),
                }))}
                value={grant.scope}
                onChange={(s) => s && set(i, { scope: s as TPermissionScope })}
                disabled={!editable}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid={`group-scope-${i}`}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 2, sm: 1 }}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('groups.remove')}
                disabled={!editable}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Grid.Col>
          </Grid>
        );
      })}
      {error && <Input.Error>{error}</Input.Error>}
      <div>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...value, draft('', 'own')])}
          data-testid="group-add"
        >
          {t('groups.add')}
        </Button>
      </div>
    </Stack>
  );
}
