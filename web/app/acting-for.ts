/**
 * "Làm việc thay" (ủy quyền): the delegator this browser tab works for. Kept in
 * sessionStorage so that it lasts for this tab only; api.ts sends it as X-On-Behalf-Of and
 * the server decides, on every request, whether the delegation still holds.
 */
export interface ActingFor {
  userId: string;
  fullName: string;
  /** Last day of the delegation, YYYY-MM-DD. */
  endsOn: string;
}

const KEY = 'cloudoffice.actingFor';
const ENDED_KEY = 'cloudoffice.actingForEnded';

/** The delegator chosen in this tab, or null. */
export function getActingFor(): ActingFor | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<ActingFor>;
    return typeof value.userId === 'string' && typeof value.fullName === 'string'
      ? { userId: value.userId, fullName: value.fullName, endsOn: String(value.endsOn ?? '') }
      : null;
  } catch {
    return null;
  }
}

/**
 * A URL of a read that the browser makes itself (a link, a frame, an image, a WebSocket), which
 * cannot carry the X-On-Behalf-Of header: the delegator goes into the query instead, where the
 * server reads it for GET requests. `query` adds other parameters.
 */
export function withActingFor(url: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const actingFor = getActingFor();
  if (actingFor) params.set('onBehalfOf', actingFor.userId);
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

/** Forgets the delegator without reloading (sign-out). */
export function forgetActingFor(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored then.
  }
}

/**
 * Starts or stops working for a delegator. Everything on screen (menu, tabs, badges, data)
 * depends on whose rights apply, so the app restarts from the home screen.
 */
export function switchActingFor(next: ActingFor | null): void {
  try {
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without storage the choice cannot last; the reload shows the own rights.
  }
  window.location.assign('/');
}

/** The server refused the delegation (ended, revoked): back to the own rights, with a notice after the reload. */
export function dropInvalidActingFor(): void {
  try {
    sessionStorage.setItem(ENDED_KEY, '1');
  } catch {
    // The notice is a courtesy only.
  }
  switchActingFor(null);
}

/** True once after a delegation was dropped because the server refused it. */
export function takeActingForEnded(): boolean {
  try {
    const ended = sessionStorage.getItem(ENDED_KEY) === '1';
    sessionStorage.removeItem(ENDED_KEY);
    return ended;
  } catch {
    return false;
  }
}
