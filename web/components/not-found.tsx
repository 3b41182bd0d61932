import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** "Không tìm thấy chức năng": unknown paths and functions that are unknown, not ready or not allowed. */
export function NotFound() {
  const { t } = useTranslation('common');
  return (
    <Center py={64} px="md" data-testid="not-found">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <ThemeIcon size={64} radius="xl" variant="light" color="gray">
          <IconMoodEmpty size={36} aria-hidden />
        </ThemeIcon>
        <Title order={2} fz={22}>
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('actions.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}
