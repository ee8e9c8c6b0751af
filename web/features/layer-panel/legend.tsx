import { CAMERA_STATUSES, SEVERITIES } from '../../../api/contract/codes';
import {
  formatMeasureValue,
  GRID_MEASURE_LABELS,
  GRID_MEASURES,
  type GridMeasure,
  measureLegend,
  NO_VALUE_COLOUR,
} from '../../domain/grid-measures';
import type { LabelPair } from '../../domain/label-pair';
import { CAMERA_STATUS_LABELS, SEVERITY_LABELS } from '../../domain/labels';
import {
  CAMERA_STATUS_COLOURS,
  FINISHED_INCIDENT_COLOUR,
  MEMBER_COLOURS,
  type Rgba,
  rgbaCss,
  SERVICE_GROUP_COLOURS,
  SERVICE_GROUP_LABELS,
  SERVICE_GROUPS,
  SEVERITY_COLOURS,
} from '../../domain/map-colours';
import type { WallLayerKey } from '../../domain/wall-layers';
import { CAMERA_ICONS, type MapIcon, SERVICE_GROUP_ICONS } from '../../map/icons';
import { useLang } from '../../ui/lang';

const LEGEND_TEXT = {
  finished: { zh: '已结束', en: 'Finished' },
  onDuty: { zh: '在岗', en: 'On duty' },
  offDuty: { zh: '离岗', en: 'Off duty' },
  noValue: { zh: '无数据', en: 'No data' },
  measure: { zh: '网格着色', en: 'Colour grids by' },
} satisfies Record<string, LabelPair>;

/** One legend entry: a colour dot, or the map's icon in that colour, and its name. */
function Swatch({ colour, icon, label }: { colour: Rgba; icon?: MapIcon; label: LabelPair }) {
  const { t } = useLang();
  const paint = icon
    ? { backgroundColor: rgbaCss(colour), maskImage: `url("${icon.url}")` }
    : { backgroundColor: rgbaCss(colour) };
  return (
    <li className="legend__item">
      <span className={`legend__swatch${icon ? ' legend__swatch--icon' : ''}`} style={paint} />
      <span className="legend__label">{t(label)}</span>
    </li>
  );
}

/** The choropleth's measure selector and colour ramp. */
function GridLegend(props: {
  measure: GridMeasure;
  onMeasureChange: (measure: GridMeasure) => void;
  maxMeasure: number;
}) {
  const { t } = useLang();
  const { measure, maxMeasure } = props;
  const stops = measureLegend(measure, maxMeasure);
  const ramp = stops.map((stop) => rgbaCss(stop.colour)).join(', ');
  const first = stops[0]?.value ?? 0;
  const last = stops.at(-1)?.value ?? 0;
  return (
    <div className="legend">
      <div className="legend__measures" role="radiogroup" aria-label={t(LEGEND_TEXT.measure)}>
        {GRID_MEASURES.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={m === measure}
            data-measure={m}
            className="legend__measure"
            onClick={() => props.onMeasureChange(m)}
          >
            {t(GRID_MEASURE_LABELS[m])}
          </button>
        ))}
      </div>
      <div className="legend__ramp" style={{ background: `linear-gradient(90deg, ${ramp})` }} />
      <div className="legend__ramp-labels">
        <span>{formatMeasureValue(measure, first)}</span>
        <span>{formatMeasureValue(measure, last)}</span>
      </div>
      {measure === 'sla' && (
        <ul className="legend__items">
          <Swatch colour={NO_VALUE_COLOUR} label={LEGEND_TEXT.noValue} />
        </ul>
      )}
    </div>
  );
}

function PointLegend({ layer }: { layer: Exclude<WallLayerKey, 'grids'> }) {
  const items = {
    incidents: [
      ...SEVERITIES.map((s) => (
        <Swatch key={s} colour={SEVERITY_COLOURS[s]} label={SEVERITY_LABELS[s]} />
      )),
      <Swatch key="finished" colour={FINISHED_INCIDENT_COLOUR} label={LEGEND_TEXT.finished} />,
    ],
    cameras: CAMERA_STATUSES.map((s) => (
      <Swatch
        key={s}
        colour={CAMERA_STATUS_COLOURS[s]}
        icon={CAMERA_ICONS.skynet}
        label={CAMERA_STATUS_LABELS[s]}
      />
    )),
    servicePoints: SERVICE_GROUPS.map((g) => (
      <Swatch
        key={g}
        colour={SERVICE_GROUP_COLOURS[g]}
        icon={SERVICE_GROUP_ICONS[g]}
        label={SERVICE_GROUP_LABELS[g]}
      />
    )),
    members: [
      <Swatch key="on" colour={MEMBER_COLOURS.onDuty} label={LEGEND_TEXT.onDuty} />,
      <Swatch key="off" colour={MEMBER_COLOURS.offDuty} label={LEGEND_TEXT.offDuty} />,
    ],
  }[layer];
  return <ul className="legend legend__items">{items}</ul>;
}

/** Props of {@link LayerLegend}. */
export interface LayerLegendProps {
  layer: WallLayerKey;
  measure: GridMeasure;
  onMeasureChange: (measure: GridMeasure) => void;
  /** Top of the choropleth's count ramp (the largest grid value). */
  maxMeasure: number;
}

/** What a layer's colours mean: severity, status, group, duty, or the grid measure's ramp. */
export function LayerLegend({ layer, ...grid }: LayerLegendProps) {
  return layer === 'grids' ? <GridLegend {...grid} /> : <PointLegend layer={layer} />;
}
