import { and, count, eq, or } from 'drizzle-orm';
import type { DB, Tx } from '../db/client';
import {
	auditLog,
	emailTokens,
	neighbourhoodBrokers,
	outbox,
	sessions,
	userCategories,
	users,
	type User
} from '../db/schema';
import { log } from '../log';
import { marketplaceDeletion } from '../posts/privacy';
import { trustDeletion } from '../trust/privacy';
import { notesDeletion } from '../broker/notes';

/**
 * The name stored in place of a deleted person's name: empty, so no personal data is left.
 * Pages that list people show the message `account_deleted_person` for status 'deleted'.
 */
export const DELETED_DISPLAY_NAME = '';

/**
 * One step of deleting an account, run inside the one deletion transaction with the person's
 * row as it was before (so steps can still match on the old e-mail address).
 */
export interface DeletionStep {
	name: string;
	run: (tx: Tx, person: User, now: number) => void;
}

const endSessions: DeletionStep = {
	name: 'sessions',
	run: (tx, p) => tx.delete(sessions).where(eq(sessions.userId, p.id)).run()
};

const dropEmailTokens: DeletionStep = {
	name: 'email_tokens',
	run: (tx, p) => tx.delete(emailTokens).where(eq(emailTokens.userId, p.id)).run()
};

const dropCategories: DeletionStep = {
	name: 'user_categories',
	run: (tx, p) => tx.delete(userCategories).where(eq(userCategories.userId, p.id)).run()
};

const dropBrokerAssignments: DeletionStep = {
	name: 'neighbourhood_brokers',
	run: (tx, p) => tx.delete(neighbourhoodBrokers).where(eq(neighbourhoodBrokers.userId, p.id)).run()
};

const dropMails: DeletionStep = {
	name: 'outbox',
	run: (tx, p) =>
		tx
			.delete(outbox)
			.where(
				p.email
					? or(eq(outbox.userId, p.id), eq(outbox.toAddress, p.email))
					: eq(outbox.userId, p.id)
			)
			.run()
};

/**
 * The users row stays, emptied of everything personal, so anonymous counts (members per
 * neighbourhood, matches per month, …) and foreign keys from other tables keep working.
 */
const anonymiseProfile: DeletionStep = {
	name: 'users',
	run: (tx, p, now) =>
		tx
			.update(users)
			.set({
				email: null,
				emailVerifiedAt: null,
				passwordHash: null,
				displayName: DELETED_DISPLAY_NAME,
				phone: null,
				about: '',
				languages: '[]',
				availability: '[]',
				streetId: null,
				houseNumber: null,
				placeSource: null,
				exactLat: null,
				exactLon: null,
				approxCell: null,
				approxLat: null,
				approxLon: null,
				statusReason: null,
				status: 'deleted',
				deletedAt: now
			})
			.where(eq(users.id, p.id))
			.run()
};

/**
 * What deleting an account does, in order. A later feature that stores something personal
 * (posts, messages, signals, loans, …) adds its step here, before `anonymiseProfile`.
 */
export const DELETION_STEPS: DeletionStep[] = [
	endSessions,
	dropEmailTokens,
	dropCategories,
	dropBrokerAssignments,
	dropMails,
	...marketplaceDeletion,
	trustDeletion,
	notesDeletion,
	anonymiseProfile
];

/** The only active admin cannot leave: nobody could then manage neighbourhoods or brokers. */
export function isLastAdmin(db: DB, userId: string): boolean {
	const person = db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
	if (person?.role !== 'admin') return false;
	const admins = db
		.select({ n: count() })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
		.get();
	return (admins?.n ?? 0) <= 1;
}

/**
 * Deletes a person's account (GDPR art. 17): every step in one transaction, so it happens
 * entirely or not at all. Returns false when there is no such active or suspended account.
 */
export function deleteAccount(
	db: DB,
	userId: string,
	now: number,
	steps: DeletionStep[] = DELETION_STEPS
): boolean {
	const deleted = db.transaction((tx) => {
		const person = tx.select().from(users).where(eq(users.id, userId)).get();
		if (!person || person.status === 'deleted') return false;
		for (const step of steps) step.run(tx, person, now);
		tx.insert(auditLog)
			.values({
				at: now,
				actorId: person.id,
				action: 'account.deleted',
				subjectType: 'user',
				subjectId: person.id
			})
			.run();
		return true;
	});
	// The id is random and, once the row is emptied, points at nobody.
	if (deleted) log.info('privacy.account_deleted', { user: userId });
	return deleted;
}
