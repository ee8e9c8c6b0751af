import type { IncidentSettings } from '../../config';
import type { ScopedRunner } from '../../db/scoped';
import type { Clock } from '../../domain/clock';

/** What the incident use cases need: scoped database access, the clock and the settings. */
export interface IncidentDeps {
  scoped: ScopedRunner;
  clock: Clock;
  settings: IncidentSettings;
  /** Called after a commit that appended events, so the live stream looks at once. */
  onEvents?: () => void;
  /**
   * Waits until every commit made so far is on disk (`flushCommits` on the pool). Given, new
   * incidents commit without waiting for the disk while they hold the event-order lock, and wait
   * here before they are acknowledged; absent, they commit synchronously.
   */
  flushCommits?: () => Promise<void>;
}
