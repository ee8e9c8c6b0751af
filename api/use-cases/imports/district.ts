import type pg from 'pg';
import { ImportOptionsSchema } from '../../contract/imports';
import { appendAudit } from '../../db/audit';
import {
  clearStaticLayers,
  countStaticLayers,
  deferOperationalKeys,
} from '../../db/district-layers';
import {
  accountWarnings,
  countOrphans,
  discardOrphans,
  noOrphans,
} from '../../db/district-operational';
import { markDistrictImported } from '../../db/district-meta';
import { inTransaction } from '../../db/transaction';
import { preflightFiles } from './district-files';
import { filesInLoadingOrder, type DistrictFile, type DistrictManifest } from './district-manifest';
import type { DistrictFileReport, DistrictOutcome } from './district-report';
import { importLayer, type ImportProgress } from './run-import';

export interface ReplaceDistrictOptions {
  now: Date;
  /** Delete the operational records that refer to areas or members the new district lacks. */
  discardOperational?: boolean;
  onProgress?: (file: DistrictFile, progress: ImportProgress) => void;
}

const EMPTY_AFTER = { loaded: null, orphans: null, accounts: null, discarded: false } as const;

/** Carries a finished outcome out of the transaction so that it rolls back. */
class RolledBack extends Error {
  constructor(readonly outcome: DistrictOutcome) {
    super(outcome.status);
  }
}

/**
 * Replaces the whole district: every static layer (admin areas, grids, members, buildings,
 * roads, water, service points, cameras) is emptied and loaded from the manifest's files, in
 * one transaction through `importLayer`. Every file is read first: a missing or unreadable one
 * stops everything before the database is touched. Any file with errors, or the database
 * refusing a row, rolls everything back with every file's problems reported. Operational records
 * (incidents, IoT devices, scenarios) that refer to what the new district lacks make it refuse,
 * unless `discardOperational`, which deletes them (audited). Tile and analysis versions move on
 * by their triggers, so every API instance serves the new district.
 */
export async function replaceDistrict(
  pool: pg.Pool,
  manifest: DistrictManifest,
  files: ReadonlyMap<string, Uint8Array>,
  actor: string,
  options: ReplaceDistrictOptions,
): Promise<DistrictOutcome> {
  const ordered = filesInLoadingOrder(manifest);
  const preflight = await preflightFiles(ordered, files);
  if (preflight.some((r) => r.status !== 'succeeded')) {
    return { status: 'rejected', files: preflight, removed: null, ...EMPTY_AFTER };
  }
  try {
    return await inTransaction(pool, (client) =>
      replaceInTransaction(client, manifest, ordered, files, actor, options),
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.outcome;
    throw error;
  }
}

async function replaceInTransaction(
  client: pg.PoolClient,
  manifest: DistrictManifest,
  ordered: DistrictFile[],
  files: ReadonlyMap<string, Uint8Array>,
  actor: string,
  options: ReplaceDistrictOptions,
): Promise<DistrictOutcome> {
  await deferOperationalKeys(client);
  const removed = await clearStaticLayers(client);
  const reports = await importFiles(client, ordered, files, actor, options);
  if (reports.some((r) => r.status === 'failed')) {
    // The database refused a statement: the transaction can run nothing more.
    throw new RolledBack({ status: 'rejected', files: reports, removed, ...EMPTY_AFTER });
  }
  const loaded = await countStaticLayers(client);
  const base = { files: reports, removed, loaded, discarded: false };
  if (reports.some((r) => r.status !== 'succeeded')) {
    throw new RolledBack({ status: 'rejected', ...base, orphans: null, accounts: null });
  }
  const orphans = await countOrphans(client);
  const accounts = await accountWarnings(client);
  const discard = !noOrphans(orphans) && (options.discardOperational ?? false);
  if (!noOrphans(orphans) && !discard) {
    throw new RolledBack({ status: 'refused', ...base, orphans, accounts });
  }
  if (discard) await discardOrphans(client);
  const outcome: DistrictOutcome = {
    status: 'replaced',
    ...base,
    orphans,
    accounts,
    discarded: discard,
  };
  await appendAudit(client, {
    at: options.now,
    actor,
    action: 'district.replace',
    target: manifest.name ?? 'district',
    detail: { removed, loaded, orphans, discarded: discard, accounts, files: summary(reports) },
  });
  await markDistrictImported(client, { name: manifest.name ?? null, at: options.now, actor });
  return outcome;
}

const summary = (reports: DistrictFileReport[]) =>
  reports.map((r) => ({ file: r.file, collection: r.collection, counts: r.counts }));

/** Imports the files in order; after a failure the rest are reported as not run. */
async function importFiles(
  client: pg.PoolClient,
  ordered: DistrictFile[],
  files: ReadonlyMap<string, Uint8Array>,
  actor: string,
  options: ReplaceDistrictOptions,
): Promise<DistrictFileReport[]> {
  const reports: DistrictFileReport[] = [];
  let failed = false;
  for (const file of ordered) {
    if (failed) {
      reports.push(report(file, 'not_run', null));
      continue;
    }
    const outcome = await importLayer(
      client,
      {
        bytes: files.get(file.file)!,
        fileName: file.file,
        options: ImportOptionsSchema.parse({ ...file, file: undefined }),
        actor,
        now: options.now,
      },
      (progress) => options.onProgress?.(file, progress),
    ).catch((error: Error) => error);
    if (outcome instanceof Error) {
      failed = true;
      reports.push(report(file, 'failed', outcome.message));
      continue;
    }
    reports.push({
      ...report(file, outcome.status, null),
      counts: outcome.counts,
      problems: outcome.problems,
      topology: outcome.topology,
    });
  }
  return reports;
}

function report(
  file: DistrictFile,
  status: DistrictFileReport['status'],
  error: string | null,
): DistrictFileReport {
  return {
    file: file.file,
    collection: file.collection,
    status,
    counts: null,
    problems: [],
    error,
  };
}
