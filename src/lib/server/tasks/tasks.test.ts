import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { makeAdminNeighbourhood } from '../testing/neighbourhoods';
import type { DetailsOf } from './kinds';
import { completeTask, createTask, listOpenTasks, readTask } from './tasks';

/** A call as a mail for someone without e-mail leaves it. */
const call = { mailKind: 'loan_confirmation', subject: 'Bel', text: 'Tekst' };

describe('tasks on Today', () => {
	it('are created once per key, shown when due, and leave the list when done', () => {
		const db = createTestDb();
		const n = { id: makeAdminNeighbourhood(db).neighbourhoodId };
		const other = { id: makeAdminNeighbourhood(db, 'Elders').neighbourhoodId };
		const resident = insertTestUser(db);
		const broker = insertTestUser(db, { role: 'broker' });
		const first = createTask(
			db,
			{
				neighbourhoodId: n.id,
				kind: 'loan_overdue_call',
				subjectUserId: resident.id,
				dedupeKey: 'loan-overdue:1',
				// As an older version stored it: the loan only.
				details: { loanId: 1 } as DetailsOf<'loan_overdue_call'>
			},
			1000
		);
		expect(first).not.toBeNull();
		expect(
			createTask(
				db,
				{
					neighbourhoodId: n.id,
					kind: 'loan_overdue_call',
					dedupeKey: 'loan-overdue:1',
					details: { loanId: 1, tool: 'Boor', endDate: '2026-03-08' }
				},
				2000
			)
		).toBeNull();
		createTask(
			db,
			{ neighbourhoodId: n.id, kind: 'call_resident', dueAt: 5000, details: call },
			1000
		);
		createTask(db, { neighbourhoodId: other.id, kind: 'call_resident', details: call }, 1000);

		const due = listOpenTasks(db, [n.id], 1500);
		expect(due.map((t) => t.kind)).toEqual(['loan_overdue_call']);
		expect(readTask(due[0]!).details).toEqual({ loanId: 1 });
		expect(listOpenTasks(db, [n.id], 6000)).toHaveLength(2);
		expect(listOpenTasks(db, [n.id], 6000, ['call_resident'])).toHaveLength(1);

		expect(completeTask(db, first!, broker.id, 'Called; returning tomorrow', 7000)).toBe(true);
		expect(completeTask(db, first!, broker.id, 'again', 8000)).toBe(false);
		expect(listOpenTasks(db, [n.id], 9000).map((t) => t.kind)).toEqual(['call_resident']);
	});
});
