import type pg from 'pg';
import type { Principal } from '../domain/principal';
import { scopePatterns } from '../domain/scopes';

/**
 * The head of the event log: the highest committed sequence number, whatever its scope. Every
 * change to incidents appends events in the same transaction (the log is the outbox), and
 * events commit in sequence order, so figures computed after the head was H reflect every
 * change up to H. Read as the owner (one primary-key probe): the number says nothing about
 * any scope's rows and never reaches a caller.
 */
export function eventHead(pool: pg.Pool): () => Promise<number> {
  return async () => {
    const result = await pool.query<{ seq: number | null }>(
      'SELECT max(seq) AS seq FROM incident_events',
    );
    return result.rows[0]?.seq ?? 0;
  };
}

/** Reads the event head; injected so tests and other instances share the database's view. */
export type EventHead = () => Promise<number>;

export interface FiguresCacheOptions {
  head: EventHead;
  /** Most entries kept; the oldest is dropped first. */
  entries: number;
}

/**
 * Figures cached per caller scope and question, valid while the event log has not grown. The
 * statistics overview is asked for by every wall screen as events arrive: one computation per
 * scope and change serves them all, and concurrent askers share the one in flight. Keys start
 * with the caller's scope patterns (what row-level security applies), so one scope's figures
 * are never served to another.
 */
export interface FiguresCache {
  get<T>(principal: Principal, question: string, compute: () => Promise<T>): Promise<T>;
}

interface Entry {
  head: number;
  value: Promise<unknown>;
}

export function createFiguresCache(options: FiguresCacheOptions): FiguresCache {
  const entries = new Map<string, Entry>();
  return {
    async get<T>(principal: Principal, question: string, compute: () => Promise<T>) {
      const key = `${scopePatterns(principal.scopes).join(',')}|${question}`;
      const head = await options.head();
      const found = entries.get(key);
      if (found && found.head >= head) return found.value as Promise<T>;
      const value = compute();
      const entry = { head, value };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > options.entries) entries.delete(entries.keys().next().value!);
      // A failure is answered once, never kept.
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
  };
}
