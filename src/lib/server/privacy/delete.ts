import { and, count, eq, or } from 'drizzle-orm';
import type { DB } from '../db/client';
import {
	auditLog,
	emailTokens,
	neighbourhoodBrokers,
	outbox,
	sessions,
	userCategories,
	users
} from '../db/schema';
import { log } from '../log';
import { marketplaceDeletion } from '../posts/privacy';
import { trustDeletion } from '../trust/privacy';
import { notesDeletion } from '../broker/notes';
import { intakeDeletion } from '../broker/privacy';
import { lendingDeletion, toolsStillOut } from '../lending/privacy';
import { helpingDeletion } from './helping';
import type { DeletionStep } from './steps';
import { channelsDeletion } from './channels';
import { DEFAULT_QUIET_FROM_MINUTE, DEFAULT_QUIET_UNTIL_MINUTE } from '$lib/notify/channels';
import { safetyDeletion } from './safety';
import { volunteeringDeletion } from './volunteering';
import { backofficeDeletion } from './backoffice';
import { circlesDeletion } from './circles';

/**
 * The name stored in place of a deleted person's name: empty, so no personal data is left.
 * Pages that list people show the message `account_deleted_person` for status 'deleted'.
 */
export const DELETED_DISPLAY_NAME = '';

/** Deletion cannot happen yet, for a reason the person can act on. */
export class DeletionRefused extends Error {
	constructor(
		readonly reason: 'tool_out',
		readonly tools: string[]
	) {
		super(`Account deletion refused: ${reason}`);
	}
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
				locale: 'nl',
				exactLat: null,
				exactLon: null,
				approxCell: null,
				approxLat: null,
				approxLon: null,
				statusReason: null,
				contactBy: null,
				callName: null,
				callPhoto: null,
				postsSeenAt: null,
				postsSeenBefore: null,
				totpKey: null,
				totpLastStep: null,
				phoneVerifiedAt: null,
				smsStoppedAt: null,
				birthYear: null,
				quietFromMinute: DEFAULT_QUIET_FROM_MINUTE,
				quietUntilMinute: DEFAULT_QUIET_UNTIL_MINUTE,
				status: 'deleted',
				deletedAt: now
			})
			.where(eq(users.id, p.id))
			.run()
};

/**
 * What deleting an account does, in order. A later feature that stores something personal adds
 * its step here, before `anonymiseProfile`, and names it in PERSONAL_DATA. Lending and helping
 * come before the mails, so nothing their ending causes is left waiting for the person.
 */
export const DELETION_STEPS: DeletionStep[] = [
	endSessions,
	dropEmailTokens,
	dropCategories,
	dropBrokerAssignments,
	...lendingDeletion,
	...helpingDeletion,
	...safetyDeletion,
	...intakeDeletion,
	...channelsDeletion,
	...volunteeringDeletion,
	...backofficeDeletion,
	...circlesDeletion,
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
 * entirely or not at all. Returns false when there is no such active or suspended account;
 * throws DeletionRefused while a borrowed tool is still out (the desk must be able to ask for
 * it back; the page says to bring it first).
 */
export function deleteAccount(
	db: DB,
	userId: string,
	now: number,
	{
		origin = 'http://localhost',
		steps = DELETION_STEPS
	}: { origin?: string; steps?: DeletionStep[] } = {}
): boolean {
	const deleted = db.transaction((tx) => {
		const person = tx.select().from(users).where(eq(users.id, userId)).get();
		if (!person || person.status === 'deleted') return false;
		const out = toolsStillOut(tx, person.id);
		if (out.length > 0) throw new DeletionRefused('tool_out', out);
		for (const step of steps) step.run(tx, person, now, origin);
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
