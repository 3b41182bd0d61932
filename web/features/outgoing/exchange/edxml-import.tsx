import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ON_BEHALF_HEADER } from '../../../../contracts/account';
import type { TErrorBody } from '../../../../contracts/errors';
import type { TEdxmlImport } from '../../../../contracts/outgoing';
import { getActingFor } from '../../../app/acting-for';
import { ApiError } from '../../../app/api';
import { errorMessage } from '../../../app/errors';

/** Sends an edXML package to POST /api/exchange/edxml and answers what it says. */
async function readPackage(file: File): Promise<TEdxmlImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const actingFor = getActingFor();
  if (actingFor) headers[ON_BEHALF_HEADER] = actingFor.userId;
  const res = await fetch('/api/exchange/edxml', { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body as Partial<TErrorBody> | null)?.error ?? {});
  return body as TEdxmlImport;
}

/**
 * "Nhập từ gói edXML": the clerk picks a package an outside organ sent (QCVN 102:2016); the
 * entry form is filled from it and its attachments are added as uploads.
 */
export function EdxmlImportButton({ onRead, disabled }: { onRead: (pkg: TEdxmlImport) => void; disabled?: boolean }) {
  const { t } = useTranslation(['outgoing', 'errors']);
  const [busy, setBusy] = useState(false);
  return (
    <FileButton
      accept=".xml,.edxml,application/xml,text/xml"
      onChange={async (file) => {
        if (!file) return;
        setBusy(true);
        try {
          const pkg = await readPackage(file);
          onRead(pkg);
          notifications.show({ color: 'teal', message: t('edxml.read', { count: pkg.files.length }) });
        } catch (error) {
          const notEdxml = error instanceof ApiError && error.status === 400;
          notifications.show({ color: 'red', message: notEdxml ? t('edxml.notEdxml') : errorMessage(t, error) });
        } finally {
          setBusy(false);
        }
      }}
    >
      {(props) => (
        <Button
          {...props}
          variant="light"
          size="xs"
          leftSection={<IconFileImport size={16} aria-hidden />}
          loading={busy}
          disabled={disabled}
          data-testid="edxml-import"
        >
          {t('edxml.import')}
        </Button>
      )}
    </FileButton>
  );
}
