import type { Me } from '../../server-state/auth';
import { summariseProblems } from '../../domain/import-review';
import { UserBadge } from '../user-badge/user-badge';
import { ApiErrorLine } from './api-error-line';
import { Bilingual } from './bilingual-text';
import { DetectionPanel } from './detection-panel';
import { DropZone } from './drop-zone';
import { ImportConfirm } from './import-confirm';
import { ImportHistory } from './import-history';
import { ImportPreviewMap } from './import-preview-map';
import { ImportSettings } from './import-settings';
import { IMPORT_TEXT } from './import-text';
import { ProblemList } from './problem-list';
import { type ImportSession, useImportSession } from './use-import-session';
import './imports.css';
import './imports-panels.css';

/** The dry run's findings: the detection with its mapping, or why there is none yet. */
function DryRunPanels({ session }: { session: ImportSession }) {
  const { dryRunUpload, dryRun, draft } = session;
  const job = dryRun.data;
  if (dryRunUpload.isError) return <ApiErrorLine error={dryRunUpload.error} />;
  if (dryRun.isError) return <ApiErrorLine error={dryRun.error} />;
  if (!session.file) return null;
  if (dryRunUpload.isPending || !job || job.status === 'queued' || job.status === 'running') {
    return (
      <p className="imports__hint" data-testid="import-checking">
        <Bilingual pair={IMPORT_TEXT.checking} />
      </p>
    );
  }
  if (job.error) return <p className="imports__error">{job.error}</p>;
  if (!job.detection) return null;
  return (
    <DetectionPanel
      collection={draft.collection}
      detection={job.detection}
      overrides={draft.mapping}
      onMap={session.mapField}
    />
  );
}

/** Validation list and confirmation, once the dry run has finished. */
function ReviewPanels({ session }: { session: ImportSession }) {
  const job = session.dryRun.data;
  if (!job || !job.detection) return null;
  return (
    <>
      <ProblemList problems={job.problems} summary={summariseProblems(job)} />
      <ImportConfirm
        gate={session.gate}
        job={session.imported.data}
        submitting={session.importUpload.isPending}
        onConfirm={session.confirm}
      />
      {session.importUpload.isError && <ApiErrorLine error={session.importUpload.error} />}
    </>
  );
}

/**
 * 数据导入 (admins): drop a file, choose the layer and its coordinate system, read what the dry
 * run detected, its field mapping, its features on the map over the existing layer and every
 * problem it found; then confirm, follow the progress and read the result. The history of
 * imports is below.
 */
export function ImportsView({ me }: { me: Me }) {
  const session = useImportSession();
  return (
    <div className="imports" data-testid="imports-page">
      <header className="imports__header">
        <h1>
          <Bilingual pair={IMPORT_TEXT.title} />
        </h1>
        <a className="imports__link" href="/">
          <Bilingual pair={IMPORT_TEXT.back} />
        </a>
        <UserBadge me={me} />
      </header>
      <main className="imports__main">
        <div className="imports__side">
          <DropZone file={session.file} onFile={session.chooseFile} />
          <ImportSettings draft={session.draft} onChange={session.changeDraft} />
          <DryRunPanels session={session} />
        </div>
        <div className="imports__review">
          <ImportPreviewMap features={session.preview.data} />
          <ReviewPanels session={session} />
        </div>
        <ImportHistory />
      </main>
    </div>
  );
}
