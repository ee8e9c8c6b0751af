import { useQuery } from '@tanstack/react-query';
import { chinaClockTime, chinaDate } from '../../../api/contract/china-time';
import { IMPORT_COLLECTION_LABELS, IMPORT_STATUS_LABELS } from '../../domain/import-labels';
import { type ImportHistoryEntry, importHistoryQuery } from '../../server-state/imports';
import { Bilingual } from './bilingual-text';
import { ApiErrorLine } from './api-error-line';
import { IMPORT_TEXT } from './import-text';
import { TableHead } from './table-head';

const COLUMNS = [
  IMPORT_TEXT.when,
  IMPORT_TEXT.who,
  IMPORT_TEXT.file,
  IMPORT_TEXT.layer,
  IMPORT_TEXT.status,
  IMPORT_TEXT.counts,
];

/** `YYYY-MM-DD HH:MM:SS` in China time. */
function chinaTimeOf(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : `${chinaDate(at)} ${chinaClockTime(at)}`;
}

function countsText(entry: ImportHistoryEntry): string {
  const c = entry.counts;
  if (!c) return '—';
  if (entry.options.dryRun) return `读取 ${c.read} · 未写入 nothing written`;
  return `新增 ${c.inserted} · 更新 ${c.updated} · 未变 ${c.unchanged} · 删除 ${c.deleted} · 跳过 ${c.skipped}`;
}

function HistoryRow({ entry }: { entry: ImportHistoryEntry }) {
  return (
    <tr data-import-id={entry.id}>
      <td>{chinaTimeOf(entry.createdAt)}</td>
      <td>{entry.actor}</td>
      <td className="imports-history__file">{entry.fileName}</td>
      <td>{IMPORT_COLLECTION_LABELS[entry.collection].zh}</td>
      <td className={`imports-status--${entry.status}`}>
        {IMPORT_STATUS_LABELS[entry.status].zh}
        {entry.options.dryRun && <span className="imports-history__dry-run"> · 试运行</span>}
      </td>
      <td>{countsText(entry)}</td>
    </tr>
  );
}

/**
 * 导入记录: every import (web and command line), newest first; dry runs (the previews) are
 * marked 试运行 and show what they read, since they wrote nothing.
 */
export function ImportHistory() {
  const history = useQuery(importHistoryQuery());
  return (
    <section className="imports-panel imports-history" aria-label="导入记录 Import history">
      <h2>
        <Bilingual pair={IMPORT_TEXT.history} />
      </h2>
      {history.isError && (
        <ApiErrorLine error={history.error} onRetry={() => void history.refetch()} />
      )}
      {history.data?.length === 0 && (
        <p className="imports__hint">
          <Bilingual pair={IMPORT_TEXT.historyEmpty} />
        </p>
      )}
      {history.data && history.data.length > 0 && (
        <div className="imports-scroll">
          <table className="imports-table" data-testid="import-history">
            <TableHead columns={COLUMNS} />
            <tbody>
              {history.data.map((entry) => (
                <HistoryRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
