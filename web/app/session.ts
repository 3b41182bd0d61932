/** Why the sign-in page is shown: the session expired here, or was ended elsewhere. */
export type LoginReason = 'expired' | 'ended';

type GoToLogin = (reason?: LoginReason) => void;

let goToLoginImpl: GoToLogin = () => {
  window.location.assign('/login');
};

/** Installed by the router: drops cached data and navigates to /login. */
export function registerGoToLogin(impl: GoToLogin): void {
  goToLoginImpl = impl;
}

/** Leaves the signed-in area (sign-out, expired or ended session) for the sign-in page. */
export function goToLogin(reason?: LoginReason): void {
  goToLoginImpl(reason);
}
