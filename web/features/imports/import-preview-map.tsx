import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { featureBounds } from '../../domain/import-review';
import { mapStyleQuery } from '../../map/map-style';
import { setOverlayLayers } from '../../map/set-overlay-layers';
import { useMapLibre } from '../../map/use-maplibre';
import type { PreviewFeatures } from '../../server-state/imports';
import { MapNotice } from '../../ui/map-notice';
import { Bilingual } from './bilingual-text';
import { IMPORT_TEXT } from './import-text';
import { buildImportPreviewLayer } from './preview-layer';

/** Room around the fitted preview, px. */
const FIT_PADDING = 40;
/** A single point is not zoomed in further than this. */
const FIT_MAX_ZOOM = 17;

/**
 * The preview map: the server's light style, which draws the district's existing layers from
 * our vector tiles, with the dry run's features on top in magenta, fitted to their bounds.
 * `data-preview-ready` turns "true" once the features are drawn and fitted.
 */
export function ImportPreviewMap({ features }: { features: PreviewFeatures | undefined }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const style = useQuery(mapStyleQuery('light'));
  const handle = useMapLibre(containerRef, style.data);
  const layers = useMemo(() => (features ? [buildImportPreviewLayer(features)] : []), [features]);
  const bounds = useMemo(() => (features ? featureBounds(features) : null), [features]);
  useEffect(() => {
    if (!handle) return undefined;
    return setOverlayLayers(handle.map, handle.overlay, layers);
  }, [handle, layers]);
  useEffect(() => {
    if (!handle || !bounds) return undefined;
    const { map } = handle;
    const fit = () =>
      map.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, duration: 0 });
    fit();
    // A resized window keeps centre and zoom; fit again so no previewed feature drops out.
    map.on('resize', fit);
    return () => {
      map.off('resize', fit);
    };
  }, [handle, bounds]);
  const ready = handle !== null && features !== undefined;
  return (
    <section className="imports-map" aria-label="预览地图 Preview map">
      <div
        className="map-view imports-map__view"
        data-map-ready={handle ? 'true' : 'false'}
        data-preview-ready={ready ? 'true' : 'false'}
        data-preview-count={features?.length ?? 0}
      >
        <div ref={containerRef} className="map-view__canvas" />
        {style.isError && (
          <MapNotice
            text="地图样式加载失败"
            action={{ label: '重试', onClick: () => void style.refetch() }}
          />
        )}
      </div>
      <p className="imports-map__legend">
        <span className="imports-map__swatch imports-map__swatch--new" />
        <Bilingual pair={IMPORT_TEXT.previewLegend} />
        <span className="imports-map__swatch imports-map__swatch--old" />
        <Bilingual pair={IMPORT_TEXT.existingLegend} />
      </p>
    </section>
  );
}
