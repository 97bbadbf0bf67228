import { and, eq, isNull } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { services, type Service } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { m } from '$lib/paraglide/messages.js';
import { locales, type Locale } from '$lib/paraglide/runtime.js';
import { weekdayName } from '$lib/dates';
import { listText } from '$lib/intl';

export interface OpeningSlot {
	day: number;
	from: string;
	to: string;
}

export interface ServiceInput {
	name: string;
	description: string;
	kind: string;
	categoryIds: number[];
	phone: string;
	address: string;
	website: string;
	openingHours: OpeningSlot[];
}

/** The services of a neighbourhood's social map, by name. */
export function listServices(db: DbOrTx, neighbourhoodId: number): Service[] {
	return db
		.select()
		.from(services)
		.where(and(eq(services.neighbourhoodId, neighbourhoodId), isNull(services.removedAt)))
		.orderBy(services.name)
		.all();
}

export function getService(db: DbOrTx, id: number): Service | null {
	return (
		db
			.select()
			.from(services)
			.where(and(eq(services.id, id), isNull(services.removedAt)))
			.get() ?? null
	);
}

const columns = (input: ServiceInput) => ({
	name: input.name,
	description: input.description,
	kind: input.kind || 'other',
	categories: JSON.stringify([...new Set(input.categoryIds)]),
	phone: input.phone,
	address: input.address,
	website: input.website,
	openingHours: JSON.stringify(input.openingHours)
});

export function addService(
	db: DB,
	actorId: string | null,
	neighbourhoodId: number,
	input: ServiceInput,
	now: number
): Service {
	return db.transaction((tx) => {
		const row = tx
			.insert(services)
			.values({ ...columns(input), neighbourhoodId, createdAt: now })
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId,
				action: 'service.add',
				subjectType: 'service',
				subjectId: row.id,
				neighbourhoodId,
				detail: { name: row.name }
			},
			now
		);
		return row;
	});
}

export function updateService(
	db: DB,
	actorId: string,
	service: Service,
	input: ServiceInput,
	now: number
): void {
	db.transaction((tx) => {
		tx.update(services).set(columns(input)).where(eq(services.id, service.id)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'service.edit',
				subjectType: 'service',
				subjectId: service.id,
				neighbourhoodId: service.neighbourhoodId,
				detail: { name: input.name }
			},
			now
		);
	});
}

/** Removes a service from the map; past referrals to it stay countable. */
export function removeService(db: DB, actorId: string, service: Service, now: number): void {
	db.transaction((tx) => {
		tx.update(services).set({ removedAt: now }).where(eq(services.id, service.id)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'service.remove',
				subjectType: 'service',
				subjectId: service.id,
				neighbourhoodId: service.neighbourhoodId
			},
			now
		);
	});
}

/** Opening hours as one plain line in a language, e.g. "maandag 09:00 tot 12:00, woensdag …". */
export function openingLine(service: Pick<Service, 'openingHours'>, locale: Locale): string {
	const slots = JSON.parse(service.openingHours) as OpeningSlot[];
	return listText(
		slots.map(
			(s) => `${weekdayName(s.day, locale)} ${m.time_range({ from: s.from, to: s.to }, { locale })}`
		),
		locale,
		'unit'
	);
}

/**
 * The words for the days of the week a broker may type, in every site language, short and long
 * ("ma", "maandag", "Mon", "lun.", "Pzt", "Pazartesi", "الاثنين"): from Intl, so a sixth language
 * brings its own. Monday = 1.
 */
const DAY_WORDS: ReadonlyMap<string, number> = new Map(
	locales.flatMap((locale) =>
		(['short', 'long'] as const).flatMap((weekday) => {
			const format = new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' });
			// 2026-01-05 was a Monday.
			return [1, 2, 3, 4, 5, 6, 7].map(
				(day) => [dayWord(format.format(Date.UTC(2026, 0, 4 + day))), day] as const
			);
		})
	)
);

function dayWord(text: string): string {
	return text.toLowerCase().replace(/\.$/, '');
}

/**
 * Reads opening hours typed as "ma 09:00-12:00, wo 13:00-16:00", with the days in any site
 * language ("lun 09:00-12:00", "Pzt 09:00-12:00", "الاثنين 09:00-12:00"). Returns null when a
 * part cannot be read.
 */
export function parseOpeningHours(text: string): OpeningSlot[] | null {
	const parts = text
		.split(/[,;\n،]+/)
		.map((p) => p.trim())
		.filter(Boolean);
	const slots: OpeningSlot[] = [];
	for (const part of parts) {
		const match =
			/^(\p{L}{2,})\.?\s+([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]\d|2[0-3]):([0-5]\d)$/u.exec(part);
		const day = match ? DAY_WORDS.get(dayWord(match[1]!)) : undefined;
		if (!match || !day) return null;
		const from = `${match[2]}:${match[3]}`;
		const to = `${match[4]}:${match[5]}`;
		if (from >= to) return null;
		slots.push({ day, from, to });
	}
	return slots;
}

/** Opening hours as the form shows them again, with the days in the broker's language. */
export function openingText(service: Service, locale: Locale): string {
	const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
	return listText(
		(JSON.parse(service.openingHours) as OpeningSlot[]).map(
			(s) => `${format.format(Date.UTC(2026, 0, 4 + s.day)).replace(/\.$/, '')} ${s.from}-${s.to}`
		),
		locale,
		'unit'
	);
}
