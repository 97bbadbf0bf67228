import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alertSettings, channelPreferences, outbox, tasks, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { brussels, HOUR, MINUTE } from '../testing/dates';
import { makeAlertNeighbourhood } from '../testing/alerts';
import { runAlerts } from './run';
import type { AlertRhythm } from '$lib/notify/channels';

const ORIGIN = 'https://buurt.example';

function town(rhythm: AlertRhythm, from: number) {
	const db = createTestDb();
	const t = makeAlertNeighbourhood(db, { rhythm, from });
	/** The alerts sent so far, each as the titles it lists (from its text). */
	const alerts = () =>
		db
			.select()
			.from(outbox)
			.where(eq(outbox.kind, 'alert'))
			.all()
			.map((r) => [...r.textBody.matchAll(/^- (Hulpvraag \d+|[^(\n]+) \(/gm)].map((m) => m[1]));
	return { db, ...t, alerts, run: (now: number) => runAlerts(db, now, ORIGIN) };
}

describe('alerts at once', () => {
	it('sends within the run after a request, then bundles what comes in during the next hour', () => {
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { request, run, alerts } = town('at_once', t0);
		expect(run(t0 + MINUTE)).toBe(0);
		request(t0 + 2 * MINUTE, { title: 'Eerste' });
		expect(run(t0 + 5 * MINUTE)).toBe(1);
		request(t0 + 10 * MINUTE, { title: 'Tweede' });
		request(t0 + 20 * MINUTE, { title: 'Derde' });
		// Within the hour after the last message: wait, bundle.
		expect(run(t0 + 30 * MINUTE)).toBe(0);
		expect(run(t0 + 64 * MINUTE)).toBe(0);
		expect(run(t0 + 65 * MINUTE)).toBe(1);
		expect(run(t0 + 3 * HOUR)).toBe(0);
		expect(alerts()).toEqual([['Eerste'], ['Tweede', 'Derde']]);
	});

	it('sends nothing when nothing new came in, and the next request still goes at once', () => {
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { request, run, alerts } = town('at_once', t0);
		expect(run(t0 + HOUR)).toBe(0);
		expect(run(t0 + 5 * HOUR)).toBe(0);
		request(t0 + 5 * HOUR + MINUTE, { title: 'Nieuw' });
		expect(run(t0 + 5 * HOUR + 2 * MINUTE)).toBe(1);
		expect(alerts()).toEqual([['Nieuw']]);
	});
});

describe('the daily summary', () => {
	it('goes at 08:00 in the neighbourhood, also on the day summer time ends', () => {
		// Summer time ends in Brussels on Sunday 25 October 2026 (03:00 becomes 02:00).
		const { request, run, alerts } = town('daily', brussels('2026-10-23', '09:00'));
		request(brussels('2026-10-23', '12:00'), { title: 'Vrijdag' });
		expect(run(brussels('2026-10-23', '20:00'))).toBe(0);
		expect(run(brussels('2026-10-24', '07:59'))).toBe(0);
		expect(run(brussels('2026-10-24', '08:00'))).toBe(1);
		expect(run(brussels('2026-10-24', '08:05'))).toBe(0);
		request(brussels('2026-10-24', '12:00'), { title: 'Zaterdag' });
		// 24 hours after Saturday's summary it is only 07:00 on Sunday: not yet.
		expect(run(brussels('2026-10-24', '08:00') + 24 * HOUR)).toBe(0);
		expect(run(brussels('2026-10-25', '07:59'))).toBe(0);
		expect(run(brussels('2026-10-25', '08:00'))).toBe(1);
		expect(alerts()).toEqual([['Vrijdag'], ['Zaterdag']]);
	});

	it('leaves what came in after 08:00 for the next morning, and skips a morning with nothing', () => {
		const { request, run, alerts } = town('daily', brussels('2026-03-09', '09:00'));
		request(brussels('2026-03-10', '07:00'), { title: 'Vroeg' });
		expect(run(brussels('2026-03-10', '07:30'))).toBe(0);
		request(brussels('2026-03-10', '08:01'), { title: 'Na acht uur' });
		expect(run(brussels('2026-03-10', '09:00'))).toBe(1);
		expect(run(brussels('2026-03-11', '08:00'))).toBe(1);
		expect(run(brussels('2026-03-12', '08:00'))).toBe(0);
		expect(alerts()).toEqual([['Vroeg'], ['Na acht uur']]);
	});
});

describe('the weekly summary', () => {
	it('goes on Monday at 08:00 with the whole week', () => {
		// Tuesday 20 October 2026; Monday 26 October is after the change to winter time.
		const { request, run, alerts } = town('weekly', brussels('2026-10-20', '09:00'));
		request(brussels('2026-10-21', '10:00'), { title: 'Woensdag' });
		request(brussels('2026-10-23', '10:00'), { title: 'Vrijdag' });
		for (const day of ['2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25'])
			expect(run(brussels(day, '08:00'))).toBe(0);
		expect(run(brussels('2026-10-26', '07:59'))).toBe(0);
		expect(run(brussels('2026-10-26', '08:00'))).toBe(1);
		expect(run(brussels('2026-10-27', '08:00'))).toBe(0);
		expect(run(brussels('2026-11-02', '08:00'))).toBe(0);
		expect(alerts()).toEqual([['Woensdag', 'Vrijdag']]);
	});
});

describe('every run', () => {
	it('sends each person at most one message, and never the same request twice', () => {
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { db, request, neighbour, run } = town('at_once', t0);
		const other = neighbour('Otto', 0.1);
		db.insert(alertSettings)
			.values({ userId: other.id, rhythm: 'at_once', coveredUntil: t0, updatedAt: t0 })
			.run();
		for (let i = 1; i <= 5; i++) request(t0 + i * MINUTE);
		expect(run(t0 + 10 * MINUTE)).toBe(2);
		expect(run(t0 + 10 * MINUTE)).toBe(0);
		request(t0 + 2 * HOUR, { title: 'Later' });
		expect(run(t0 + 3 * HOUR)).toBe(2);
		const sent = db.select().from(outbox).where(eq(outbox.kind, 'alert')).all();
		const perPerson = new Map<string, typeof sent>();
		for (const r of sent) perPerson.set(r.userId!, [...(perPerson.get(r.userId!) ?? []), r]);
		expect([...perPerson.values()].map((list) => list.length)).toEqual([2, 2]);
		for (const [first, second] of perPerson.values()) {
			expect(first!.subject).toBe('5 nieuwe hulpvragen bij jou in de buurt');
			expect(second!.subject).toBe('1 nieuwe hulpvraag bij jou in de buurt');
			expect(second!.textBody).toContain('Later');
			expect(second!.textBody).not.toContain('Hulpvraag 1 ');
		}
	});

	it('writes the mail: each request with category, distance in words and link; settings and stop links', () => {
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { db, request, run, helper } = town('at_once', t0);
		const post = request(t0 + MINUTE, { title: 'Lamp vervangen' });
		expect(run(t0 + 2 * MINUTE)).toBe(1);
		const mail = db.select().from(outbox).where(eq(outbox.userId, helper.id)).get()!;
		expect(mail.textBody).toContain('- Lamp vervangen (Kleine klusjes in huis, minder dan 500 m)');
		expect(mail.textBody).toContain(`${ORIGIN}/posts/${post.id}`);
		expect(mail.textBody).toContain(`${ORIGIN}/account/alerts`);
		expect(mail.textBody).toMatch(new RegExp(`${ORIGIN}/unsubscribe/${helper.id}\\.[\\w-]{20,}`));
		expect(mail.htmlBody).toContain(`<a href="${ORIGIN}/posts/${post.id}">Lamp vervangen`);
		// On the channel chosen for alerts, with the one-click address for the mail's headers.
		expect(mail.topic).toBe('alert');
		expect(mail.channel).toBe('email');
		expect(mail.unsubscribeUrl).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/${helper.id}\\.`));
	});

	it('sends the short text by SMS to someone who chose SMS for alerts', () => {
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { db, request, run, helper } = town('at_once', t0);
		db.update(users)
			.set({ phone: '+32470123456', phoneVerifiedAt: t0 })
			.where(eq(users.id, helper.id))
			.run();
		db.insert(channelPreferences)
			.values({ userId: helper.id, topic: 'alert', channel: 'sms', updatedAt: t0 })
			.run();
		request(t0 + MINUTE, { title: 'Lamp vervangen' });
		request(t0 + MINUTE, { title: 'Vuilbak buiten zetten' });
		expect(run(t0 + 2 * MINUTE)).toBe(1);
		const sms = db.select().from(outbox).where(eq(outbox.userId, helper.id)).get()!;
		expect(sms.channel).toBe('sms');
		expect(sms.shortText).toContain(
			'Naburig: 2 nieuwe hulpvragen bij jou in de buurt, zoals Lamp vervangen.'
		);
		expect(sms.shortText).toMatch(/\/s\/\w+/);
	});

	it('tells nobody it cannot reach, and asks no call of the neighbourhood worker for it', () => {
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { db, request, run, helper } = town('at_once', t0);
		db.update(users).set({ email: null }).where(eq(users.id, helper.id)).run();
		request(t0 + MINUTE);
		expect(run(t0 + 2 * MINUTE)).toBe(0);
		expect(db.select().from(outbox).where(eq(outbox.userId, helper.id)).all()).toEqual([]);
		expect(db.select().from(tasks).all()).toEqual([]);
	});

	it('sends nothing to someone who chose never', () => {
		const t0 = Date.UTC(2026, 2, 10, 9);
		const { request, run } = town('never', t0);
		request(t0 + MINUTE);
		expect(run(t0 + 2 * HOUR)).toBe(0);
	});
});
