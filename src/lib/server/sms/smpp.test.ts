import { eq } from 'drizzle-orm';
import smpp from 'smpp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../db/client';
import { createTestDb, insertTestUser } from '../db/test-db';
import { auditLog, outbox, users, type OutboxRow } from '../db/schema';
import { GoneForGood } from '../notify/transport';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { smsBoxTransport, smppTransport, type SmppTransport } from './smpp';
import { startTestSmpp, type TestSmpp } from './test-smpp';

const NOW = Date.UTC(2026, 11, 4, 10, 0);
let db: DB;
let smsc: TestSmpp | null = null;
let transport: SmppTransport | null = null;

function smsRow(text: string, to = '+32470112233'): OutboxRow {
	return db
		.insert(outbox)
		.values({
			messageId: `<${Math.random()}@test>`,
			channel: 'sms',
			toAddress: to,
			kind: 'test',
			locale: 'nl',
			subject: '',
			textBody: text,
			htmlBody: '',
			shortText: text,
			nextAttemptAt: NOW,
			createdAt: NOW
		})
		.returning()
		.all()[0]!;
}

async function connect(
	server: TestSmpp,
	from = 'Naburig',
	timeouts: { submitTimeoutMs: number; enquireLinkMs?: number } = { submitTimeoutMs: 3_000 }
) {
	transport = smppTransport({
		url: server.url,
		from,
		db,
		now: () => NOW,
		...timeouts,
		reconnectMinMs: 20,
		reconnectMaxMs: 200
	});
	await transport.ready();
	return transport;
}

beforeEach(() => {
	db = createTestDb();
});

afterEach(async () => {
	await transport?.close();
	await smsc?.close();
	transport = smsc = null;
});

