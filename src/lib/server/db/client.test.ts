import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

describe('the database connection', () => {
	it('prepares a statement once and hands the same one out again', () => {
		const { sqlite } = openDatabase(':memory:');
		const first = sqlite.prepare('select 1 as one');
		expect(sqlite.prepare('select 1 as one')).toBe(first);
		expect(sqlite.prepare('select 2 as two')).not.toBe(first);
	});

	it('hands a kept statement out in the default mode after it was used for raw rows', () => {
		const { db, sqlite } = openDatabase(':memory:');
		// Drizzle's query builder switches statements to raw rows (arrays); its plain SQL queries
		// expect objects from a statement with the same text.
		expect(sqlite.prepare('select 1 as one').raw().get()).toEqual([1]);
		expect(db.all(sql`select 1 as one`)).toEqual([{ one: 1 }]);
	});

	it('gives an index without statistics its statistics when the database is opened', () => {
		const dir = mkdtempSync(join(tmpdir(), 'naburig-stats-'));
		try {
			const file = join(dir, 'stats.db');
			const first = openDatabase(file).sqlite;
			first.exec('create table numbers (n integer, half integer)');
			first.exec('create index numbers_half on numbers (half)');
			const add = first.prepare('insert into numbers values (?, ?)');
			for (let i = 0; i < 1000; i++) add.run(i, i >> 1);
			first.close();
			const { sqlite } = openDatabase(file);
			// 1000 rows, and about two rows per value of `half`.
			expect(
				sqlite.prepare("select stat from sqlite_stat1 where idx = 'numbers_half'").get()
			).toEqual({ stat: '1000 2' });
			sqlite.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
