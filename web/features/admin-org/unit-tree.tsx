import { ActionIcon, Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminUnit } from '../../../contracts/admin-org';
import classes from './admin-org.module.css';
import { highlightParts, parentsOf, visibleRows } from './tree-model';

/** Name with the search text marked, accent-insensitively. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightParts(text, query).map((part, i) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string never reorder
          <mark key={i} className={classes.mark}>
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string never reorder
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

interface Props {
  items: TAdminUnit[];
  query: string;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The unit tree as an indented list with expand/collapse. While searching every returned unit is
 * shown (matches and the ancestors that place them); ancestors that do not match are dimmed.
 */
export function UnitTree({ items, query, expanded, onToggle, selectedId, onSelect }: Props) {
  const { t } = useTranslation('adminOrg');
  const searching = query.trim() !== '';
  const parents = useMemo(() => parentsOf(items), [items]);
  const rows = useMemo(() => visibleRows(items, expanded, searching), [items, expanded, searching]);
  const minDepth = items.reduce((m, i) => Math.min(m, i.depth), Number.POSITIVE_INFINITY);

  return (
    <ul aria-label={t('units.treeLabel')} className={classes.tree} data-testid="unit-tree">
      {rows.map((unit) => {
        const level = unit.depth - minDepth;
        const hasChildren = parents.has(unit.id);
        const open = searching || expanded.has(unit.id);
        const selected = unit.id === selectedId;
        return (
          <li
            key={unit.id}
            className={classes.treeRow}
            data-selected={selected || undefined}
            data-inactive={!unit.active || undefined}
            data-testid={`unit-node-${unit.code}`}
          >
            <Group gap={4} wrap="nowrap" style={{ paddingLeft: Math.min(level, 8) * 18 }}>
              {hasChildren && searching ? (
                // While searching every result shows: nothing to open or close.
                <span className={classes.treeSpacer}>
                  <IconChevronDown size={16} color="var(--mantine-color-gray-4)" aria-hidden />
                </span>
              ) : hasChildren ? (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
                  aria-expanded={open}
                  onClick={() => onToggle(unit.id)}
                  data-testid={`unit-toggle-${unit.code}`}
                >
                  {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                </ActionIcon>
              ) : (
                <span className={classes.treeSpacer} />
              )}
              <UnstyledButton
                className={classes.treeButton}
                aria-current={selected || undefined}
                onClick={() => onSelect(unit.id)}
              >
                <Text
                  size="sm"
                  fw={selected ? 700 : 500}
                  c={!unit.active || (searching && !unit.match) ? 'dimmed' : undefined}
                  className={classes.treeName}
                >
                  <Highlighted text={unit.name} query={searching && unit.match ? query : ''} />
                </Text>
                <Group gap={6} wrap="wrap" mt={2}>
                  <Text size="xs" c="dimmed" ff="monospace">
                    <Highlighted text={unit.shortName} query={searching && unit.match ? query : ''} />
                  </Text>
                  {unit.userCount > 0 && (
                    <Group gap={2} wrap="nowrap">
                      <IconUsers size={12} color="var(--mantine-color-dimmed)" aria-hidden />
                      <Text size="xs" c="dimmed">
                        {t('units.usersShort', { count: unit.userCount })}
                      </Text>
                    </Group>
                  )}
                  {!unit.active && (
                    <Badge size="xs" color="gray" variant="light" tt="none">
                      {t('units.inactive')}
                    </Badge>
                  )}
                </Group>
              </UnstyledButton>
            </Group>
          </li>
        );
      })}
    </ul>
  );
}
