import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import smpp from 'smpp';
import { decryptPush, makeTestBrowser } from '../../../src/lib/server/push/test-push-service';
import { expect, test } from '../fixtures';
import { freshDatabase, siteIsUp, startOwnSite, until } from '../own-site';

// A server of its own (port, database, SMTP, SMPP and push services), so killing it disturbs
// no other test. The ports after those of the follow-up crash and SMS STOP tests.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 4;
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525) + 2;
const SMPP_PORT = SMTP_PORT + 1;
const PUSH_PORT = SMTP_PORT + 2;
const DATABASE = './.e2e/naburig-crash-channels.db';
/** Messages queued per channel; the server dies while the third of each is on its way. */
const EACH = 6;
const KILL_AT = 3;
const CHANNELS = ['sms', 'push', 'email'] as const;
type Channel = (typeof CHANNELS)[number];

function startServer(): ChildProcess {
	return startOwnSite(PORT, {
		DATABASE_URL: DATABASE,
		BACKUP_DIR: './.e2e/backups-crash-channels',
		SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
		MAIL_FROM: 'Naburig test <test@naburig.example>',
		SMS_URL: `smpp://naburig:secret@127.0.0.1:${SMPP_PORT}`,
		SMS_FROM: 'Naburig',
		TEST_CLOCK: '1'
	});
}

const healthy = siteIsUp(PORT);

/** What the database says: the test's rows with their status, per channel. */
function testRows(channel: Channel) {
	const db = new Database(DATABASE, { readonly: true });
	try {
		return db
			.prepare(`select id, subject, status from outbox where kind = 'crash_test' and channel = ?`)
			.all(channel) as { id: number; subject: string; status: string }[];
	} finally {
		db.close();
	}
}

