import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database } from '../../../api/db/database';

/**
 * Opens the shared test database for one test file (see global-setup.ts) and closes it after.
 * Returns a getter because the connection exists only once `beforeAll` has run.
 */
export function useTestDatabase(): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    // One connection on the embedded database, as the app uses it (README decision 18).
    const poolSize = inject('databaseKind') === 'embedded' ? 1 : 4;
    db = await openDatabase({ databaseUrl: inject('databaseUrl'), dataDir: '', poolSize });
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('test database is not open yet');
    return db;
  };
}
