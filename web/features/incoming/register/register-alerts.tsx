import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatArrivalNumber, type TDuplicate, type TIncomingCreated } from '../../../../contracts/incoming';
import { formatDate } from '../../../app/format';

/** "05/2026": an arrival number with its year. */
export function arrivalLabel(d: { arrivalNumber: number; year: number }): string {
  return `${formatArrivalNumber(d.arrivalNumber)}/${d.year}`;
}

function DuplicateItems({ items, onOpen }: { items: TDuplicate[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation('incomingRegister');
  return (
    <List size="sm" spacing={2} mt={4}>
      {items.map((d) => (
        <List.Item key={d.id}>
          <Anchor component="button" type="button" size="sm" onClick={() => onOpen(d.id)}>
            {t('register.duplicateItem', { number: arrivalLabel(d), date: formatDate(d.arrivalAt) })}
          </Anchor>{' '}
          <Text span size="sm">
            {d.subject}
          </Text>{' '}
          <Text span size="xs" c="dimmed">
            ({d.unitName})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** The warning while typing: documents with the same code and organ are already registered (not a block). */
export function DuplicatesWarning({ items, onOpen }: { items: TDuplicate[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation('incomingRegister');
  if (items.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('register.duplicatesTitle', { count: items.length })}
      role="status"
      data-testid="incoming-duplicates"
    >
      <Text size="sm">{t('register.duplicatesHint')}</Text>
      <DuplicateItems items={items} onOpen={onOpen} />
    </Alert>
  );
}

/** After saving: the number the register gave, a way to open the document, and any duplicates. */
export function SavedPanel({
  saved,
  onOpen,
  onClose,
}: {
  saved: TIncomingCreated;
  onOpen: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('incomingRegister');
  const doc = saved.document;
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={t('register.savedTitle', { number: arrivalLabel(doc) })}
      withCloseButton
      closeButtonLabel={t('register.savedClose')}
      onClose={onClose}
      data-testid="incoming-saved"
    >
      <Text size="sm" lineClamp={2}>
        {doc.registerName} · {doc.subject}
      </Text>
      {saved.duplicates.length > 0 && (
        <Text size="sm" c="yellow.9" mt={6} fw={500}>
          {t('register.savedDuplicates', { count: saved.duplicates.length })}
        </Text>
      )}
      {saved.duplicates.length > 0 && <DuplicateItems items={saved.duplicates} onOpen={onOpen} />}
      <Group gap="xs" mt="xs">
        <Button
          size="xs"
          variant="white"
          color="green"
          leftSection={<IconEye size={14} aria-hidden />}
          onClick={() => onOpen(doc.id)}
          data-testid="incoming-saved-view"
        >
          {t('register.view')}
        </Button>
      </Group>
    </Alert>
  );
}
