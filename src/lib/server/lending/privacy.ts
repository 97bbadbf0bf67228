import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
	agreementAcceptances,
	borrowerAgreements,
	lendingDeskStaff,
	loans,
	neighbourhoods,
	tools,
	toolWaitlist
} from '../db/schema';
import type { DeletionStep, ExportSection } from '../privacy/steps';
import { cancelReserved } from './reservations';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The tools a person has at home now. While one is out, the account cannot be deleted: the desk
 * must still be able to ask for it back, and the borrower can bring it first.
 */
export function toolsStillOut(d: DbOrTx, userId: string): string[] {
	return d
		.select({ name: tools.name })
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.where(and(eq(loans.borrowerId, userId), eq(loans.status, 'on_loan')))
		.orderBy(asc(loans.startDate))
		.all()
		.map((t) => t.name);
}

/** What lending stores about a person, for the data download. */
export const lendingExport: ExportSection[] = [
	{
		key: 'loans',
		collect: (db, p) =>
			db
				.select({ tool: tools.name, loan: loans })
				.from(loans)
				.innerJoin(tools, eq(tools.id, loans.toolId))
				.where(eq(loans.borrowerId, p.id))
				.orderBy(asc(loans.startDate))
				.all()
				.map(({ tool, loan: l }) => ({
					tool,
					status: l.status,
					startDate: l.startDate,
					endDate: l.endDate,
					bookedAt: iso(l.createdAt),
					checkedOutAt: iso(l.checkedOutAt),
					conditionOut: l.conditionOut,
					deposit: l.deposit,
					checkedInAt: iso(l.checkedInAt),
					conditionIn: l.conditionIn,
					extendedTimes: l.extendedTimes,
					cancelledAt: iso(l.cancelledAt),
					cancelReason: l.cancelReason
				}))
	},
	{
		key: 'toolWaitlist',
		collect: (db, p) =>
			db
				.select({ tool: tools.name, since: toolWaitlist.createdAt, told: toolWaitlist.notifiedAt })
				.from(toolWaitlist)
				.innerJoin(tools, eq(tools.id, toolWaitlist.toolId))
				.where(eq(toolWaitlist.userId, p.id))
				.all()
				.map((w) => ({ tool: w.tool, since: iso(w.since), toldFreeAt: iso(w.told) }))
	},
	{
		key: 'agreementsAccepted',
		collect: (db, p) =>
			db
				.select({
					neighbourhood: neighbourhoods.name,
					version: borrowerAgreements.version,
					method: agreementAcceptances.method,
					at: agreementAcceptances.acceptedAt
				})
				.from(agreementAcceptances)
				.innerJoin(borrowerAgreements, eq(borrowerAgreements.id, agreementAcceptances.agreementId))
				.innerJoin(neighbourhoods, eq(neighbourhoods.id, borrowerAgreements.neighbourhoodId))
				.where(eq(agreementAcceptances.userId, p.id))
				.all()
				.map((a) => ({ ...a, at: iso(a.at) }))
	},
	{
		key: 'lendingDesk',
		collect: (db, p) =>
			db
				.select({ neighbourhood: neighbourhoods.name, since: lendingDeskStaff.createdAt })
				.from(lendingDeskStaff)
				.innerJoin(neighbourhoods, eq(neighbourhoods.id, lendingDeskStaff.neighbourhoodId))
				.where(eq(lendingDeskStaff.userId, p.id))
				.all()
				.map((d) => ({ ...d, since: iso(d.since) }))
	}
];

/**
 * Deleting an account: the waiting list and desk role go; reservations not picked up are
 * cancelled as if the borrower cancelled them (the days are free at once and the next person
 * waiting hears it); past loans stay for the tool's history and the funder's figures, without
 * the agreement acceptance, which is no longer needed once the person is gone.
 */
export const lendingDeletion: DeletionStep[] = [
	{
		// First, so the person is not told about a tool their own cancelling frees.
		name: 'tool_waitlist',
		run: (tx, p) => tx.delete(toolWaitlist).where(eq(toolWaitlist.userId, p.id)).run()
	},
	{
		name: 'loans',
		run: (tx, p, now, origin) => {
			const booked = tx
				.select()
				.from(loans)
				.where(and(eq(loans.borrowerId, p.id), eq(loans.status, 'reserved')))
				.all();
			for (const loan of booked) cancelReserved(tx, loan, p.id, 'borrower', now, origin);
			tx.update(loans).set({ agreementAcceptanceId: null }).where(eq(loans.borrowerId, p.id)).run();
		}
	},
	{
		name: 'agreement_acceptances',
		run: (tx, p) => {
			const mine = tx
				.select({ id: agreementAcceptances.id })
				.from(agreementAcceptances)
				.where(eq(agreementAcceptances.userId, p.id))
				.all()
				.map((a) => a.id);
			if (mine.length === 0) return;
			// A loan booked for someone else on this acceptance (none expected) must not block it.
			tx.update(loans)
				.set({ agreementAcceptanceId: null })
				.where(inArray(loans.agreementAcceptanceId, mine))
				.run();
			tx.delete(agreementAcceptances).where(inArray(agreementAcceptances.id, mine)).run();
		}
	},
	{
		name: 'lending_desk_staff',
		run: (tx, p) => tx.delete(lendingDeskStaff).where(eq(lendingDeskStaff.userId, p.id)).run()
	}
];
