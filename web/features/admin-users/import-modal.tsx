import { Alert, Button, FileInput, Group, List, Modal, Stack } from '@mantine/core';
import { IconAlertCircle, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES, type TImportResult, type TImportRowError } from '../../../contracts/admin-users';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useIsPhone } from '../../app/media';
import { IMPORT_TEMPLATE_URL, fileToBase64, useImportUsers } from './api';
import { ImportCreated, ImportErrors } from './import-results';

/**
 * Nhập từ Excel: download the template, pick a filled file, upload it. A refused file lists its
 * problems by line (nothing imported); an accepted one lists the accounts and their passwords.
 */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  // The page remounts this modal (key) each time it opens, so every visit starts empty.
  const { t } = useTranslation(['adminUsers', 'common', 'errors']);
  const isPhone = useIsPhone();
  const upload = useImportUsers();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [rows, setRows] = useState<TImportRowError[] | null>(null);
  const [created, setCreated] = useState<TImportResult['created'] | null>(null);

  const restart = () => {
    setFile(null);
    setFileError(null);
    setRows(null);
    setCreated(null);
  };

  const fileProblem = (error: unknown): string => {
    if (error instanceof ApiError && error.fields.some((f) => f.path === 'file')) {
      const reason = String(error.details.reason ?? 'notXlsx');
      return t(`import.fileErrors.${reason}`, {
        columns: ((error.details.missingColumns as string[] | undefined) ?? []).join(', '),
        max: error.details.maxRows ?? '',
        defaultValue: errorMessage(t, error),
      });
    }
    return errorMessage(t, error);
  };

  const submit = async () => {
    setRows(null);
    setFileError(null);
    if (!file) return setFileError(t('import.fileRequired'));
    if (file.size > IMPORT_MAX_BYTES) return setFileError(t('import.fileTooLarge'));
    const contentBase64 = await fileToBase64(file);
    upload.mutate(
      { fileName: file.name, contentBase64 },
      {
        onSuccess: (result) => setCreated(result.created),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'IMPORT_INVALID') {
            setRows((error.details.rows as TImportRowError[] | undefined) ?? []);
          } else setFileError(fileProblem(error));
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('import.title')}
      size="xl"
      fullScreen={isPhone}
      closeOnClickOutside={!created}
      data-testid="import-modal"
    >
      {created ? (
        <Stack gap="md">
          <ImportCreated created={created} />
          <Group justify="flex-end">
            <Button variant="default" onClick={restart}>
              {t('import.again')}
            </Button>
            <Button onClick={onClose} data-testid="import-close">
              {t('common:actions.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <List type="ordered" size="sm" spacing={6}>
            <List.Item>{t('import.step1')}</List.Item>
            <List.Item>{t('import.step2')}</List.Item>
          </List>
          <div>
            <Button
              component="a"
              href={IMPORT_TEMPLATE_URL}
              download
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="import-template"
            >
              {t('import.template')}
            </Button>
          </div>
          <FileInput
            label={t('import.file')}
            placeholder={t('import.filePlaceholder')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            value={file}
            onChange={(f) => {
              setFile(f);
              setRows(null);
              setFileError(null);
            }}
            clearable
            error={fileError}
            data-testid="import-file"
          />
          {upload.isError && !rows && !fileError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(t, upload.error)}
            </Alert>
          )}
          {rows && <ImportErrors rows={rows} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              leftSection={<IconUpload size={16} aria-hidden />}
              onClick={() => void submit()}
              loading={upload.isPending}
              data-testid="import-submit"
            >
              {t('import.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
