import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, neighbourhoodBrokers, outbox, signals, tasks } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { makeNeighbourhood } from '../testing/posts';
import { brokerSignals, fileSignal, getSignal, ownSignals } from '../broker/signals';
import {
	linkSignal,
	ownSignal,
	replyToSignal,
	signalsAbout,
	unlinkSignal,
	urgentOpenSignals
} from './signal-cycle';
import { parseUrgentNumbers, setUrgentNumbers, urgentNumbersOf } from './urgent-signal';

const NOW = Date.UTC(2026, 11, 5, 10);
const ORIGIN = 'https://naburig.example';

function setUp() {
	const db = createTestDb();
	const { resident, hood } = makeNeighbourhood(db);
	const jozef = resident('Jozef', { email: 'jozef@test.example' });
	const maria = resident('Maria', { email: 'maria@test.example' });
	const an = resident('An', { role: 'broker', email: 'an@test.example' });
	const bert = resident('Bert', { role: 'broker', email: 'bert@test.example' });
	for (const b of [an, bert])
		db.insert(neighbourhoodBrokers).values({ neighbourhoodId: hood.id, userId: b.id }).run();
	return { db, hood, jozef, maria, an, bert, resident };
}

const file = (
	db: ReturnType<typeof createTestDb>,
	userId: string,
	fields: Partial<Parameters<typeof fileSignal>[2]> = {},
	options: Parameters<typeof fileSignal>[4] = { origin: ORIGIN }
) => {
	const r = fileSignal(
		db,
		userId,
		{ kind: 'client', about: 'Maria, nummer 7', body: 'Ze valt vaak.', ...fields },
		NOW,
		options
	);
	if (!r.ok) throw new Error(r.error);
	return r.signal;
};

describe('consent (seed 004 §3.4.2)', () => {
	it('keeps no name without the person’s consent, and then refuses a link', () => {
		const { db, jozef, maria, an } = setUp();
		for (const consent of ['no', 'unknown'] as const) {
			const s = file(db, jozef.id, { consent });
			expect(s.about).toBe('');
			expect(s.consent).toBe(consent);
			expect(linkSignal(db, an.id, s, maria.id, NOW)).toEqual({
				ok: false,
				error: 'signalcycle_err_no_consent'
			});
			expect(getSignal(db, s.id)!.subjectUserId).toBeNull();
		}
	});

	it('keeps the name with consent; consent does not apply to service or policy signals', () => {
		const { db, jozef } = setUp();
		expect(file(db, jozef.id, { consent: 'yes' }).about).toBe('Maria, nummer 7');
		const service = file(db, jozef.id, { kind: 'service', about: 'De bus', consent: 'yes' });
		expect(service.consent).toBe('unknown');
		expect(service.about).toBe('De bus');
	});
});

describe('linking a signal to a resident', () => {
	it('links with consent, shows on the resident, unlinks, and audits both', () => {
		const { db, jozef, maria, an } = setUp();
		const s = file(db, jozef.id, { consent: 'yes' });
		expect(linkSignal(db, an.id, s, maria.id, NOW + 1)).toEqual({ ok: true });
		expect(signalsAbout(db, maria.id).map((x) => x.id)).toEqual([s.id]);
		// The volunteer's own view never shows the link.
		expect(JSON.stringify(ownSignal(db, jozef.id, s.id))).not.toContain(maria.id);
		expect(unlinkSignal(db, an.id, getSignal(db, s.id)!, NOW + 2)).toEqual({ ok: true });
		expect(signalsAbout(db, maria.id)).toEqual([]);
		expect(
			db
				.select({ action: auditLog.action })
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['signal.link', 'signal.unlink']);
	});

	it('refuses a resident of another neighbourhood', () => {
		const { db, jozef, an } = setUp();
		const other = makeBareNeighbourhood(db);
		const s = file(db, jozef.id, { consent: 'yes' });
		const stranger = insertTestUser(db, { displayName: 'Vreemde', neighbourhoodId: other.id });
		expect(linkSignal(db, an.id, s, stranger.id, NOW)).toEqual({
			ok: false,
			error: 'signalcycle_err_resident'
		});
	});
});

describe('a signal heard on the phone (seed 004 §3.3.4)', () => {
	it('is filed in the volunteer’s name, marked as written down by the broker, and audited', () => {
		const { db, jozef, an } = setUp();
		const s = file(db, jozef.id, { consent: 'yes' }, { recordedById: an.id, origin: ORIGIN });
		expect(s.filedById).toBe(jozef.id);
		expect(s.recordedById).toBe(an.id);
		expect(ownSignals(db, jozef.id)[0]!.byPhone).toBe(true);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'signal.record_by_phone')).all()
		).toHaveLength(1);
	});
});

