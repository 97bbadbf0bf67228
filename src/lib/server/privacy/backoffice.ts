import { asc, eq, inArray } from 'drizzle-orm';
import {
	neighbourhoods,
	partnerLinks,
	partnerReferrals,
	posts,
	referralChecks,
	referrals,
	services,
	signalReplies,
	signals,
	steeringLinks
} from '../db/schema';
import type { DeletionStep, ExportSection } from './steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What the back office (issue 21) stores about a person, for the data download. */
export const backofficeExport: ExportSection[] = [
	{
		// The broker's answers to the signals the person passed on, as the person read them.
		key: 'signalReplies',
		collect: (db, p) =>
			db
				.select({
					signal: signalReplies.signalId,
					body: signalReplies.body,
					at: signalReplies.createdAt
				})
				.from(signalReplies)
				.innerJoin(signals, eq(signals.id, signalReplies.signalId))
				.where(eq(signals.filedById, p.id))
				.orderBy(asc(signalReplies.createdAt))
				.all()
				.map((r) => ({ ...r, at: iso(r.at) }))
	},
	{
		// Whether a service the person was referred to helped: their answer, not the broker's notes.
		key: 'referralChecks',
		collect: (db, p) =>
			db
				.select({
					service: services.name,
					status: referralChecks.status,
					dueAt: referralChecks.dueAt,
					askedAt: referralChecks.askedAt,
					answer: referralChecks.answer,
					answeredAt: referralChecks.answeredAt
				})
				.from(referralChecks)
				.innerJoin(referrals, eq(referrals.id, referralChecks.referralId))
				.innerJoin(posts, eq(posts.id, referrals.postId))
				.innerJoin(services, eq(services.id, referrals.serviceId))
				.where(eq(posts.authorId, p.id))
				.orderBy(asc(referralChecks.dueAt))
				.all()
				.map((c) => ({
					...c,
					dueAt: iso(c.dueAt),
					askedAt: iso(c.askedAt),
					answeredAt: iso(c.answeredAt)
				}))
	},
	{
		// A partner referred the person to the broker: who, for what, and where it stands.
		key: 'partnerReferrals',
		collect: (db, p) =>
			db
				.select({
					service: services.name,
					name: partnerReferrals.name,
					phone: partnerReferrals.phone,
					need: partnerReferrals.need,
					language: partnerReferrals.language,
					contactWay: partnerReferrals.contactWay,
					consentAt: partnerReferrals.consentAt,
					status: partnerReferrals.status,
					createdAt: partnerReferrals.createdAt
				})
				.from(partnerReferrals)
				.innerJoin(services, eq(services.id, partnerReferrals.serviceId))
				.where(eq(partnerReferrals.residentId, p.id))
				.orderBy(asc(partnerReferrals.createdAt))
				.all()
				.map((r) => ({ ...r, consentAt: iso(r.consentAt), createdAt: iso(r.createdAt) }))
	},
	{
		key: 'partnerRoles',
		collect: (db, p) =>
			db
				.select({
					service: services.name,
					grantedAt: partnerLinks.grantedAt,
					revokedAt: partnerLinks.revokedAt
				})
				.from(partnerLinks)
				.innerJoin(services, eq(services.id, partnerLinks.serviceId))
				.where(eq(partnerLinks.userId, p.id))
				.orderBy(asc(partnerLinks.grantedAt))
				.all()
				.map((l) => ({ ...l, grantedAt: iso(l.grantedAt), revokedAt: iso(l.revokedAt) }))
	},
	{
		key: 'steeringRoles',
		collect: (db, p) =>
			db
				.select({
					neighbourhood: neighbourhoods.name,
					grantedAt: steeringLinks.grantedAt,
					revokedAt: steeringLinks.revokedAt
				})
				.from(steeringLinks)
				.innerJoin(neighbourhoods, eq(neighbourhoods.id, steeringLinks.neighbourhoodId))
				.where(eq(steeringLinks.userId, p.id))
				.orderBy(asc(steeringLinks.grantedAt))
				.all()
				.map((l) => ({ ...l, grantedAt: iso(l.grantedAt), revokedAt: iso(l.revokedAt) }))
	}
];

/**
 * Deleting an account: signals linked to the person lose the link and the words about them (the
 * anonymised bundle summary stays for the counts); checks after their referrals keep only the
 * answer, for the share that helped; a partner's referral of them loses their name, number and
 * need; their own partner and steering links go.
 */
export const backofficeDeletion: DeletionStep[] = [
	{
		name: 'signals_about',
		run: (tx, p) =>
			tx
				.update(signals)
				.set({ subjectUserId: null, about: '', body: '', actionNote: null })
				.where(eq(signals.subjectUserId, p.id))
				.run()
	},
	{
		name: 'referral_checks',
		run: (tx, p) => {
			const own = tx
				.select({ id: referrals.id })
				.from(referrals)
				.innerJoin(posts, eq(posts.id, referrals.postId))
				.where(eq(posts.authorId, p.id));
			tx.update(referralChecks)
				.set({ note: '', action: '', tokenHash: null })
				.where(inArray(referralChecks.referralId, own))
				.run();
		}
	},
	{
		name: 'partner_referrals',
		run: (tx, p) =>
			tx
				.update(partnerReferrals)
				.set({ residentId: null, name: '', phone: '', need: '' })
				.where(eq(partnerReferrals.residentId, p.id))
				.run()
	},
	{
		name: 'partner_links',
		run: (tx, p) => tx.delete(partnerLinks).where(eq(partnerLinks.userId, p.id)).run()
	},
	{
		name: 'steering_links',
		run: (tx, p) => tx.delete(steeringLinks).where(eq(steeringLinks.userId, p.id)).run()
	}
];