test('messages on every channel interrupted by kill -9 are each delivered after a restart, twice at most when in hand at the kill', async ({
	request
}) => {
	test.setTimeout(240_000);
	freshDatabase(DATABASE);

	// Each service records what it received by the message's subject ("crash sms 3"), and kills
	// the server when the KILL_AT-th of its channel arrives, before accepting it.
	const received: Record<Channel, string[]> = { sms: [], push: [], email: [] };
	const killOn: Record<Channel, boolean> = { sms: false, push: false, email: false };
	let server: ChildProcess | null = null;
	/** Returns true when the server was killed instead of the message being accepted. */
	const arrive = (channel: Channel, subject: string) => {
		const n = Number(/(\d+)$/.exec(subject)?.[1]);
		if (killOn[channel] && n >= KILL_AT && server) {
			killOn[channel] = false;
			server.kill('SIGKILL');
			return true;
		}
		received[channel].push(subject);
		return false;
	};

	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					const subject = mail.subject ?? '';
					if (!subject.startsWith('crash ')) return callback();
					if (arrive('email', subject)) return callback(new Error('451 the sender went away'));
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));

	// The SMS text is the row's subject (single part): "crash sms n".
	const smsc = smpp.createServer((session) => {
		session.on('error', () => {});
		session.on('bind_transceiver', (pdu: smpp.Pdu) => session.send(pdu.response()));
		session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
		session.on('unbind', (pdu: smpp.Pdu) => {
			session.send(pdu.response());
			session.close();
		});
		session.on('submit_sm', (pdu: smpp.Pdu) => {
			const text = String((pdu.short_message as smpp.DecodedMessage).message);
			// Killed: no answer, as an SMSC whose answer never reached the dead sender.
			if (arrive('sms', text.trim())) return;
			session.send(pdu.response({ message_id: String(received.sms.length) }));
		});
	});
	await new Promise<void>((resolve) => smsc.listen(SMPP_PORT, '127.0.0.1', () => resolve()));

	// One browser (key pair) per person; the push's payload is decrypted to read its title.
	const browsers = Array.from({ length: EACH }, () =>
		makeTestBrowser(`http://127.0.0.1:${PUSH_PORT}`)
	);
	const pushService = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const n = Number(/\/device\/(\d+)$/.exec(req.url ?? '')?.[1]);
			const body = Buffer.concat(chunks);
			const payload = decryptPush(browsers[n]!, {
				path: req.url ?? '',
				headers: req.headers,
				body
			});
			const title = (payload as { title: string }).title;
			if (arrive('push', title)) return res.destroy();
			res.writeHead(201).end();
		});
	});
	await new Promise<void>((resolve) => pushService.listen(PUSH_PORT, '127.0.0.1', resolve));

	try {
		// First start: the demo is made and its own mail sent; then a clean stop.
		server = startServer();
		await until('the first start', healthy);
		const first = server;
		first.kill('SIGTERM');
		await until('the clean stop', () => (first.exitCode !== null ? true : undefined));

		// Messages for six people on each channel, as the notify layer queues them.
		const db = new Database(DATABASE);
		try {
			const now = Date.now();
			const insertUser = db.prepare(
				`insert into users (id, display_name, email, phone, phone_verified_at, created_at)
				 values (?, ?, ?, ?, ?, ?)`
			);
			const insertDevice = db.prepare(
				`insert into push_subscriptions (user_id, endpoint, p256dh, auth, created_at)
				 values (?, ?, ?, ?, ?)`
			);
			const insertRow = db.prepare(
				`insert into outbox (message_id, channel, topic, to_address, user_id, kind, locale,
				   subject, text_body, html_body, short_text, url, next_attempt_at, created_at)
				 values (?, ?, 'other', ?, ?, 'crash_test', 'nl', ?, ?, ?, ?, ?, ?, ?)`
			);
			db.transaction(() => {
				for (let i = 0; i < EACH; i++) {
					const id = `crash${i}`;
					const phone = `+3247000010${i}`;
					insertUser.run(id, `Crash ${i}`, `crash${i}@test.example`, phone, now, now);
					const { endpoint, keys } = browsers[i]!.subscription(`/device/${i}`);
					insertDevice.run(id, endpoint, keys.p256dh, keys.auth, now);
					for (const channel of CHANNELS) {
						const subject = `crash ${channel} ${i + 1}`;
						const to =
							channel === 'sms' ? phone : channel === 'push' ? id : `crash${i}@test.example`;
						insertRow.run(
							`<crash-${channel}-${i}@naburig>`,
							channel,
							to,
							id,
							subject,
							subject,
							`<p>${subject}</p>`,
							channel === 'email' ? null : subject,
							'http://localhost/',
							// Not due yet: each channel is made due in its own round below.
							now + 24 * 3600_000,
							now
						);
					}
				}
			})();
		} finally {
			db.close();
		}

		// One round per channel: its messages fall due, the server starts and dies on the third.
		const inDoubt: Record<Channel, Set<string>> = {
			sms: new Set(),
			push: new Set(),
			email: new Set()
		};
		for (const channel of CHANNELS) {
			const due = new Database(DATABASE);
			try {
				due
					.prepare(
						`update outbox set next_attempt_at = ? where kind = 'crash_test' and channel = ?`
					)
					.run(Date.now(), channel);
			} finally {
				due.close();
			}
			killOn[channel] = true;
			server = startServer();
			const running = server;
			await until(`the kill on ${channel}`, () =>
				running.signalCode === 'SIGKILL' ? true : undefined
			);
			for (const c of CHANNELS)
				for (const row of testRows(c).filter((r) => r.status === 'sending'))
					inDoubt[c].add(row.subject);
			expect(inDoubt[channel].size).toBeGreaterThanOrEqual(1);
		}

		// The last start: claims of the dead servers run out once the clock moves past them.
		server = startServer();
		await until('the restarted server', healthy);
		const moved = await request.post(`http://localhost:${PORT}/test/clock`, { data: { hours: 1 } });
		expect(moved.ok()).toBe(true);
		await until('every test message to be sent', () =>
			CHANNELS.every((c) => testRows(c).every((r) => r.status === 'sent')) ? true : undefined
		);

		for (const channel of CHANNELS) {
			const rows = testRows(channel);
			expect(rows).toHaveLength(EACH);
			// Each message arrived, exactly once unless it was in hand when the server died.
			const got = received[channel];
			expect([...new Set(got)].sort(), channel).toEqual(rows.map((r) => r.subject).sort());
			const twice = got.filter((s, i) => got.indexOf(s) !== i);
			expect(
				twice.filter((s) => !inDoubt[channel].has(s)),
				channel
			).toEqual([]);
			expect(new Set(twice).size, channel).toBe(twice.length);
		}
	} finally {
		server?.kill('SIGTERM');
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
		smsc.close();
		await new Promise<void>((resolve) => pushService.close(() => resolve()));
	}
});
