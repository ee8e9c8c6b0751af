import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { adminAreasQuery } from '../api/admin-areas';
import { readyzQuery } from '../api/readyz';
import { MapNotice } from '../ui/map-notice';
import { mapStyleQuery } from './map-style';
import { useAdminAreaDrawing } from './use-admin-area-drawing';
import { useLiveLayers } from './use-live-layers';
import { useMapLibre } from './use-maplibre';

/**
 * The full-window map of the district, in the server's dark style (`/styles/dark.json`).
 * The style and the admin areas are fetched once the server reports ready (its tiles need the
 * seeded database); `data-map-ready` turns "true" when the district is drawn (browser tests
 * wait for it). Incidents and members follow the live stream.
 */
export function MapView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const readiness = useQuery(readyzQuery());
  const ready = readiness.data?.status === 'ready';
  const style = useQuery({ ...mapStyleQuery(), enabled: ready });
  const handle = useMapLibre(containerRef, style.data);
  const areas = useQuery({ ...adminAreasQuery(), enabled: ready });
  const drawn = useAdminAreaDrawing(handle, areas.data);
  useLiveLayers(handle);
  const failed = style.isError ? style : areas.isError ? areas : undefined;
  return (
    <main className="map-view" data-map-ready={drawn ? 'true' : 'false'}>
      <div ref={containerRef} className="map-view__canvas" role="region" aria-label="区划地图" />
      {failed && (
        <MapNotice
          text={style.isError ? '地图样式加载失败' : '区划数据加载失败'}
          action={{ label: '重试', onClick: () => void failed.refetch() }}
        />
      )}
    </main>
  );
}
