// A statement tried inside a transaction without ending it: run in a savepoint, and on failure
// rolled back to it, so the transaction goes on as it was before the statement.
import { asPostgresError, type Database, type PostgresError } from './database.js';

export async function attempt(db: Database, sql: string): Promise<PostgresError | undefined> {
  await db.exec('SAVEPOINT schemadoc_attempt');
  try {
    await db.exec(sql);
    await db.exec('RELEASE SAVEPOINT schemadoc_attempt');
    return undefined;
  } catch (error) {
    await db.exec('ROLLBACK TO SAVEPOINT schemadoc_attempt; RELEASE SAVEPOINT schemadoc_attempt');
    return asPostgresError(error);
  }
}
