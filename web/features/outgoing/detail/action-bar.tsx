import { ActionIcon, Box, Button, Group, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../app/media';
import type { OutgoingActionDef, TOutgoingActionName } from './actions';

const labelKey = (a: OutgoingActionDef, short = false) => `actions.${a.label ?? a.name}.${short ? 'short' : 'button'}`;

/**
 * The buttons of the actions the user may take: a row on a wide screen; on a phone a bar stuck to
 * the bottom with the main step(s) and "Thêm" for the rest.
 */
export function OutgoingActionBar(props: {
  actions: OutgoingActionDef[];
  onPick: (name: TOutgoingActionName) => void;
}) {
  const { actions, onPick } = props;
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  if (actions.length === 0) return null;

  if (!isPhone)
    return (
      <Group gap="xs" data-testid="outgoing-actions">
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
              data-testid={`outgoing-action-${a.name}`}
            >
              {t(labelKey(a))}
            </Button>
          );
        })}
      </Group>
    );

  const main = actions.filter((a) => a.primary).slice(0, 2);
  const shown = main.length > 0 ? main : actions.slice(0, 1);
  const visible = actions.length <= 2 ? actions : shown;
  const rest = actions.filter((a) => !visible.includes(a));
  const short = visible.length > 1;
  return (
    <Box
      data-testid="outgoing-actions"
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
              data-testid={`outgoing-action-${a.name}`}
            >
              {t(labelKey(a, short))}
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
                aria-label={t('actions.more')}
                style={{ flexShrink: 0 }}
                data-testid="outgoing-action-more"
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
                    data-testid={`outgoing-action-${a.name}`}
                    py="sm"
                  >
                    {t(labelKey(a))}
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
