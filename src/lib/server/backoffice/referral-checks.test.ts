import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { localInstant } from '../calendar';
import { auditLog, outbox, posts, referralChecks, services, tasks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { makeNeighbourhood } from '../testing/posts';
import { referPost } from '../broker/referrals';
import {
	answerByToken,
	checksForToday,
	recordCheckAnswer,
	referralOutcomes,
	runReferralChecks
} from './referral-checks';

const TZ = 'Europe/Brussels';
const REFERRED = localInstant('2026-11-02', '11:00', TZ);
const ORIGIN = 'https://naburig.example';

function setUp(email: string | null = 'rosa@test.example') {
	const db = createTestDb();
	const { hood, resident, category } = makeNeighbourhood(db);
	const an = resident('An', { role: 'broker' });
	const rosa = resident('Rosa', { email });
	const service = db
		.insert(services)
		.values({ neighbourhoodId: hood.id, name: 'OCMW', createdAt: 0 })
		.returning()
		.all()[0]!;
	const post = db
		.insert(posts)
		.values({
			kind: 'request',
			status: 'open',
			authorId: rosa.id,
			neighbourhoodId: hood.id,
			categoryId: category.id,
			title: 'Hulp met de huurpremie',
			body: 'x',
			exactLat: 51,
			exactLon: 4,
			approxCell: 'x',
			approxLat: 51,
			approxLon: 4,
			createdAt: REFERRED - 1000,
			updatedAt: REFERRED - 1000
		})
		.returning()
		.all()[0]!;
	expect(referPost(db, an.id, post.id, service.id, '', REFERRED)).toEqual({ ok: true });
	return { db, hood, an, rosa, post };
}

const tokenOf = (db: ReturnType<typeof createTestDb>) => {
	const row = db.select().from(outbox).where(eq(outbox.kind, 'referral_check')).get()!;
	return new URL(row.url!).pathname.split('/').at(-1)!;
};

describe('the check after a referral (seed 004 §3.2)', () => {
	it('is planned with the referral, asked once in daytime after the set days, and answered by its link', () => {
		const { db, hood } = setUp();
		const check = db.select().from(referralChecks).get()!;
		expect(check.status).toBe('planned');
		expect(check.dueAt).toBe(localInstant('2026-11-16', '11:00', TZ));
		expect(runReferralChecks(db, localInstant('2026-11-15', '11:00', TZ), ORIGIN)).toBe(0);
		// Due, but at night: it waits for the morning.
		expect(runReferralChecks(db, localInstant('2026-11-16', '23:30', TZ), ORIGIN)).toBe(0);
		expect(runReferralChecks(db, localInstant('2026-11-17', '09:15', TZ), ORIGIN)).toBe(1);
		expect(runReferralChecks(db, localInstant('2026-11-17', '09:30', TZ), ORIGIN)).toBe(0);
		const mail = db.select().from(outbox).where(eq(outbox.kind, 'referral_check')).all();
		expect(mail).toHaveLength(1);
		expect(mail[0]!.url).toMatch(/^https:\/\/naburig\.example\/referral-check\/[a-z0-9]+$/);
		expect(mail[0]!.htmlBody).toContain('OCMW');

		const token = tokenOf(db);
		expect(answerByToken(db, 'made-up', 'helped', '', 1)).toEqual({ ok: false });
		expect(answerByToken(db, token, 'not_helped', 'Ik moest drie keer terugkomen', 2)).toEqual({
			ok: true,
			already: false
		});
		expect(answerByToken(db, token, 'helped', '', 3)).toEqual({ ok: true, already: true });
		const answered = db.select().from(referralChecks).get()!;
		expect([answered.status, answered.answer, answered.note]).toEqual([
			'answered',
			'not_helped',
			'Ik moest drie keer terugkomen'
		]);
		// Not helped, nothing decided: on Today until the broker writes what happens next.
		const now = localInstant('2026-11-18', '10:00', TZ);
		expect(checksForToday(db, [hood.id], now).map((c) => c.answer)).toEqual(['not_helped']);
	});

	it('the broker writes down what happens next (audited); then it leaves Today', () => {
		const { db, hood, an } = setUp();
		runReferralChecks(db, localInstant('2026-11-17', '09:15', TZ), ORIGIN);
		answerByToken(db, tokenOf(db), 'partly', '', 5);
		const id = db.select().from(referralChecks).get()!.id;
		expect(
			recordCheckAnswer(
				db,
				an.id,
				id,
				{
					answer: 'partly',
					note: 'Huurpremie loopt nog',
					action: 'Samen naar het loket op dinsdag'
				},
				6
			)
		).toEqual({ ok: true });
		expect(checksForToday(db, [hood.id], localInstant('2026-11-18', '10:00', TZ))).toEqual([]);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'referral_check.record')).all()
		).toHaveLength(1);
	});

	it('asks someone without a channel by a call task, and puts an unanswered check on Today after a week', () => {
		const { db, hood, rosa } = setUp(null);
		runReferralChecks(db, localInstant('2026-11-17', '09:15', TZ), ORIGIN);
		const call = db.select().from(tasks).where(eq(tasks.subjectUserId, rosa.id)).all();
		expect(call.map((t) => t.kind)).toContain('call_resident');
		expect(call.find((t) => t.details.includes('refcheck_call_text'))).toBeTruthy();
		expect(checksForToday(db, [hood.id], localInstant('2026-11-20', '10:00', TZ))).toEqual([]);
		expect(checksForToday(db, [hood.id], localInstant('2026-11-24', '10:00', TZ))).toHaveLength(1);
	});

	it('counts per service the referrals, the answers and each kind of answer', () => {
		const { db, hood } = setUp();
		runReferralChecks(db, localInstant('2026-11-17', '09:15', TZ), ORIGIN);
		answerByToken(db, tokenOf(db), 'helped', '', 5);
		expect(
			referralOutcomes(
				db,
				[hood.id],
				localInstant('2026-11-01', '00:00', TZ),
				localInstant('2026-12-01', '00:00', TZ)
			)
		).toEqual([{ service: 'OCMW', referred: 1, answered: 1, helped: 1, partly: 0, notHelped: 0 }]);
	});
});
