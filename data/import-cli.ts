import { open, readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config';
import { ImportOptionsSchema, type ImportOptions } from '../api/contract/imports';
import { openDatabase } from '../api/db/database';
import { systemClock } from '../api/domain/clock';
import { UnreadableFileError } from '../api/files/source';
import { detectFormat, SNIFF_BYTES } from '../api/files/detect-format';
import { readUpload, runImportJobNow } from '../api/use-cases/imports/jobs';
import { printReport, progressPrinter } from './import-report';

const USAGE = `用法 Usage: npm run import -- --collection <id> --crs wgs84|cgcs2000|gcj02|bd09
    [--format geojson|csv|shp|gpkg] [--mapping map.json] [--encoding gbk|utf-8]
    [--dry-run] [--skip-invalid] [--replace] [--repair] [--allow-outside] [--json] FILE

把一个文件导入一个图层（DATABASE_URL 或 YIPING_DATA_DIR 中的内嵌数据库），并记入导入历史。
Imports one file into one layer of the configured database (DATABASE_URL, or the embedded
database in YIPING_DATA_DIR) and records it in the import history.
  --collection  admin-areas | grids | members | cameras | service-points | buildings | roads | water
  --mapping     a JSON file: { "source field": "our field", ... }
  --json        print the outcome as JSON instead of the report
进度写到 stderr，报告写到 stdout。Progress goes to stderr, the report to stdout.
退出码 Exit: 0 imported (or a clean dry run), 1 rejected or failed, 2 unreadable file or bad options.`;

/** Bad arguments or an unreadable file: exit 2 with the message (and the usage for arguments). */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        collection: { type: 'string' },
        crs: { type: 'string' },
        format: { type: 'string' },
        mapping: { type: 'string' },
        encoding: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        repair: { type: 'boolean', default: false },
        'allow-outside': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function readMapping(file: string | undefined): Promise<unknown> {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`--mapping ${file}: ${(error as Error).message}`);
  }
}

async function optionsOf(values: ReturnType<typeof parseCommandLine>['values']) {
  const parsed = ImportOptionsSchema.strict().safeParse({
    collection: values.collection,
    crs: values.crs,
    format: values.format,
    encoding: values.encoding,
    mapping: await readMapping(values.mapping),
    dryRun: values['dry-run'],
    skipInvalid: values['skip-invalid'],
    replace: values.replace,
    repair: values.repair,
    allowOutside: values['allow-outside'],
  });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `--${String(i.path[0] ?? '?')}: ${i.message}`);
  throw new UsageError(`导入选项无效 Bad options:\n  ${issues.join('\n  ')}`);
}

/** The file's first bytes: enough to refuse a file of no known format before reading it all. */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readInput(file: string, options: ImportOptions) {
  let bytes: Uint8Array;
  try {
    detectFormat(await readHead(file), path.basename(file), options.format);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) {
      throw new UsageError(`无法读取 Cannot read ${file}: ${(error as Error).message}`, false);
    }
    throw new UsageError(`无法读取文件 The file cannot be read: ${error.message}`, false);
  }
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new UsageError(`无法读取 Cannot read ${file}: ${(error as Error).message}`, false);
  }
  const fileName = path.basename(file);
  try {
    return { bytes, fileName, source: await readUpload(bytes, { fileName, options, actor: '' }) };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new UsageError(`无法读取文件 The file cannot be read: ${error.message}`, false);
  }
}

/** `npm run import`: one file into one layer, with progress, a report and an exit code. */
async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('请给出一个文件 Give exactly one FILE.');
  const options = await optionsOf(values);
  const { bytes, fileName, source } = await readInput(positionals[0]!, options);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const actor = `cli:${userInfo().username}`;
    const input = { bytes, fileName, options, actor, now: systemClock.now() };
    const deps = { pool: db.pool, clock: systemClock };
    const onProgress = progressPrinter(process.stderr);
    const { job, outcome } = await runImportJobNow(deps, input, source, onProgress);
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ ...job, topology: outcome?.topology ?? null }, null, 2)}\n`,
      );
    } else {
      printReport(process.stdout, job);
    }
    return job.status === 'succeeded' ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    const usage = !(error instanceof UsageError) || error.showUsage ? `\n\n${USAGE}` : '';
    process.stderr.write(`${error.message}${error instanceof UsageError ? usage : ''}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
