import type { TDelegationStatus, TProposalStatus } from '../../../contracts/account';

/** YYYY-MM-DD → dd/mm/yyyy (dates without time, shown the Vietnamese way). */
export function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** Colour of each proposal status badge. */
export const PROPOSAL_STATUS_COLOR: Record<TProposalStatus, string> = {
  pending: 'orange',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};

/** Colour of each delegation status badge. */
export const DELEGATION_STATUS_COLOR: Record<TDelegationStatus, string> = {
  upcoming: 'blue',
  active: 'teal',
  expired: 'gray',
  revoked: 'red',
};

/** The tabs of the page; `review` is the administrators' queue. */
export const ACCOUNT_TABS = ['profile', 'proposals', 'delegations', 'review'] as const;
export type TAccountTab = (typeof ACCOUNT_TABS)[number];

export function isAccountTab(value: unknown): value is TAccountTab {
  return typeof value === 'string' && (ACCOUNT_TABS as readonly string[]).includes(value);
}

/** "Thứ Ba, 25/11/2026" for a YYYY-MM-DD value (under native date inputs, whose display follows the browser). */
export function weekdayDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return '';
  const weekday = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long' }).format(
    new Date(y, m - 1, d),
  );
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${dmy(iso)}`;
}
