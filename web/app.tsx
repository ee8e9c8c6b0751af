import { type QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { meQuery } from './api/auth';
import { LoginPage } from './features/login/login-page';
import { SessionCheck } from './features/login/session-check';
import { StatusPanel } from './features/status-panel/status-panel';
import { UserBadge } from './features/user-badge/user-badge';
import { MapView } from './map/map-view';

/**
 * The log-in page until someone is signed in; then the map fills the window and panels float
 * over it. Nothing behind the log-in page is mounted, so no map data is asked for before it.
 * A caller already known keeps the map through a failed `me` refresh (a server blip).
 */
function SessionGate() {
  const me = useQuery(meQuery());
  if (me.data) {
    return (
      <>
        <MapView />
        <StatusPanel />
        <UserBadge me={me.data} />
      </>
    );
  }
  if (me.isPending) return <SessionCheck />;
  return <LoginPage serverUnreachable={me.isError} />;
}

/** The whole page. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionGate />
    </QueryClientProvider>
  );
}
