import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, tasks, users, volunteerThanks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { brussels } from '../testing/dates';
import { makeHelpWorld, messagesFor } from '../testing/volunteer-hours';
import { sendPersonalThanks, thanksOf, volunteerPerson } from './thanks';

const NOW = brussels('2026-11-20', '11:00');

function world() {
	const db = createTestDb();
	const w = makeHelpWorld(db);
	const jan = w.resident('Jan Claes', { email: 'jan@test.example', locale: 'ar' });
	return { db, w, jan };
}

describe("a broker's personal thank-you", () => {
	it("is kept, audited without the words, and sent in the helper's language", () => {
		const { db, w, jan } = world();
		const message = 'Dank je, Jan, voor al die boodschappen!';
		expect(sendPersonalThanks(db, { userId: jan.id, brokerId: w.rosa.id, message }, NOW)).toBe(
			true
		);
		expect(db.select().from(volunteerThanks).all()).toMatchObject([
			{ userId: jan.id, kind: 'personal', year: null, message, sentById: w.rosa.id, sentAt: NOW }
		]);
		const [mail] = messagesFor(db, jan.id).filter((m) => m.kind === 'volunteer_thanks');
		expect(mail!.locale).toBe('ar');
		expect(mail!.subject).toContain('رسالة شكر من');
		expect(mail!.subject).toContain('Rosa');
		// The broker's words, set apart from the Arabic frame around them.
		expect(mail!.textBody).toContain(`\u2068${message}\u2069`);
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'volunteer.thanks')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]!.detail).not.toContain('boodschappen');
		expect(thanksOf(db, jan.id)).toMatchObject([
			{ kind: 'personal', message, sentBy: 'Rosa Peeters' }
		]);
	});

	it('goes to residents only, and not to a suspended account', () => {
		const { db, w, jan } = world();
		expect(volunteerPerson(db, w.rosa.id)).toBeNull();
		const input = { userId: jan.id, brokerId: w.rosa.id, message: 'Dank je' };
		db.update(users).set({ status: 'suspended' }).where(eq(users.id, jan.id)).run();
		expect(sendPersonalThanks(db, input, NOW)).toBe(false);
		expect(db.select().from(volunteerThanks).all()).toEqual([]);
	});

	it('to someone no channel reaches, becomes a call with the words as message keys', () => {
		const { db, w, jan } = world();
		db.update(users).set({ email: null, phone: null }).where(eq(users.id, jan.id)).run();
		const message = 'Dank je voor de boodschappen';
		sendPersonalThanks(db, { userId: jan.id, brokerId: w.rosa.id, message }, NOW);
		const task = db.select().from(tasks).get()!;
		expect(task.kind).toBe('call_resident');
		expect(JSON.parse(task.details).call.text).toEqual({
			key: 'hours_call_thanks_text',
			params: { message }
		});
	});
});
