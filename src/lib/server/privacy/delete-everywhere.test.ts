import { and, eq, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/client';
import {
	gatherings,
	gatheringSignups,
	loans,
	matches,
	matchProposals,
	outbox,
	posts,
	toolWaitlist,
	users
} from '../db/schema';
import { createTestDb } from '../db/test-db';
import { personColumns, schemaTables } from './coverage';
import { deleteAccount, DeletionRefused } from './delete';
import { keptColumns, PERSONAL_DATA } from './personal-data';
import { makeFullPerson } from '../testing/person';

/** What identifies Maria or what she wrote about herself, as stored by the fixture. */
const HER = ['Maria', 'Janssens', 'maria@test.example', 'maria.nieuw', '015 41 22 87', 'babbel'];

/** Every `table.column` whose text contains one of the strings, read from SQLite itself. */
function whereFound(db: DB, needles: string[]): string[] {
	const tables = db
		.all<{ name: string }>(
			sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`
		)
		.map((t) => t.name);
	const found = new Set<string>();
	for (const table of tables) {
		const columns = db.all<{ name: string; type: string }>(
			sql`SELECT name, type FROM pragma_table_info(${table})`
		);
		for (const { name } of columns.filter((c) => /text/i.test(c.type)))
			for (const needle of needles) {
				const hit = db.get(
					sql`SELECT 1 FROM ${sql.identifier(table)} WHERE instr(lower(${sql.identifier(name)}), lower(${needle})) > 0 LIMIT 1`
				);
				if (hit) found.add(`${table}.${name}`);
			}
	}
	return [...found].sort();
}

/** Rows of a table that point at the person in one of its person columns. */
function rowsPointingAt(db: DB, table: string, columns: string[], id: string): number {
	const where = sql.join(
		columns.map((c) => sql`${sql.identifier(c)} = ${id}`),
		sql` OR `
	);
	return db.get<{ n: number }>(
		sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE ${where}`
	)!.n;
}

const personColumnsByTable = () => {
	const byTable = new Map<string, string[]>();
	for (const { table, column } of personColumns(schemaTables()))
		byTable.set(table, [...(byTable.get(table) ?? []), column]);
	return byTable;
};

describe('deleting an account, across the whole database', () => {
	it('the fixture gives the person a row in every table that refers to a person', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const empty = [...personColumnsByTable()]
			.filter(([table, cols]) =>
				table === 'users' ? false : rowsPointingAt(db, table, cols, person.id) === 0
			)
			.map(([table]) => table);
		expect(empty).toEqual([]);
	});

	it('leaves none of her words, name, address or number anywhere, except where a written reason keeps them', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const before = whereFound(db, HER);
		expect(before.length).toBeGreaterThan(20);

		deleteAccount(db, person.id, 5_000);

		const kept = new Set(keptColumns().map((k) => `${k.table}.${k.column}`));
		const after = whereFound(db, HER);
		expect(after.filter((place) => !kept.has(place))).toEqual([]);
		// The search does find what stays on purpose: Jozef's copy of a mail that names her.
		expect(after).toContain('outbox.text_body');
	});

	it('removes every row the list says is deleted, and resets every emptied profile field', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		deleteAccount(db, person.id, 5_000);

		const byTable = personColumnsByTable();
		for (const [table, entries] of Object.entries(PERSONAL_DATA))
			for (const [column, c] of Object.entries(entries)) {
				if (!('leaves' in c.deletion) || c.deletion.leaves !== 'no rows') continue;
				if (!byTable.get(table)?.includes(column)) continue;
				expect(rowsPointingAt(db, table, [column], person.id), `${table}.${column}`).toBe(0);
			}

		const row = db.get<Record<string, unknown>>(sql`SELECT * FROM users WHERE id = ${person.id}`)!;
		for (const col of getTableConfig(users).columns) {
			const c = PERSONAL_DATA.users?.[col.name];
			if (!c || !('leaves' in c.deletion)) continue;
			const value = row[col.name];
			const reset = value === null || value === '' || value === col.default;
			expect(reset, `users.${col.name} = ${String(value)}`).toBe(true);
		}
	});

	it('is refused while she has a tool at home, and nothing changes', () => {
		const db = createTestDb();
		const { person, returned } = makeFullPerson(db);
		db.update(loans).set({ status: 'on_loan' }).where(eq(loans.id, returned.id)).run();

		expect(() => deleteAccount(db, person.id, 5_000)).toThrow(DeletionRefused);
		try {
			deleteAccount(db, person.id, 5_000);
		} catch (e) {
			expect((e as DeletionRefused).tools).toEqual(['Boormachine']);
		}
		expect(db.select().from(users).where(eq(users.id, person.id)).get()!.status).toBe('active');
	});

	it('cancels her bookings (the next person waiting hears the tool is free) and keeps past loans', () => {
		const db = createTestDb();
		const { person, jozef, booked, returned } = makeFullPerson(db);
		db.insert(toolWaitlist)
			.values({ toolId: booked.toolId, userId: jozef.id, createdAt: 40 })
			.run();

		deleteAccount(db, person.id, Date.UTC(2026, 0, 5, 10), { origin: 'https://naburig.test' });

		expect(db.select().from(loans).where(eq(loans.id, booked.id)).get()).toMatchObject({
			status: 'cancelled',
			cancelReason: 'borrower'
		});
		expect(db.select().from(loans).where(eq(loans.id, returned.id)).get()).toMatchObject({
			status: 'returned',
			borrowerId: person.id,
			agreementAcceptanceId: null
		});
		const toJozef = db
			.select({ text: outbox.textBody })
			.from(outbox)
			.where(and(eq(outbox.userId, jozef.id), eq(outbox.kind, 'loan_waitlist_free')))
			.all();
		expect(toJozef).toHaveLength(1);
		expect(toJozef[0]?.text).toContain('https://naburig.test');
	});

	it('withdraws a match still going on, so the request she helped with is open again', () => {
		const db = createTestDb();
		const { person, jozefsPost, helpedJozef } = makeFullPerson(db);
		deleteAccount(db, person.id, 5_000);
		expect(db.select().from(matches).where(eq(matches.id, helpedJozef.id)).get()).toMatchObject({
			status: 'withdrawn',
			endedAt: 5_000
		});
		expect(db.select().from(posts).where(eq(posts.id, jozefsPost.id)).get()!.status).toBe('open');
		expect(
			db
				.select({ status: matchProposals.status, note: matchProposals.note })
				.from(matchProposals)
				.all()
		).toEqual([
			{ status: 'withdrawn', note: '' },
			{ status: 'withdrawn', note: '' }
		]);
	});

	it('gives up her place at a gathering to come: the first person waiting moves up and is told', () => {
		const db = createTestDb();
		const { person, jozef, volunteering } = makeFullPerson(db);
		const { coming } = volunteering;
		db.update(gatherings).set({ capacity: 1 }).where(eq(gatherings.id, coming.id)).run();
		db.insert(gatheringSignups)
			.values({ gatheringId: coming.id, userId: jozef.id, status: 'waiting', createdAt: 50 })
			.run();

		deleteAccount(db, person.id, 5_000, { origin: 'https://naburig.test' });

		expect(
			db
				.select({ userId: gatheringSignups.userId, status: gatheringSignups.status })
				.from(gatheringSignups)
				.where(eq(gatheringSignups.gatheringId, coming.id))
				.all()
		).toEqual([{ userId: jozef.id, status: 'signed_up' }]);
		const told = db
			.select({ url: outbox.url })
			.from(outbox)
			.where(and(eq(outbox.userId, jozef.id), eq(outbox.kind, 'gathering_moved_up')))
			.all();
		expect(told).toEqual([{ url: `https://naburig.test/gatherings/${coming.id}` }]);
	});
});
