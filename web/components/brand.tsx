import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCloud } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Logo mark plus product name; `withName={false}` shows the mark only (narrow headers). */
export function Brand({ withName = true, size = 'md' }: { withName?: boolean; size?: 'md' | 'lg' }) {
  const { t } = useTranslation('common');
  const mark = size === 'lg' ? 48 : 32;
  return (
    <Group gap="xs" wrap="nowrap" aria-label={withName ? undefined : t('appName')}>
      <ThemeIcon size={mark} radius="md" variant="gradient" gradient={{ from: 'blue.7', to: 'cyan.6', deg: 135 }}>
        <IconCloud size={mark * 0.62} stroke={2} aria-hidden />
      </ThemeIcon>
      {withName && (
        <Text fw={700} fz={size === 'lg' ? 24 : 18} c="blue.8" style={{ whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Text>
      )}
    </Group>
  );
}
