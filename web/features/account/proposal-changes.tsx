import { Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TProposalChange } from '../../../contracts/account';

/**
 * The fields a proposal changes, each as "current → proposed" side by side. Once decided, the
 * current value is today's (after approval it equals the proposal), so only the proposal shows.
 */
export function ProposalChanges({ changes, withCurrent }: { changes: TProposalChange[]; withCurrent: boolean }) {
  const { t } = useTranslation('account');
  return (
    <Stack gap={6}>
      {changes.map((c) => (
        <div key={c.field} data-testid={`change-${c.field}`}>
          <Text size="xs" c="dimmed" fw={600}>
            {t(`fields.${c.field}`)}
          </Text>
          <Group gap={6} wrap="wrap" align="center">
            {withCurrent && (
              <>
                <Text size="sm" c="dimmed" td={c.current ? 'line-through' : undefined} data-testid="change-current">
                  {c.current || t('profile.none')}
                </Text>
                <IconArrowRight size={14} aria-label={t('proposals.becomes')} />
              </>
            )}
            <Text size="sm" fw={600} c="blue.8" data-testid="change-proposed">
              {c.proposed || t('profile.none')}
            </Text>
          </Group>
        </div>
      ))}
    </Stack>
  );
}
