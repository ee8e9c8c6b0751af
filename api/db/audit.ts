import type { Orm } from './database';
import { auditLog } from './schema';

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the audit log (append-only: a trigger refuses UPDATE and DELETE). */
export async function appendAudit(orm: Orm, entry: AuditEntry): Promise<void> {
  await orm.insert(auditLog).values({
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    detail: entry.detail ?? {},
    ip: entry.ip ?? null,
  });
}
