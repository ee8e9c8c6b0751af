import { lazy, Suspense } from 'react';
import type { IncidentPoint } from '../../domain/wall-data';
import { IncidentFeed } from '../incident-feed/incident-feed';
import { useClock } from '../../ui/use-clock';
import type { Selection } from './wall-selection';

/** The detail drawer is split off the first load: it is opened, not shown at start. */
const IncidentDetailDrawer = lazy(() =>
  import('../incident-detail/incident-detail').then((m) => ({ default: m.IncidentDetailDrawer })),
);

/**
 * The right column: the live incident feed, or an incident's detail over it. Owns the
 * one-second clock of the SLA countdowns, so the rest of the screen does not re-render with it.
 */
export function WallFeedColumn(props: {
  selection: Selection;
  incidents: IncidentPoint[];
  places: ReadonlyMap<string, string>;
  fresh: ReadonlySet<string>;
  kiosk: boolean;
  onSelect: (code: string) => void;
  onClose: () => void;
  onNearbyCameras: (codes: string[]) => void;
  onFocusCamera: (code: string) => void;
}) {
  const now = useClock(1_000);
  const { selection } = props;
  return (
    <>
      <IncidentFeed
        incidents={props.incidents}
        now={now}
        places={props.places}
        fresh={props.fresh}
        selectedCode={selection?.kind === 'incident' ? selection.code : null}
        onSelect={props.onSelect}
      />
      {selection?.kind === 'incident' && (
        <Suspense fallback={null}>
          <IncidentDetailDrawer
            key={selection.code}
            code={selection.code}
            now={now}
            kiosk={props.kiosk}
            onClose={props.onClose}
            onNearbyCameras={props.onNearbyCameras}
            onFocusCamera={props.onFocusCamera}
          />
        </Suspense>
      )}
    </>
  );
}
