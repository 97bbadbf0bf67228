import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { CLOCK_DATABASE } from './commands';
import { expect } from './fixtures';

/** The clock server's "now" (only on the server of the *.clock.spec.ts tests). */
export async function serverNow(request: APIRequestContext): Promise<number> {
	const response = await request.get('/test/clock');
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { now: number }).now;
}

/** Moves the clock server forward and runs its periodic jobs at the new time. */
export async function advanceClock(
	request: APIRequestContext,
	by: { days?: number; hours?: number }
): Promise<number> {
	const response = await request.post('/test/clock', { data: by });
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { now: number }).now;
}

/**
 * Moves the clock server forward to the next 10:00 in Brussels (0 to 24 hours), so that what
 * follows happens in the daytime, when the reminder job sends its mails (09:00 to 20:00).
 */
export async function advanceToMorning(request: APIRequestContext): Promise<number> {
	const now = await serverNow(request);
	const [hour, minute] = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Brussels',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	})
		.format(now)
		.split(':')
		.map(Number) as [number, number];
	const hours = (((10 - hour - minute / 60) % 24) + 24) % 24;
	return advanceClock(request, { hours });
}

/**
 * Waits until the clock server has handed every queued mail that mentions `text` to the SMTP
 * server. Its jobs queue their mails before advanceClock returns, so once this returns, a mail
 * about `text` that is not in the mailbox was never sent (rather than not yet).
 */
export async function waitUntilMailsAboutSent(text: string): Promise<void> {
	await expect
		.poll(() => {
			const db = new Database(CLOCK_DATABASE, { readonly: true, fileMustExist: true });
			try {
				const row = db
					.prepare(
						`select count(*) as n from outbox
						 where channel = 'email' and status in ('pending', 'sending')
						   and instr(text_body, ?) > 0`
					)
					.get(text) as { n: number };
				return row.n;
			} finally {
				db.close();
			}
		})
		.toBe(0);
}
