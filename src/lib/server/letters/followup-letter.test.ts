import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { followUps, neighbourhoodBrokers, outbox, tasks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { runFollowUps } from '../followup/worker';
import { createPost } from '../posts/create';
import { acceptResponse, respond } from '../posts/responses';
import { makeNeighbourhood, makePostInput } from '../testing/posts';
import { DAY, HOUR, brussels } from '../testing/dates';
import { lettersToPrint } from './letters';

const ORIGIN = 'https://buurt.example';
const AGREED = brussels('2026-11-10', '10:00');

describe('the follow-up of someone reached by letter', () => {
	it('is one letter on the list, and no call task, even when the job runs twice', () => {
		const db = createTestDb();
		const t = makeNeighbourhood(db);
		const an = t.resident('An', { role: 'broker' });
		db.insert(neighbourhoodBrokers).values({ neighbourhoodId: t.hood.id, userId: an.id }).run();
		const rosa = t.resident('Rosa Peeters', {
			email: null,
			phone: null,
			contactBy: 'letter',
			streetId: t.street.id,
			houseNumber: '12'
		});
		const jan = t.resident('Jan Claes', { email: 'jan@test.example' });
		const made = createPost(db, rosa.id, makePostInput(t.category.id), true, AGREED - 1000, {
			placedById: an.id,
			publishAtOnce: true
		});
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, jan.id, 'Ik kan dinsdag', AGREED - 500);
		if (!r.ok) throw new Error('respond');
		if (!acceptResponse(db, r.response.id, an.id, AGREED).ok) throw new Error('accept');
		const followUp = db.select().from(followUps).where(eq(followUps.userId, rosa.id)).get()!;

		const due = AGREED + 14 * DAY + HOUR;
		runFollowUps(db, due, ORIGIN);
		runFollowUps(db, due, ORIGIN);
		runFollowUps(db, due + HOUR, ORIGIN);

		const letters = db
			.select()
			.from(outbox)
			.where(and(eq(outbox.userId, rosa.id), eq(outbox.channel, 'letter')))
			.all()
			.filter((l) => (JSON.parse(l.about) as { followUpId?: number }).followUpId === followUp.id);
		expect(letters).toHaveLength(1);
		expect(letters[0]).toMatchObject({ status: 'pending', toAddress: '', kind: 'follow_up' });
		expect(letters[0]!.textBody).toContain('Jan');
		expect(
			lettersToPrint(db, [t.hood.id]).filter(
				(l) => l.id === letters[0]!.id && l.kind === 'follow_up'
			)
		).toHaveLength(1);
		// The letter is how she is asked: no call task for the broker besides it.
		expect(
			db
				.select()
				.from(tasks)
				.where(and(eq(tasks.subjectUserId, rosa.id), eq(tasks.kind, 'call_resident')))
				.all()
		).toEqual([]);
	});
});
