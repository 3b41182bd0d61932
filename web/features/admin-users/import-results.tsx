import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TImportResult, TImportRowError } from '../../../contracts/admin-users';
import { useIsPhone } from '../../app/media';

/** The problems of a refused file, by Excel line and column. */
export function ImportErrors({ rows }: { rows: TImportRowError[] }) {
  const { t } = useTranslation('adminUsers');
  const isPhone = useIsPhone();
  const message = (r: TImportRowError) =>
    t(`import.errors.${r.code}`, { value: r.value ?? '', defaultValue: r.message });
  return (
    <>
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle aria-hidden />}
        title={t('import.invalidTitle', { count: rows.length })}
      >
        {t('import.invalidHint')}
      </Alert>
      {isPhone ? (
        <Stack gap={6} data-testid="import-errors">
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer, never reordered; rows may repeat.
            <Paper key={i} withBorder radius="sm" p="xs" data-testid="import-error-row">
              <Text size="sm" fw={600}>
                {t('import.line')} {r.line} · {r.field}
              </Text>
              <Text size="sm">{message(r)}</Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={420} maxHeight={360}>
          <Table striped verticalSpacing={6} data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64}>{t('import.line')}</Table.Th>
                <Table.Th w={130}>{t('import.column')}</Table.Th>
                <Table.Th>{t('import.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer, never reordered; rows may repeat.
                <Table.Tr key={`${r.line}-${r.field}-${i}`} data-testid="import-error-row">
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>{r.field}</Table.Td>
                  <Table.Td>{message(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Opens a plain printable page listing the new accounts and their one-time passwords. */
function printAccounts(title: string, headers: string[], rows: string[][]): void {
  const win = window.open('', '_blank', 'width=900,height=700');
  if (!win) return;
  const th = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  win.document.write(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
    <style>body{font-family:'Times New Roman',serif;margin:24px}table{border-collapse:collapse;width:100%}
    th,td{border:1px solid #444;padding:6px 8px;text-align:left}td:last-child{font-family:monospace;font-size:15px}</style>
    </head><body><h2>${escapeHtml(title)}</h2><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></body></html>`);
  win.document.close();
  win.focus();
  win.print();
}

/** The accounts an import created, each with its one-time password shown this once. */
export function ImportCreated({ created }: { created: TImportResult['created'] }) {
  const { t } = useTranslation('adminUsers');
  const isPhone = useIsPhone();
  const headers = [t('columns.username'), t('columns.fullName'), t('columns.unit'), t('import.oneTimePassword')];
  const rows = created.map((c) => [c.username, c.fullName, c.unitCode, c.oneTimePassword]);
  return (
    <>
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={t('import.createdTitle', { count: created.length })}
      >
        {t('import.createdHint')}
      </Alert>
      {isPhone ? (
        <Stack gap={6} data-testid="import-created">
          {created.map((c) => (
            <Paper key={c.username} withBorder radius="sm" p="xs" data-testid="import-created-row">
              <Group justify="space-between" gap="xs">
                <Text size="sm" ff="monospace">
                  {c.username}
                </Text>
                <Text size="sm" ff="monospace" fw={700}>
                  {c.oneTimePassword}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {c.fullName} · {c.unitCode}
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={480} maxHeight={360}>
          <Table striped verticalSpacing={6} data-testid="import-created">
            <Table.Thead>
              <Table.Tr>
                {headers.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r[0]} data-testid="import-created-row">
                  {r.map((c, i) => (
                    <Table.Td key={headers[i]}>
                      <Text size="sm" ff={i === 3 || i === 0 ? 'monospace' : undefined}>
                        {c}
                      </Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="flex-end">
        <Button
          variant="light"
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => printAccounts(t('import.printTitle'), headers, rows)}
          data-testid="import-print"
        >
          {t('import.print')}
        </Button>
      </Group>
    </>
  );
}
