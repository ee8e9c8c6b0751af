import type { ImportProblem } from '../../../api/contract/imports';
import { problemPlace, type ProblemSummary } from '../../domain/import-review';
import { Bilingual } from './bilingual-text';
import { IMPORT_TEXT } from './import-text';
import { TableHead } from './table-head';

function ProblemRow({ problem }: { problem: ImportProblem }) {
  const severity = problem.severity === 'error' ? IMPORT_TEXT.error : IMPORT_TEXT.warning;
  return (
    <tr className={`imports-problem imports-problem--${problem.severity}`}>
      <td>{problemPlace(problem)}</td>
      <td>
        <span className="imports-problem__severity">{severity.zh}</span>
      </td>
      <td>{problem.field ?? '—'}</td>
      <td>{problem.message}</td>
      <td>{problem.suggestion ?? '—'}</td>
    </tr>
  );
}

const COLUMNS = [
  IMPORT_TEXT.place,
  IMPORT_TEXT.severity,
  IMPORT_TEXT.field,
  IMPORT_TEXT.message,
  IMPORT_TEXT.suggestion,
];

/** Every problem the dry run found: where, how bad, which field, what to do about it. */
export function ProblemList({
  problems,
  summary,
}: {
  problems: readonly ImportProblem[];
  summary: ProblemSummary;
}) {
  return (
    <section className="imports-panel" aria-label="校验结果 Validation">
      <h2>
        <Bilingual pair={IMPORT_TEXT.problems} />{' '}
        <span className="imports-problems__counts" data-testid="import-problem-counts">
          {IMPORT_TEXT.error.zh} {summary.errors} · {IMPORT_TEXT.warning.zh} {summary.warnings}
        </span>
      </h2>
      {problems.length === 0 ? (
        <p className="imports__ok" data-testid="import-no-problems">
          <Bilingual pair={IMPORT_TEXT.noProblems} />
        </p>
      ) : (
        <div className="imports-scroll">
          <table className="imports-table" data-testid="import-problems">
            <TableHead columns={COLUMNS} />
            <tbody>
              {problems.map((problem, i) => (
                <ProblemRow key={i} problem={problem} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.unlisted > 0 && (
        <p className="imports__hint">
          另有 {summary.unlisted} 个问题未列出 · {summary.unlisted} more not listed
        </p>
      )}
    </section>
  );
}
