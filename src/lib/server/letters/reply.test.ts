import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { followUps, neighbourhoodBrokers } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { answerOnBehalf } from '../followup/answer';
import { createPost } from '../posts/create';
import { acceptResponse, respond } from '../posts/responses';
import { makeLetter } from '../testing/letters';
import { makeNeighbourhood, makePostInput } from '../testing/posts';
import { DAY, brussels } from '../testing/dates';
import { markLetterPrinted, readLetter } from './letters';
import { letterSender, lettersAboutFollowUp } from './print';

const AGREED = brussels('2026-11-10', '10:00');

/** Rosa (reached by letter) asked for help, Jan helps; her follow-up is asked in a letter. */
function followUpLetter() {
	const db = createTestDb();
	const t = makeNeighbourhood(db);
	const an = t.resident('An', { role: 'broker' });
	db.insert(neighbourhoodBrokers).values({ neighbourhoodId: t.hood.id, userId: an.id }).run();
	const rosa = t.resident('Rosa Peeters', { email: null, contactBy: 'letter' });
	const jan = t.resident('Jan Claes');
	// The broker placed it for Rosa on the phone: she is the requester.
	const made = createPost(db, rosa.id, makePostInput(t.category.id), true, AGREED - 1000, {
		placedById: an.id,
		publishAtOnce: true
	});
	if (!made.ok) throw new Error('post');
	const r = respond(db, made.post, jan.id, 'Ik kan dinsdag', AGREED - 500);
	if (!r.ok) throw new Error('respond');
	const accepted = acceptResponse(db, r.response.id, an.id, AGREED);
	if (!accepted.ok) throw new Error('accept');
	const followUp = db.select().from(followUps).where(eq(followUps.userId, rosa.id)).get()!;
	const letter = makeLetter(db, rosa, {
		followUpId: followUp.id,
		postId: made.post.id,
		at: AGREED + 14 * DAY
	});
	return { db, an, rosa, jan, followUp, letter };
}

describe('a follow-up letter', () => {
	it('prints a reply form about the other side; the answer the broker types in answers the follow-up', () => {
		const { db, an, followUp, letter } = followUpLetter();
		const read = readLetter(db, letter.id)!;
		expect(read.followUpId).toBe(followUp.id);
		expect(letterSender(db, read).reply).toEqual({
			followUpId: followUp.id,
			other: 'Jan',
			answered: false
		});
		expect(lettersAboutFollowUp(db, followUp.id)).toEqual([
			{ id: letter.id, createdAt: AGREED + 14 * DAY, printedAt: null }
		]);

		markLetterPrinted(db, read, an.id, AGREED + 15 * DAY);
		const answered = answerOnBehalf(
			db,
			followUp.id,
			an.id,
			{ outcome: 'went_well', continuation: 'yes', comment: 'Per brief: Jan is een schat.' },
			AGREED + 20 * DAY
		);

		expect(answered).toBe(true);
		expect(db.select().from(followUps).where(eq(followUps.id, followUp.id)).get()).toMatchObject({
			answeredAt: AGREED + 20 * DAY,
			answeredById: an.id,
			outcome: 'went_well',
			comment: 'Per brief: Jan is een schat.'
		});
		expect(letterSender(db, read).reply).toMatchObject({ answered: true });
		expect(lettersAboutFollowUp(db, followUp.id)).toEqual([
			{ id: letter.id, createdAt: AGREED + 14 * DAY, printedAt: AGREED + 15 * DAY }
		]);
	});
});
