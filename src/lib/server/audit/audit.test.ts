import { describe, expect, it } from 'vitest';
import { auditLog, neighbourhoods } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { makeNeighbourhood } from '../testing/posts';
import { AUDIT_PAGE_SIZE, listAudit, recordAudit } from './audit';

describe('audit log', () => {
	it('writes who did what, when, with the detail as JSON', () => {
		const db = createTestDb();
		const actor = insertTestUser(db, { role: 'admin' });
		recordAudit(
			db,
			{
				actorId: actor.id,
				action: 'street.add',
				subjectType: 'street',
				subjectId: 7,
				neighbourhoodId: null,
				detail: { name: 'Kerkstraat' }
			},
			1234
		);
		expect(db.select().from(auditLog).all()).toEqual([
			{
				id: 1,
				at: 1234,
				actorId: actor.id,
				action: 'street.add',
				subjectType: 'street',
				subjectId: '7',
				neighbourhoodId: null,
				detail: '{"name":"Kerkstraat"}'
			}
		]);
	});

	it('disappears with the transaction of the change when that rolls back', () => {
		const db = createTestDb();
		expect(() =>
			db.transaction((tx) => {
				recordAudit(
					tx,
					{
						actorId: null,
						action: 'street.add',
						subjectType: 'street',
						subjectId: 1,
						neighbourhoodId: null
					},
					0
				);
				throw new Error('the change failed');
			})
		).toThrow('the change failed');
		expect(db.select().from(auditLog).all()).toEqual([]);
	});
});

describe('reading the audit log', () => {
	it("shows a broker only their neighbourhoods' rows, newest first, a page at a time", () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const other = db
			.insert(neighbourhoods)
			.values({ ...ctx.hood, id: undefined, slug: 'andere', name: 'Andere' })
			.returning()
			.all()[0]!;
		const bea = ctx.resident('Bea', { role: 'broker' });
		const row = (i: number, neighbourhoodId: number | null, action: string) =>
			recordAudit(
				db,
				{ actorId: bea.id, action, subjectType: 'post', subjectId: i, neighbourhoodId },
				i
			);
		for (let i = 1; i <= AUDIT_PAGE_SIZE + 3; i++) row(i, ctx.hood.id, 'post.approve');
		row(1000, other.id, 'post.reject');
		row(1001, null, 'neighbourhood.create');
		row(1002, ctx.hood.id, 'signal.read');

		const first = listAudit(db, [ctx.hood.id]);
		expect(first).toHaveLength(AUDIT_PAGE_SIZE);
		expect(first[0]).toMatchObject({ action: 'signal.read', actor: 'Bea', subjectId: '1002' });
		expect(first.some((r) => r.neighbourhoodId !== ctx.hood.id)).toBe(false);
		const older = listAudit(db, [ctx.hood.id], { before: first.at(-1)!.id });
		expect(older.map((r) => r.subjectId)).toEqual(['4', '3', '2', '1']);
		expect(listAudit(db, [ctx.hood.id], { action: 'signal' }).map((r) => r.action)).toEqual([
			'signal.read'
		]);
		// Admins (null) see every row, including those of no neighbourhood.
		expect(listAudit(db, null, { action: 'neighbourhood' })).toHaveLength(1);
		expect(listAudit(db, [])).toEqual([]);
	});
});
