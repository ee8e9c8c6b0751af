import type { SiteSuggestion, SiteSuggestions } from '../../../api/contract/analysis';
import { formatCount } from '../../domain/format';
import { useLang } from '../../ui/lang';
import { ApiError } from './api-error';
import { PLANNING_TEXT } from './planning-text';
import { type Column, TableHead } from './table-head';

/** Props of {@link SiteSuggestionsPanel}. */
export interface SiteSuggestionsPanelProps {
  k: number;
  onK: (k: number) => void;
  /** Whether suggestions have been asked for (they are computed on request, not at once). */
  suggesting: boolean;
  onSuggest: () => void;
  result: SiteSuggestions | undefined;
  error: unknown;
  onAdd: (suggestion: SiteSuggestion) => void;
  onShow: (suggestion: SiteSuggestion) => void;
}

/** Clamps k to the API's 1–20. */
export function clampK(value: number): number {
  return Number.isFinite(value) ? Math.min(20, Math.max(1, Math.round(value))) : 5;
}

const COLUMNS: Column[] = [
  { label: PLANNING_TEXT.rank },
  { label: PLANNING_TEXT.gain, numeric: true },
  { label: PLANNING_TEXT.cumulative, numeric: true },
  { label: PLANNING_TEXT.gridCode },
  { label: '' },
];

/** The k field and the button that asks for suggestions. */
function SuggestForm({
  k,
  onK,
  onSuggest,
}: Pick<SiteSuggestionsPanelProps, 'k' | 'onK' | 'onSuggest'>) {
  const { t } = useLang();
  return (
    <form
      className="planning__field planning__field--inline"
      onSubmit={(e) => {
        e.preventDefault();
        onSuggest();
      }}
    >
      <label className="planning__label" htmlFor="suggestion-k">
        {t(PLANNING_TEXT.suggestionCount)}
      </label>
      <input
        id="suggestion-k"
        data-control="k"
        type="number"
        min={1}
        max={20}
        step={1}
        value={k}
        onChange={(e) => onK(clampK(Number(e.target.value)))}
      />
      <button type="submit" data-control="suggest">
        {t(PLANNING_TEXT.suggest)}
      </button>
    </form>
  );
}

/** One suggested site: its number (click: show it on the map), gains, grid and an add button. */
function SuggestionRow(props: { site: SiteSuggestion; onAdd: () => void; onShow: () => void }) {
  const { t } = useLang();
  const { site } = props;
  return (
    <tr data-rank={site.rank}>
      <td>
        <button type="button" className="planning__rank" onClick={props.onShow}>
          {site.rank}
        </button>
      </td>
      <td className="planning__num">+{formatCount(site.gain)}</td>
      <td className="planning__num">{formatCount(site.cumulative)}</td>
      <td className="planning__code">{site.gridCode ?? '—'}</td>
      <td>
        <button type="button" data-action="add-suggestion" onClick={props.onAdd}>
          {t(PLANNING_TEXT.addToScenario)}
        </button>
      </td>
    </tr>
  );
}

/**
 * Where k new facilities of the category would reach most residents not yet covered (greedy:
 * each site's gain counts only residents the earlier ones left), numbered as on the map, each
 * one a click away from the scenario.
 */
export function SiteSuggestionsPanel(props: SiteSuggestionsPanelProps) {
  const { result, suggesting } = props;
  return (
    <div className="planning__table-wrap" data-panel="suggestions">
      <SuggestForm k={props.k} onK={props.onK} onSuggest={props.onSuggest} />
      {suggesting && props.error !== null && <ApiError error={props.error} />}
      {suggesting && result && (
        <table className="planning__table" data-table="suggestions">
          <TableHead columns={COLUMNS} />
          <tbody>
            {result.suggestions.map((site) => (
              <SuggestionRow
                key={site.rank}
                site={site}
                onAdd={() => props.onAdd(site)}
                onShow={() => props.onShow(site)}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
