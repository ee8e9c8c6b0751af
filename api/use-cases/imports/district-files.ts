import { readSource } from '../../files/read-source';
import { UnreadableFileError } from '../../files/source';
import type { DistrictFile } from './district-manifest';
import type { DistrictFileReport } from './district-report';

/**
 * Reads every file of a district before anything is written: a file the manifest names but the
 * caller did not give, or one that cannot be read at all, stops the whole replacement. Each
 * file gets its own report, so one run lists every broken file.
 */
export async function preflightFiles(
  ordered: DistrictFile[],
  files: ReadonlyMap<string, Uint8Array>,
): Promise<DistrictFileReport[]> {
  const reports: DistrictFileReport[] = [];
  for (const file of ordered) {
    const base = { file: file.file, collection: file.collection, counts: null, problems: [] };
    const bytes = files.get(file.file);
    if (!bytes) {
      const error = `缺少文件 ${file.file} / the manifest lists ${file.file} but it was not found`;
      reports.push({ ...base, status: 'missing', error });
      continue;
    }
    try {
      await readSource(bytes, {
        fileName: file.file,
        format: file.format,
        encoding: file.encoding,
      });
      reports.push({ ...base, status: 'succeeded', error: null });
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      reports.push({ ...base, status: 'unreadable', error: error.message });
    }
  }
  return reports;
}
