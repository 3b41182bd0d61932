import { Paper, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BADGE_META, useBadgeKeys, useBadges } from '../badges';
import classes from './home.module.css';

/** Compact summary of the top-bar counters on the home screen. */
export function BadgeSummary() {
  const { t } = useTranslation(['home', 'shell']);
  const badges = useBadges();
  const keys = useBadgeKeys();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} fz="md" mb="sm">
        {t('home:badgesTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: keys.length > 5 ? 3 : 5 }} spacing="xs" verticalSpacing="xs">
        {keys.map((key) => {
          const { icon: Icon } = BADGE_META[key];
          const count = badges?.[key] ?? 0;
          return (
            <div key={key} className={classes.counter} data-testid={`home-badge-${key}`}>
              <ThemeIcon variant="light" color={count > 0 ? 'blue' : 'gray'} size="lg" radius="md">
                <Icon size={18} aria-hidden />
              </ThemeIcon>
              <Text size="sm" style={{ flex: 1, minWidth: 0 }} lh={1.25}>
                {t(`shell:badges.${key}`)}
              </Text>
              <Text fw={700} fz="lg" c={count > 0 ? 'blue.8' : 'dimmed'}>
                {count}
              </Text>
            </div>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
