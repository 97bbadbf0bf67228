import { describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { recordAudit } from './audit';

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
