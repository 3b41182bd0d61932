/**
 * Pure state of the tabs workspace: which functions are open (in strip order) and which are
 * parked in the "Đang chờ" tray. Kept in sessionStorage so a reload restores the strip.
 */
export interface TabsState {
  open: string[];
  parked: string[];
}

/** No tab open, nothing parked. */
export const EMPTY_TABS: TabsState = { open: [], parked: [] };

function storageKey(userId: string): string {
  return `cloudoffice.tabs.${userId}`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads the saved tabs of this user in this browser tab, keeping only ids that still open. */
export function loadTabs(userId: string, isOpenable: (id: string) => boolean): TabsState {
  try {
    const raw = sessionStorage.getItem(storageKey(userId));
    if (!raw) return EMPTY_TABS;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return EMPTY_TABS;
    const { open, parked } = parsed as Record<string, unknown>;
    const keep = (ids: unknown) => (isStringArray(ids) ? [...new Set(ids)].filter(isOpenable) : []);
    const openIds = keep(open);
    return { open: openIds, parked: keep(parked).filter((id) => !openIds.includes(id)) };
  } catch {
    return EMPTY_TABS;
  }
}

/** Saves the tabs of this user for this browser tab. */
export function saveTabs(userId: string, state: TabsState): void {
  try {
    sessionStorage.setItem(storageKey(userId), JSON.stringify(state));
  } catch {
    // Storage full or disabled: the strip simply does not survive a reload.
  }
}

/** Forgets the saved tabs (on sign-out). */
export function clearTabs(userId: string): void {
  try {
    sessionStorage.removeItem(storageKey(userId));
  } catch {
    // Nothing to clear.
  }
}

/** Opens a tab (or brings it back from the tray); already open tabs keep their place. */
export function openTab(state: TabsState, id: string): TabsState {
  if (state.open.includes(id)) return state;
  return { open: [...state.open, id], parked: state.parked.filter((p) => p !== id) };
}

/** Closes a tab for good (its page unmounts and loses its state). */
export function closeTab(state: TabsState, id: string): TabsState {
  return { open: state.open.filter((o) => o !== id), parked: state.parked.filter((p) => p !== id) };
}

/** Moves an open tab to the tray; its page stays mounted (hidden) so its state survives. */
export function parkTab(state: TabsState, id: string): TabsState {
  if (!state.open.includes(id)) return state;
  return { open: state.open.filter((o) => o !== id), parked: [...state.parked.filter((p) => p !== id), id] };
}

/** The tab to show after closing `id`: its right neighbour, else its left one, else none. */
export function neighbourOf(state: TabsState, id: string): string | null {
  const index = state.open.indexOf(id);
  if (index < 0) return null;
  return state.open[index + 1] ?? state.open[index - 1] ?? null;
}
