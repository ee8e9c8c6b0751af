import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { adminAreasQuery } from '../api/admin-areas';
import { readyzQuery } from '../api/readyz';
import { MapNotice } from '../ui/map-notice';
import { useAdminAreaDrawing } from './use-admin-area-drawing';
import { useMapLibre } from './use-maplibre';

/**
 * The full-window map of the district. Admin areas are fetched once the server reports ready;
 * `data-map-ready` turns "true" when they are drawn (browser tests wait for it).
 */
export function MapView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const handle = useMapLibre(containerRef);
  const readiness = useQuery(readyzQuery());
  const areas = useQuery({
    ...adminAreasQuery(),
    enabled: readiness.data?.status === 'ready',
  });
  const drawn = useAdminAreaDrawing(handle, areas.data);
  return (
    <main className="map-view" data-map-ready={drawn ? 'true' : 'false'}>
      <div ref={containerRef} className="map-view__canvas" role="region" aria-label="区划地图" />
      {areas.isError && (
        <MapNotice
          text="区划数据加载失败"
          action={{ label: '重试', onClick: () => void areas.refetch() }}
        />
      )}
    </main>
  );
}
