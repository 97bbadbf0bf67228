import { asc, eq, inArray, or } from 'drizzle-orm';
import {
	posts,
	referrals,
	residentConsents,
	residentProxies,
	services,
	signals,
	users
} from '../db/schema';
import type { DeletionStep, ExportSection } from '../privacy/steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What broker intake stores about a person, for the data download. */
export const intakeExport: ExportSection[] = [
	{
		key: 'consent',
		collect: (db, p) => {
			const c = db
				.select({ at: residentConsents.recordedAt })
				.from(residentConsents)
				.where(eq(residentConsents.userId, p.id))
				.get();
			return c ? { recordedAt: iso(c.at) } : null;
		}
	},
	{
		// Both sides know each other: a carer acts for the resident with their consent.
		key: 'carers',
		collect: (db, p) =>
			db
				.select({ link: residentProxies, resident: users.displayName })
				.from(residentProxies)
				.innerJoin(users, eq(users.id, residentProxies.residentId))
				.where(or(eq(residentProxies.residentId, p.id), eq(residentProxies.proxyUserId, p.id)))
				.all()
				.map(({ link, resident }) => {
					const other =
						link.residentId === p.id
							? db
									.select({ name: users.displayName })
									.from(users)
									.where(eq(users.id, link.proxyUserId))
									.get()?.name
							: resident;
					return {
						role: link.residentId === p.id ? 'acts_for_me' : 'i_act_for',
						person: other ?? null,
						consentAt: iso(link.consentAt),
						revokedAt: iso(link.revokedAt)
					};
				})
	},
	{
		key: 'referrals',
		collect: (db, p) =>
			db
				.select({
					postId: referrals.postId,
					service: services.name,
					note: referrals.note,
					at: referrals.at
				})
				.from(referrals)
				.innerJoin(posts, eq(posts.id, referrals.postId))
				.innerJoin(services, eq(services.id, referrals.serviceId))
				.where(eq(posts.authorId, p.id))
				.all()
				.map((r) => ({ ...r, at: iso(r.at) }))
	},
	{
		// The broker's action note is never shown to the volunteer, so it is not here either.
		key: 'signalsFiled',
		collect: (db, p) =>
			db
				.select({
					kind: signals.kind,
					about: signals.about,
					body: signals.body,
					status: signals.status,
					createdAt: signals.createdAt
				})
				.from(signals)
				.where(eq(signals.filedById, p.id))
				.orderBy(asc(signals.createdAt))
				.all()
				.map((s) => ({ ...s, createdAt: iso(s.createdAt) }))
	}
];

/**
 * Deleting an account: the recorded consent and carer links go (there is nothing left to consent
 * to or act for); referrals of the person's requests stay for the counts per kind of service,
 * without the broker's note about them.
 */
export const intakeDeletion: DeletionStep[] = [
	{
		name: 'resident_consents',
		run: (tx, p) => tx.delete(residentConsents).where(eq(residentConsents.userId, p.id)).run()
	},
	{
		name: 'resident_proxies',
		run: (tx, p) =>
			tx
				.delete(residentProxies)
				.where(or(eq(residentProxies.residentId, p.id), eq(residentProxies.proxyUserId, p.id)))
				.run()
	},
	{
		name: 'referrals',
		run: (tx, p) => {
			const own = tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, p.id));
			tx.update(referrals).set({ note: '' }).where(inArray(referrals.postId, own)).run();
		}
	}
];
