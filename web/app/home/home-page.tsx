import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth';
import { formatDate, formatWeekday } from '../format';
import { functionIcon } from '../function-icons';
import { useIsOpenable } from '../functions';
import { useOpenFunction } from '../tabs/navigation';
import { BadgeSummary } from './badge-summary';
import classes from './home.module.css';

function FavouriteTiles({ ids }: { ids: string[] }) {
  const { t } = useTranslation('functions');
  const openFunction = useOpenFunction();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4, xl: 6 }} spacing={{ base: 'sm', sm: 'md' }}>
      {ids.map((id) => {
        const Icon = functionIcon(id);
        return (
          <UnstyledButton
            key={id}
            className={classes.tile}
            data-testid={`home-fav-${id}`}
            onClick={() => openFunction(id)}
          >
            <ThemeIcon size={52} radius="md" variant="light">
              <Icon size={28} stroke={1.6} aria-hidden />
            </ThemeIcon>
            <span className={classes.tileLabel}>{t(id)}</span>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}

function NoFavourites({ canChoose }: { canChoose: boolean }) {
  const { t } = useTranslation('home');
  const openFunction = useOpenFunction();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="home-no-favourites">
      <Stack align="center" ta="center" gap="sm">
        <ThemeIcon size={48} radius="xl" variant="light" color="yellow">
          <IconStar size={26} aria-hidden />
        </ThemeIcon>
        <Text c="dimmed" maw={520}>
          {t('noFavourites')}
        </Text>
        {canChoose && (
          <Button leftSection={<IconStar size={16} />} onClick={() => openFunction('favourites')}>
            {t('chooseFavourites')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** Home screen `/`: greeting, the user's favourite functions as tiles, and the counters. */
export function HomePage() {
  const { t, i18n } = useTranslation('home');
  const me = useMe();
  const isOpenable = useIsOpenable();
  const openFunction = useOpenFunction();
  const favourites = me.preferences.favourites.filter(isOpenable);
  const today = new Date();
  const canEdit = isOpenable('favourites');

  return (
    <Stack gap="lg" maw={1280} mx="auto" data-testid="home">
      <Paper radius="md" p={{ base: 'md', sm: 'lg' }} className={classes.greeting}>
        <Title order={2} fz={{ base: 20, sm: 26 }} data-testid="home-greeting">
          {t('greeting', { name: me.fullName })}
        </Title>
        <Text fz="sm" opacity={0.9}>
          {[me.jobTitle, me.unit.name].filter(Boolean).join(' · ')}
        </Text>
        <Text fz="sm" opacity={0.9} mt={4}>
          {t('today', { date: `${formatWeekday(today, i18n.language)}, ${formatDate(today)}` })}
        </Text>
      </Paper>

      <section aria-labelledby="home-favourites-title">
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <Title order={3} fz="lg" id="home-favourites-title">
            {t('favouritesTitle')}
          </Title>
          {favourites.length > 0 && canEdit && (
            <Button variant="subtle" size="compact-sm" onClick={() => openFunction('favourites')}>
              {t('editFavourites')}
            </Button>
          )}
        </Group>
        {favourites.length > 0 ? <FavouriteTiles ids={favourites} /> : <NoFavourites canChoose={canEdit} />}
      </section>

      <BadgeSummary />
    </Stack>
  );
}
