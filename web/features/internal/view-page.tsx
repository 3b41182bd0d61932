import { Alert, Tabs } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/errors';
import { PageHeader } from '../../components/page-header';
import { useDocParam } from '../links/use-doc-param';
import { internalListQuery } from './api';
import { InternalList } from './internal-list';
import { InternalDrawer } from './internal-view';

type Box = 'received' | 'created';

function BoxList({ box, pageSize, onOpen }: { box: Box; pageSize: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation(['internal', 'errors']);
  const [page, setPage] = useState(1);
  const list = useQuery(internalListQuery({ box, page, pageSize }));
  return (
    <>
      {list.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, list.error)}
        </Alert>
      )}
      <InternalList
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={onOpen}
        loading={list.isPending}
        emptyText={t(`view.empty.${box}`)}
        data-testid={`internal-list-${box}`}
      />
    </>
  );
}

/**
 * Xem văn bản nội bộ (Điều 3.1c): "Đã nhận" (sent to me; not yet opened in bold) and "Đã tạo".
 * A row opens the document in a drawer; `?doc=<id>` opens one from a link or a notification.
 */
export default function InternalViewPage() {
  const { t } = useTranslation(['internal', 'functions']);
  const me = useMe();
  const [tab, setTab] = useState<Box>('received');
  const [open, setOpen] = useState<string | null>(null);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  useDocParam('internal-view', setOpen);
  return (
    <div data-testid="page-internal-view">
      <PageHeader title={t('functions:internal-view')} description={t('view.description')} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Box)} keepMounted={false}>
        <Tabs.List mb="sm">
          {(['received', 'created'] as const).map((box) => (
            <Tabs.Tab key={box} value={box} data-testid={`internal-tab-${box}`}>
              {t(`view.tabs.${box}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(['received', 'created'] as const).map((box) => (
          <Tabs.Panel key={box} value={box}>
            <BoxList box={box} pageSize={pageSize} onOpen={setOpen} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <InternalDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
