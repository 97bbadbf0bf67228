import { isolate } from '$lib/i18n';
import { telDigits } from '$lib/phone';
import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { DbOrTx } from '../db/client';
import { neighbourhoodBrokers, neighbourhoods, users } from '../db/schema';
import type { DutySlot } from './public';

/** The broker a resident is told to call, as the broker chose to show themselves. */
export interface CallFace {
	firstName: string;
	/** URL of the small photo, or null when the broker set none. */
	photo: string | null;
}

/** Everything "call us" shows for one neighbourhood. */
export interface CallUs {
	neighbourhoodId: number;
	neighbourhood: string;
	/** As the admin typed it, for reading. */
	phone: string;
	/** Digits and a leading + only, for the tel: link. */
	tel: string;
	hours: DutySlot[];
	broker: CallFace | null;
}

/** The URL of a broker's photo file (served by /photos like the tools' photos). */
export const callPhotoUrl = (fileKey: string) => `/photos/${fileKey}-s.webp`;

/**
 * Every neighbourhood that has a phone number, the one the person belongs to (or the one the
 * page is about) first, then the others oldest first, so a visitor sees the pilot's number first.
 */
export function callUsList(
	db: DbOrTx,
	first: { userId?: string | null; neighbourhoodId?: number | null }
): CallUs[] {
	let firstId = first.neighbourhoodId ?? null;
	if (firstId === null && first.userId) firstId = ownNeighbourhood(db, first.userId);
	const rows = db
		.select({
			id: neighbourhoods.id,
			name: neighbourhoods.name,
			phone: neighbourhoods.phoneDutyNumber,
			hours: neighbourhoods.phoneDutyHours
		})
		.from(neighbourhoods)
		.where(ne(neighbourhoods.phoneDutyNumber, ''))
		.orderBy(asc(neighbourhoods.id))
		.all();
	const faces = brokerFaces(
		db,
		rows.map((r) => r.id)
	);
	const list = rows.map((r) => ({
		neighbourhoodId: r.id,
		neighbourhood: r.name,
		phone: r.phone,
		tel: telDigits(r.phone),
		hours: JSON.parse(r.hours) as DutySlot[],
		broker: faces.get(r.id) ?? null
	}));
	const own = list.findIndex((c) => c.neighbourhoodId === firstId);
	if (own > 0) list.unshift(...list.splice(own, 1));
	return list;
}

/** Where a person lives, or else (a broker living elsewhere) the first neighbourhood they broker. */
function ownNeighbourhood(db: DbOrTx, userId: string): number | null {
	const home = db
		.select({ id: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, userId))
		.get()?.id;
	if (home) return home;
	return (
		db
			.select({ id: neighbourhoodBrokers.neighbourhoodId })
			.from(neighbourhoodBrokers)
			.where(eq(neighbourhoodBrokers.userId, userId))
			.orderBy(asc(neighbourhoodBrokers.neighbourhoodId))
			.get()?.id ?? null
	);
}

/** "Rather talk? Call An of …: 0470 …" for a mail about this neighbourhood; null without a number. */
export function callUsMailLine(db: DbOrTx, neighbourhoodId: number, locale: Locale): string | null {
	const c = callUsList(db, { neighbourhoodId })[0];
	if (!c || c.neighbourhoodId !== neighbourhoodId) return null;
	// Set apart: a phone number's digit groups would run backwards in an Arabic sentence.
	const params = {
		neighbourhood: isolate(c.neighbourhood, locale),
		phone: isolate(c.phone, locale)
	};
	return c.broker
		? m.mail_call_us_name({ ...params, name: isolate(c.broker.firstName, locale) }, { locale })
		: m.mail_call_us(params, { locale });
}

/** For each neighbourhood, the first of its brokers (by name) who chose a name to show. */
function brokerFaces(db: DbOrTx, ids: number[]): Map<number, CallFace> {
	if (ids.length === 0) return new Map();
	const rows = db
		.select({
			neighbourhoodId: neighbourhoodBrokers.neighbourhoodId,
			callName: users.callName,
			callPhoto: users.callPhoto
		})
		.from(neighbourhoodBrokers)
		.innerJoin(users, eq(users.id, neighbourhoodBrokers.userId))
		.where(
			and(
				inArray(neighbourhoodBrokers.neighbourhoodId, ids),
				isNotNull(users.callName),
				eq(users.status, 'active')
			)
		)
		.orderBy(asc(users.callName))
		.all();
	const faces = new Map<number, CallFace>();
	for (const r of rows)
		if (r.callName && !faces.has(r.neighbourhoodId))
			faces.set(r.neighbourhoodId, {
				firstName: r.callName,
				photo: r.callPhoto ? callPhotoUrl(r.callPhoto) : null
			});
	return faces;
}

/** What a broker shows of themselves where residents are told to call. */
export function getCallFace(
	db: DbOrTx,
	userId: string
): { callName: string | null; callPhoto: string | null } {
	return (
		db
			.select({ callName: users.callName, callPhoto: users.callPhoto })
			.from(users)
			.where(eq(users.id, userId))
			.get() ?? { callName: null, callPhoto: null }
	);
}

/**
 * Sets the broker's first name to show (empty: none) and, when given, their photo's file key
 * (null: remove it). Returns the file key it replaced, whose files the caller removes.
 */
export function setCallFace(
	db: DbOrTx,
	userId: string,
	face: { callName: string; callPhoto?: string | null }
): string | null {
	return db.transaction((tx) => {
		const before = getCallFace(tx, userId);
		const photo = face.callPhoto === undefined ? before.callPhoto : face.callPhoto;
		tx.update(users)
			.set({ callName: face.callName.trim() || null, callPhoto: photo })
			.where(eq(users.id, userId))
			.run();
		return before.callPhoto !== photo ? before.callPhoto : null;
	});
}

/** True when this photo file is a broker's call photo (public, like a tool's own photos). */
export function isCallPhoto(db: DbOrTx, fileKey: string): boolean {
	return (
		db.select({ id: users.id }).from(users).where(eq(users.callPhoto, fileKey)).get() !== undefined
	);
}
