import { z } from 'zod';

/**
 * The incident workflow on the wire: the body of `POST /api/v1/incidents/{code}/transitions`,
 * the event types the workflow writes to `incident_events`, and the SLA clock names. The pure
 * state machine in `api/domain/incidents` takes its action type from here, so the route, the
 * OpenAPI document, the web app and the simulator share one declaration.
 */

/** Every action of the closed loop, in the order a normal case meets them. */
export const INCIDENT_ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'start',
  'resolve',
  'verify',
  'reopen',
  'close',
  'escalate',
  'merge',
  'rate',
] as const;
export type IncidentActionName = (typeof INCIDENT_ACTIONS)[number];

/**
 * The service-level clocks of an incident: accept (受理), be on site (到场, urgent calls only)
 * and resolve (办结).
 */
export const SLA_CLOCKS = ['accept', 'on_site', 'resolve'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/** How a clock stands: in time, close to its deadline, or past it. */
export const SLA_STATES = ['on_time', 'due_soon', 'overdue'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/**
 * Types of the events the workflow appends to `incident_events`: one per action (named like
 * it), `report` when an incident is created, `absorb` on the target of a merge, and one
 * `<clock>_overdue` per missed deadline. `escalate` is written both for manual escalations and
 * for automatic ones (actor `system`).
 */
export const INCIDENT_WORKFLOW_EVENT_TYPES = [
  'report',
  ...INCIDENT_ACTIONS,
  'absorb',
  'accept_overdue',
  'on_site_overdue',
  'resolve_overdue',
] as const;
export type IncidentWorkflowEventType = (typeof INCIDENT_WORKFLOW_EVENT_TYPES)[number];

/** An incident code as the database stores it: two letters and fourteen digits. */
export const IncidentCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}[0-9]{14}$/, 'must be an incident code such as YP20250301000042');

const note = z.string().trim().max(2000).optional().meta({
  description: '备注 Free text written to the event log',
});
const reason = z.string().trim().min(1, 'a reason is required').max(2000);

const simple = <A extends IncidentActionName>(action: A) =>
  z.object({ action: z.literal(action), note }).strict();

/**
 * Body of `POST /api/v1/incidents/{code}/transitions`. `reject` and `reopen` need a `reason`;
 * `dispatch` takes an optional `assigneeId` (without one the route dispatches to the member
 * responsible for the incident's grid); `merge` names the incident it folds into; `rate`
 * carries the resident's satisfaction, 1–5.
 */
export const IncidentActionSchema = z.discriminatedUnion('action', [
  simple('accept'),
  z.object({ action: z.literal('reject'), reason }).strict(),
  z
    .object({
      action: z.literal('dispatch'),
      assigneeId: z.string().trim().min(1).max(64).optional().meta({
        description: '网格员编号 Grid member id; default: the member responsible for the grid',
      }),
      note,
    })
    .strict(),
  simple('start'),
  simple('resolve'),
  simple('verify'),
  z.object({ action: z.literal('reopen'), reason }).strict(),
  simple('close'),
  simple('escalate'),
  z.object({ action: z.literal('merge'), into: IncidentCodeSchema, note }).strict(),
  z
    .object({
      action: z.literal('rate'),
      satisfaction: z.number().int().min(1).max(5).meta({ description: '满意度 1 (worst) – 5' }),
      note,
    })
    .strict(),
]);
export type IncidentAction = z.infer<typeof IncidentActionSchema>;
