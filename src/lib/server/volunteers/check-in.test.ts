import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, residentNotes, tasks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { describeTask } from '../tasks/describe';
import { listOpenTasks } from '../tasks/tasks';
import { DAY } from '../testing/dates';
import { makeTrustNeighbourhood } from '../testing/trust';
import { lastContacts } from './care';
import { completeCheckIn, planCheckIn, plannedCheckIns } from './check-in';

const NOW = Date.UTC(2026, 10, 24, 9);

describe('a check-in with a volunteer', () => {
	it('shows on Today from its day, and its outcome becomes a confidential note and contact', () => {
		const db = createTestDb();
		const { hood, broker, helper } = makeTrustNeighbourhood(db);
		const id = planCheckIn(
			db,
			{ id: helper.id, neighbourhoodId: hood.id },
			broker.id,
			NOW + 3 * DAY,
			NOW
		);
		expect(plannedCheckIns(db, helper.id)).toEqual([{ id, dueAt: NOW + 3 * DAY }]);
		expect(listOpenTasks(db, [hood.id], NOW)).toEqual([]);
		const [task] = listOpenTasks(db, [hood.id], NOW + 3 * DAY);
		expect(task?.kind).toBe('volunteer_check_in');
		expect(describeTask(task!, 'Jozef Peeters', 'en').subject).toContain('Check in with');
		expect(lastContacts(db, [helper.id]).get(helper.id)).toBeNull();

		const later = NOW + 4 * DAY;
		expect(completeCheckIn(db, task!, broker.id, 'Gaat goed, wil minder ritten.', later)).toBe(
			true
		);
		expect(
			db
				.select({ body: residentNotes.body, authorId: residentNotes.authorId })
				.from(residentNotes)
				.where(eq(residentNotes.userId, helper.id))
				.all()
		).toEqual([{ body: 'Gaat goed, wil minder ritten.', authorId: broker.id }]);
		expect(db.select().from(tasks).get()?.doneAt).toBe(later);
		expect(lastContacts(db, [helper.id]).get(helper.id)).toBe(later);
		expect(
			db
				.select({ action: auditLog.action })
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['volunteer.check_in_planned', 'note.write']);
		// Done once: a second completion writes no second note.
		expect(completeCheckIn(db, task!, broker.id, 'Nog eens', later)).toBe(false);
		expect(db.select().from(residentNotes).all()).toHaveLength(1);
		expect(plannedCheckIns(db, helper.id)).toEqual([]);
	});
});
