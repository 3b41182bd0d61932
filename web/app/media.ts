import { useMediaQuery } from '@mantine/hooks';

/** Phone width (below Mantine's `sm`, 48em): compact header, cards instead of tables. */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
}

/** Wide enough (Mantine's `md`, 62em, and up) for labelled buttons in the header. */
export function useIsWide(): boolean {
  return useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
}
