import { ActionIcon, Badge, Button, Group, Paper, Select, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHash, IconPlus, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInternalCode, type TNumberedType } from '../../../contracts/internal';
import { errorMessage } from '../../app/errors';
import { ConfirmModal } from '../../components/confirm-modal';
import { documentTypesQuery } from '../incoming/components/catalog-queries';
import { numberingQuery, useNumberingActions } from './api';

/**
 * Loại văn bản được cấp số: the unit's document types that take a number of their own register
 * each year, with the next number; the clerk (internal.numbering) adds and removes types.
 */
export function NumberingSettings() {
  const { t } = useTranslation(['internal', 'errors']);
  const numbering = useQuery(numberingQuery);
  const types = useQuery(documentTypesQuery);
  const actions = useNumberingActions();
  const [adding, setAdding] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TNumberedType | null>(null);
  const data = numbering.data;
  const used = new Set(data?.items.map((i) => i.documentTypeId) ?? []);
  const options = (types.data ?? []).filter((d) => d.active && !used.has(d.id));
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) });

  return (
    <Paper withBorder radius="md" p="sm" data-testid="internal-numbering">
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap">
          <IconHash size={18} aria-hidden color="var(--mantine-color-indigo-6)" />
          <Title order={3} fz="md">
            {t('numbering.title')}
          </Title>
        </Group>
        {!data ? (
          <Skeleton h={60} />
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('numbering.description', { year: data.year })}
            </Text>
            {data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('numbering.empty')}
              </Text>
            ) : (
              <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.items.map((item) => (
                  <Group
                    key={item.documentTypeId}
                    component="li"
                    gap="xs"
                    wrap="nowrap"
                    justify="space-between"
                    data-testid="numbered-type"
                  >
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500}>
                        {item.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('numbering.last', { count: item.lastNumber })}
                      </Text>
                    </Stack>
                    <Group gap={4} wrap="nowrap">
                      <Badge
                        variant="light"
                        color="indigo"
                        radius="sm"
                        styles={{ label: { textTransform: 'none', fontFamily: 'monospace' } }}
                      >
                        {formatInternalCode(item.nextNumber, item.notation)}
                      </Badge>
                      {data.canManage && (
                        <Tooltip label={t('numbering.removeTitle')}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('numbering.remove', { name: item.name })}
                            onClick={() => setRemoving(item)}
                          >
                            <IconX size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Group>
                ))}
              </Stack>
            )}
            {data.canManage ? (
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <Select
                  label={t('numbering.add')}
                  placeholder={t('numbering.addPlaceholder')}
                  data={options.map((o) => ({ value: o.id, label: o.name }))}
                  value={adding}
                  onChange={setAdding}
                  searchable
                  size="xs"
                  style={{ flex: 1 }}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="numbering-type"
                />
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={!adding}
                  loading={actions.add.isPending}
                  onClick={() => {
                    if (!adding) return;
                    const name = options.find((o) => o.id === adding)?.name ?? '';
                    actions.add.mutate(adding, {
                      onSuccess: () => {
                        setAdding(null);
                        notifications.show({ color: 'green', message: t('numbering.added', { name }) });
                      },
                      onError: fail,
                    });
                  }}
                  data-testid="numbering-add"
                >
                  {t('numbering.addButton')}
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="dimmed" fs="italic">
                {t('numbering.readOnly')}
              </Text>
            )}
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('numbering.removeTitle')}
        body={t('numbering.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('numbering.removeConfirm')}
        loading={actions.remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const name = removing.name;
          actions.remove.mutate(removing.documentTypeId, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({ color: 'green', message: t('numbering.removed', { name }) });
            },
            onError: fail,
          });
        }}
      />
    </Paper>
  );
}
