import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNCTION_GROUPS } from '../../../contracts/functions';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { useIsOpenable, useVisibleFunctions } from '../../app/functions';
import { PageHeader } from '../../components/page-header';
import { useUpdatePreferences } from './api';
import { FavouritesOrder } from './favourites-order';
import classes from './personal.module.css';

/** Most favourites a user may keep (contracts/preferences.ts). */
const MAX_FAVOURITES = 30;

/** Function "Chức năng ưu tiên" (Điều 3.5f): choose and order the functions shown on the home screen. */
export default function FavouritesPage() {
  const { t } = useTranslation(['personal', 'functions', 'common']);
  const me = useMe();
  const visible = useVisibleFunctions();
  const isOpenable = useIsOpenable();
  const saved = me.preferences.favourites.filter(isOpenable);
  const [selected, setSelected] = useState<string[]>(saved);
  const update = useUpdatePreferences();
  const dirty = selected.join('\n') !== saved.join('\n');
  const full = selected.length >= MAX_FAVOURITES;

  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => (checked ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id)));

  const save = () =>
    update.mutate(
      { favourites: selected },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            message: t('personal:favourites.saved'),
          }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );

  return (
    <div data-testid="page-favourites">
      <PageHeader title={t('functions:favourites')} description={t('personal:favourites.description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="md" mb="sm">
            {t('personal:favourites.available')}
          </Title>
          <Stack gap="md">
            {FUNCTION_GROUPS.map((group) => {
              const functions = visible.filter((fn) => fn.group === group);
              if (functions.length === 0) return null;
              return (
                <fieldset key={group} style={{ border: 0, margin: 0, padding: 0 }}>
                  <Text component="legend" fw={600} size="sm" c="blue.8" mb={6}>
                    {t(`functions:groups.${group}`)}
                  </Text>
                  <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing={6}>
                    {functions.map((fn) => {
                      const ready = isOpenable(fn.id);
                      const checked = selected.includes(fn.id);
                      return (
                        <Group key={fn.id} gap="xs" wrap="nowrap">
                          <Checkbox
                            data-testid={`fav-check-${fn.id}`}
                            label={t(`functions:${fn.id}`)}
                            checked={checked}
                            disabled={!ready || (full && !checked)}
                            onChange={(event) => toggle(fn.id, event.currentTarget.checked)}
                          />
                          {!ready && (
                            <Badge
                              size="xs"
                              variant="light"
                              color="gray"
                              radius="sm"
                              tt="none"
                              px={6}
                              fw={500}
                              style={{ flexShrink: 0 }}
                            >
                              {t('common:comingSoon')}
                            </Badge>
                          )}
                        </Group>
                      );
                    })}
                  </SimpleGrid>
                </fieldset>
              );
            })}
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="md" className={classes.orderPanel}>
          <Group justify="space-between" mb="sm">
            <Title order={3} fz="md">
              {t('personal:favourites.selected')}
            </Title>
            <Text size="xs" c={full ? 'orange.8' : 'dimmed'}>
              {t('personal:favourites.count', { count: selected.length, max: MAX_FAVOURITES })}
            </Text>
          </Group>
          <FavouritesOrder ids={selected} onChange={setSelected} />
          {full && (
            <Text size="xs" c="orange.8" mt="xs">
              {t('personal:favourites.limit', { max: MAX_FAVOURITES })}
            </Text>
          )}
          <Group justify="flex-end" mt="md" gap="sm">
            {dirty && (
              <Text size="xs" c="dimmed" mr="auto">
                {t('personal:favourites.unsaved')}
              </Text>
            )}
            <Button variant="default" disabled={!dirty || update.isPending} onClick={() => setSelected(saved)}>
              {t('personal:favourites.reset')}
            </Button>
            <Button disabled={!dirty} loading={update.isPending} onClick={save} data-testid="fav-save">
              {t('common:actions.save')}
            </Button>
          </Group>
        </Paper>
      </SimpleGrid>
    </div>
  );
}
