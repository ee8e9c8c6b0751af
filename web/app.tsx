import { type QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { type Me, meQuery } from './server-state/auth';
import { routeFor } from './domain/app-route';
import { LoginPage } from './features/login/login-page';
import { SessionCheck } from './features/login/session-check';
import { NoAccess } from './features/no-access/no-access';
import { WallScreen } from './features/wall-screen/wall-screen';
import type { WallOptions } from './features/wall-screen/wall-options';
import { LangProvider } from './ui/lang';
import { usePath } from './ui/use-path';

/** The planner's view is its own chunk: wall screens never load it. */
const PlanningView = lazy(() =>
  import('./features/planning/planning-view').then((m) => ({ default: m.PlanningView })),
);

/** The admins' import page is its own chunk too. */
const ImportsView = lazy(() =>
  import('./features/imports/imports-view').then((m) => ({ default: m.ImportsView })),
);

const DENIED_LABELS = {
  planning: { zh: '生活圈规划', en: 'life-circle planning' },
  imports: { zh: '数据导入', en: 'data import' },
};
const WALL_LABEL = { zh: '返回指挥大屏', en: 'Back to the wall screen' };

/** The page for a signed-in caller at the current path (see `routeFor`). */
function SignedIn({ me, options }: { me: Me; options: WallOptions }) {
  const { path, navigate } = usePath();
  const route = routeFor(path, me.permissions);
  const redirectTo = route.page === 'redirect' ? route.to : null;
  useEffect(() => {
    if (redirectTo) navigate(redirectTo, true);
  }, [redirectTo, navigate]);
  switch (route.page) {
    case 'planning':
      return (
        <Suspense fallback={<SessionCheck />}>
          <PlanningView me={me} />
        </Suspense>
      );
    case 'imports':
      return (
        <Suspense fallback={<SessionCheck />}>
          <ImportsView me={me} />
        </Suspense>
      );
    case 'no-access': {
      const home = me.permissions.includes('incidents:read')
        ? { href: '/', label: WALL_LABEL }
        : undefined;
      return <NoAccess me={me} page={DENIED_LABELS[route.denied]} home={home} />;
    }
    case 'redirect':
      return <SessionCheck />;
    case 'wall':
      return <WallScreen me={me} options={options} />;
  }
}

/**
 * The log-in page until someone is signed in; then the page of the path. Nothing behind the
 * log-in page is mounted, so no map data is asked for before it. A caller already known keeps
 * the screen through a failed `me` refresh (a server blip).
 */
function SessionGate({ options }: { options: WallOptions }) {
  const me = useQuery(meQuery());
  if (me.data) return <SignedIn me={me.data} options={options} />;
  if (me.isPending) return <SessionCheck />;
  return <LoginPage serverUnreachable={me.isError} />;
}

/** The whole page. */
export function App({ queryClient, options }: { queryClient: QueryClient; options: WallOptions }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider initial={options.lang}>
        <SessionGate options={options} />
      </LangProvider>
    </QueryClientProvider>
  );
}
