import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { CrashNotice } from '../components/error-boundary';
import { FullPageLoader } from '../components/full-page-loader';
import { NotFound } from '../components/not-found';
import { ForcedPasswordPage } from '../features/auth/forced-password-page';
import { LoginPage } from '../features/auth/login-page';
import { ResidentPage } from '../features/resident/resident-page';
import { configureApi } from './api';
import { meQueryOptions, useMe } from './auth';
import { isOpenable } from './functions';
import { HomePage } from './home/home-page';
import { queryClient } from './query-client';
import { goToLogin, type LoginReason, registerGoToLogin } from './session';
import { AppLayout } from './shell/app-layout';

/** Search params of /login. */
export interface LoginSearch {
  reason?: LoginReason;
  redirect?: string;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

async function currentUser(client: QueryClient) {
  try {
    return await client.fetchQuery(meQueryOptions);
  } catch {
    return null;
  }
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    reason: search.reason === 'expired' || search.reason === 'ended' ? search.reason : undefined,
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
  }),
  beforeLoad: async ({ context }) => {
    const me = await currentUser(context.queryClient);
    if (me) throw redirect({ to: me.mustChangePassword ? '/change-password-required' : '/' });
  },
  component: LoginPage,
});

const forcedPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/change-password-required',
  beforeLoad: async ({ context }) => {
    const me = await currentUser(context.queryClient);
    if (!me) throw redirect({ to: '/login' });
    if (!me.mustChangePassword) throw redirect({ to: '/' });
  },
  component: ForcedPasswordPage,
});

/** Pathless layout of every signed-in page: requires a session and a changed first password. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const hadUser = Boolean(context.queryClient.getQueryData(meQueryOptions.queryKey));
    const me = await currentUser(context.queryClient);
    if (!me) {
      const target = location.href === '/' ? undefined : location.href;
      throw redirect({ to: '/login', search: { reason: hadUser ? 'expired' : undefined, redirect: target } });
    }
    if (me.mustChangePassword) throw redirect({ to: '/change-password-required' });
  },
  component: AppLayout,
});

/** Cửa sổ thường trực (Điều 3.7c): a compact page without the shell, for a small window. */
const residentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/resident',
  beforeLoad: async ({ context, location }) => {
    const me = await currentUser(context.queryClient);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    if (me.mustChangePassword) throw redirect({ to: '/change-password-required' });
  },
  component: ResidentPage,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

/** The workspace renders open functions itself; this route only answers 404 for ids that cannot open. */
function FunctionRouteView() {
  const { functionId } = functionRoute.useParams();
  const me = useMe();
  return isOpenable(functionId, me.permissions) ? null : <NotFound />;
}

const functionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/app/$functionId',
  component: FunctionRouteView,
});

const catchAllRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NotFound });

const routeTree = rootRoute.addChildren([
  loginRoute,
  forcedPasswordRoute,
  residentRoute,
  appRoute.addChildren([homeRoute, functionRoute, catchAllRoute]),
]);

/** The app's router (code-based routes). */
export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPendingComponent: () => <FullPageLoader />,
  defaultPendingMs: 300,
  defaultErrorComponent: () => <CrashNotice />,
  scrollRestoration: false,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

/** True while a navigation to /login is under way, so late 401s do not start another one. */
let leaving = false;

registerGoToLogin((reason) => {
  const { pathname, href } = router.state.location;
  if (leaving || pathname === '/login') return;
  leaving = true;
  const redirectTo = reason === 'expired' && href !== '/' ? href : undefined;
  void queryClient.cancelQueries();
  queryClient.clear();
  void router.navigate({ to: '/login', search: { reason, redirect: redirectTo } }).finally(() => {
    leaving = false;
  });
});

configureApi({
  onUnauthenticated: () => goToLogin('expired'),
  onPasswordChangeRequired: () => {
    if (router.state.location.pathname === '/change-password-required') return;
    void queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
    void router.navigate({ to: '/change-password-required' });
  },
});
