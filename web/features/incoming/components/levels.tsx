import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAssignmentRole, TIncomingRow } from '../../../../contracts/incoming';

const URGENCY_COLORS = ['gray', 'orange', 'red', 'red'] as const;

/** The urgency level (Khẩn, Thượng khẩn, Hỏa tốc) as a coloured badge; nothing for normal documents. */
export function UrgencyBadge({ urgency }: { urgency: TIncomingRow['urgency'] }) {
  if (!urgency || urgency.rank <= 0) return null;
  return (
    <Badge
      color={URGENCY_COLORS[Math.min(urgency.rank, 3)]}
      variant={urgency.rank >= 3 ? 'filled' : 'light'}
      size="sm"
      miw="max-content"
    >
      {urgency.name}
    </Badge>
  );
}

/** The confidentiality level (Mật, Tối mật, Tuyệt mật); nothing for normal documents. */
export function ConfidentialityBadge({ confidentiality }: { confidentiality: TIncomingRow['confidentiality'] }) {
  if (!confidentiality || confidentiality.rank <= 0) return null;
  return (
    <Badge color="grape" variant="outline" size="sm" miw="max-content">
      {confidentiality.name}
    </Badge>
  );
}

/** Both levels side by side, for list rows and the detail header. */
export function LevelBadges({ row }: { row: Pick<TIncomingRow, 'urgency' | 'confidentiality'> }) {
  if (!row.urgency?.rank && !row.confidentiality?.rank) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <UrgencyBadge urgency={row.urgency} />
      <ConfidentialityBadge confidentiality={row.confidentiality} />
    </Group>
  );
}

const STATUS_COLORS: Record<TIncomingRow['status'], string> = {
  new: 'gray',
  presented: 'yellow',
  in_progress: 'blue',
  done: 'green',
  returned: 'dark',
  cancelled: 'dark',
};

/** The document's status in words (overdue shown in red). */
export function StatusBadge({ row }: { row: Pick<TIncomingRow, 'status' | 'overdue'> }) {
  const { t } = useTranslation('incoming');
  if (row.overdue)
    return (
      <Badge color="red" variant="light" size="sm" miw="max-content">
        {t('status.overdue')}
      </Badge>
    );
  return (
    <Badge color={STATUS_COLORS[row.status]} variant="light" size="sm" miw="max-content">
      {t(`status.${row.status}`)}
    </Badge>
  );
}

/** A person's role on a document (chủ trì, phối hợp, để biết, chỉ đạo). */
export function RoleBadge({ role }: { role: TAssignmentRole }) {
  const { t } = useTranslation('incoming');
  const color = role === 'lead' ? 'blue' : role === 'co' ? 'cyan' : role === 'director' ? 'yellow' : 'gray';
  return (
    <Badge color={color} variant="light" size="sm" miw="max-content">
      {t(`role.${role}`)}
    </Badge>
  );
}
