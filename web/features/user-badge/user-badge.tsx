import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logoutMutation, type Me } from '../../server-state/auth';
import { ROLE_LABELS } from '../../domain/role-labels';
import { IMPORTS_PATH, mayAdminister } from '../../domain/app-route';
import './user-badge.css';

/**
 * Who is signed in (name and role) and a sign-out button, in the top-right corner.
 * Signing out clears the session cookie; the app then shows the log-in page.
 */
export function UserBadge({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const signOut = useMutation(logoutMutation(queryClient));
  const role = ROLE_LABELS[me.role];
  return (
    <aside className="user-badge" aria-label="当前用户 Signed in" data-testid="user-badge">
      <div className="user-badge__who">
        <span className="user-badge__name" title={me.name}>
          {me.name}
        </span>
        <span className="user-badge__role" data-testid="user-role">
          {role.zh} <span className="user-badge__role-latin">{role.en}</span>
        </span>
      </div>
      <button
        type="button"
        className="user-badge__sign-out"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        退出 <span className="user-badge__latin">Sign out</span>
      </button>
      {mayAdminister(me.permissions) && (
        <a className="user-badge__admin" href={IMPORTS_PATH}>
          数据导入 <span className="user-badge__latin">Data import</span>
        </a>
      )}
      {signOut.isError && (
        <p className="user-badge__error" role="alert">
          退出失败，请重试 · Sign-out failed, try again
        </p>
      )}
    </aside>
  );
}
