import type { UserRole } from '../contract/codes';

/** The authenticated caller of a request: a user (by password) or an API key. */
export interface Principal {
  kind: 'user' | 'api_key';
  id: number;
  name: string;
  role: UserRole;
  /** Admin-area codes the caller may see and change. */
  scopes: string[];
  /** The grid member (`grid_members.id`) the caller works as, if any. */
  memberId?: string | null;
  /** Set when the request was authorised by a session cookie (Origin checks apply to writes). */
  sessionHash?: string;
  sessionExpiresAt?: string;
  /** When the key or session behind this caller expires (the earlier of the two); null: never. */
  expiresAt?: string | null;
}

/** How the audit log names an actor. */
export function actorName(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? `user:${principal.name}` : `key:${principal.name}`;
}
