import { ActionIcon, Card, Collapse, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../contracts/admin-access';
import { formatDate } from '../../app/format';
import { useIsPhone } from '../../app/media';
import { diffRows } from './audit-diff';
import { actionLabel, entityTypeLabel } from './labels';

/** dd/mm/yyyy HH:mm:ss in the browser's time zone. */
export function formatDateTimeSeconds(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Before/after values as a key/value table; changed lines are highlighted. */
function DiffView({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation('adminAccess');
  const isPhone = useIsPhone();
  const rows = diffRows(entry.before, entry.after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noValues')}
      </Text>
    );
  }
  if (isPhone) {
    return (
      <Stack gap={4} data-testid="audit-diff">
        {rows.map((r) => (
          <Paper
            key={r.key}
            withBorder
            radius="sm"
            p={6}
            bg={r.changed ? 'var(--mantine-color-yellow-light)' : undefined}
          >
            <Text ff="monospace" fz="xs" c="dimmed">
              {r.key}
            </Text>
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              <Text span c="dimmed" size="xs">
                {t('audit.before')}:{' '}
              </Text>
              {r.before ?? '—'}
            </Text>
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              <Text span c="dimmed" size="xs">
                {t('audit.after')}:{' '}
              </Text>
              {r.after ?? '—'}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  const cell = (v: string | null) =>
    v === null ? (
      <Text c="dimmed">—</Text>
    ) : (
      <Text size="sm" style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>
        {v}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" data-testid="audit-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">{t('audit.field')}</Table.Th>
            <Table.Th w="39%">{t('audit.before')}</Table.Th>
            <Table.Th w="39%">{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} bg={r.changed ? 'var(--mantine-color-yellow-light)' : undefined}>
              <Table.Td ff="monospace" fz="xs">
                {r.key}
              </Table.Td>
              <Table.Td>{cell(r.before)}</Table.Td>
              <Table.Td>{cell(r.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Actor({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation('adminAccess');
  return (
    <div>
      <Text size="sm" fw={600}>
        {entry.actorId ? (entry.actorName ?? entry.actorId) : t('audit.system')}
      </Text>
      {entry.onBehalfOfId && (
        <Text size="xs" c="dimmed">
          {t('audit.onBehalfOf', { name: entry.onBehalfOfName ?? entry.onBehalfOfId })}
        </Text>
      )}
    </div>
  );
}

function Entity({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation('adminAccess');
  return (
    <div>
      <Text size="sm">{entityTypeLabel(t, entry.entityType)}</Text>
      {entry.entityId && (
        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {entry.entityId}
        </Text>
      )}
    </div>
  );
}

function useExpanded() {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((cur) => {
      const next = new Set(cur);
      next.has(id) ? next.delete(id) : next.add(id);
      return next;
    });
  return { open, toggle };
}

function ExpandButton({ expanded, onClick }: { expanded: boolean; onClick: () => void }) {
  const { t } = useTranslation('adminAccess');
  return (
    <ActionIcon
      variant="subtle"
      onClick={onClick}
      aria-expanded={expanded}
      aria-label={expanded ? t('audit.collapse') : t('audit.expand')}
      data-testid="audit-expand"
    >
      {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
    </ActionIcon>
  );
}

/** Audit entries as a table with rows that expand to the before/after view (desktop). */
export function AuditTable({ items }: { items: TAuditEntry[] }) {
  const { t } = useTranslation('adminAccess');
  const { open, toggle } = useExpanded();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44} />
            <Table.Th>{t('audit.columns.at')}</Table.Th>
            <Table.Th>{t('audit.columns.actor')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.entity')}</Table.Th>
            <Table.Th>{t('audit.columns.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Fragment key={e.id}>
              <Table.Tr data-testid="audit-row" onClick={() => toggle(e.id)} style={{ cursor: 'pointer' }}>
                <Table.Td onClick={(ev) => ev.stopPropagation()}>
                  <ExpandButton expanded={open.has(e.id)} onClick={() => toggle(e.id)} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(e.at)}</Table.Td>
                <Table.Td>
                  <Actor entry={e} />
                </Table.Td>
                <Table.Td>{actionLabel(t, e.action)}</Table.Td>
                <Table.Td maw={260}>
                  <Entity entry={e} />
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {e.ip}
                </Table.Td>
              </Table.Tr>
              {open.has(e.id) && (
                <Table.Tr>
                  <Table.Td />
                  <Table.Td colSpan={5} pb="md">
                    <DiffView entry={e} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Audit entries as cards (phone), each expanding to its before/after view. */
export function AuditCards({ items }: { items: TAuditEntry[] }) {
  const { t } = useTranslation('adminAccess');
  const { open, toggle } = useExpanded();
  return (
    <Stack gap="xs" data-testid="audit-cards">
      {items.map((e) => (
        <Card key={e.id} withBorder radius="md" padding="sm" data-testid="audit-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {formatDateTimeSeconds(e.at)} · {e.ip}
              </Text>
              <Text fw={600} size="sm">
                {actionLabel(t, e.action)}
              </Text>
              <Actor entry={e} />
              <Entity entry={e} />
            </div>
            <ExpandButton expanded={open.has(e.id)} onClick={() => toggle(e.id)} />
          </Group>
          <Collapse expanded={open.has(e.id)}>
            <div style={{ marginTop: 8 }}>{open.has(e.id) && <DiffView entry={e} />}</div>
          </Collapse>
        </Card>
      ))}
    </Stack>
  );
}
