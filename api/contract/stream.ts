import { z } from 'zod';

/**
 * The live stream (`GET /api/v1/stream`): Server-Sent Events whose `id` is the event-log
 * sequence number. `alerts` is not a table topic but a view: events flagged as needing an
 * operator now (missed deadlines, automatic escalations, urgent reports, repeated alarms).
 */
export const STREAM_TOPICS = ['incidents', 'members', 'cameras', 'alerts'] as const;
export type StreamTopic = (typeof STREAM_TOPICS)[number];

/** The `data` of one SSE message. */
export const StreamEventSchema = z.object({
  seq: z.number().int(),
  /** The row's own topic (`incidents`, `members`, `cameras`). */
  topic: z.enum(['incidents', 'members', 'cameras']),
  type: z.string(),
  /** Incident code, member id or camera code. */
  subject: z.string(),
  streetCode: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actor: z.string(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
  alert: z.boolean(),
  payload: z.record(z.string(), z.unknown()),
});
export type StreamEvent = z.infer<typeof StreamEventSchema>;
