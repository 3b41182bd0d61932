import { Badge, NavLink, ScrollArea } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNCTION_GROUPS, type FunctionDef, type TFunctionGroup } from '../../../contracts/functions';
import { functionIcon, groupIcon } from '../function-icons';
import { useIsOpenable, useVisibleFunctions } from '../functions';
import { useActiveFunctionId, useOpenFunction } from '../tabs/navigation';

function isModifiedClick(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/**
 * Left menu: every function group (Điều 3) the user can see, as collapsible sections. Functions
 * not built yet are shown disabled with "Sắp có"; a group with nothing visible is left out.
 */
export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation(['functions', 'common']);
  const visible = useVisibleFunctions();
  const isOpenable = useIsOpenable();
  const openFunction = useOpenFunction();
  const activeId = useActiveFunctionId();
  // Sections the user opened or closed by hand; the others start open only if they hold a usable function.
  const [toggled, setToggled] = useLocalStorage<Partial<Record<TFunctionGroup, boolean>>>({
    key: 'cloudoffice.nav.groups',
    defaultValue: {},
    getInitialValueInEffect: false,
  });

  const byGroup = new Map<TFunctionGroup, FunctionDef[]>();
  for (const fn of visible) byGroup.set(fn.group, [...(byGroup.get(fn.group) ?? []), fn]);

  const isOpened = (group: TFunctionGroup, functions: FunctionDef[]) =>
    toggled[group] ?? functions.some((fn) => isOpenable(fn.id) || fn.id === activeId);
  const toggle = (group: TFunctionGroup, opened: boolean) => setToggled((current) => ({ ...current, [group]: opened }));

  return (
    <ScrollArea type="scroll" h="100%" p="xs" data-testid="nav-menu">
      {FUNCTION_GROUPS.filter((group) => byGroup.has(group)).map((group) => {
        const GroupIcon = groupIcon(group);
        const functions = byGroup.get(group) ?? [];
        return (
          <NavLink
            key={group}
            component="button"
            data-testid={`nav-group-${group}`}
            label={t(`groups.${group}`)}
            leftSection={<GroupIcon size={20} stroke={1.6} aria-hidden />}
            opened={isOpened(group, functions)}
            onChange={(opened) => toggle(group, opened)}
            fw={600}
            childrenOffset={12}
          >
            {functions.map((fn) => {
              const Icon = functionIcon(fn.id);
              const label = t(fn.id);
              if (!isOpenable(fn.id)) {
                return (
                  <NavLink
                    key={fn.id}
                    component="button"
                    disabled
                    data-testid={`nav-${fn.id}`}
                    label={label}
                    leftSection={<Icon size={16} stroke={1.6} aria-hidden />}
                    rightSection={
                      <Badge size="xs" variant="light" color="gray" radius="sm" tt="none" px={6} fw={500}>
                        {t('common:comingSoon')}
                      </Badge>
                    }
                  />
                );
              }
              return (
                <NavLink
                  key={fn.id}
                  href={`/app/${encodeURIComponent(fn.id)}`}
                  data-testid={`nav-${fn.id}`}
                  label={label}
                  active={activeId === fn.id}
                  aria-current={activeId === fn.id ? 'page' : undefined}
                  leftSection={<Icon size={16} stroke={1.6} aria-hidden />}
                  onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                    if (isModifiedClick(event)) return;
                    event.preventDefault();
                    openFunction(fn.id);
                    onNavigate();
                  }}
                />
              );
            })}
          </NavLink>
        );
      })}
    </ScrollArea>
  );
}
