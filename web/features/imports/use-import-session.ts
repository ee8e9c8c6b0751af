import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ImportOptions } from '../../../api/contract/imports';
import {
  DEFAULT_IMPORT_DRAFT,
  type ImportDraft,
  importOptionsOf,
  withMapping,
} from '../../domain/import-form';
import { confirmGate, isFinished } from '../../domain/import-review';
import {
  importJobQuery,
  importPreviewQuery,
  postImport,
  type ImportJobView,
} from '../../server-state/imports';
import { queryKeys } from '../../server-state/query-keys';

const upload = ({ file, options }: { file: File; options: ImportOptions }) =>
  postImport(file, options);

/** One job followed until it finishes (disabled while there is none). */
function useJob(id: number | null) {
  return useQuery({ ...importJobQuery(id ?? 0), enabled: id !== null });
}

/**
 * The page's state: the file and choices, the dry run they produce (re-run on every change),
 * its preview features, and the confirmed import followed until it finishes.
 */
export function useImportSession() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraft] = useState<ImportDraft>(DEFAULT_IMPORT_DRAFT);
  const [dryRunId, setDryRunId] = useState<number | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const dryRunUpload = useMutation({
    mutationFn: upload,
    onSuccess: (job: ImportJobView) => setDryRunId(job.id),
  });
  const importUpload = useMutation({
    mutationFn: upload,
    onSuccess: (job: ImportJobView) => setImportId(job.id),
  });
  const { mutate: startDryRun, reset: resetDryRun } = dryRunUpload;
  const { reset: resetImport } = importUpload;
  /** A new file or new choices: forget the last runs and start a dry run of what is chosen. */
  const restart = useCallback(
    (nextFile: File | null, nextDraft: ImportDraft) => {
      setFile(nextFile);
      setDraft(nextDraft);
      setDryRunId(null);
      setImportId(null);
      resetImport();
      if (nextFile) startDryRun({ file: nextFile, options: importOptionsOf(nextDraft, true) });
      else resetDryRun();
    },
    [startDryRun, resetDryRun, resetImport],
  );
  const dryRun = useJob(dryRunId);
  const dryRunDone = dryRun.data !== undefined && isFinished(dryRun.data.status);
  const preview = useQuery({
    ...importPreviewQuery(dryRunId ?? 0),
    enabled: dryRunDone && dryRun.data?.status !== 'failed',
  });
  const imported = useJob(importId);
  const importDone = imported.data?.status !== undefined && isFinished(imported.data.status);
  useEffect(() => {
    if (importDone) void queryClient.invalidateQueries({ queryKey: queryKeys.imports() });
  }, [importDone, queryClient]);
  useEffect(() => {
    if (dryRunDone) void queryClient.invalidateQueries({ queryKey: queryKeys.imports() });
  }, [dryRunDone, queryClient]);
  const confirm = useCallback(() => {
    if (file) importUpload.mutate({ file, options: importOptionsOf(draft, false) });
  }, [file, draft, importUpload]);
  const chooseFile = useCallback((next: File) => restart(next, draft), [restart, draft]);
  const changeDraft = useCallback((next: ImportDraft) => restart(file, next), [restart, file]);
  const mapField = useCallback(
    (source: string, target: string) => restart(file, withMapping(draft, source, target)),
    [restart, file, draft],
  );
  return {
    file,
    chooseFile,
    draft,
    changeDraft,
    mapField,
    dryRunUpload,
    dryRun,
    preview,
    gate: confirmGate(dryRun.data, draft.skipInvalid),
    importUpload,
    imported,
    confirm,
  };
}

/** What {@link useImportSession} gives the page. */
export type ImportSession = ReturnType<typeof useImportSession>;
