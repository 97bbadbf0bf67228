import { and, asc, eq, inArray, isNull, like, or } from 'drizzle-orm';
import type { DB, DbOrTx } from '../../db/client';
import { streets, tools, users, type Loan } from '../../db/schema';
import { acceptAgreement, currentAcceptance, currentAgreementId } from '../agreements';
import { ReservationError, reserveTool } from '../reservations';

/**
 * Residents of the neighbourhood for the desk to pick, with their street to tell two of the same
 * name apart. With `contacts` (brokers, admins: deskSeesContact) the words may be part of a phone
 * number and the phone comes along; desk volunteers search by name and never see numbers.
 */
export function findResidents(d: DbOrTx, neighbourhoodId: number, q: string, contacts: boolean) {
	const words = q.trim();
	if (words.length < 2) return [];
	const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return d
		.select({
			id: users.id,
			name: users.displayName,
			street: streets.name,
			phone: users.phone,
			email: users.email
		})
		.from(users)
		.leftJoin(streets, eq(streets.id, users.streetId))
		.where(
			and(
				eq(users.neighbourhoodId, neighbourhoodId),
				eq(users.status, 'active'),
				isNull(users.deletedAt),
				contacts
					? or(like(users.displayName, pattern), like(users.phone, pattern))
					: like(users.displayName, pattern)
			)
		)
		.orderBy(asc(users.displayName))
		.limit(20)
		.all()
		.map(({ phone, email, ...p }) => ({
			...p,
			phone: contacts ? phone : null,
			hasEmail: email !== null
		}));
}

/** An active resident of the neighbourhood, for the desk to book for; null for anyone else. */
export function deskResident(d: DbOrTx, userId: string, neighbourhoodId: number) {
	return (
		d
			.select({ id: users.id, name: users.displayName, phone: users.phone, email: users.email })
			.from(users)
			.where(
				and(
					eq(users.id, userId),
					eq(users.neighbourhoodId, neighbourhoodId),
					eq(users.status, 'active')
				)
			)
			.get() ?? null
	);
}

/** The neighbourhood's tools that can be booked now or later (not in repair, retired, missing). */
export function bookableTools(d: DbOrTx, neighbourhoodId: number) {
	return d
		.select({ id: tools.id, name: tools.name, assetTag: tools.assetTag })
		.from(tools)
		.where(
			and(
				eq(tools.neighbourhoodId, neighbourhoodId),
				inArray(tools.status, ['available', 'on_loan'])
			)
		)
		.orderBy(asc(tools.name))
		.all();
}

export interface DeskBookingInput {
	actorId: string;
	residentId: string;
	neighbourhoodId: number;
	toolId: number;
	startDate: string;
	endDate: string;
	/** How the resident accepted the current agreement, when not on record yet. */
	acceptance?: 'paper' | 'read_aloud';
}

/**
 * Someone at the desk or a broker books a tool for a resident (without internet, on the phone):
 * records their paper or read-aloud acceptance of the current agreement if there is none yet,
 * then reserves under the same rules as online, with the booker on the loan.
 */
export function bookForResident(
	db: DB,
	input: DeskBookingInput,
	now: number,
	origin: string
): Loan {
	const tool = db
		.select({ n: tools.neighbourhoodId })
		.from(tools)
		.where(eq(tools.id, input.toolId))
		.get();
	if (tool?.n !== input.neighbourhoodId) throw new ReservationError('desk_err_tool');
	if (!currentAcceptance(db, input.residentId, input.neighbourhoodId)) {
		const agreementId = currentAgreementId(db, input.neighbourhoodId);
		if (agreementId === null) throw new ReservationError('lending_err_no_agreement');
		if (!input.acceptance) throw new ReservationError('desk_err_acceptance');
		acceptAgreement(
			db,
			{
				userId: input.residentId,
				agreementId,
				method: input.acceptance,
				recordedById: input.actorId
			},
			now
		);
	}
	return reserveTool(
		db,
		{
			toolId: input.toolId,
			borrowerId: input.residentId,
			startDate: input.startDate,
			endDate: input.endDate,
			bookedById: input.actorId
		},
		now,
		origin
	);
}
