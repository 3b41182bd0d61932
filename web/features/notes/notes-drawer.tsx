import { ActionIcon, Center, Drawer, Loader, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconNote } from '@tabler/icons-react';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/media';

const NotesBoard = lazy(() => import('./notes-board'));

/**
 * Top-bar button that opens the notes in a drawer on the right (full width on a phone), so
 * Tích kê điện tử is reachable from any function (Điều 3.7c).
 */
export function NotesButton() {
  const { t } = useTranslation('functions');
  const [opened, { open, close }] = useDisclosure(false);
  const isPhone = useIsPhone();
  const label = t('sticky-notes');
  return (
    <>
      <Tooltip label={label} withArrow>
        <ActionIcon variant="light" color="yellow" size={30} aria-label={label} onClick={open} data-testid="btn-notes">
          <IconNote size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size={isPhone ? '100%' : 'md'}
        title={label}
        data-testid="notes-drawer"
      >
        {opened && (
          <Suspense
            fallback={
              <Center py="lg">
                <Loader size="sm" />
              </Center>
            }
          >
            <NotesBoard narrow />
          </Suspense>
        )}
      </Drawer>
    </>
  );
}
