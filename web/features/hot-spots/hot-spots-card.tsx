import type { HotGrid } from '../../../api/contract/stats';
import { formatCount } from '../../domain/format';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';
import { ChartCard } from '../charts-strip/chart-card';
import './hot-spots.css';

const TITLE: LabelPair = { zh: '热点网格', en: 'Hot-spot grids' };
const GRID: LabelPair = { zh: '网格', en: 'Grid' };
const OPEN: LabelPair = { zh: '未办结', en: 'Open' };
const OVERDUE: LabelPair = { zh: '超时', en: 'Overdue' };
const NONE: LabelPair = { zh: '暂无未办结事件', en: 'No open incidents' };
const LOADING: LabelPair = { zh: '加载中…', en: 'Loading…' };

/**
 * 热点网格: the grids of the wall's area with the most open incidents (then most overdue), as
 * the overview counts them, each a button that flies the map to its grid and selects it.
 */
export function HotSpotsCard({
  grids,
  onPick,
}: {
  /** `hotGrids` of the overview; undefined while it loads. */
  grids: readonly HotGrid[] | undefined;
  onPick: (code: string) => void;
}) {
  const { t } = useLang();
  const open = (grids ?? []).reduce((n, g) => n + g.open, 0);
  return (
    <ChartCard chart="hotSpots" total={open} title={TITLE}>
      {grids === undefined || grids.length === 0 ? (
        <p className="hot-spots__note">{t(grids === undefined ? LOADING : NONE)}</p>
      ) : (
        <ol className="hot-spots" data-loaded="true">
          <li className="hot-spots__head" aria-hidden="true">
            <span />
            <span>{t(GRID)}</span>
            <span>{t(OPEN)}</span>
            <span>{t(OVERDUE)}</span>
          </li>
          {grids.map((g, i) => (
            <li key={g.code}>
              <button
                type="button"
                className="hot-spots__row"
                data-hot-grid={g.code}
                data-open={g.open}
                data-overdue={g.overdue}
                onClick={() => onPick(g.code)}
              >
                <span className="hot-spots__rank">{i + 1}</span>
                <span className="hot-spots__name">{g.name}</span>
                <span className="hot-spots__open">{formatCount(g.open)}</span>
                <span className={`hot-spots__overdue${g.overdue > 0 ? ' hot-spots__alarm' : ''}`}>
                  {formatCount(g.overdue)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </ChartCard>
  );
}
