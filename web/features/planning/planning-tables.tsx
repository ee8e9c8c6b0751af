import type { ReactNode } from 'react';
import type { SiteSuggestion } from '../../../api/contract/analysis';
import type { LabelPair } from '../../domain/label-pair';
import type { GridTableRow } from '../../domain/planning-tables';
import { useLang } from '../../ui/lang';
import { ApiError } from './api-error';
import { CompletenessTable } from './completeness-table';
import { GridTable } from './grid-table';
import { PLANNING_TEXT } from './planning-text';
import { SiteSuggestionsPanel } from './site-suggestions';
import type { PlanningData } from './use-planning-data';
import type { PlanningSession, PlanningTab } from './use-planning-session';

const TABS: { tab: PlanningTab; label: LabelPair }[] = [
  { tab: 'completeness', label: PLANNING_TEXT.completeness },
  { tab: 'grids', label: PLANNING_TEXT.grids },
  { tab: 'suggestions', label: PLANNING_TEXT.suggestions },
];

/** Zoom the map flies to for a suggested site: a few blocks around it. */
const SITE_ZOOM = 16;

/** Props of {@link PlanningTables}. */
export interface PlanningTablesProps {
  session: PlanningSession;
  data: PlanningData;
  gridRows: readonly GridTableRow[];
}

/** One tab's panel: hidden on screen unless chosen; printed unless `screenOnly`. */
function Panel(props: {
  tab: PlanningTab;
  shown: PlanningTab;
  screenOnly?: boolean;
  children: ReactNode;
}) {
  const { t } = useLang();
  const classes = ['planning-tables__panel'];
  if (props.screenOnly) classes.push('planning-tables__panel--screen');
  if (props.tab !== props.shown) classes.push('planning-tables__panel--hidden');
  const label = TABS.find((entry) => entry.tab === props.tab)?.label ?? PLANNING_TEXT.title;
  return (
    <section className={classes.join(' ')} role="tabpanel" data-tab-panel={props.tab}>
      <h2 className="planning__print-title">{t(label)}</h2>
      {props.children}
    </section>
  );
}

function TabBar({ tab, onTab }: { tab: PlanningTab; onTab: (tab: PlanningTab) => void }) {
  const { t } = useLang();
  return (
    <div className="planning-tables__tabs" role="tablist">
      {TABS.map((entry) => (
        <button
          key={entry.tab}
          type="button"
          role="tab"
          aria-selected={entry.tab === tab}
          data-tab={entry.tab}
          onClick={() => onTab(entry.tab)}
        >
          {t(entry.label)}
        </button>
      ))}
    </div>
  );
}

/** Site suggestions wired to the scenario (add) and the map (fly to a site). */
function Suggestions({ session, data }: Omit<PlanningTablesProps, 'gridRows'>) {
  const addSite = (s: SiteSuggestion) =>
    session.edit({ type: 'add', category: session.category, lng: s.lng, lat: s.lat });
  const showSite = (s: SiteSuggestion) =>
    session.setFocus({
      key: `site-${s.rank}-${Date.now()}`,
      center: [s.lng, s.lat],
      zoom: SITE_ZOOM,
    });
  return (
    <SiteSuggestionsPanel
      k={session.k}
      onK={session.setK}
      suggesting={session.suggesting}
      onSuggest={() => session.setSuggesting(true)}
      result={data.suggestions.data}
      error={data.suggestions.error}
      onAdd={addSite}
      onShow={showSite}
    />
  );
}

/**
 * The right column: completeness per community, coverage and demands per grid, and site
 * suggestions, one tab at a time on screen (the two tables both in print).
 */
export function PlanningTables({ session, data, gridRows }: PlanningTablesProps) {
  const { tab } = session;
  const { completeness, demands } = data;
  return (
    <aside className="planning-tables">
      <TabBar tab={tab} onTab={session.setTab} />
      <Panel tab="completeness" shown={tab}>
        {completeness.isError && (
          <ApiError error={completeness.error} onRetry={() => void completeness.refetch()} />
        )}
        <CompletenessTable
          completeness={completeness.data}
          circle={session.circle}
          onCircle={session.setCircle}
        />
      </Panel>
      <Panel tab="grids" shown={tab}>
        {demands.isError && <ApiError error={demands.error} />}
        <GridTable rows={gridRows} />
      </Panel>
      <Panel tab="suggestions" shown={tab} screenOnly>
        <Suggestions session={session} data={data} />
      </Panel>
    </aside>
  );
}
