import { createTheme } from '@mantine/core';

const FONT_STACK = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** Calm public-sector theme: blue primary, Vietnamese-capable system fonts, soft radii. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Tooltip: { defaultProps: { openDelay: 300, events: { hover: true, focus: true, touch: false } } },
  },
});
