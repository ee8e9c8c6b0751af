import type { Queryable } from './queryable';

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the audit log (append-only: a trigger refuses UPDATE and DELETE). */
export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (at, actor, action, target, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      entry.at.toISOString(),
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
    ],
  );
}