describe('SMS over SMPP', () => {
	it('binds and submits a short text in GSM-7 from the sender name', async () => {
		smsc = await startTestSmpp();
		const t = await connect(smsc);
		await t.send(smsRow('Maria vraagt hulp bij boodschappen. Kun je? naburig.be/s/ab12'));
		expect(smsc.received).toEqual([
			{
				destination: '32470112233',
				source: 'Naburig',
				sourceTon: 5,
				dataCoding: 0,
				esmClass: 0,
				concat: null,
				text: 'Maria vraagt hulp bij boodschappen. Kun je? naburig.be/s/ab12'
			}
		]);
	});

	it('sends a long text as concatenated parts with one reference, escapes kept whole', async () => {
		smsc = await startTestSmpp();
		const t = await connect(smsc, '+32470000000');
		// The € (two septets) falls on the first part's boundary.
		const text = `${'a'.repeat(152)}€ ${'b'.repeat(100)}`;
		const row = smsRow(text);
		await t.send(row);
		expect(smsc.received.map((r) => r.concat)).toEqual([
			{ ref: row.id, total: 2, number: 1 },
			{ ref: row.id, total: 2, number: 2 }
		]);
		expect(smsc.received.every((r) => r.dataCoding === 0 && (r.esmClass & 0x40) !== 0)).toBe(true);
		expect(smsc.received.map((r) => r.text).join('')).toBe(text);
		expect(smsc.received[0]!.text).toBe('a'.repeat(152));
		expect(smsc.received[0]).toMatchObject({ source: '32470000000', sourceTon: 1 });
	});

	it('sends Turkish and Arabic in UCS-2, a long Arabic text in 67-character parts', async () => {
		smsc = await startTestSmpp();
		const t = await connect(smsc);
		await t.send(smsRow('Ayşe yardım istiyor: alışveriş. Yapabilir misin?'));
		const arabic =
			'مرحبا، جارتك مريم تحتاج مساعدة في التسوق يوم الثلاثاء. هل يمكنك المساعدة؟ اضغط على الرابط';
		await t.send(smsRow(arabic));
		expect(smsc.received[0]).toMatchObject({
			dataCoding: 8,
			concat: null,
			text: 'Ayşe yardım istiyor: alışveriş. Yapabilir misin?'
		});
		const parts = smsc.received.slice(1);
		expect(parts.map((p) => [p.dataCoding, p.concat?.total, p.concat?.number])).toEqual([
			[8, 2, 1],
			[8, 2, 2]
		]);
		expect(parts[0]!.text).toHaveLength(67);
		expect(parts.map((p) => p.text).join('')).toBe(arabic);
	});

	it('switches SMS off for everyone with the number when a STOP reply arrives', async () => {
		const n = makeBareNeighbourhood(db, { timeZone: 'Europe/Brussels' });
		const maria = insertTestUser(db, { neighbourhoodId: n.id, phone: '0470 11 22 33' });
		const jozef = insertTestUser(db, { neighbourhoodId: n.id, phone: '+32 (0)470/11.22.33' });
		const other = insertTestUser(db, { neighbourhoodId: n.id, phone: '0470 99 88 77' });
		smsc = await startTestSmpp();
		const t = await connect(smsc);
		// A delivery receipt that happens to say STOP is no reply.
		expect(await smsc.deliver('32470998877', 'STOP', 0x04)).toBe(smpp.ESME_ROK);
		expect(await smsc.deliver('32470998877', 'graag, tot dinsdag')).toBe(smpp.ESME_ROK);
		expect(await smsc.deliver('32470112233', 'Stop.')).toBe(smpp.ESME_ROK);
		const stopped = (id: string) =>
			db.select({ at: users.smsStoppedAt }).from(users).where(eq(users.id, id)).get()!.at;
		expect([stopped(maria.id), stopped(jozef.id), stopped(other.id)]).toEqual([NOW, NOW, null]);
		expect(db.select({ action: auditLog.action }).from(auditLog).all()).toEqual([
			{ action: 'sms.stop' },
			{ action: 'sms.stop' }
		]);
		// From now on nothing goes to that number: the worker tries the next channel.
		await expect(t.send(smsRow('Nog een vraag'))).rejects.toBeInstanceOf(GoneForGood);
		expect(smsc.received).toEqual([]);
	});

	it('reads the French ARRÊT as a STOP too', async () => {
		const n = makeBareNeighbourhood(db, { timeZone: 'Europe/Brussels' });
		const lea = insertTestUser(db, { neighbourhoodId: n.id, phone: '0471 44 55 66' });
		smsc = await startTestSmpp();
		await connect(smsc);
		await smsc.deliver('32471445566', ' arrêt ');
		expect(db.select().from(users).where(eq(users.id, lea.id)).get()!.smsStoppedAt).toBe(NOW);
	});

	it('retries a throttled SMS, which goes once the SMSC accepts', async () => {
		smsc = await startTestSmpp({
			submit: (n) => (n === 1 ? smpp.errors.ESME_RTHROTTLED! : smpp.ESME_ROK)
		});
		const t = await connect(smsc);
		const row = smsRow('Herinnering: morgen haal je de ladder op.');
		const first = await t.send(row).catch((e: unknown) => e);
		expect(first).toBeInstanceOf(Error);
		expect(first).not.toBeInstanceOf(GoneForGood);
		expect((first as Error).message).toContain('ESME_RTHROTTLED');
		await t.send(row);
		expect(smsc.received.map((r) => r.text)).toEqual(['Herinnering: morgen haal je de ladder op.']);
	});

	it('binds again after a refused bind and after the SMSC drops the connection', async () => {
		smsc = await startTestSmpp({
			bind: (n) => (n === 1 ? smpp.errors.ESME_RSYSERR! : smpp.ESME_ROK)
		});
		const t = await connect(smsc);
		expect(smsc.binds()).toBe(2);
		smsc.drop();
		// The link binds again by itself, with nothing to send.
		await vi.waitFor(() => expect(smsc!.binds()).toBe(3));
		await t.send(smsRow('Na de herstart'));
		expect(smsc.received.map((r) => r.text)).toEqual(['Na de herstart']);
	});

	it('connects again when the SMSC stops answering enquire_link', async () => {
		smsc = await startTestSmpp({ answerEnquireLink: false });
		await connect(smsc, 'Naburig', { submitTimeoutMs: 200, enquireLinkMs: 50 });
		expect(smsc.binds()).toBe(1);
		await vi.waitFor(() => expect(smsc!.binds()).toBeGreaterThanOrEqual(2));
	});

	it('gives up on a number the SMSC refuses for good', async () => {
		smsc = await startTestSmpp({ submit: () => smpp.errors.ESME_RINVDSTADR! });
		const t = await connect(smsc);
		await expect(t.send(smsRow('Hallo', '+32400000000'))).rejects.toBeInstanceOf(GoneForGood);
	});
});

describe('without SMS_URL', () => {
	it('keeps the SMS in the database, but not for someone who replied STOP', async () => {
		const box = smsBoxTransport(db);
		await expect(box.send(smsRow('Tot dinsdag'))).resolves.toBeUndefined();
		const rosa = insertTestUser(db, { phone: '0470 55 66 77', smsStoppedAt: NOW });
		// Her STOP holds for the number she gave since, too.
		const row = { ...smsRow('Tot dinsdag', '+32470000001'), userId: rosa.id };
		await expect(box.send(row)).rejects.toBeInstanceOf(GoneForGood);
	});
});
