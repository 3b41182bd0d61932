import { Badge, Box, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatVnDate } from '../../../../contracts/calendar';
import type { TAssignment } from '../../../../contracts/incoming';
import { useIsPhone } from '../../../app/media';
import { RoleBadge } from '../components/levels';

const STATE_COLORS: Record<TAssignment['state'], string> = {
  pending: 'gray',
  in_progress: 'blue',
  delegated: 'violet',
  done: 'green',
  forwarded: 'gray',
  withdrawn: 'dark',
};

/** Parts in tree order: each top-level part, then the parts its holder passed on (indented). */
function ordered(assignments: TAssignment[]): { a: TAssignment; depth: number }[] {
  const ids = new Set(assignments.map((a) => a.id));
  const out: { a: TAssignment; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const a of assignments) {
      const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
      if (parent !== parentId) continue;
      out.push({ a, depth });
      if (depth < 6) walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function Person({ a }: { a: TAssignment }) {
  return (
    <Box miw={0}>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {a.person.fullName}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {[a.person.jobTitle, a.person.unitName].filter(Boolean).join(' · ')}
      </Text>
    </Box>
  );
}

function Due({ a }: { a: TAssignment }) {
  if (!a.dueDate) return null;
  return (
    <Text span size="sm" c={a.overdue ? 'red.7' : undefined} fw={a.overdue ? 700 : undefined} data-overdue={a.overdue}>
      {formatVnDate(a.dueDate)}
    </Text>
  );
}

function State({ a }: { a: TAssignment }) {
  const { t } = useTranslation(['incoming', 'incomingDetail']);
  if (a.overdue && (a.state === 'pending' || a.state === 'in_progress'))
    return (
      <Badge color="red" variant="light" size="sm" miw="max-content">
        {t('incoming:status.overdue')}
      </Badge>
    );
  return (
    <Badge color={STATE_COLORS[a.state]} variant="dot" size="sm" miw="max-content">
      {t(`incoming:state.${a.state}`)}
    </Badge>
  );
}

function Bar({ a }: { a: TAssignment }) {
  const { t } = useTranslation('incomingDetail');
  if (a.role === 'director' || a.role === 'info') return null;
  return (
    <Group gap={6} wrap="nowrap">
      <Progress
        value={a.progress}
        color={a.state === 'done' ? 'green' : a.overdue ? 'red' : 'blue'}
        size="sm"
        w={70}
        aria-label={t('handlers.progress')}
      />
      <Text size="xs" c="dimmed" w={32}>
        {a.progress}%
      </Text>
    </Group>
  );
}

/**
 * Who handles the document: person, role, due date (red when overdue), state, progress and
 * result. A table on a wide screen, cards on a phone; parts passed on are indented under their holder.
 */
export function HandlersTable({ assignments }: { assignments: TAssignment[] }) {
  const { t } = useTranslation('incomingDetail');
  const isPhone = useIsPhone();
  const rows = ordered(assignments);
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('handlers.empty')}
      </Text>
    );
  if (isPhone)
    return (
      <Stack gap={6} data-testid="handlers-list">
        {rows.map(({ a, depth }) => (
          <Paper
            key={a.id}
            withBorder
            radius="md"
            p="xs"
            ml={depth * 12}
            data-testid="handler-item"
            style={a.overdue ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
          >
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Person a={a} />
              <Box w="max-content" style={{ flexShrink: 0 }}>
                <RoleBadge role={a.role} />
              </Box>
            </Group>
            <Group gap="sm" mt={6} justify="space-between">
              <State a={a} />
              {a.dueDate && (
                <Text size="xs" c="dimmed">
                  {t('handlers.dueShort')} <Due a={a} />
                </Text>
              )}
              <Bar a={a} />
            </Group>
            {a.result && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {a.result}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} striped highlightOnHover data-testid="handlers-list">
        <Table.Thead>
          <Table.Tr style={{ whiteSpace: 'nowrap' }}>
            <Table.Th>{t('handlers.person')}</Table.Th>
            <Table.Th>{t('handlers.role')}</Table.Th>
            <Table.Th>{t('handlers.due')}</Table.Th>
            <Table.Th>{t('handlers.state')}</Table.Th>
            <Table.Th>{t('handlers.progress')}</Table.Th>
            <Table.Th>{t('handlers.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ a, depth }) => (
            <Table.Tr key={a.id} data-testid="handler-item">
              <Table.Td
                miw={200}
                style={{ paddingLeft: `calc(var(--table-horizontal-spacing, 10px) + ${depth * 18}px)` }}
              >
                <Person a={a} />
              </Table.Td>
              <Table.Td>
                {/* A badge shrinks to "…" in a tight column; max-content keeps its whole word. */}
                <Box w="max-content">
                  <RoleBadge role={a.role} />
                </Box>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Due a={a} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <State a={a} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Bar a={a} />
              </Table.Td>
              <Table.Td miw={140} maw={260}>
                <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {a.result ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
