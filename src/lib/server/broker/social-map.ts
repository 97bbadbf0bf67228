import { and, eq, isNull } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { services, type Service } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
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
export function openingLine(service: Service, locale: Locale): string {
	const slots = JSON.parse(service.openingHours) as OpeningSlot[];
	return listText(
		slots.map(
			(s) => `${weekdayName(s.day, locale)} ${m.time_range({ from: s.from, to: s.to }, { locale })}`
		),
		locale,
		'unit'
	);
}

const DAY_WORDS: Record<string, number> = {
	ma: 1,
	di: 2,
	wo: 3,
	do: 4,
	vr: 5,
	za: 6,
	zo: 7,
	mon: 1,
	tue: 2,
	wed: 3,
	thu: 4,
	fri: 5,
	sat: 6,
	sun: 7
};

/**
 * Reads opening hours typed as "ma 09:00-12:00, wo 13:00-16:00" (Dutch or English day
 * abbreviations). Returns null when a part cannot be read.
 */
export function parseOpeningHours(text: string): OpeningSlot[] | null {
	const parts = text
		.split(/[,;\n]+/)
		.map((p) => p.trim())
		.filter(Boolean);
	const slots: OpeningSlot[] = [];
	for (const part of parts) {
		const match =
			/^([a-z]{2,3})\.?\s+([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]\d|2[0-3]):([0-5]\d)$/i.exec(
				part
			);
		const day = match ? DAY_WORDS[match[1]!.toLowerCase()] : undefined;
		if (!match || !day) return null;
		const from = `${match[2]}:${match[3]}`;
		const to = `${match[4]}:${match[5]}`;
		if (from >= to) return null;
		slots.push({ day, from, to });
	}
	return slots;
}

/** Opening hours as the form shows them again. */
export function openingText(service: Service): string {
	const names = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
	return (JSON.parse(service.openingHours) as OpeningSlot[])
		.map((s) => `${names[s.day - 1]} ${s.from}-${s.to}`)
		.join(', ');
}
