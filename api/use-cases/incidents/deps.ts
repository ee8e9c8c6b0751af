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
}
