import type { ConfirmGate } from '../../domain/import-review';
import { progressFraction } from '../../domain/import-review';
import { IMPORT_STAGE_LABELS, IMPORT_STATUS_LABELS } from '../../domain/import-labels';
import type { ImportJobView } from '../../server-state/imports';
import { Bilingual } from './bilingual-text';
import { ImportCountsList, TopologySummary } from './import-result';
import { IMPORT_TEXT } from './import-text';

const BLOCKED = {
  'not-ready': null,
  errors: IMPORT_TEXT.blockedByErrors,
  empty: IMPORT_TEXT.blockedEmpty,
  failed: IMPORT_TEXT.blockedFailed,
} as const;

/** The stage and done/total of a running job, as a bar and in words. */
function ImportProgress({ job }: { job: ImportJobView }) {
  const fraction = progressFraction(job.progress);
  const { stage, done, total } = job.progress;
  const label = IMPORT_STAGE_LABELS[stage];
  return (
    <div className="imports-progress" data-testid="import-progress">
      <progress
        max={1}
        value={fraction ?? undefined}
        aria-label={`${IMPORT_TEXT.progress.zh} ${IMPORT_TEXT.progress.en}`}
      />
      <span>
        {label ? `${label.zh} ${label.en}` : stage} {total > 0 ? `${done} / ${total}` : ''}
      </span>
    </div>
  );
}

/** The real import's state: progress while it runs, then its status, counts and topology. */
function ImportOutcome({ job }: { job: ImportJobView }) {
  const status = IMPORT_STATUS_LABELS[job.status];
  const running = job.status === 'queued' || job.status === 'running';
  return (
    <div className="imports-outcome">
      <p className={`imports-status imports-status--${job.status}`} data-testid="import-status">
        <Bilingual pair={status} />
      </p>
      {running && <ImportProgress job={job} />}
      {job.error && <p className="imports__error">{job.error}</p>}
      {job.counts && !running && <ImportCountsList counts={job.counts} />}
      {job.topology && <TopologySummary report={job.topology} />}
    </div>
  );
}

/** Props of {@link ImportConfirm}. */
export interface ImportConfirmProps {
  gate: ConfirmGate;
  job: ImportJobView | undefined;
  submitting: boolean;
  onConfirm: () => void;
}

/**
 * 确认导入: enabled when the dry run found no errors, or when skipping invalid rows (it then
 * says how many are skipped); then the running job's progress and its result.
 */
export function ImportConfirm({ gate, job, submitting, onConfirm }: ImportConfirmProps) {
  const blocked = gate.allowed ? null : BLOCKED[gate.reason];
  const started = job !== undefined || submitting;
  return (
    <section className="imports-panel imports-confirm" aria-label="确认导入 Confirm">
      <div className="imports-confirm__row">
        <button
          type="button"
          className="imports-confirm__button"
          disabled={!gate.allowed || started}
          onClick={onConfirm}
        >
          <Bilingual pair={IMPORT_TEXT.confirm} />
        </button>
        {gate.allowed && gate.skipped > 0 && (
          <p className="imports__warn" data-testid="import-skip-note">
            将跳过 {gate.skipped} 行无效数据 · {gate.skipped} invalid{' '}
            {gate.skipped === 1 ? 'row' : 'rows'} will be skipped
          </p>
        )}
        {blocked && (
          <p className="imports__warn" data-testid="import-blocked">
            <Bilingual pair={blocked} />
          </p>
        )}
      </div>
      {job && <ImportOutcome job={job} />}
    </section>
  );
}
