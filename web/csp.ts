import { config } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it can, and probes whether it can by
 * calling it; under the server's Content-Security-Policy (no 'unsafe-eval') that probe is
 * reported as a violation even though zod catches it. Parse without code generation instead.
 * Object schemas read this setting when they are created, so main.tsx imports this first.
 */
config({ jitless: true });
