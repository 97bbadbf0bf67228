import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import {
	gatherings,
	gatheringSignups,
	users,
	type Gathering,
	type GatheringSignup
} from '../db/schema';
import { noticeMovedUp } from './gathering-mails';
import { signupCounts } from './gatherings';
import { volunteerIds } from './who';

/**
 * Whether the gathering is meant for this person: an active resident of its neighbourhood, and
 * for a volunteers' gathering a volunteer (THE rule in who.ts). 'residents' and 'everyone' are
 * both open to every resident of the neighbourhood; 'everyone' also says neighbours from outside
 * may come, who sign up by phone with the broker.
 */
export function isForPerson(d: DbOrTx, gathering: Gathering, userId: string): boolean {
	const person = d.select().from(users).where(eq(users.id, userId)).get();
	if (!person || person.status !== 'active' || person.role !== 'resident') return false;
	if (person.neighbourhoodId !== gathering.neighbourhoodId) return false;
	if (gathering.audience === 'volunteers')
		return volunteerIds(d, gathering.neighbourhoodId).includes(userId);
	return true;
}

/** Open for sign-ups: not cancelled and not started yet. */
export const isOpen = (g: Gathering, now: number) => g.cancelledAt === null && g.startsAt > now;

export type SignupError = 'not_found' | 'not_for_you' | 'closed' | 'already';
export type SignupResult =
	{ ok: true; signup: GatheringSignup } | { ok: false; error: SignupError };

function placesTaken(tx: DbOrTx, gatheringId: number): number {
	return tx
		.select({ id: gatheringSignups.id })
		.from(gatheringSignups)
		.where(
			and(eq(gatheringSignups.gatheringId, gatheringId), eq(gatheringSignups.status, 'signed_up'))
		)
		.all().length;
}

/**
 * Signs a person up: 'signed_up' while there is a place, 'waiting' (in order) when it is full.
 * `brokerId` when the broker does it on the phone (audited). Someone who cancelled earlier may
 * sign up again: their row is reused, at the back of the queue.
 */
export function signUp(
	db: DB,
	gatheringId: number,
	userId: string,
	now: number,
	brokerId: string | null = null
): SignupResult {
	return db.transaction((tx) => {
		const gathering = tx.select().from(gatherings).where(eq(gatherings.id, gatheringId)).get();
		if (!gathering) return { ok: false as const, error: 'not_found' as const };
		if (!isOpen(gathering, now)) return { ok: false as const, error: 'closed' as const };
		if (!isForPerson(tx, gathering, userId))
			return { ok: false as const, error: 'not_for_you' as const };
		const existing = tx
			.select()
			.from(gatheringSignups)
			.where(
				and(eq(gatheringSignups.gatheringId, gatheringId), eq(gatheringSignups.userId, userId))
			)
			.get();
		if (existing && existing.status !== 'cancelled')
			return { ok: false as const, error: 'already' as const };
		const full = gathering.capacity !== null && placesTaken(tx, gatheringId) >= gathering.capacity;
		const values = {
			status: full ? ('waiting' as const) : ('signed_up' as const),
			signedUpById: brokerId,
			createdAt: now,
			cancelledAt: null,
			remindedAt: null,
			attended: null
		};
		const signup = existing
			? tx
					.update(gatheringSignups)
					.set(values)
					.where(eq(gatheringSignups.id, existing.id))
					.returning()
					.all()[0]!
			: tx
					.insert(gatheringSignups)
					.values({ ...values, gatheringId, userId })
					.returning()
					.all()[0]!;
		if (brokerId)
			recordAudit(
				tx,
				{
					actorId: brokerId,
					action: 'gathering.signup_by_phone',
					subjectType: 'user',
					subjectId: userId,
					neighbourhoodId: gathering.neighbourhoodId,
					detail: { gatheringId, status: signup.status }
				},
				now
			);
		return { ok: true as const, signup };
	});
}

/**
 * A place came free: the first on the waiting list moves up and is told, in the caller's
 * transaction. Returns who moved up, or null (nobody waiting, or still full).
 */
export function moveUpFromWaitingList(
	tx: DbOrTx,
	gathering: Gathering,
	origin: string,
	now: number
): string | null {
	const next = tx
		.select()
		.from(gatheringSignups)
		.where(
			and(eq(gatheringSignups.gatheringId, gathering.id), eq(gatheringSignups.status, 'waiting'))
		)
		.orderBy(asc(gatheringSignups.createdAt), asc(gatheringSignups.id))
		.get();
	if (!next) return null;
	if (gathering.capacity !== null && placesTaken(tx, gathering.id) >= gathering.capacity)
		return null;
	tx.update(gatheringSignups)
		.set({ status: 'signed_up' })
		.where(eq(gatheringSignups.id, next.id))
		.run();
	noticeMovedUp(tx, next.userId, gathering, origin, now);
	return next.userId;
}

