import { localTime } from './dates';

/**
 * Reminder mails go out between 09:00 and 20:00 in the neighbourhood's time zone. They fall due
 * at midnight (they are counted in local days), and a phone that chimes at 00:05 about a ladder
 * wakes or worries people, many of them elderly. Outside these hours the job simply does not
 * take a mailing step: the loan's bookkeeping column stays empty, so the job's first run from
 * 09:00 takes it, once, as at any other time. Every step's window spans at least one daytime
 * (the pick-up and return reminders: the day before and the day itself; overdue and
 * not-collected stay due until done), so none is skipped; only a tool handed over after 20:00 on
 * its very last day gets no return reminder, and needs none. Confirmations of what someone just
 * did are not reminders: the action itself queues them at once. (A mail whose sending fails may
 * still be retried by the outbox in the evening; its back-off is at most two hours.)
 */
export const DAYTIME = { from: '09:00', until: '20:00' } as const;

/** Whether reminder mails may be queued at this instant in this time zone. */
export function isDaytime(now: number, timeZone: string): boolean {
	const time = localTime(now, timeZone);
	return time >= DAYTIME.from && time < DAYTIME.until;
}
