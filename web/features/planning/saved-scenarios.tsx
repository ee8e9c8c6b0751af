import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  adoptScenarioMutation,
  deleteScenarioMutation,
  type Scenario,
  scenarioQuery,
  scenariosQuery,
  type ScenarioSummary,
} from '../../server-state/analysis-scenarios';
import { formatCount } from '../../domain/format';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import { useLang } from '../../ui/lang';
import { ApiError } from './api-error';
import { ConfirmDialog } from './confirm-dialog';
import { PLANNING_TEXT } from './planning-text';

/** Props of {@link SavedScenarios}. */
export interface SavedScenariosProps {
  /** The scenario last opened or saved, marked in the list. */
  current: number | null;
  /** Commanders and admins may adopt (实施) a scenario. */
  canAdopt: boolean;
  onOpen: (scenario: Scenario) => void;
}

function ScenarioRow(props: {
  scenario: ScenarioSummary;
  current: boolean;
  canAdopt: boolean;
  onOpen: () => void;
  onDelete: () => void;
  onAdopt: () => void;
}) {
  const { t } = useLang();
  const { scenario } = props;
  return (
    <li
      className={`saved__item${props.current ? ' saved__item--current' : ''}`}
      data-scenario-id={scenario.id}
    >
      <span className="saved__name" title={scenario.name ?? ''}>
        {scenario.name}
      </span>
      <span className="saved__meta">
        {scenario.author} · {scenario.createdAt?.slice(0, 10)} · {formatCount(scenario.changes)}{' '}
        {t(PLANNING_TEXT.changes)}
        {scenario.adoptedAt && (
          <strong className="saved__adopted"> · {t(PLANNING_TEXT.adopted)}</strong>
        )}
      </span>
      <span className="saved__actions">
        <button type="button" data-action="open" onClick={props.onOpen}>
          {t(PLANNING_TEXT.open)}
        </button>
        <button type="button" data-action="delete" onClick={props.onDelete}>
          {t(PLANNING_TEXT.delete)}
        </button>
        {props.canAdopt && !scenario.adoptedAt && (
          <button
            type="button"
            data-action="adopt"
            className="planning__danger"
            onClick={props.onAdopt}
          >
            {t(PLANNING_TEXT.adopt)}
          </button>
        )}
      </span>
    </li>
  );
}

/** The saved list and what can be done to its scenarios. */
function useScenarioActions(onOpen: (scenario: Scenario) => void) {
  const queryClient = useQueryClient();
  const list = useQuery(scenariosQuery());
  const remove = useMutation(deleteScenarioMutation(queryClient));
  const adopt = useMutation(adoptScenarioMutation(queryClient));
  const [openError, setOpenError] = useState<unknown>(null);
  const open = (id: number) =>
    void queryClient
      .fetchQuery(scenarioQuery(id))
      .then(onOpen, (error: unknown) => setOpenError(error));
  const errors = [list.error, remove.error, adopt.error, openError].filter((e) => e !== null);
  return { list, remove, adopt, open, errors };
}

/**
 * What adoption changed (评估), stored at adoption: residents with a complete life circle, and
 * each category whose covered residents moved, before → after side by side.
 */
function AdoptedNote({ scenario }: { scenario: Scenario }) {
  const { t } = useLang();
  if (!scenario.adopted) return null;
  const { completeness, categories } = scenario.adopted.evaluation;
  const changed = categories.filter((c) => c.after !== c.before);
  return (
    <div className="planning__ok" data-adopted={scenario.id}>
      <p>
        {t(PLANNING_TEXT.adopted)} {scenario.adopted.at.slice(0, 10)} · {scenario.adopted.by}
      </p>
      <table className="saved__evaluation">
        <tbody>
          <tr>
            <th scope="row">{t(PLANNING_TEXT.complete)}</th>
            <td>{formatCount(completeness.before)}</td>
            <td>→ {formatCount(completeness.after)}</td>
          </tr>
          {changed.map((c) => (
            <tr key={c.category} data-category={c.category}>
              <th scope="row">
                {t(SERVICE_CATEGORY_LABELS[c.category])} ≤{formatCount(c.distance)} m
              </th>
              <td>{formatCount(c.before)}</td>
              <td>→ {formatCount(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Saved scenarios: open one into the editor, delete it, or — for commanders and admins — adopt
 * it after a confirmation, which writes its facilities to the real service points (实施).
 */
export function SavedScenarios({ current, canAdopt, onOpen }: SavedScenariosProps) {
  const { t } = useLang();
  const { list, remove, adopt, open, errors } = useScenarioActions(onOpen);
  const [confirming, setConfirming] = useState<number | null>(null);
  const scenarios = list.data ?? [];
  // The stored evaluation of the opened scenario, once it has been adopted (and still exists).
  const adoptedOpen = scenarios.some((s) => s.id === current && s.adoptedAt !== null);
  const opened = useQuery({ ...scenarioQuery(current ?? 0), enabled: adoptedOpen }).data;
  return (
    <section className="planning__card saved" aria-label={t(PLANNING_TEXT.savedScenarios)}>
      <h2 className="planning__heading">{t(PLANNING_TEXT.savedScenarios)}</h2>
      {list.isSuccess && scenarios.length === 0 && (
        <p className="planning__hint">{t(PLANNING_TEXT.noSaved)}</p>
      )}
      <ul className="saved__list">
        {scenarios.map((s) => (
          <ScenarioRow
            key={s.id}
            scenario={s}
            current={s.id === current}
            canAdopt={canAdopt}
            onOpen={() => s.id !== null && open(s.id)}
            onDelete={() => s.id !== null && remove.mutate(s.id)}
            onAdopt={() => setConfirming(s.id)}
          />
        ))}
      </ul>
      {errors.map((error, i) => (
        <ApiError key={i} error={error} />
      ))}
      {adopt.data ? (
        <AdoptedNote scenario={adopt.data} />
      ) : (
        opened && <AdoptedNote scenario={opened} />
      )}
      {confirming !== null && (
        <ConfirmDialog
          title={PLANNING_TEXT.adoptConfirmTitle}
          text={PLANNING_TEXT.adoptConfirmText}
          busy={adopt.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() => adopt.mutate(confirming, { onSettled: () => setConfirming(null) })}
        />
      )}
    </section>
  );
}
