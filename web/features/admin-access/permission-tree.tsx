import { Alert, Button, Center, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupDetail } from '../../../contracts/admin-access';
import { permissionsQueryOptions, useSetGroupPermissions } from './api';
import { groupErrorMessage } from './group-errors';
import { groupByModule, moduleLabel, permissionLabel } from './labels';

/**
 * Tab "Quyền": the permission catalogue as a checkbox tree by module, with "select all" per
 * module. Read-only (with "Sao chép nhóm") when the group may not be edited, e.g. a built-in.
 */
export function PermissionTree({ group, onCopy }: { group: TGroupDetail; onCopy: () => void }) {
  const { t } = useTranslation(['adminAccess', 'common']);
  const catalogue = useQuery(permissionsQueryOptions);
  const modules = useMemo(() => groupByModule(catalogue.data ?? []), [catalogue.data]);
  const [selected, setSelected] = useState(() => new Set(group.permissions));
  const save = useSetGroupPermissions(group.id);
  const editable = group.abilities.editPermissions;
  // Only a system-wide administrator may put admin.* codes into a group: the server says who.
  const locked = (code: string) => !editable || (code.startsWith('admin.') && !group.abilities.adminPermissions);

  const saved = new Set(group.permissions);
  const changes = [...selected].filter((c) => !saved.has(c)).length + [...saved].filter((c) => !selected.has(c)).length;

  const setCodes = (codes: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const c of codes) if (!locked(c)) on ? next.add(c) : next.delete(c);
      return next;
    });

  // mutateAsync, not mutate callbacks: the saved group re-keys this tree, and callbacks of an
  // unmounted component's mutate() would be dropped.
  const submit = async () => {
    try {
      await save.mutateAsync([...selected].sort());
      notifications.show({ color: 'green', icon: <IconCheck size={18} />, message: t('adminAccess:tree.saved') });
    } catch (error) {
      notifications.show({ color: 'red', message: groupErrorMessage(t, error) });
    }
  };

  if (catalogue.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }

  return (
    <Stack gap="md" data-testid="permission-tree">
      {group.builtin ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="builtin-notice">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('adminAccess:tree.builtinNotice')}</Text>
            {group.abilities.copy && (
              <Button size="xs" leftSection={<IconCopy size={14} />} onClick={onCopy} data-testid="builtin-copy">
                {t('adminAccess:groups.actions.copy')}
              </Button>
            )}
          </Group>
        </Alert>
      ) : (
        !editable && (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
            {t('adminAccess:tree.adminOnlyNotice')}
          </Alert>
        )
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {modules.map(({ module, codes }) => {
          const count = codes.filter((c) => selected.has(c)).length;
          const changeable = codes.filter((c) => !locked(c));
          return (
            <Paper key={module} withBorder radius="md" p="sm" data-testid={`perm-module-${module}`}>
              <Group justify="space-between" wrap="nowrap" mb={6}>
                <Checkbox
                  label={<Text fw={700}>{moduleLabel(t, module)}</Text>}
                  checked={count === codes.length}
                  indeterminate={count > 0 && count < codes.length}
                  disabled={changeable.length === 0}
                  onChange={(e) => setCodes(codes, e.currentTarget.checked)}
                  aria-label={t('adminAccess:tree.selectAll', { module: moduleLabel(t, module) })}
                  data-testid={`perm-all-${module}`}
                />
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {t('adminAccess:tree.selected', { count, total: codes.length })}
                </Text>
              </Group>
              <Stack gap={6} pl={{ base: 'sm', sm: 'lg' }}>
                {codes.map((code) => (
                  <Checkbox
                    key={code}
                    checked={selected.has(code)}
                    disabled={locked(code)}
                    onChange={(e) => setCodes([code], e.currentTarget.checked)}
                    label={permissionLabel(t, code)}
                    description={code}
                    title={
                      code.startsWith('admin.') && locked(code) && editable
                        ? t('adminAccess:tree.adminLocked')
                        : undefined
                    }
                    data-testid={`perm-${code}`}
                  />
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>

      {editable && (
        <Paper
          withBorder
          radius="md"
          p="sm"
          pos="sticky"
          bottom={8}
          style={{ zIndex: 2 }}
          bg="var(--mantine-color-body)"
        >
          <Group justify="flex-end" gap="sm">
            <Text size="sm" c={changes ? 'orange.8' : 'dimmed'} mr="auto">
              {t('adminAccess:tree.changes', { count: changes })}
            </Text>
            <Button variant="default" disabled={!changes || save.isPending} onClick={() => setSelected(new Set(saved))}>
              {t('adminAccess:tree.reset')}
            </Button>
            <Button disabled={!changes} loading={save.isPending} onClick={submit} data-testid="perm-save">
              {t('adminAccess:tree.save')}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
