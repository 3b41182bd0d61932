import { Alert, Badge } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth';
import { errorMessage } from '../../../app/errors';
import { PageHeader } from '../../../components/page-header';
import { boxCountsQuery, boxQuery } from '../api';
import { IncomingList } from '../components/incoming-list';
import { DocumentDrawer } from '../detail/document-view';

/**
 * Phê duyệt văn bản đến (Điều 3.1a, 4.2): the documents waiting for this leader's direction,
 * urgent ones first (the server's order). A row opens the document; once directed (or passed to
 * another leader) the drawer closes and the row leaves the list.
 */
export default function ApprovePage() {
  const { t } = useTranslation(['incomingDetail', 'functions', 'errors']);
  const me = useMe();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const pageSize = Math.min(100, Math.max(5, me.preferences.pageSize || 20));
  const list = useQuery(boxQuery('direct', page, pageSize));
  const counts = useQuery(boxCountsQuery);
  const total = list.data?.total ?? counts.data?.direct ?? 0;
  const rows = list.data?.items ?? [];
  const emptiedPage = Boolean(list.data && rows.length === 0 && page > 1 && !list.isFetching);
  // The last page may empty out as documents are directed: step back to one that has rows.
  useEffect(() => {
    if (emptiedPage) setPage(Math.max(1, Math.ceil(total / pageSize)));
  }, [emptiedPage, total, pageSize]);

  return (
    <div data-testid="page-incoming-approve">
      <PageHeader
        title={
          <>
            {t('functions:incoming-approve')}{' '}
            {list.data && (
              <Badge
                size="lg"
                color={total > 0 ? 'red' : 'gray'}
                variant={total > 0 ? 'filled' : 'light'}
                style={{ verticalAlign: 'middle' }}
                data-testid="approve-count"
              >
                {t('approve.count', { count: total })}
              </Badge>
            )}
          </>
        }
        description={t('approve.description')}
      />
      {list.isError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />} mb="md">
          {errorMessage(t, list.error)}
        </Alert>
      )}
      <IncomingList
        rows={rows}
        total={total}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onOpen={setOpen}
        loading={list.isPending}
        emptyText={t('approve.empty')}
        // Every row waits for this leader's direction: status and role would only repeat it.
        columns={['arrivalNumber', 'arrivalAt', 'issuingOrgan', 'code', 'issuedDate', 'subject', 'dueDate']}
        data-testid="approve-list"
      />
      <DocumentDrawer
        id={open}
        onClose={() => setOpen(null)}
        onActionDone={(name) => {
          if (name === 'direct' || name === 'forward-leader') setOpen(null);
        }}
      />
    </div>
  );
}
