import { and, asc, eq, gt } from 'drizzle-orm';
import {
	expenseClaims,
	gatherings,
	gatheringSignups,
	helpAsks,
	neighbourhoods,
	volunteerAcceptances,
	volunteerAgreements,
	volunteerGoodbyes,
	volunteerThanks
} from '../db/schema';
import { moveUpFromWaitingList } from '../volunteers/gathering-signups';
import type { DeletionStep, ExportSection } from './steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What volunteering (issue 20) stores about a person, for the data download. */
export const volunteeringExport: ExportSection[] = [
	{
		key: 'volunteerAgreements',
		collect: (db, p) =>
			db
				.select({
					neighbourhood: neighbourhoods.name,
					version: volunteerAgreements.version,
					method: volunteerAcceptances.method,
					at: volunteerAcceptances.acceptedAt
				})
				.from(volunteerAcceptances)
				.innerJoin(
					volunteerAgreements,
					eq(volunteerAgreements.id, volunteerAcceptances.agreementId)
				)
				.innerJoin(neighbourhoods, eq(neighbourhoods.id, volunteerAgreements.neighbourhoodId))
				.where(eq(volunteerAcceptances.userId, p.id))
				.orderBy(asc(volunteerAcceptances.acceptedAt))
				.all()
				.map((a) => ({ ...a, at: iso(a.at) }))
	},
	{
		key: 'expenseClaims',
		collect: (db, p) =>
			db
				.select()
				.from(expenseClaims)
				.where(eq(expenseClaims.helperId, p.id))
				.orderBy(asc(expenseClaims.createdAt))
				.all()
				.map((c) => ({
					match: c.matchId,
					amountCents: c.amountCents,
					reason: c.reason,
					status: c.status,
					createdAt: iso(c.createdAt),
					decidedAt: iso(c.decidedAt),
					decisionReason: c.decisionReason
				}))
	},
	{
		key: 'gatherings',
		collect: (db, p) =>
			db
				.select({
					kind: gatherings.kind,
					name: gatherings.name,
					startsAt: gatherings.startsAt,
					status: gatheringSignups.status,
					signedUpByBroker: gatheringSignups.signedUpById,
					signedUpAt: gatheringSignups.createdAt,
					attended: gatheringSignups.attended
				})
				.from(gatheringSignups)
				.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
				.where(eq(gatheringSignups.userId, p.id))
				.orderBy(asc(gatherings.startsAt))
				.all()
				.map((g) => ({
					...g,
					startsAt: iso(g.startsAt),
					signedUpAt: iso(g.signedUpAt),
					// Whether a broker signed them up, not who (another person's id).
					signedUpByBroker: g.signedUpByBroker !== null
				}))
	},
	{
		key: 'helpAsks',
		collect: (db, p) =>
			db
				.select({ body: helpAsks.body, at: helpAsks.createdAt, handledAt: helpAsks.handledAt })
				.from(helpAsks)
				.where(eq(helpAsks.helperId, p.id))
				.orderBy(asc(helpAsks.createdAt))
				.all()
				.map((a) => ({ body: a.body, at: iso(a.at), handledAt: iso(a.handledAt) }))
	},
	{
		key: 'thanks',
		collect: (db, p) =>
			db
				.select({
					kind: volunteerThanks.kind,
					year: volunteerThanks.year,
					message: volunteerThanks.message,
					at: volunteerThanks.sentAt
				})
				.from(volunteerThanks)
				.where(eq(volunteerThanks.userId, p.id))
				.orderBy(asc(volunteerThanks.sentAt))
				.all()
				.map((t) => ({ ...t, at: iso(t.at) }))
	},
	{
		key: 'volunteerGoodbyes',
		collect: (db, p) =>
			db
				.select({
					reason: volunteerGoodbyes.reason,
					stoppedAt: volunteerGoodbyes.stoppedAt,
					resumedAt: volunteerGoodbyes.resumedAt
				})
				.from(volunteerGoodbyes)
				.where(eq(volunteerGoodbyes.userId, p.id))
				.orderBy(asc(volunteerGoodbyes.stoppedAt))
				.all()
				.map((g) => ({ ...g, stoppedAt: iso(g.stoppedAt), resumedAt: iso(g.resumedAt) }))
	}
];

/**
 * Deleting an account: acceptances, questions to the broker, thanks and goodbyes go; expense
 * claims keep their amount for the monthly total (the funder's figure) without the words; past
 * attendance stays for the gatherings' figures, places at gatherings still to come are given up.
 */
export const volunteeringDeletion: DeletionStep[] = [
	{
		name: 'volunteer_acceptances',
		run: (tx, p) =>
			tx.delete(volunteerAcceptances).where(eq(volunteerAcceptances.userId, p.id)).run()
	},
	{
		name: 'expense_claims',
		run: (tx, p) =>
			tx
				.update(expenseClaims)
				.set({ reason: '', decisionReason: '' })
				.where(eq(expenseClaims.helperId, p.id))
				.run()
	},
	{
		name: 'gathering_signups',
		run: (tx, p, now, origin) => {
			const places = tx
				.select({ signup: gatheringSignups, gathering: gatherings })
				.from(gatheringSignups)
				.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
				.where(and(eq(gatheringSignups.userId, p.id), gt(gatherings.startsAt, now)))
				.all();
			for (const { signup, gathering } of places) {
				tx.delete(gatheringSignups).where(eq(gatheringSignups.id, signup.id)).run();
				// A place given up goes to the first person waiting, as when someone cancels.
				if (signup.status === 'signed_up' && gathering.cancelledAt === null)
					moveUpFromWaitingList(tx, gathering, origin, now);
			}
		}
	},
	{
		name: 'help_asks',
		run: (tx, p) => tx.delete(helpAsks).where(eq(helpAsks.helperId, p.id)).run()
	},
	{
		name: 'volunteer_thanks',
		run: (tx, p) => tx.delete(volunteerThanks).where(eq(volunteerThanks.userId, p.id)).run()
	},
	{
		name: 'volunteer_goodbyes',
		run: (tx, p) => tx.delete(volunteerGoodbyes).where(eq(volunteerGoodbyes.userId, p.id)).run()
	}
];
