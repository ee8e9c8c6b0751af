import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ScenarioEvaluation } from '../../../api/contract/analysis';
import { saveScenarioMutation } from '../../server-state/analysis-scenarios';
import { formatCount } from '../../domain/format';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import type { ServicePoint } from '../../domain/wall-data';
import { useLang } from '../../ui/lang';
import { ApiError } from './api-error';
import { ChangeList } from './change-list';
import { PLANNING_TEXT } from './planning-text';
import type { PlanningSession } from './use-planning-session';

/** Per touched category: residents within its circle's distance, now → after. */
function CategoryDeltas({ evaluation }: { evaluation: ScenarioEvaluation }) {
  const { t } = useLang();
  return (
    <table className="planning__table planning__table--compact" data-table="scenario-categories">
      <tbody>
        {evaluation.categories.map((c) => (
          <tr key={c.category}>
            <th scope="row">{t(SERVICE_CATEGORY_LABELS[c.category])}</th>
            <td>{formatCount(c.before)}</td>
            <td aria-hidden="true">→</td>
            <td data-category-after={c.category}>{formatCount(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The name field and save button; a saved scenario joins the list below. */
function SaveForm({
  session,
  onSaved,
}: {
  session: PlanningSession;
  onSaved: (id: number) => void;
}) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const save = useMutation(saveScenarioMutation(queryClient));
  const [name, setName] = useState('');
  const { changes } = session.draft;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const focus = { category: session.category, distance: session.distance };
    const area = session.area ? { area: session.area } : {};
    save.mutate(
      { name: name.trim(), changes, focus, ...area },
      {
        onSuccess: (scenario) => scenario.id !== null && onSaved(scenario.id),
      },
    );
  };
  return (
    <form className="scenario__save" onSubmit={submit}>
      <input
        data-control="scenario-name"
        aria-label={t(PLANNING_TEXT.scenarioName)}
        placeholder={t(PLANNING_TEXT.scenarioName)}
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" disabled={changes.length === 0 || !name.trim() || save.isPending}>
        {t(PLANNING_TEXT.save)}
      </button>
      {save.isSuccess && save.data.id !== null && (
        <span className="planning__ok" data-saved-id={save.data.id}>
          {t(PLANNING_TEXT.saved)} #{save.data.id}
        </span>
      )}
      {save.isError && <ApiError error={save.error} />}
    </form>
  );
}

/** Props of {@link ScenarioPanel}. */
export interface ScenarioPanelProps {
  session: PlanningSession;
  evaluation: ScenarioEvaluation | undefined;
  evaluationError: unknown;
  pointsByCode: ReadonlyMap<string, ServicePoint>;
}

/**
 * Designing a scenario (设计): the add tool, the changes with undo, what they change per
 * category (evaluated by the API without touching real data) and saving under a name.
 */
export function ScenarioPanel({
  session,
  evaluation,
  evaluationError,
  pointsByCode,
}: ScenarioPanelProps) {
  const { t } = useLang();
  const { draft, edit, placing } = session;
  return (
    <section className="planning__card scenario" aria-label={t(PLANNING_TEXT.scenario)}>
      <h2 className="planning__heading">{t(PLANNING_TEXT.scenario)}</h2>
      <button
        type="button"
        className="planning__tool"
        data-control="add-tool"
        aria-pressed={placing}
        onClick={() => session.setPlacing(!placing)}
      >
        {t(placing ? PLANNING_TEXT.addToolOn : PLANNING_TEXT.addTool)}
      </button>
      <p className="planning__hint">{t(PLANNING_TEXT.editHint)}</p>
      <ChangeList
        changes={draft.changes}
        pointsByCode={pointsByCode}
        onDrop={(index) => edit({ type: 'drop', index })}
      />
      <div className="scenario__actions">
        <button
          type="button"
          data-control="undo"
          disabled={draft.history.length === 0}
          onClick={() => edit({ type: 'undo' })}
        >
          {t(PLANNING_TEXT.undo)}
        </button>
        <button
          type="button"
          disabled={draft.changes.length === 0}
          onClick={() => edit({ type: 'reset' })}
        >
          {t(PLANNING_TEXT.clear)}
        </button>
      </div>
      {evaluation && draft.changes.length > 0 && <CategoryDeltas evaluation={evaluation} />}
      {evaluationError !== null && draft.changes.length > 0 && <ApiError error={evaluationError} />}
      <SaveForm session={session} onSaved={(id) => session.setOpenScenario(id)} />
    </section>
  );
}
