import { useContext } from 'react';
import { forgetActingFor } from './acting-for';
import { logoutRequest, MeContext } from './auth';
import { goToLogin } from './session';
import { clearTabs } from './tabs/tabs-state';

/** "Thoát": ends the session on the server, forgets this user's tabs and shows the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const me = useContext(MeContext);
  return async () => {
    await logoutRequest();
    forgetActingFor();
    if (me) clearTabs(me.id);
    goToLogin();
  };
}
