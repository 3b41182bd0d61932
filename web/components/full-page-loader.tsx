import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Centered spinner while the session or a lazy page loads. */
export function FullPageLoader({ height = '100vh' }: { height?: string | number }) {
  const { t } = useTranslation('common');
  return (
    <Center h={height} role="status" aria-label={t('loading')}>
      <Loader />
    </Center>
  );
}
