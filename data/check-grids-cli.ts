import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config';
import { CommunityCodeSchema } from '../api/contract/quality';
import { openDatabase } from '../api/db/database';
import { checkGridTopology, unknownCommunityCodes } from '../api/db/grid-quality';
import { summariseGridQuality } from './check-grids-summary';

const USAGE = `用法 Usage: npm run check:grids -- [--community CODE]… [--json]

检查网格拓扑（全覆盖、无缝隙、不重叠）。Checks the grid topology of every community, or of the
given ones: gaps, overlaps, grids outside their community, buildings in no grid or in several.
Reads the configured database (DATABASE_URL, or the embedded database in YIPING_DATA_DIR).
--json prints the report as GET /api/v1/quality/grids answers it.
退出码 Exit code: 0 clean, 1 problems found, 2 error.`;

/** Exit codes: scripts and CI tell a clean district from a faulty one and from a failed run. */
const EXIT = { clean: 0, problems: 1, error: 2 } as const;

function readArgs() {
  const { values } = parseArgs({
    options: {
      community: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const codes = values.community?.flatMap((value) => value.split(','));
  for (const code of codes ?? []) {
    if (!CommunityCodeSchema.safeParse(code).success) {
      throw new Error(`社区代码应为 12 位数字 A community code has 12 digits: ${code}`);
    }
  }
  return { codes, json: values.json, help: values.help };
}

/** `npm run check:grids`: the topology report on the terminal, its verdict as the exit code. */
async function main(): Promise<number> {
  const args = readArgs();
  if (args.help) return (void process.stdout.write(USAGE + '\n'), EXIT.clean);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (args.codes) {
      const unknown = await unknownCommunityCodes(db.pool, args.codes);
      if (unknown.length)
        throw new Error(`没有这些社区 No such communities: ${unknown.join(', ')}`);
    }
    const report = await checkGridTopology(db.pool, { communityCodes: args.codes });
    process.stdout.write(
      (args.json ? JSON.stringify(report) : summariseGridQuality(report)) + '\n',
    );
    return report.clean ? EXIT.clean : EXIT.problems;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(EXIT.error);
  },
);
