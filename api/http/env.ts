import type { Principal } from '../domain/principal';

/** Hono context variables set by the middleware in api/http and read by routes. */
export interface AppEnv {
  Variables: {
    /** The authenticated caller, or null for an anonymous request. */
    principal: Principal | null;
    /** The client's address (socket peer, or whom a trusted proxy names): limits, audit log. */
    clientIp: string;
    /** The origin absolute URLs start with and `Origin` is compared with (public-origin.ts). */
    publicOrigin: string;
  };
}
