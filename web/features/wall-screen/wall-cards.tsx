import { lazy, Suspense } from 'react';
import { computeGridMeasure } from '../../domain/grid-measures';
import { membersOfGrid } from '../../domain/wall-data';
import type { WallData } from './use-wall-data';
import type { Selection } from './wall-selection';

/** Cards are split off the first load; the camera card brings its video player. */
const CameraCard = lazy(() =>
  import('../camera-card/camera-card').then((m) => ({ default: m.CameraCard })),
);
const GridCard = lazy(() =>
  import('../grid-card/grid-card').then((m) => ({ default: m.GridCard })),
);

/** The card of the selected grid or camera, floating over the map's top-left corner. */
export function WallCards({
  selection,
  data,
  onClose,
}: {
  selection: Selection;
  data: WallData;
  onClose: () => void;
}) {
  if (selection?.kind === 'camera') {
    const camera = data.cameras.find((c) => c.code === selection.code);
    return camera ? (
      <div className="wall__card">
        <Suspense fallback={null}>
          <CameraCard camera={camera} onClose={onClose} />
        </Suspense>
      </div>
    ) : null;
  }
  if (selection?.kind !== 'grid') return null;
  const grid = data.grids.find((g) => g.code === selection.code);
  if (!grid) return null;
  const inGrid = data.allIncidents.filter((i) => i.gridCode === grid.code);
  const openInGrid = data.openIncidents.filter((i) => i.gridCode === grid.code);
  const sla = computeGridMeasure([grid], inGrid, 'sla').get(grid.code) ?? null;
  return (
    <div className="wall__card">
      <Suspense fallback={null}>
        <GridCard
          grid={grid}
          communityName={data.places.get(grid.communityCode) ?? grid.communityCode}
          streetName={data.places.get(grid.streetCode) ?? grid.streetCode}
          members={membersOfGrid(data.allMembers, grid.code)}
          leader={data.allMembers.find((m) => m.id === grid.leaderId) ?? null}
          openIncidents={openInGrid.length}
          overdue={openInGrid.filter((i) => i.overdue).length}
          slaCompliance={sla}
          onClose={onClose}
        />
      </Suspense>
    </div>
  );
}
