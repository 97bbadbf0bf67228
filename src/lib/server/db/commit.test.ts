import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from './client';
import { users } from './schema';
import { fillDisk } from './test-disk-full';
import type Database from 'better-sqlite3';

let dir: string;
let db: DB;
let sqlite: Database.Database;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'naburig-full-'));
	({ db, sqlite } = openDatabase(join(dir, 'full.db')));
	db.insert(users)
		.values({ id: 'u1', displayName: 'Els', email: 'els@test.example', createdAt: 0 })
		.run();
});

afterEach(() => {
	sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Runs `write` while the disk is full and returns what it threw (nothing: undefined). */
function whileFull(write: () => unknown): unknown {
	const free = fillDisk();
	try {
		write();
		return undefined;
	} catch (e) {
		return e;
	} finally {
		free();
	}
}

const names = () =>
	db
		.select({ name: users.displayName })
		.from(users)
		.all()
		.map((u) => u.name);
const newUser = { id: 'u2', displayName: 'Nieuw', email: 'nieuw@test.example', createdAt: 0 };

describe('a write the database could not commit (disk full)', () => {
	it.each([
		['insert … returning, one row', () => db.insert(users).values(newUser).returning().get()],
		['insert … returning, all rows', () => db.insert(users).values(newUser).returning().all()],
		['insert … returning, values', () => db.insert(users).values(newUser).returning().values()],
		['insert, run', () => db.insert(users).values(newUser).run()],
		['insert or nothing', () => db.insert(users).values(newUser).onConflictDoNothing().run()],
		[
			'insert inside a transaction',
			() => db.transaction((tx) => tx.insert(users).values(newUser).returning().get())
		],
		[
			'plain SQL with returning',
			() =>
				db.get(
					sql`insert into users (id, display_name, email, created_at) values ('u2', 'Nieuw', 'nieuw@test.example', 0) returning id`
				)
		],
		[
			'the raw connection, returning',
			() =>
				sqlite
					.prepare(
						"insert into users (id, display_name, email, created_at) values ('u2', 'Nieuw', 'n@test.example', 0) returning id"
					)
					.get()
		]
	])('%s throws and stores nothing', (_kind, write) => {
		expect(whileFull(write)).toBeInstanceOf(Error);
		expect(names()).toEqual(['Els']);
	});

	it.each([
		[
			'update … returning, one row',
			() =>
				db.update(users).set({ displayName: 'Anders' }).where(eq(users.id, 'u1')).returning().get()
		],
		[
			'update, run',
			() => db.update(users).set({ displayName: 'Anders' }).where(eq(users.id, 'u1')).run()
		],
		['delete … returning', () => db.delete(users).where(eq(users.id, 'u1')).returning().get()]
	])('%s throws and changes nothing', (_kind, write) => {
		expect(whileFull(write)).toBeInstanceOf(Error);
		expect(names()).toEqual(['Els']);
	});

	it('works again once there is space, on the same connection', () => {
		whileFull(() => db.insert(users).values(newUser).returning().get());
		expect(db.insert(users).values(newUser).returning().get().displayName).toBe('Nieuw');
		expect(names()).toEqual(['Els', 'Nieuw']);
	});
});
