import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { ToolStatus } from '$lib/lending/lists';
import { loans, neighbourhoods, pickupPlaces, tools } from '../db/schema';
import { daysFrom, localDate, shiftDate, weekdayOf } from '../calendar';

/** Reservations are taken at most this far ahead, so the calendar and the search stay short. */
export const BOOKING_HORIZON_DAYS = 120;

/** A stretch of days a tool is promised: a reservation, or a loan not back yet. */
export interface Booking {
	loanId: number;
	startDate: string;
	/** For a loan that is late, today: it stays blocked until it comes back. */
	endDate: string;
	status: 'reserved' | 'on_loan';
}

/** What decides whether a tool can be booked for some days. */
export interface ToolRules {
	toolId: number;
	neighbourhoodId: number;
	status: ToolStatus;
	loanDaysDefault: number;
	loanDaysMax: number;
	bufferDays: number;
	/** Weekdays (Monday = 1) the pick-up place is open; empty when it has no hours on record. */
	openDays: number[];
	timeZone: string;
	maxActive: number;
}

/** The rules of one tool, or null when there is no such tool. */
export function toolRules(d: DbOrTx, toolId: number): ToolRules | null {
	const row = d
		.select({
			status: tools.status,
			neighbourhoodId: tools.neighbourhoodId,
			loanDaysDefault: tools.loanDaysDefault,
			loanDaysMax: tools.loanDaysMax,
			openingHours: pickupPlaces.openingHours,
			bufferDays: neighbourhoods.lendingBufferDays,
			maxActive: neighbourhoods.lendingMaxActive,
			timeZone: neighbourhoods.timeZone
		})
		.from(tools)
		.innerJoin(pickupPlaces, eq(pickupPlaces.id, tools.pickupPlaceId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, tools.neighbourhoodId))
		.where(eq(tools.id, toolId))
		.get();
	if (!row) return null;
	const hours = JSON.parse(row.openingHours) as { day: number }[];
	return {
		toolId,
		neighbourhoodId: row.neighbourhoodId,
		status: row.status,
		loanDaysDefault: row.loanDaysDefault,
		loanDaysMax: row.loanDaysMax,
		bufferDays: row.bufferDays,
		openDays: [...new Set(hours.map((h) => h.day))].sort(),
		timeZone: row.timeZone,
		maxActive: row.maxActive
	};
}

/** Whether the pick-up place is open on a date (always, when it has no hours on record). */
export function isOpenOn(rules: Pick<ToolRules, 'openDays'>, date: string): boolean {
	return rules.openDays.length === 0 || rules.openDays.includes(weekdayOf(date));
}

/** The tool's reservations and unreturned loans, in date order, leaving out one loan if asked. */
export function activeBookings(
	d: DbOrTx,
	toolId: number,
	today: string,
	exceptLoanId?: number
): Booking[] {
	return d
		.select({
			loanId: loans.id,
			startDate: loans.startDate,
			endDate: loans.endDate,
			status: loans.status
		})
		.from(loans)
		.where(
			and(
				eq(loans.toolId, toolId),
				inArray(loans.status, ['reserved', 'on_loan']),
				exceptLoanId === undefined ? undefined : ne(loans.id, exceptLoanId)
			)
		)
		.orderBy(asc(loans.startDate), asc(loans.id))
		.all()
		.map((b) => ({
			loanId: b.loanId,
			startDate: b.startDate,
			endDate: b.status === 'on_loan' && b.endDate < today ? today : b.endDate,
			status: b.status as Booking['status']
		}));
}

/**
 * The first booking that the days start..end (both included) would clash with, keeping
 * `bufferDays` free days on either side for checking and cleaning; undefined when none.
 */
export function findClash(
	bookings: Booking[],
	startDate: string,
	endDate: string,
	bufferDays: number
): Booking | undefined {
	const from = shiftDate(startDate, -bufferDays);
	const to = shiftDate(endDate, bufferDays);
	return bookings.find((b) => b.startDate <= to && b.endDate >= from);
}

/**
 * The first date on or after `from` on which the pick-up place is open and `length` days can be
 * booked without a clash; null when none within the booking horizon.
 */
export function nextFreeStart(
	rules: ToolRules,
	bookings: Booking[],
	from: string,
	length: number
): string | null {
	for (let i = 0; i <= BOOKING_HORIZON_DAYS; i++) {
		const start = shiftDate(from, i);
		if (!isOpenOn(rules, start)) continue;
		if (!findClash(bookings, start, shiftDate(start, length - 1), rules.bufferDays)) return start;
	}
	return null;
}

/** booked: promised to someone; buffer: kept free between two bookings for checking. */
export type DayState = 'free' | 'booked' | 'buffer' | 'closed' | 'past';

/** One day of the availability calendar. */
export interface CalendarDay {
	date: string;
	/** 1..31 */
	day: number;
	state: DayState;
}

/**
 * Whole weeks (Monday first) covering `months` calendar months from today's month, each day
 * marked free, booked, buffer, closed or past; days outside a month are null.
 */
export function availabilityCalendar(
	d: DbOrTx,
	rules: ToolRules,
	now: number,
	months = 2
): { month: string; weeks: (CalendarDay | null)[][] }[] {
	const today = localDate(now, rules.timeZone);
	const bookings = activeBookings(d, rules.toolId, today);
	const out: { month: string; weeks: (CalendarDay | null)[][] }[] = [];
	let first = `${today.slice(0, 7)}-01`;
	for (let mo = 0; mo < months; mo++) {
		const weeks: (CalendarDay | null)[][] = [];
		let week: (CalendarDay | null)[] = Array(weekdayOf(first) - 1).fill(null);
		let date = first;
		while (date.slice(0, 7) === first.slice(0, 7)) {
			const state: DayState =
				date < today
					? 'past'
					: findClash(bookings, date, date, 0)
						? 'booked'
						: findClash(bookings, date, date, rules.bufferDays)
							? 'buffer'
							: isOpenOn(rules, date)
								? 'free'
								: 'closed';
			week.push({ date, day: Number(date.slice(8)), state });
			if (week.length === 7) {
				weeks.push(week);
				week = [];
			}
			date = shiftDate(date, 1);
		}
		if (week.length) weeks.push([...week, ...Array(7 - week.length).fill(null)]);
		out.push({ month: first.slice(0, 7), weeks });
		first = date;
	}
	return out;
}

/** How many days start..end covers, both included. */
export const lengthOf = (startDate: string, endDate: string) => daysFrom(startDate, endDate) + 1;
