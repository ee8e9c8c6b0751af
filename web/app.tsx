import { type QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { meQuery } from './api/auth';
import { LoginPage } from './features/login/login-page';
import { SessionCheck } from './features/login/session-check';
import { WallScreen } from './features/wall-screen/wall-screen';
import type { WallOptions } from './features/wall-screen/wall-options';
import { LangProvider } from './ui/lang';

/**
 * The log-in page until someone is signed in; then the wall screen. Nothing behind the log-in
 * page is mounted, so no map data is asked for before it. A caller already known keeps the
 * screen through a failed `me` refresh (a server blip).
 */
function SessionGate({ options }: { options: WallOptions }) {
  const me = useQuery(meQuery());
  if (me.data) return <WallScreen me={me.data} options={options} />;
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
