import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import type { ChildProcess } from 'node:child_process';
import { SMTPServer } from 'smtp-server';
import { expect, test } from '../fixtures';
import { freshDatabase, siteIsUp, startOwnSite, until } from '../own-site';

// A server of its own (port, database and SMTP server), so killing it disturbs no other test.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 2;
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525) + 1;
const DATABASE = './.e2e/naburig-crash.db';
const FOLLOW_UP = /^(Hoe ging het met|How did it go with) /;
/** The server dies while the SMTP server is receiving this follow-up mail. */
const KILL_AT = 3;

interface Delivered {
	messageId: string;
	to: string;
	subject: string;
}

function startServer(): ChildProcess {
	return startOwnSite(PORT, {
		DATABASE_URL: DATABASE,
		BACKUP_DIR: './.e2e/backups-crash',
		SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
		MAIL_FROM: 'Naburig test <test@naburig.example>',
		TEST_CLOCK: '1'
	});
}

/** Message-IDs of the mails claimed and not recorded as sent (what a dead server had in hand). */
function mailsInHand(): Set<string> {
	const db = new Database(DATABASE, { readonly: true });
	try {
		const rows = db
			.prepare(`select message_id as id from outbox where status = 'sending'`)
			.all() as { id: string }[];
		return new Set(rows.map((r) => r.id));
	} finally {
		db.close();
	}
}

const healthy = siteIsUp(PORT);

test('follow-up mails interrupted by kill -9 are each delivered after a restart, twice at most when in hand at the kill', async ({
	request
}) => {
	test.setTimeout(180_000);
	freshDatabase(DATABASE);
	const startedAt = Date.now();

	const delivered: Delivered[] = [];
	let followUpsReceived = 0;
	let server: ChildProcess | null = null;
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					const subject = mail.subject ?? '';
					if (FOLLOW_UP.test(subject) && ++followUpsReceived === KILL_AT && server) {
						// The process dies in the middle of the batch, before this mail is accepted.
						server.kill('SIGKILL');
						callback(new Error('451 the sender went away'));
						return;
					}
					delivered.push({
						messageId: mail.messageId ?? '',
						to: session.envelope.rcptTo.map((r) => r.address).join(','),
						subject
					});
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));

	try {
		// A fresh demo neighbourhood has matches whose follow-ups are due: they go out at start.
		server = startServer();
		const killed = server;
		await until('the kill', () => (killed.signalCode === 'SIGKILL' ? true : undefined));
		const beforeRestart = delivered.filter((d) => FOLLOW_UP.test(d.subject)).length;
		expect(beforeRestart).toBeGreaterThanOrEqual(KILL_AT - 1);
		// A few mails go out at once: those the dead server had in hand (claimed, not recorded as
		// sent) are in doubt. The mail server may have taken one in just before the kill.
		const inDoubt = mailsInHand();
		expect(inDoubt.size).toBeGreaterThanOrEqual(1);

		// Started again on the same database. The mail that was in flight stays claimed for two
		// minutes; the test clock moves past that instead of waiting.
		server = startServer();
		await until('the restarted server', healthy);
		const moved = await request.post(`http://localhost:${PORT}/test/clock`, {
			data: { hours: 1 }
		});
		expect(moved.ok()).toBe(true);

		const db = new Database(DATABASE, { readonly: true });
		try {
			const queued = () =>
				db
					.prepare(
						`select message_id as messageId, to_address as toAddress, status from outbox
						 where kind = 'follow_up'`
					)
					.all() as { messageId: string; toAddress: string; status: string }[];
			await until('every follow-up mail to be sent', () =>
				queued().every((q) => q.status === 'sent') ? true : undefined
			);
			const rows = queued();
			expect(rows.length).toBeGreaterThan(KILL_AT);

			// Each follow-up the worker sent (the demo's history was asked long ago) has exactly
			// one mail in the outbox…
			const sentFollowUps = db
				.prepare(
					`select count(*) as n from follow_ups f join users u on u.id = f.user_id
					 where f.sent_at >= ? and u.email is not null`
				)
				.get(startedAt) as { n: number };
			expect(rows.length).toBe(sentFollowUps.n);

			// …and the SMTP server received each of them, exactly once unless it was in hand when
			// the server died: such a mail, perhaps taken in just before, may come once more.
			const got = delivered.filter((d) => FOLLOW_UP.test(d.subject)).map((d) => d.messageId);
			expect([...new Set(got)].sort()).toEqual(rows.map((r) => r.messageId).sort());
			const twice = got.filter((id, i) => got.indexOf(id) !== i);
			expect(twice.filter((id) => !inDoubt.has(id))).toEqual([]);
			expect(new Set(twice).size).toBe(twice.length);
		} finally {
			db.close();
		}
	} finally {
		server?.kill('SIGTERM');
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
	}
});
