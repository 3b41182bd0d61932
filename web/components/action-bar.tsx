import { ActionIcon, Box, Button, Group, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useIsPhone } from '../app/media';

/** One action a document view offers (see the incoming and outgoing `actions.ts`). */
export interface BarAction<N extends string = string> {
  name: N;
  icon: ComponentType<{ size?: number }>;
  /** The main step of whoever holds it (filled button, first on a phone). */
  primary?: boolean;
  danger?: boolean;
}

interface Props<A extends BarAction> {
  actions: A[];
  onPick: (name: A['name']) => void;
  /** The button's text; `short` for two buttons side by side on a phone. */
  label: (action: A, short: boolean) => string;
  /** Text of "Thêm" (the menu of the other actions on a phone). */
  moreLabel: string;
  /** Test ids: the bar's, and the prefix of each action's (`${action}${name}`, `${action}more`). */
  testIds: { bar: string; action: string };
}

/**
 * The buttons of the actions the user may take. On a wide screen a row of buttons; on a phone a
 * bar stuck to the bottom of the screen with the main step(s) and "Thêm" for the rest, so the
 * main step is always under the thumb.
 */
export function ActionBar<A extends BarAction>({ actions, onPick, label, moreLabel, testIds }: Props<A>) {
  const isPhone = useIsPhone();
  if (actions.length === 0) return null;

  if (!isPhone)
    return (
      <Group gap="xs" data-testid={testIds.bar}>
        {actions.map((a) => {
          const Icon = a.icon;
          return (
            <Button
              key={a.name}
              size="sm"
              variant={a.primary ? 'filled' : a.danger ? 'subtle' : 'default'}
              color={a.danger ? 'red' : undefined}
              leftSection={<Icon size={16} />}
              onClick={() => onPick(a.name)}
              data-testid={`${testIds.action}${a.name}`}
            >
              {label(a, false)}
            </Button>
          );
        })}
      </Group>
    );

  const main = actions.filter((a) => a.primary).slice(0, 2);
  const shown = main.length > 0 ? main : actions.slice(0, 1);
  // With only two actions both fit; otherwise the rest go under "Thêm".
  const visible = actions.length <= 2 ? actions : shown;
  const rest = actions.filter((a) => !visible.includes(a));
  // Two buttons side by side on a phone only fit with their short names.
  const short = visible.length > 1;
  return (
    <Box
      data-testid={testIds.bar}
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 5,
        marginInline: 'calc(var(--mantine-spacing-sm) * -1)',
        padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-sm)',
        paddingBottom: 'calc(var(--mantine-spacing-xs) + env(safe-area-inset-bottom))',
        background: 'var(--mantine-color-body)',
        borderTop: '1px solid var(--mantine-color-gray-3)',
        boxShadow: '0 -4px 12px rgba(0, 0, 0, 0.06)',
      }}
    >
      <Group gap="xs" wrap="nowrap">
        {visible.map((a, i) => {
          const Icon = a.icon;
          return (
            <Button
              key={a.name}
              size="md"
              style={{ flex: '1 1 auto', minWidth: 0 }}
              px="sm"
              variant={i === 0 ? 'filled' : 'light'}
              color={a.danger ? 'red' : undefined}
              leftSection={<Icon size={18} />}
              onClick={() => onPick(a.name)}
              data-testid={`${testIds.action}${a.name}`}
            >
              {label(a, short)}
            </Button>
          );
        })}
        {rest.length > 0 && (
          <Menu position="top-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon
                size={42}
                variant="default"
                radius="sm"
                aria-label={moreLabel}
                style={{ flexShrink: 0 }}
                data-testid={`${testIds.action}more`}
              >
                <IconDots size={20} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {rest.map((a) => {
                const Icon = a.icon;
                return (
                  <Menu.Item
                    key={a.name}
                    leftSection={<Icon size={18} />}
                    color={a.danger ? 'red' : undefined}
                    onClick={() => onPick(a.name)}
                    data-testid={`${testIds.action}${a.name}`}
                    py="sm"
                  >
                    {label(a, false)}
                  </Menu.Item>
                );
              })}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Box>
  );
}
