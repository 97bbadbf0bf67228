import { asc, eq } from 'drizzle-orm';
import { categoryName } from '../categories/pilot';
import type { DbOrTx } from '../db/client';
import { marketplaceExport } from '../posts/privacy';
import { intakeExport } from '../broker/privacy';
import { lendingExport } from '../lending/privacy';
import { helpingExport } from './helping';
import { safetyExport } from './safety';
import { channelsExport } from './channels';
import { volunteeringExport } from './volunteering';
import { backofficeExport } from './backoffice';
import { circlesExport } from './circles';
import type { ExportSection } from './steps';
import {
	auditLog,
	categories,
	emailTokens,
	neighbourhoodBrokers,
	neighbourhoods,
	outbox,
	sessions,
	streets,
	userCategories,
	users
} from '../db/schema';

/** UTC milliseconds as an ISO 8601 string, or null: readable by a person and by a program. */
export const iso = (ms: number | null | undefined) =>
	ms === null || ms === undefined ? null : new Date(ms).toISOString();

function parseJsonArray(text: string): unknown[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value : [];
	} catch {
		// A damaged value is still the person's data: hand it over as it is stored.
		return [text];
	}
}

const profile: ExportSection = {
	key: 'profile',
	collect: (db, p) => {
		const street = p.streetId
			? db.select({ name: streets.name }).from(streets).where(eq(streets.id, p.streetId)).get()
			: undefined;
		return {
			id: p.id,
			displayName: p.displayName,
			email: p.email,
			emailVerifiedAt: iso(p.emailVerifiedAt),
			phone: p.phone,
			locale: p.locale,
			languages: parseJsonArray(p.languages),
			about: p.about,
			availability: parseJsonArray(p.availability),
			role: p.role,
			status: p.status,
			street: street?.name ?? null,
			houseNumber: p.houseNumber,
			exactLocation:
				p.exactLat !== null && p.exactLon !== null ? { lat: p.exactLat, lon: p.exactLon } : null,
			approximateLocation:
				p.approxLat !== null && p.approxLon !== null
					? { lat: p.approxLat, lon: p.approxLon }
					: null,
			placeSource: p.placeSource,
			contactBy: p.contactBy,
			callName: p.callName,
			callPhoto: p.callPhoto,
			postsSeenAt: iso(p.postsSeenAt),
			postsSeenBefore: iso(p.postsSeenBefore),
			birthYear: p.birthYear,
			createdAt: iso(p.createdAt),
			deletedAt: iso(p.deletedAt)
		};
	}
};

const neighbourhood: ExportSection = {
	key: 'neighbourhood',
	collect: (db, p) =>
		p.neighbourhoodId
			? (db
					.select({ name: neighbourhoods.name })
					.from(neighbourhoods)
					.where(eq(neighbourhoods.id, p.neighbourhoodId))
					.get() ?? null)
			: null
};

const helpsWith: ExportSection = {
	key: 'helpsWith',
	collect: (db, p) =>
		db
			.select({ slug: categories.slug, names: categories.names })
			.from(userCategories)
			.innerJoin(categories, eq(userCategories.categoryId, categories.id))
			.where(eq(userCategories.userId, p.id))
			.orderBy(asc(categories.sortOrder))
			.all()
			.map((c) => ({ category: c.slug, name: categoryName(c.names, p.locale) || c.slug }))
};

const brokerOf: ExportSection = {
	key: 'brokerOf',
	collect: (db, p) =>
		db
			.select({ name: neighbourhoods.name })
			.from(neighbourhoodBrokers)
			.innerJoin(neighbourhoods, eq(neighbourhoodBrokers.neighbourhoodId, neighbourhoods.id))
			.where(eq(neighbourhoodBrokers.userId, p.id))
			.all()
};

const signIns: ExportSection = {
	key: 'sessions',
	collect: (db, p) =>
		db
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			.where(eq(sessions.userId, p.id))
			.orderBy(asc(sessions.createdAt))
			.all()
			.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) }))
};

const emailLinks: ExportSection = {
	key: 'emailLinks',
	collect: (db, p) =>
		db
			.select({
				purpose: emailTokens.purpose,
				email: emailTokens.email,
				createdAt: emailTokens.createdAt,
				expiresAt: emailTokens.expiresAt,
				usedAt: emailTokens.usedAt
			})
			.from(emailTokens)
			.where(eq(emailTokens.userId, p.id))
			.orderBy(asc(emailTokens.createdAt))
			.all()
			.map((t) => ({
				...t,
				createdAt: iso(t.createdAt),
				expiresAt: iso(t.expiresAt),
				usedAt: iso(t.usedAt)
			}))
};

const mails: ExportSection = {
	key: 'mails',
	collect: (db, p) =>
		db
			.select({
				to: outbox.toAddress,
				subject: outbox.subject,
				createdAt: outbox.createdAt,
				sentAt: outbox.sentAt
			})
			.from(outbox)
			.where(eq(outbox.userId, p.id))
			.orderBy(asc(outbox.id))
			.all()
			.map((o) => ({ ...o, createdAt: iso(o.createdAt), sentAt: iso(o.sentAt) }))
};

const activity: ExportSection = {
	key: 'activity',
	collect: (db, p) =>
		db
			.select({ at: auditLog.at, action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.actorId, p.id))
			.orderBy(asc(auditLog.at))
			.all()
			.map((a) => ({ at: iso(a.at), action: a.action }))
};

/**
 * Everything the download contains, in order. A later feature that stores something about a
 * person adds its own section here and names it in PERSONAL_DATA (personal-data.ts).
 */
export const EXPORT_SECTIONS: ExportSection[] = [
	profile,
	neighbourhood,
	helpsWith,
	brokerOf,
	signIns,
	emailLinks,
	mails,
	activity,
	...marketplaceExport,
	...helpingExport,
	...lendingExport,
	...safetyExport,
	...intakeExport,
	...channelsExport,
	...volunteeringExport,
	...backofficeExport,
	...circlesExport
];

export const EXPORT_FORMAT = 'naburig-personal-data/1';

/** All data stored about one person, as a plain object ready for JSON (GDPR art. 15 and 20). */
export function exportPersonalData(
	db: DbOrTx,
	userId: string,
	now: number,
	sections: ExportSection[] = EXPORT_SECTIONS
): Record<string, unknown> {
	const person = db.select().from(users).where(eq(users.id, userId)).get();
	if (!person) throw new Error(`No user ${userId}`);
	const data: Record<string, unknown> = { format: EXPORT_FORMAT, exportedAt: iso(now) };
	for (const section of sections) data[section.key] = section.collect(db, person);
	return data;
}
