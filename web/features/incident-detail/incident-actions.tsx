import { type FormEvent, type KeyboardEvent, useState } from 'react';
import {
  type IncidentAction,
  type IncidentActionName,
  IncidentActionSchema,
} from '../../../api/contract/incidents';
import { HttpError } from '../../server-state/http';
import {
  ACTION_INPUT_LABELS,
  ACTION_INPUTS,
  ACTION_LABELS,
  type ActionInput,
} from '../../domain/action-labels';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';

/** An action ready to send, or what is wrong with the operator's input. */
export type ActionDraft = { ok: true; action: IncidentAction } | { ok: false; problem: LabelPair };

const INPUT_PROBLEMS: Record<ActionInput, LabelPair> = {
  none: { zh: '无法提交该操作', en: 'This action cannot be sent' },
  reason: { zh: '请填写原因', en: 'A reason is required' },
  target: {
    zh: '请输入事件编号，如 YP20250301000042',
    en: 'Enter an incident code such as YP20250301000042',
  },
  rating: { zh: '请选择 1–5 分', en: 'Choose a score from 1 to 5' },
};
const SELF_MERGE: LabelPair = {
  zh: '不能合并到本事件',
  en: 'An incident cannot merge into itself',
};

function draftBody(name: IncidentActionName, input: string): Record<string, unknown> {
  switch (ACTION_INPUTS[name]) {
    case 'reason':
      return { action: name, reason: input.trim() };
    case 'target':
      return { action: name, into: input.trim().toUpperCase() };
    case 'rating':
      return { action: name, satisfaction: Number(input) };
    case 'none':
      return { action: name };
  }
}

/**
 * Turns a button press (and the inline form's input, if the action needs one) into the body
 * of `POST …/transitions`, checked against the contract before it is sent.
 */
export function buildIncidentAction(
  name: IncidentActionName,
  input: string,
  code: string,
): ActionDraft {
  const body = draftBody(name, input);
  if (body.into === code) return { ok: false, problem: SELF_MERGE };
  const parsed = IncidentActionSchema.safeParse(body);
  return parsed.success
    ? { ok: true, action: parsed.data }
    : { ok: false, problem: INPUT_PROBLEMS[ACTION_INPUTS[name]] };
}

/**
 * What to tell the operator when an action failed. 409 and 412 mean the incident is no longer
 * as shown (the drawer refetches it); the server's own message says why.
 */
export function describeActionError(error: unknown): LabelPair {
  const message = error instanceof HttpError ? error.details.message : undefined;
  const why = message ?? (error instanceof HttpError ? `HTTP ${error.status}` : String(error));
  if (error instanceof HttpError && error.status === 412) {
    return {
      zh: `事件已被他人更新，已刷新：${why}`,
      en: `Changed by someone else, reloaded: ${why}`,
    };
  }
  if (error instanceof HttpError && error.status === 409) {
    return { zh: `当前状态不允许此操作，已刷新：${why}`, en: `Not possible now, reloaded: ${why}` };
  }
  return { zh: `操作失败：${why}`, en: `Action failed: ${why}` };
}

const CONFIRM: LabelPair = { zh: '确认', en: 'Confirm' };
const CANCEL: LabelPair = { zh: '取消', en: 'Cancel' };
const NO_ACTIONS: LabelPair = { zh: '当前无可执行操作', en: 'No actions available' };
const SCORES = ['1', '2', '3', '4', '5'] as const;

interface ActionFieldProps {
  input: Exclude<ActionInput, 'none'>;
  labelId: string;
  value: string;
  onChange: (value: string) => void;
}

/** The one field of an action form: a text input, or five score buttons for a rating. */
function ActionField({ input, labelId, value, onChange }: ActionFieldProps) {
  if (input !== 'rating') {
    return (
      <input
        className="incident-actions__input"
        aria-labelledby={labelId}
        value={value}
        autoFocus
        placeholder={input === 'target' ? 'YP20250301000042' : ''}
        maxLength={input === 'target' ? 16 : 2000}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="incident-actions__scores" role="radiogroup" aria-labelledby={labelId}>
      {SCORES.map((score) => (
        <button
          key={score}
          type="button"
          role="radio"
          aria-checked={value === score}
          className="incident-actions__score"
          onClick={() => onChange(score)}
        >
          {score}
        </button>
      ))}
    </div>
  );
}

interface ActionFormProps {
  name: IncidentActionName;
  input: Exclude<ActionInput, 'none'>;
  code: string;
  pending: boolean;
  onSubmit: (action: IncidentAction) => void;
  onCancel: () => void;
}

/** The small inline form of an action that needs a reason, a target code or a score. */
function ActionForm({ name, input, code, pending, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useLang();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<LabelPair | null>(null);
  const labelId = `incident-action-${name}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const draft = buildIncidentAction(name, value, code);
    if (draft.ok) onSubmit(draft.action);
    else setProblem(draft.problem);
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };
  return (
    <form className="incident-actions__form" onSubmit={submit} onKeyDown={cancelOnEscape}>
      <p className="incident-actions__prompt" id={labelId}>
        {t(ACTION_LABELS[name])} · {t(ACTION_INPUT_LABELS[input])}
      </p>
      <ActionField input={input} labelId={labelId} value={value} onChange={setValue} />
      {problem && <p className="incident-actions__problem">{t(problem)}</p>}
      <div className="incident-actions__form-buttons">
        <button type="submit" className="incident-actions__confirm" disabled={pending}>
          {t(CONFIRM)}
        </button>
        <button type="button" className="incident-actions__cancel" onClick={onCancel}>
          {t(CANCEL)}
        </button>
      </div>
    </form>
  );
}

/** Props of {@link IncidentActions}. */
export interface IncidentActionsProps {
  code: string;
  /** The actions the API allows the caller now, in its order. */
  allowed: readonly IncidentActionName[];
  /** True while an action is on its way; the buttons wait. */
  pending: boolean;
  /** The last failure, already worded (see {@link describeActionError}). */
  error: LabelPair | null;
  onAct: (action: IncidentAction) => void;
}

/**
 * The workflow buttons the API allows. One-click actions are sent at once; those that need a
 * reason, a target incident or a score open a small form beneath the buttons.
 */
export function IncidentActions({ code, allowed, pending, error, onAct }: IncidentActionsProps) {
  const { t } = useLang();
  const [chosen, setChosen] = useState<IncidentActionName | null>(null);
  const open = chosen !== null && allowed.includes(chosen) ? chosen : null;
  const openInput = open === null ? 'none' : ACTION_INPUTS[open];
  const press = (name: IncidentActionName) => {
    if (ACTION_INPUTS[name] !== 'none') return setChosen(name);
    const draft = buildIncidentAction(name, '', code);
    if (draft.ok) onAct(draft.action);
  };
  return (
    <div className="incident-actions">
      {allowed.length === 0 && <p className="incident-actions__none">{t(NO_ACTIONS)}</p>}
      <div className="incident-actions__buttons">
        {allowed.map((name) => (
          <button
            key={name}
            type="button"
            className="incident-actions__button"
            data-action={name}
            aria-expanded={ACTION_INPUTS[name] === 'none' ? undefined : open === name}
            disabled={pending}
            onClick={() => press(name)}
          >
            {t(ACTION_LABELS[name])}
          </button>
        ))}
      </div>
      {open && openInput !== 'none' && (
        <ActionForm
          key={open}
          name={open}
          input={openInput}
          code={code}
          pending={pending}
          onSubmit={onAct}
          onCancel={() => setChosen(null)}
        />
      )}
      {error && (
        <p className="incident-actions__error" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}
