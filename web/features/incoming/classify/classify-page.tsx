import { ActionIcon, Alert, Button, Group, Menu, Paper, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconArrowBackUp, IconDots, IconPresentation, IconSend, IconTrash } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatArrivalNumber, type TIncomingRow } from '../../../../contracts/incoming';
import { errorMessage } from '../../../app/errors';
import { useIsPhone } from '../../../app/media';
import { PageHeader } from '../../../components/page-header';
import { boxQuery, detailQuery } from '../api';
import { IncomingList } from '../components/incoming-list';
import { DocumentDrawer } from '../detail/document-view';
import { type ClassifyAction, ClassifyActionModal } from './action-modal';

const PAGE_SIZE = 20;
const ACTIONS: ClassifyAction[] = ['present', 'forward', 'return', 'cancel'];
const ICONS = { present: IconPresentation, forward: IconSend, return: IconArrowBackUp, cancel: IconTrash };

/**
 * Function "Phân loại, chuyển tiếp" (Điều 3.1a; ND30 Điều 23): the clerk's box of newly
 * registered documents; present them to a leader, forward them to people or units, return a
 * wrongly addressed one, or cancel one registered by mistake. Several at once on a desktop.
 */
export default function ClassifyPage() {
  const { t } = useTranslation(['incomingRegister', 'functions', 'errors']);
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const box = useQuery(boxQuery('classify', page, PAGE_SIZE));
  const rows = box.data?.items ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ action: ClassifyAction; targets: TIncomingRow[]; key: number } | null>(null);

  // Selected rows still in the box (a row leaves it once classified, also from another tab).
  const selectedRows = rows.filter((r) => selected.includes(r.id));
  // What the server allows on each selected document; a button is on only when all allow it.
  const details = useQueries({ queries: selectedRows.map((r) => detailQuery(r.id)) });
  const allowed = (action: ClassifyAction) =>
    selectedRows.length > 0 && details.every((d) => d.data?.abilities[action] === true);

  const open = (action: ClassifyAction, targets: TIncomingRow[]) => setDialog({ action, targets, key: Date.now() });

  const rowActions = (row: TIncomingRow) => <RowActions row={row} onAction={(a) => open(a, [row])} />;

  return (
    <div data-testid="page-incoming-classify">
      <PageHeader title={t('functions:incoming-classify')} description={t('classify.description')} />

      {!isPhone && (
        <Paper withBorder radius="md" px="sm" py={8} mb="sm" data-testid="classify-toolbar">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" c={selectedRows.length ? undefined : 'dimmed'} fw={selectedRows.length ? 600 : undefined}>
              {selectedRows.length ? t('classify.selected', { count: selectedRows.length }) : t('classify.selectHint')}
            </Text>
            <Group gap="xs">
              {ACTIONS.map((a) => {
                const Icon = ICONS[a];
                return (
                  <Button
                    key={a}
                    size="xs"
                    variant={a === 'present' ? 'filled' : a === 'cancel' ? 'subtle' : 'light'}
                    color={a === 'cancel' ? 'red' : a === 'return' ? 'orange' : undefined}
                    leftSection={<Icon size={14} aria-hidden />}
                    disabled={!allowed(a)}
                    onClick={() => open(a, selectedRows)}
                    data-testid={`action-${a}`}
                  >
                    {t(`classify.${a}.button`)}
                  </Button>
                );
              })}
            </Group>
          </Group>
        </Paper>
      )}

      {box.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="sm">
          {errorMessage(t, box.error)}
        </Alert>
      )}

      <IncomingList
        rows={rows}
        total={box.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        onOpen={setOpenId}
        loading={box.isPending || box.isPlaceholderData}
        emptyText={t('classify.empty')}
        selection={{ selected, onChange: setSelected }}
        rowActions={rowActions}
        data-testid="classify-list"
      />

      {dialog && (
        <ClassifyActionModal
          key={dialog.key}
          action={dialog.action}
          targets={dialog.targets}
          onClose={() => setDialog(null)}
          onDone={(ids) => setSelected((s) => s.filter((id) => !ids.includes(id)))}
        />
      )}
      <DocumentDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** The steps of one row: on a phone the two usual ones as buttons and the rest in a menu; on a desktop a menu. */
function RowActions({ row, onAction }: { row: TIncomingRow; onAction: (a: ClassifyAction) => void }) {
  const { t } = useTranslation('incomingRegister');
  const isPhone = useIsPhone();
  const number = formatArrivalNumber(row.arrivalNumber);
  const item = (a: ClassifyAction) => {
    const Icon = ICONS[a];
    return (
      <Menu.Item
        key={a}
        leftSection={<Icon size={16} aria-hidden />}
        color={a === 'cancel' ? 'red' : undefined}
        onClick={() => onAction(a)}
        data-testid={`row-action-${a}`}
      >
        {t(`classify.${a}.button`)}
      </Menu.Item>
    );
  };
  const menu = (items: ClassifyAction[]) => (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Tooltip label={t('classify.rowMenu', { number })}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('classify.rowMenu', { number })}
            data-testid={`row-actions-${row.arrivalNumber}`}
          >
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>{items.map(item)}</Menu.Dropdown>
    </Menu>
  );
  if (!isPhone) return menu(ACTIONS);
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconPresentation size={14} aria-hidden />}
        onClick={() => onAction('present')}
        data-testid={`row-present-${row.arrivalNumber}`}
      >
        {t('classify.present.button')}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconSend size={14} aria-hidden />}
        onClick={() => onAction('forward')}
        data-testid={`row-forward-${row.arrivalNumber}`}
      >
        {t('classify.forward.button')}
      </Button>
      {menu(['return', 'cancel'])}
    </>
  );
}
