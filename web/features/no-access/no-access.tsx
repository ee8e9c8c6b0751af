import type { Me } from '../../server-state/auth';
import type { LabelPair } from '../../domain/label-pair';
import { ROLE_LABELS } from '../../domain/role-labels';
import { UserBadge } from '../user-badge/user-badge';
import './no-access.css';

/** Props of {@link NoAccess}. */
export interface NoAccessProps {
  me: Me;
  /** What the page was, e.g. 生活圈规划. */
  page: LabelPair;
  /** Where the caller can go instead, if anywhere. */
  home?: { href: string; label: LabelPair };
}

/**
 * 无权限: shown instead of a page the caller's role may not use, saying which role they have,
 * so they know whom to ask; they stay signed in and can sign out from here.
 */
export function NoAccess({ me, page, home }: NoAccessProps) {
  const role = ROLE_LABELS[me.role];
  return (
    <main className="no-access" data-testid="no-access">
      <UserBadge me={me} />
      <section className="no-access__card" role="alert">
        <h1 className="no-access__title">
          无权限 <span className="no-access__latin">No access</span>
        </h1>
        <p>
          您的角色（{role.zh}）无权使用“{page.zh}”。如需使用，请联系管理员。
        </p>
        <p className="no-access__latin">
          Your role ({role.en}) may not use {page.en}. Ask an administrator for access.
        </p>
        {home && (
          <a className="no-access__home" href={home.href}>
            {home.label.zh} <span className="no-access__latin">{home.label.en}</span>
          </a>
        )}
      </section>
    </main>
  );
}
