import { useState } from 'react';
import type { Me } from '../../server-state/auth';
import type { GridMeasure } from '../../domain/grid-measures';
import { type WallFilter, DEFAULT_FILTER } from '../../domain/wall-filter';
import {
  DEFAULT_VISIBILITY,
  DEFAULT_WALKING_REACH,
  type WallLayerKey,
  type WalkingReach,
} from '../../domain/wall-layers';
import type { MapFocus } from '../../map/use-map-focus';
import { WallMap } from '../../map/wall-map';
import { useLang } from '../../ui/lang';
import { AlertBanner } from '../alert-banner/alert-banner';
import { ChartsStrip } from '../charts-strip/charts-strip';
import { FilterBar } from '../filter-bar/filter-bar';
import { focusOfGrid } from '../hot-spots/grid-focus';
import { KeyFigures } from '../key-figures/key-figures';
import { LayerPanel } from '../layer-panel/layer-panel';
import { TitleBar } from '../title-bar/title-bar';
import { UserBadge } from '../user-badge/user-badge';
import { focusOfIncident } from './incident-focus';
import { keyFigureValues } from './key-figure-values';
import { useClock } from '../../ui/use-clock';
import { useKioskTour } from './use-kiosk-tour';
import { useLiveEvents } from './use-live-events';
import { useLayerData } from './use-layer-data';
import { useWallData } from './use-wall-data';
import { WallFeedColumn } from './wall-feed-column';
import type { WallOptions } from './wall-options';
import { WallCards } from './wall-cards';
import { focusOfHit, WallSearch } from './wall-search';
import { selectionOfHit, selectionOfPick, type Selection } from './wall-selection';
import { useTourStops } from './use-tour-stops';
import { useLifeCircleFigure } from './use-life-circle-figure';
import { useWalkingReach } from './use-walking-reach';
import { useGridQuality } from './use-grid-quality';
import './wall-screen.css';

/** Filtering and charts move on with time at this pace; the feed's countdowns every second. */
const FILTER_CLOCK_MS = 30_000;

/**
 * 一屏看全区: the command-center wall screen. The map is the stage; the title bar, the key
 * figures (left), the layers above the live feed or an incident's detail (right) and the
 * charts (bottom; at the right on a wide spliced wall) float over it. Filters apply to map, feed and charts alike.
 */
