import type {
  ImportCounts,
  ImportDetection,
  ImportOptions,
  ImportProblem,
} from '../../contract/imports';
import type { GridQualityReport } from '../../contract/quality';

/** Where a running import is: shown as a progress bar and in the job. */
export interface ImportProgress {
  stage: 'reading' | 'checking' | 'writing' | 'topology';
  done: number;
  total: number;
}

/** One file to import, with who asked for it (written to the audit log). */
export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  options: ImportOptions;
  actor: string;
  now: Date;
}

/** How an import ended. `rejected`: the file had errors and nothing was written. */
export interface ImportOutcome {
  status: 'succeeded' | 'rejected';
  detection: ImportDetection;
  counts: ImportCounts;
  problems: ImportProblem[];
  /** The grid topology check run after a grid (or admin-area) import; null for other layers. */
  topology: GridQualityReport | null;
}
