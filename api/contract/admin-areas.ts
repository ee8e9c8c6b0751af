import { z } from 'zod';
import { ADMIN_LEVELS, COMMUNITY_KINDS } from './codes';

/** Properties of an `admin-areas` feature as OGC API Features serves them. */
export const AdminAreaPropertiesSchema = z.object({
  code: z.string().regex(/^\d{12}$/),
  name: z.string(),
  level: z.enum(ADMIN_LEVELS),
  parent_code: z.string().nullable(),
  kind: z.enum(COMMUNITY_KINDS).nullable(),
});
export type AdminAreaProperties = z.infer<typeof AdminAreaPropertiesSchema>;