export function WallScreen({ me, options }: { me: Me; options: WallOptions }) {
  const { lang, setLang } = useLang();
  const [filter, setFilter] = useState<WallFilter>(DEFAULT_FILTER);
  const [visibility, setVisibility] = useState(DEFAULT_VISIBILITY);
  const [reach, setReach] = useState<WalkingReach>(DEFAULT_WALKING_REACH);
  const [measure, setMeasure] = useState<GridMeasure>('open');
  const [qualityOn, setQualityOn] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [nearbyCameras, setNearbyCameras] = useState<ReadonlySet<string>>(new Set());
  const filterNow = useClock(FILTER_CLOCK_MS);
  const data = useWallData(filter, filterNow);
  const stops = useTourStops();
  const tour = useKioskTour(
    { enabled: options.kiosk, dwellMs: options.dwellMs, gapSteps: options.gapSteps },
    stops,
    data.allIncidents,
  );
  const { sound, alertMs } = options;
  const live = useLiveEvents(data.places, { sound, alertMs, onAlert: tour.report });
  const lifeCircle = useLifeCircleFigure(filter.areaCode);
  const figures = keyFigureValues(data, data.layersLoaded, data.overview, lifeCircle.share);
  const walking = useWalkingReach(reach, filter.areaCode);
  const { layerData, maxMeasure } = useLayerData(data, visibility, measure, walking.buildings);
  const quality = useGridQuality(me, qualityOn);
  const select = (next: Selection) => {
    setSelection(options.kiosk ? null : next);
    if (next?.kind !== 'incident') setNearbyCameras(new Set());
  };
  const toggle = (key: WallLayerKey) => setVisibility((v) => ({ ...v, [key]: !v[key] }));
  const changeFilter = (next: WallFilter) => {
    setFilter(next);
    if (next.areaCode === filter.areaCode) return;
    // The chosen street or community, or back to the whole district (the first stop).
    const stop = next.areaCode ? stops.find((s) => s.code === next.areaCode) : stops[0];
    if (stop) setFocus({ key: `area-${stop.code}-${Date.now()}`, bounds: stop.bounds });
  };

  return (
    <div
      className={`wall${options.kiosk ? ' wall--kiosk' : ''}`}
      data-kiosk={options.kiosk}
      data-wall-ready={data.layersLoaded && data.incidentsLoaded && data.overview !== undefined}
    >
      <WallMap
        data={{ ...layerData, quality: quality.features }}
        visibility={visibility}
        measure={measure}
        selectedGrid={selection?.kind === 'grid' ? selection.code : null}
        selectedIncident={selection?.kind === 'incident' ? selection.code : null}
        highlightedCameras={nearbyCameras}
        fresh={live.fresh}
        focus={tour.focus ?? focus}
        onPick={(pick) => select(selectionOfPick(pick))}
      />
      <header className="wall__title">
        <TitleBar
          districtName={data.districtName}
          connection={live.connection}
          kiosk={options.kiosk}
          onToggleLang={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {!options.kiosk && (
            <>
              <WallSearch
                data={data}
                places={stops}
                onPick={(hit) => {
                  select(selectionOfHit(hit));
                  setFocus(focusOfHit(hit, stops) ?? focus);
                }}
              />
              <UserBadge me={me} />
            </>
          )}
        </TitleBar>
      </header>
      <aside className="wall__left">
        <KeyFigures
          figures={figures}
          baselines={data.overview?.baselines}
          hideLifeCircle={lifeCircle.hidden}
        />
      </aside>
      <div className="wall__filters">
        {!options.kiosk && (
          <FilterBar filter={filter} areas={data.streets} onChange={changeFilter} />
        )}
      </div>
      <AlertBanner
        alerts={live.alerts}
        kiosk={options.kiosk}
        onOpen={(code) => select({ kind: 'incident', code })}
        onDismiss={live.dismiss}
      />
      <WallCards selection={selection} data={data} onClose={() => select(null)} />
      <aside className="wall__right">
        {!options.kiosk && (
          <LayerPanel
            visibility={visibility}
            onToggle={toggle}
            measure={measure}
            onMeasureChange={setMeasure}
            maxMeasure={maxMeasure}
            reach={{ reach, status: walking.status, onChange: setReach }}
            quality={
              quality.admin
                ? { ...quality, on: qualityOn, onToggle: () => setQualityOn(!qualityOn) }
                : undefined
            }
          />
        )}
        <WallFeedColumn
          selection={selection}
          incidents={data.incidents}
          places={data.places}
          fresh={live.fresh}
          kiosk={options.kiosk}
          onSelect={(code) => {
            select({ kind: 'incident', code });
            const incident = data.incidents.find((i) => i.code === code);
            if (incident) setFocus(focusOfIncident(incident, Date.now()));
          }}
          onClose={() => select(null)}
          onNearbyCameras={(codes) => setNearbyCameras(new Set(codes))}
          onFocusCamera={(code) => select({ kind: 'camera', code })}
        />
      </aside>
      <footer className="wall__charts">
        <ChartsStrip
          incidents={data.incidents}
          now={filterNow}
          streetNames={data.places}
          areaCode={filter.areaCode}
          hotGrids={data.overview?.hotGrids}
          onPickGrid={(code) => {
            select({ kind: 'grid', code });
            setFocus(focusOfGrid(data.grids, code, Date.now()) ?? focus);
          }}
        />
      </footer>
    </div>
  );
}
