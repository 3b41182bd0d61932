import { ActionIcon, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { functionIcon } from '../../app/function-icons';

/** Moves the item at `index` by `delta` places (−1 up, +1 down). */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** The chosen favourites in home-screen order, with up / down / remove buttons. */
export function FavouritesOrder({ ids, onChange }: { ids: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation(['personal', 'functions', 'common']);
  if (ids.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="fav-order-empty">
        {t('personal:favourites.none')}
      </Text>
    );
  }
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="fav-order">
      {ids.map((id, index) => {
        const Icon = functionIcon(id);
        const name = t(`functions:${id}`);
        return (
          <li key={id} data-testid={`fav-order-${id}`}>
            <Paper withBorder radius="sm" px="sm" py={6} mb={6}>
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" c="dimmed" w={20} ta="right">
                  {index + 1}
                </Text>
                <ThemeIcon variant="light" size="md" radius="sm">
                  <Icon size={16} aria-hidden />
                </ThemeIcon>
                <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
                  {name}
                </Text>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === 0}
                    aria-label={`${t('common:actions.moveUp')}: ${name}`}
                    onClick={() => onChange(move(ids, index, -1))}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={index === ids.length - 1}
                    aria-label={`${t('common:actions.moveDown')}: ${name}`}
                    onClick={() => onChange(move(ids, index, 1))}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('common:actions.remove')}: ${name}`}
                    onClick={() => onChange(ids.filter((other) => other !== id))}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            </Paper>
          </li>
        );
      })}
    </ol>
  );
}
