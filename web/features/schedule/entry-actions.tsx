import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TScheduleEntry } from '../../../contracts/schedule';

/** Edit and delete buttons of one line. */
export function EntryActions(props: {
  entry: TScheduleEntry;
  onEdit: (e: TScheduleEntry) => void;
  onDelete: (e: TScheduleEntry) => void;
}) {
  const { t } = useTranslation('schedule');
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('actions.edit')}>
        <ActionIcon
          variant="subtle"
          aria-label={t('actions.edit')}
          onClick={() => props.onEdit(props.entry)}
          data-testid="entry-edit"
        >
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('actions.delete')}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('actions.delete')}
          onClick={() => props.onDelete(props.entry)}
          data-testid="entry-delete"
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
