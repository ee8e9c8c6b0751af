import type { Principal } from '../domain/principal';

/** Hono context variables set by the middleware in api/http and read by routes. */
export interface AppEnv {
  Variables: {
    /** The authenticated caller, or null for an anonymous request. */
    principal: Principal | null;
    /** The client's address (the socket peer), for rate limits and the audit log. */
    clientIp: string;
  };
}
