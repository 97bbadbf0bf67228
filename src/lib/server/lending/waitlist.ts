import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { tools, toolWaitlist } from '../db/schema';
import { localDate } from '../calendar';
import { activeBookings, nextFreeStart, toolRules } from './availability';
import { mailWaitlistFree } from './loan-mails';

export class WaitlistError extends Error {
	constructor(public code: 'lending_err_waitlist_free' | 'lending_err_not_found') {
		super(code);
	}
}

/**
 * "Tell me when it is free": puts a person at the back of a booked tool's waiting list (again,
 * if they were told before). A tool nobody booked needs no waiting list: book it instead.
 */
export function joinWaitlist(d: DbOrTx, toolId: number, userId: string, now: number): void {
	const rules = toolRules(d, toolId);
	if (!rules) throw new WaitlistError('lending_err_not_found');
	const booked = activeBookings(d, toolId, localDate(now, rules.timeZone)).length > 0;
	if (rules.status === 'available' && !booked) throw new WaitlistError('lending_err_waitlist_free');
	d.insert(toolWaitlist)
		.values({ toolId, userId, createdAt: now })
		.onConflictDoUpdate({
			target: [toolWaitlist.toolId, toolWaitlist.userId],
			set: { createdAt: now, notifiedAt: null }
		})
		.run();
}

/** Takes a person off a tool's waiting list. */
export function leaveWaitlist(d: DbOrTx, toolId: number, userId: string): void {
	d.delete(toolWaitlist)
		.where(and(eq(toolWaitlist.toolId, toolId), eq(toolWaitlist.userId, userId)))
		.run();
}

/** Whether a person waits for a tool (and was not told yet). */
export function isWaiting(d: DbOrTx, toolId: number, userId: string): boolean {
	return !!d
		.select({ id: toolWaitlist.id })
		.from(toolWaitlist)
		.where(
			and(
				eq(toolWaitlist.toolId, toolId),
				eq(toolWaitlist.userId, userId),
				isNull(toolWaitlist.notifiedAt)
			)
		)
		.get();
}

/** Who still waits for a tool, first in line first. */
export function waitingLine(d: DbOrTx, toolId: number) {
	return d
		.select({ id: toolWaitlist.id, userId: toolWaitlist.userId })
		.from(toolWaitlist)
		.where(and(eq(toolWaitlist.toolId, toolId), isNull(toolWaitlist.notifiedAt)))
		.orderBy(asc(toolWaitlist.createdAt), asc(toolWaitlist.id))
		.all();
}

/** The tools a person waits for, for their loans page. */
export function waitlistOf(d: DbOrTx, userId: string) {
	return d
		.select({ toolId: tools.id, toolName: tools.name, since: toolWaitlist.createdAt })
		.from(toolWaitlist)
		.innerJoin(tools, eq(tools.id, toolWaitlist.toolId))
		.where(and(eq(toolWaitlist.userId, userId), isNull(toolWaitlist.notifiedAt)))
		.orderBy(asc(toolWaitlist.createdAt))
		.all();
}

/**
 * Days of a tool came free (a reservation cancelled, a loan returned): the first in line gets
 * one mail with the first free date. Call it in the transaction that freed the days. Does
 * nothing for a tool that cannot be lent now (in repair, retired, missing).
 */
export function notifyWaitlist(tx: DbOrTx, toolId: number, now: number, origin: string): boolean {
	const rules = toolRules(tx, toolId);
	if (!rules || rules.status === 'in_repair' || rules.status === 'retired') return false;
	if (rules.status === 'missing') return false;
	const first = waitingLine(tx, toolId)[0];
	if (!first) return false;
	const today = localDate(now, rules.timeZone);
	const freeFrom = nextFreeStart(rules, activeBookings(tx, toolId, today), today, 1);
	if (!freeFrom) return false;
	tx.update(toolWaitlist).set({ notifiedAt: now }).where(eq(toolWaitlist.id, first.id)).run();
	mailWaitlistFree(tx, toolId, first.userId, freeFrom, now, origin);
	return true;
}
