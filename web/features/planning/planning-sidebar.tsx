import type { Scenario } from '../../../api/contract/analysis';
import type { Me } from '../../server-state/auth';
import type { ServicePoint } from '../../domain/wall-data';
import { ApiError } from './api-error';
import { CategoryPicker } from './category-picker';
import { CoverageFigures } from './coverage-figures';
import { SavedScenarios } from './saved-scenarios';
import { ScenarioPanel } from './scenario-panel';
import type { PlanningData } from './use-planning-data';
import { coverageAfter } from './use-planning-layers';
import type { PlanningSession } from './use-planning-session';

/** Props of {@link PlanningSidebar}. */
export interface PlanningSidebarProps {
  me: Me;
  session: PlanningSession;
  data: PlanningData;
  pointsByCode: ReadonlyMap<string, ServicePoint>;
}

/** Opens a saved scenario into the editor: its area, its changes and its first added category. */
function openScenario(session: PlanningSession, scenario: Scenario): void {
  const added = scenario.changes.find((c) => c.op === 'add');
  if (added?.op === 'add' && added.category !== session.category)
    session.setCategory(added.category);
  session.setArea(scenario.area?.code ?? null);
  session.edit({ type: 'reset', changes: scenario.changes });
  session.setOpenScenario(scenario.id);
}

/** The left column: what is analysed, the figures (now → with the scenario), and scenarios. */
export function PlanningSidebar({ me, session, data, pointsByCode }: PlanningSidebarProps) {
  const coverage = data.coverage.data;
  const evaluation = data.scenarioActive ? data.evaluation.data : undefined;
  return (
    <aside className="planning-sidebar">
      <CategoryPicker
        category={session.category}
        distance={session.distance}
        onCategory={session.setCategory}
        onDistance={session.setDistance}
      />
      {coverage && (
        <CoverageFigures
          coverage={coverage}
          after={coverageAfter(data)}
          completeness={evaluation?.evaluation.completeness}
          pending={data.coverage.isFetching || data.evaluation.isFetching}
        />
      )}
      {data.coverage.isError && <ApiError error={data.coverage.error} />}
      <ScenarioPanel
        session={session}
        evaluation={evaluation?.evaluation}
        evaluationError={data.evaluation.error}
        pointsByCode={pointsByCode}
      />
      <SavedScenarios
        current={session.openScenario}
        canAdopt={me.permissions.includes('analysis:adopt')}
        onOpen={(scenario) => openScenario(session, scenario)}
      />
    </aside>
  );
}
