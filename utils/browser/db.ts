import { ThreadsideDb } from '../db/database';

let db: ThreadsideDb | null = null;

/** The extension's one database connection per context (background, popup, options). */
export function getDb(): ThreadsideDb {
  db ??= new ThreadsideDb();
  return db;
}
