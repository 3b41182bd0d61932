import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Title and one-line description at the top of a function page. */
export function PageHeader({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <Stack gap={4} mb="md">
      <Title order={2} fz={{ base: 20, sm: 24 }}>
        {title}
      </Title>
      {description && (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      )}
    </Stack>
  );
}
