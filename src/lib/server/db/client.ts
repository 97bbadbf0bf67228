import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema>;
/** A transaction handle; domain functions accept either a DB or a transaction. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type DbOrTx = DB | Tx;

/** Where the generated SQL migrations live; the app runs from the repository root. */
export const MIGRATIONS_FOLDER = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/** Opens (and creates) a SQLite database, sets WAL and a busy timeout, and applies migrations. */
export function openDatabase(url: string): { db: DB; sqlite: Database.Database } {
	if (url !== ':memory:') mkdirSync(dirname(resolve(url)), { recursive: true });
	const sqlite = new Database(url);
	// WAL lets readers work while the mail worker writes; the timeout absorbs short write locks.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('synchronous = NORMAL');
	keepPreparedStatements(sqlite);
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
	refreshQueryStatistics(sqlite, true);
	return { db, sqlite };
}

/**
 * Lets SQLite renew its statistics where they are missing or out of date (a new index, a table
 * that grew), reading a sample of each index only, so it takes milliseconds. Without them the
 * planner can pick an index that is not covering: after a new index came, the list read every
 * post row instead of one index. As SQLite advises, on opening (`opening`: every table) and now
 * and then on a connection that stays open (the periodic jobs).
 */
export function refreshQueryStatistics(sqlite: Database.Database, opening = false): void {
	sqlite.pragma('analysis_limit = 400');
	sqlite.pragma(opening ? 'optimize = 0x10002' : 'optimize');
}

/** How many prepared statements one connection keeps; the app has a few hundred query shapes. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Keeps the statements Drizzle prepares, by their SQL, so a query asked again is not compiled
 * again: SQLite's compiling was a large share of a page's time. Least recently used ones are
 * dropped first. Drizzle switches a statement to raw rows for some calls and not for others,
 * so a kept statement is handed out in the default mode.
 */
function keepPreparedStatements(sqlite: Database.Database): void {
	const prepare = sqlite.prepare.bind(sqlite);
	const kept = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		let statement = kept.get(source);
		if (statement) {
			kept.delete(source);
			if (statement.reader) statement.raw(false);
		} else {
			statement = prepare(source);
			if (statement.reader && !statement.readonly) commitBeforeAnswering(statement);
			if (kept.size >= STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
		}
		kept.set(source, statement);
		return statement;
	}) as typeof sqlite.prepare;
}

/**
 * A write that answers rows (`insert/update/delete … returning`) read with `.get()` outside a
 * transaction must run to its end before it answers. `.get()` takes the first row and resets the
 * statement; the commit happens in that reset, and better-sqlite3 drops the reset's error: on a
 * full disk it answered the row although nothing was stored. `.all()` steps to the end, so a
 * failed commit throws. Inside a transaction the COMMIT throws by itself.
 */
function commitBeforeAnswering(statement: Database.Statement): void {
	const get = statement.get;
	const all = statement.all;
	statement.get = function (this: Database.Statement, ...params: unknown[]) {
		if (this.database.inTransaction) return get.apply(this, params);
		return all.apply(this, params)[0];
	};
}

/**
 * A Drizzle query prepared once per connection (or transaction) and run with new values each
 * time, for the queries every page asks (session, viewer, badges): building their SQL anew on
 * every request took as long as running them. The query takes its values as placeholders.
 */
export function preparedOnce<Q>(build: (db: DbOrTx) => Q): (db: DbOrTx) => Q {
	const built = new WeakMap<DbOrTx, Q>();
	return (db) => {
		let query = built.get(db);
		if (query === undefined) {
			query = build(db);
			built.set(db, query);
		}
		return query;
	};
}
