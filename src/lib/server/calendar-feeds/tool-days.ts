import { and, eq, gte, inArray, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import { localDate, shiftDate } from '../calendar';
import type { DbOrTx } from '../db/client';
import { loans, neighbourhoods, pickupPlaces, tools, users } from '../db/schema';
import { firstName } from '../profile/public';
import { feedUid, type FeedEvent, type FeedReader, type FeedSource } from './events';

/**
 * Pick-up and return days of tools: a person's own, and a desk's. A reservation that was
 * cancelled or never picked up leaves the feed. Once a tool went out or came back, the day it
 * really did is shown, otherwise the day agreed.
 */

interface ToolDay {
	id: number;
	side: 'pickup' | 'return';
	day: string;
	tool: string;
	borrower: string;
	placeName: string;
	placeAddress: string;
}

function toolDays(db: DbOrTx, where: SQL, reader: FeedReader): ToolDay[] {
	// A safe lower bound in SQL (no time zone is a day behind UTC); the exact one per loan below.
	const roughFirstDay = shiftDate(localDate(reader.since, 'UTC'), -1);
	const rows = db
		.select({
			id: loans.id,
			startDate: loans.startDate,
			endDate: loans.endDate,
			checkedOutAt: loans.checkedOutAt,
			checkedInAt: loans.checkedInAt,
			tool: tools.name,
			borrower: users.displayName,
			placeName: pickupPlaces.name,
			placeAddress: pickupPlaces.address,
			timeZone: neighbourhoods.timeZone
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(pickupPlaces, eq(pickupPlaces.id, tools.pickupPlaceId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, tools.neighbourhoodId))
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.where(
			and(
				where,
				inArray(loans.status, ['reserved', 'on_loan', 'returned']),
				gte(loans.endDate, roughFirstDay)
			)
		)
		.all();
	const days: ToolDay[] = [];
	for (const r of rows) {
		const firstDay = localDate(reader.since, r.timeZone);
		const pickup = r.checkedOutAt === null ? r.startDate : localDate(r.checkedOutAt, r.timeZone);
		const back = r.checkedInAt === null ? r.endDate : localDate(r.checkedInAt, r.timeZone);
		for (const [side, day] of [
			['pickup', pickup],
			['return', back]
		] as const)
			if (day >= firstDay) days.push({ ...r, side, day });
	}
	return days;
}

/** The person's own pick-up and return days, with the pick-up place's address. */
export const ownToolDays: FeedSource<{ userId: string }> = (db, { userId }, reader) =>
	toolDays(db, eq(loans.borrowerId, userId), reader).map((d): FeedEvent => ({
		uid: feedUid(`loan-${d.id}-${d.side}`, reader.origin),
		summary:
			d.side === 'pickup'
				? m.calendar_pickup({ tool: isolate(d.tool, reader.locale) }, { locale: reader.locale })
				: m.calendar_return({ tool: isolate(d.tool, reader.locale) }, { locale: reader.locale }),
		url: `${reader.origin}/loans#loan-${d.id}`,
		location: `${d.placeName}, ${d.placeAddress}`,
		when: { day: d.day }
	}));

/**
 * The desk's pick-ups and returns: the tool and the borrower's first name, never a phone number
 * or an address (the feed leaves the site for a calendar service).
 */
export const deskToolDays: FeedSource<{ neighbourhoodId: number }> = (
	db,
	{ neighbourhoodId },
	reader
) =>
	toolDays(db, eq(tools.neighbourhoodId, neighbourhoodId), reader).map((d): FeedEvent => {
		const params = {
			tool: isolate(d.tool, reader.locale),
			name:
				isolate(firstName(d.borrower), reader.locale) ||
				m.calendar_someone({}, { locale: reader.locale })
		};
		return {
			uid: feedUid(`desk-loan-${d.id}-${d.side}`, reader.origin),
			summary:
				d.side === 'pickup'
					? m.calendar_desk_pickup(params, { locale: reader.locale })
					: m.calendar_desk_return(params, { locale: reader.locale }),
			url: `${reader.origin}/desk/loans/${d.id}`,
			location: d.placeName,
			when: { day: d.day }
		};
	});
