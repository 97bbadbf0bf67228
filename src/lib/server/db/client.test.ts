import { sql } from 'drizzle-orm';
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
});
