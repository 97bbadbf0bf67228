import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { loans, matches, pickupPlaces, posts, tools } from '../db/schema';
import { currentAcceptance, currentAgreement } from './agreements';
import {
	activeBookings,
	availabilityCalendar,
	isOpenOn,
	nextFreeStart,
	toolRules,
	type ToolRules
} from './availability';
import { localDate, shiftDate } from '../calendar';
import { activeCount } from './reservations';
import { isWaiting } from './waitlist';

/** First day and last day to suggest in an empty form: the next free stretch of the usual length. */
export function suggestedDates(
	d: DbOrTx,
	rules: ToolRules,
	now: number
): { startDate: string; endDate: string } {
	const today = localDate(now, rules.timeZone);
	const bookings = activeBookings(d, rules.toolId, today);
	const startDate =
		nextFreeStart(rules, bookings, shiftDate(today, 1), rules.loanDaysDefault) ??
		shiftDate(today, 1);
	let endDate = shiftDate(startDate, rules.loanDaysDefault - 1);
	while (endDate > startDate && !isOpenOn(rules, endDate)) endDate = shiftDate(endDate, -1);
	return { startDate, endDate };
}

/** Active matches in which this person is the helper, to link a loan to one. */
export function helperMatches(d: DbOrTx, userId: string) {
	return d
		.select({ id: matches.id, title: posts.title })
		.from(matches)
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(and(eq(matches.helperId, userId), eq(matches.status, 'active')))
		.orderBy(asc(matches.agreedAt))
		.all();
}

/** What the reservation part of a tool page needs to know, for the visitor signed in or not. */
export function bookingView(
	d: DbOrTx,
	toolId: number,
	userId: string | null,
	now: number,
	locale: string
) {
	const rules = toolRules(d, toolId);
	if (!rules) return null;
	const bookable = rules.status === 'available' || rules.status === 'on_loan';
	const calendar = availabilityCalendar(d, rules, now);
	const base = {
		bookable,
		calendar,
		today: localDate(now, rules.timeZone),
		openDays: rules.openDays,
		bufferDays: rules.bufferDays
	};
	if (!userId) return { ...base, person: null };
	const agreement = currentAgreement(d, rules.neighbourhoodId, locale);
	return {
		...base,
		person: {
			agreement,
			accepted: currentAcceptance(d, userId, rules.neighbourhoodId) !== null,
			active: activeCount(d, userId, rules.neighbourhoodId),
			maxActive: rules.maxActive,
			waiting: isWaiting(d, toolId, userId),
			booked: activeBookings(d, toolId, base.today).length > 0,
			matches: helperMatches(d, userId),
			suggested: suggestedDates(d, rules, now)
		}
	};
}

/** A resident's own reservations and loans, newest first, with where to pick them up. */
export function loansOf(d: DbOrTx, userId: string) {
	return d
		.select({
			id: loans.id,
			status: loans.status,
			startDate: loans.startDate,
			endDate: loans.endDate,
			extendedTimes: loans.extendedTimes,
			toolId: tools.id,
			toolName: tools.name,
			loanDaysMax: tools.loanDaysMax,
			placeName: pickupPlaces.name,
			placeAddress: pickupPlaces.address
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(pickupPlaces, eq(pickupPlaces.id, tools.pickupPlaceId))
		.where(eq(loans.borrowerId, userId))
		.orderBy(asc(loans.startDate), asc(loans.id))
		.all()
		.map((l) => ({ ...l, active: l.status === 'reserved' || l.status === 'on_loan' }));
}