describe('answers to the volunteer', () => {
	it('stores the answer, tells the volunteer once with a full link, and shows it only to them', () => {
		const { db, jozef, maria, an } = setUp();
		const s = file(db, jozef.id, { consent: 'yes' });
		expect(
			replyToSignal(db, an.id, s, '  Opgepakt, we gaan dinsdag langs.  ', ORIGIN, NOW)
		).toEqual({
			ok: true
		});
		const own = ownSignal(db, jozef.id, s.id)!;
		expect(own.replies.map((r) => r.body)).toEqual(['Opgepakt, we gaan dinsdag langs.']);
		expect(ownSignals(db, jozef.id)[0]!.replies).toBe(1);
		expect(ownSignal(db, maria.id, s.id)).toBeNull();
		const sent = db.select().from(outbox).where(eq(outbox.kind, 'signal_reply')).all();
		expect(sent.map((o) => o.userId)).toEqual([jozef.id]);
		expect(sent[0]!.htmlBody).toContain(`${ORIGIN}/signals/${s.id}`);
		// The mail says there is an answer; the answer itself stays on the site.
		expect(sent[0]!.htmlBody).not.toContain('dinsdag');
		expect(replyToSignal(db, an.id, s, '   ', ORIGIN, NOW)).toEqual({
			ok: false,
			error: 'signalcycle_err_reply_empty'
		});
	});

	it('becomes a call for the broker when no channel reaches the volunteer', () => {
		const { db, resident, an } = setUp();
		const noMail = resident('Georges', { email: null });
		const s = file(db, noMail.id, { consent: 'yes' });
		replyToSignal(db, an.id, s, 'We bellen haar.', ORIGIN, NOW);
		const call = db
			.select()
			.from(tasks)
			.where(and(eq(tasks.kind, 'call_resident'), eq(tasks.subjectUserId, noMail.id)))
			.all();
		expect(call).toHaveLength(1);
		expect(call[0]!.details).toContain('signalcycle_call_reply_text');
	});
});

describe('the urgent path (seed 003 fiche 7)', () => {
	it('tells every broker of the neighbourhood at once, and no one else, without the content', () => {
		const { db, jozef, an, bert } = setUp();
		const elsewhere = makeBareNeighbourhood(db);
		const carl = insertTestUser(db, {
			displayName: 'Carl',
			email: 'carl@test.example',
			role: 'broker',
			neighbourhoodId: elsewhere.id
		});
		db.insert(neighbourhoodBrokers)
			.values({ neighbourhoodId: elsewhere.id, userId: carl.id })
			.run();
		const s = file(db, jozef.id, { consent: 'yes', urgent: true, body: 'Hij ligt op de grond.' });
		const mails = db.select().from(outbox).where(eq(outbox.kind, 'signal_urgent')).all();
		expect(mails.map((o) => o.userId).sort()).toEqual([an.id, bert.id].sort());
		for (const mail of mails) {
			expect(mail.htmlBody).toContain(`${ORIGIN}/broker/signals/${s.id}`);
			expect(mail.htmlBody).not.toContain('grond');
		}
		// Not urgent: nobody is mailed.
		file(db, jozef.id, { consent: 'yes' });
		expect(db.select().from(outbox).where(eq(outbox.kind, 'signal_urgent')).all()).toHaveLength(2);
	});

	it('puts open urgent signals at the top of Today until closed', () => {
		const { db, hood, jozef } = setUp();
		file(db, jozef.id, { consent: 'yes' });
		const urgent = file(db, jozef.id, { kind: 'service', urgent: true });
		expect(urgentOpenSignals(db, [hood.id]).map((s) => s.id)).toEqual([urgent.id]);
		expect(brokerSignals(db, [hood.id])).toHaveLength(2);
		db.update(signals).set({ status: 'closed' }).where(eq(signals.id, urgent.id)).run();
		expect(urgentOpenSignals(db, [hood.id])).toEqual([]);
	});

	it('keeps the neighbourhood’s numbers, at most four, empty rows left out, audited', () => {
		const { db, hood, an } = setUp();
		setUrgentNumbers(
			db,
			an.id,
			hood.id,
			[
				{ label: ' 1712 ', phone: '1712' },
				{ label: '', phone: '' },
				{ label: 'Veilig Thuis', phone: '0800-2000' }
			],
			NOW
		);
		expect(urgentNumbersOf(db, hood.id)).toEqual([
			{ label: '1712', phone: '1712' },
			{ label: 'Veilig Thuis', phone: '0800-2000' }
		]);
		expect(parseUrgentNumbers('not json')).toEqual([]);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'neighbourhood.urgent_numbers')).all()
		).toHaveLength(1);
	});
});
