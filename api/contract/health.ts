import { z } from 'zod';

/** Layer counts reported by `/readyz`, in display order. */
export const COUNT_KEYS = [
  'grids',
  'members',
  'cameras',
  'servicePoints',
  'buildings',
  'roads',
  'incidents',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export const CountsSchema = z.object(
  Object.fromEntries(COUNT_KEYS.map((key) => [key, z.number().int().nonnegative()])) as Record<
    CountKey,
    z.ZodNumber
  >,
);
export type Counts = z.infer<typeof CountsSchema>;

/** `/readyz`: 200 `ready` with counts, or 503 `starting` (seeding, stopping) / `unavailable`. */
export const ReadinessSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    database: z.enum(['embedded', 'server']),
    counts: CountsSchema,
  }),
  z.object({ status: z.literal('starting') }),
  z.object({ status: z.literal('unavailable') }),
]);
export type Readiness = z.infer<typeof ReadinessSchema>;