/**
 * A person (or the broker for them) cancels their place. When a place comes free, the first on
 * the waiting list moves up and is told, in the same transaction.
 */
export function cancelSignup(
	db: DB,
	gatheringId: number,
	userId: string,
	now: number,
	origin: string,
	brokerId: string | null = null
): { ok: true; movedUp: string | null } | { ok: false; error: 'not_found' | 'closed' } {
	return db.transaction((tx) => {
		const gathering = tx.select().from(gatherings).where(eq(gatherings.id, gatheringId)).get();
		if (!gathering) return { ok: false as const, error: 'not_found' as const };
		if (!isOpen(gathering, now)) return { ok: false as const, error: 'closed' as const };
		const mine = signupOf(tx, gatheringId, userId);
		if (!mine || mine.status === 'cancelled')
			return { ok: false as const, error: 'not_found' as const };
		tx.update(gatheringSignups)
			.set({ status: 'cancelled', cancelledAt: now })
			.where(eq(gatheringSignups.id, mine.id))
			.run();
		if (brokerId)
			recordAudit(
				tx,
				{
					actorId: brokerId,
					action: 'gathering.signup_cancel',
					subjectType: 'user',
					subjectId: userId,
					neighbourhoodId: gathering.neighbourhoodId,
					detail: { gatheringId }
				},
				now
			);
		const movedUp =
			mine.status === 'signed_up' ? moveUpFromWaitingList(tx, gathering, origin, now) : null;
		return { ok: true as const, movedUp };
	});
}

/** Everyone's place at one gathering, for the broker's page: in the order they signed up. */
export function signupsOf(d: DbOrTx, gatheringId: number) {
	return d
		.select({
			id: gatheringSignups.id,
			userId: gatheringSignups.userId,
			name: users.displayName,
			status: gatheringSignups.status,
			byPhone: gatheringSignups.signedUpById,
			createdAt: gatheringSignups.createdAt,
			cancelledAt: gatheringSignups.cancelledAt,
			attended: gatheringSignups.attended
		})
		.from(gatheringSignups)
		.innerJoin(users, eq(users.id, gatheringSignups.userId))
		.where(eq(gatheringSignups.gatheringId, gatheringId))
		.orderBy(asc(gatheringSignups.createdAt), asc(gatheringSignups.id))
		.all()
		.map((r) => ({ ...r, byPhone: r.byPhone !== null }));
}

export function signupOf(d: DbOrTx, gatheringId: number, userId: string) {
	return d
		.select()
		.from(gatheringSignups)
		.where(and(eq(gatheringSignups.gatheringId, gatheringId), eq(gatheringSignups.userId, userId)))
		.get();
}

/**
 * The upcoming gatherings open to this person (their neighbourhood, meant for them), with the
 * places left and their own status.
 */
export function gatheringsFor(d: DbOrTx, userId: string, now: number) {
	const person = d.select().from(users).where(eq(users.id, userId)).get();
	if (!person?.neighbourhoodId) return [];
	const rows = d
		.select()
		.from(gatherings)
		.where(
			and(
				eq(gatherings.neighbourhoodId, person.neighbourhoodId),
				isNull(gatherings.cancelledAt),
				gt(gatherings.startsAt, now)
			)
		)
		.orderBy(asc(gatherings.startsAt))
		.all();
	const volunteer =
		person.role === 'resident' && volunteerIds(d, person.neighbourhoodId).includes(userId);
	const open = rows.filter(
		(g) => person.role === 'resident' && (g.audience !== 'volunteers' || volunteer)
	);
	const counts = signupCounts(
		d,
		open.map((g) => g.id)
	);
	const mine = new Map(
		open.length
			? d
					.select()
					.from(gatheringSignups)
					.where(
						and(
							eq(gatheringSignups.userId, userId),
							inArray(
								gatheringSignups.gatheringId,
								open.map((g) => g.id)
							)
						)
					)
					.all()
					.map((s) => [s.gatheringId, s.status])
			: []
	);
	return open.map((g) => ({
		...g,
		placesLeft:
			g.capacity === null ? null : Math.max(0, g.capacity - (counts.get(g.id)?.signedUp ?? 0)),
		status: mine.get(g.id) ?? null
	}));
}

/** People the broker may sign up by phone: active residents of the neighbourhood it is for. */
export function phoneCandidates(d: DbOrTx, gathering: Gathering) {
	const ids =
		gathering.audience === 'volunteers'
			? new Set(volunteerIds(d, gathering.neighbourhoodId))
			: null;
	return d
		.select({ id: users.id, name: users.displayName })
		.from(users)
		.where(
			and(
				eq(users.neighbourhoodId, gathering.neighbourhoodId),
				eq(users.status, 'active'),
				eq(users.role, 'resident')
			)
		)
		.orderBy(asc(users.displayName))
		.all()
		.filter((u) => !ids || ids.has(u.id));
}
