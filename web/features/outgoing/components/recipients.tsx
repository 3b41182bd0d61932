import { ActionIcon, Button, Group, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSitemap, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTGOING_LIMITS } from '../../../../contracts/outgoing';
import { textSortKey } from '../../../../contracts/text';
import { useIsPhone } from '../../../app/media';
import { unitOptionsQuery } from '../../incoming/components/catalog-queries';
import { matchesFolded } from '../../incoming/search/search-state';
import { newOrgan, type OrganRecipient } from '../draft/draft-form';

export interface UnitNode {
  id: string;
  name: string;
  parentId: string | null;
}

/** Every unit, parents before children (roots first), with its depth for indenting. */
export function unitTree(units: readonly UnitNode[]): (UnitNode & { depth: number })[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, UnitNode[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: (UnitNode & { depth: number })[] = [];
  const walk = (parent: string | null, depth: number) => {
    const kids = [...(children.get(parent) ?? [])].sort((a, b) => (textSortKey(a.name) < textSortKey(b.name) ? -1 : 1));
    for (const kid of kids) {
      out.push({ ...kid, depth });
      walk(kid.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * Units inside the system that receive the document (it arrives in their clerk's queue): a
 * searchable multi-select over the organisation tree, indented, without the sending unit, and a
 * shortcut to pick every unit directly under it.
 */
export function UnitRecipients(props: {
  value: string[];
  onChange: (ids: string[]) => void;
  ownUnitId: string;
  error?: ReactNode;
}) {
  const { t } = useTranslation('outgoing');
  const units = useQuery(unitOptionsQuery);
  const tree = unitTree(units.data ?? []).filter((u) => u.id !== props.ownUnitId);
  const depthOf = new Map(tree.map((u) => [u.id, u.depth]));
  const children = tree.filter((u) => u.parentId === props.ownUnitId).map((u) => u.id);
  const change = (ids: string[]) => props.onChange(ids);
  const allChildren = children.length > 0 && children.every((id) => props.value.includes(id));
  return (
    <Stack gap={4}>
      <MultiSelect
        label={t('field.unitRecipients')}
        description={t('draft.unitRecipientsHint')}
        placeholder={props.value.length === 0 ? t('draft.unitRecipientsPlaceholder') : undefined}
        data={tree.map((u) => ({ value: u.id, label: u.name }))}
        value={props.value}
        onChange={change}
        searchable
        clearable
        hidePickedOptions
        filter={({ options, search }) =>
          options.filter((o) => !('value' in o) || matchesFolded((o as { label: string }).label, search))
        }
        maxValues={OUTGOING_LIMITS.recipients}
        nothingFoundMessage={t('draft.nothingFound')}
        renderOption={({ option }) => (
          <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 14 }}>{option.label}</span>
        )}
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={300}
        error={props.error}
        data-testid="draft-units"
      />
      {children.length > 0 && (
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconSitemap size={14} aria-hidden />}
            onClick={() =>
              change(
                allChildren
                  ? props.value.filter((id) => !children.includes(id))
                  : [...new Set([...props.value, ...children])],
              )
            }
            data-testid="draft-units-children"
          >
            {allChildren ? t('draft.unselectChildren') : t('draft.selectChildren', { count: children.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Outside organs (reached by email and an edXML package): one row each, name and email. */
export function OrganRecipients(props: {
  value: OrganRecipient[];
  onChange: (organs: OrganRecipient[]) => void;
  errors: Record<string, ReactNode>;
}) {
  const { t } = useTranslation('outgoing');
  const isPhone = useIsPhone();
  const { value, onChange } = props;
  const set = (i: number, patch: Partial<OrganRecipient>) =>
    onChange(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <Stack gap={6} data-testid="draft-organs">
      <Text size="sm" fw={500}>
        {t('field.organRecipients')}
      </Text>
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('draft.organsHint')}
        </Text>
      )}
      {value.map((o, i) => (
        <Group key={o.key} gap="xs" align="flex-start" wrap={isPhone ? 'wrap' : 'nowrap'}>
          <TextInput
            aria-label={t('draft.organName', { n: i + 1 })}
            placeholder={t('draft.organNamePlaceholder')}
            value={o.name}
            maxLength={OUTGOING_LIMITS.organName}
            onChange={(e) => set(i, { name: e.currentTarget.value })}
            error={props.errors[`organs.${i}.name`]}
            style={{ flex: isPhone ? '1 1 100%' : 2, minWidth: 0 }}
            data-testid={`draft-organ-name-${i}`}
          />
          <TextInput
            aria-label={t('draft.organEmail', { n: i + 1 })}
            placeholder={t('draft.organEmailPlaceholder')}
            type="email"
            value={o.email}
            maxLength={OUTGOING_LIMITS.email}
            onChange={(e) => set(i, { email: e.currentTarget.value })}
            error={props.errors[`organs.${i}.email`]}
            style={{ flex: 1, minWidth: 0 }}
            data-testid={`draft-organ-email-${i}`}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size={36}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('draft.organRemove', { name: o.name || i + 1 })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...value, newOrgan()])}
          disabled={value.length >= OUTGOING_LIMITS.recipients}
          data-testid="draft-organ-add"
        >
          {t('draft.organAdd')}
        </Button>
      </Group>
    </Stack>
  );
}
