import { and, eq, ne } from 'drizzle-orm';
import type { DB } from '../db/client';
import { users, type User } from '../db/schema';
import { newId } from '../ids';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { consumeEmailToken, createEmailToken } from './email-tokens';
import { alreadyRegisteredMail, verifyEmailMail } from './mails';
import { hashPassword, verifyPassword } from './password';
import { limits, pairKey } from './rate-limit';

/** Finds an account by e-mail address (addresses are stored in lower case). */
export function findUserByEmail(db: DB, email: string): User | undefined {
	return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export interface SignUpInput {
	displayName: string;
	email: string;
	password: string;
	locale: string;
	/** Where the person was going (a local path): the confirmation link leads there. */
	next?: string;
}

/** The confirmation link; it carries where the person was going, checked again when opened. */
function verifyLink(origin: string, token: string, next?: string): string {
	const link = `${origin}/verify-email/${token}`;
	return next && next !== '/' ? `${link}?next=${encodeURIComponent(next)}` : link;
}

/**
 * Creates an account and queues the verification mail. When the address already has an account,
 * that person gets a mail saying so instead: the page answers the same either way, so it cannot
 * be used to find out who has an account.
 */
export async function signUp(
	db: DB,
	input: SignUpInput,
	client: string,
	origin: string,
	now: number
): Promise<{ ok: true; userId: string | null } | { ok: false; reason: 'rate_limited' }> {
	if (
		!limits.signUpPerClient.consume(client, now) ||
		!limits.signUpPerAddress.consume(input.email.toLowerCase(), now)
	) {
		log.warn('auth.rate_limited', { kind: 'sign_up', client });
		return { ok: false, reason: 'rate_limited' };
	}
	// Hashed on every path, used or not: an address with an account must not answer faster.
	const passwordHash = await hashPassword(input.password);
	const existing = findUserByEmail(db, input.email);
	// Not confirmed yet (e.g. a second click on "create account"): send the link again rather
	// than saying the address already has an account.
	if (existing && !existing.emailVerifiedAt && existing.status === 'active') {
		resendVerification(db, existing, origin, now, input.next);
		return { ok: true, userId: null };
	}
	if (existing) {
		db.transaction((tx) =>
			enqueueMail(
				tx,
				alreadyRegisteredMail(
					existing,
					input.email,
					`${origin}/sign-in`,
					`${origin}/reset-password`
				),
				now
			)
		);
		return { ok: true, userId: null };
	}
	const id = newId();
	db.transaction((tx) => {
		tx.insert(users)
			.values({
				id,
				email: input.email,
				passwordHash,
				displayName: input.displayName,
				locale: input.locale,
				createdAt: now
			})
			.run();
		const token = createEmailToken(tx, id, 'verify_email', input.email, now);
		enqueueMail(
			tx,
			verifyEmailMail(
				{ id, displayName: input.displayName, locale: input.locale },
				input.email,
				verifyLink(origin, token, input.next)
			),
			now
		);
	});
	log.info('auth.sign_up', { user: id });
	return { ok: true, userId: id };
}

/** Sends a fresh verification link to a signed-in person whose address is not verified yet. */
export function resendVerification(
	db: DB,
	user: User,
	origin: string,
	now: number,
	next?: string
): void {
	if (!user.email || user.emailVerifiedAt) return;
	db.transaction((tx) => {
		const token = createEmailToken(tx, user.id, 'verify_email', user.email, now);
		enqueueMail(tx, verifyEmailMail(user, user.email!, verifyLink(origin, token, next)), now);
	});
}

export type VerifyResult =
	| { ok: true; userId: string; signIn: User | null }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * Marks the address in the link as verified (and makes it the account's address for a change).
 * security: a sign-up link that confirms an account's address for the first time also signs
 * that account in (`signIn`), so a newcomer goes straight on: the single-use link proves they
 * hold the mailbox it was sent to, as a reset link does. A change-of-address link never signs in.
 */
export function verifyEmail(db: DB, token: string, now: number): VerifyResult {
	return db.transaction((tx) => {
		const check = consumeEmailToken(tx, token, ['verify_email', 'change_email'], now);
		if (!check.ok) return check;
		const before = tx.select().from(users).where(eq(users.id, check.userId)).get();
		const signIn =
			check.purpose === 'verify_email' &&
			before?.emailVerifiedAt === null &&
			before.status === 'active'
				? { ...before, emailVerifiedAt: now }
				: null;
		// Someone may have taken the new address since the link was sent: then it cannot move.
		if (check.email) {
			const taken = tx
				.select({ id: users.id })
				.from(users)
				.where(and(eq(users.email, check.email), ne(users.id, check.userId)))
				.get();
			if (taken) return { ok: false as const, reason: 'invalid' as const };
		}
		tx.update(users)
			.set({ emailVerifiedAt: now, ...(check.email ? { email: check.email } : {}) })
			.where(eq(users.id, check.userId))
			.run();
		return {
			ok: true as const,
			userId: check.userId,
			signIn
		};
	});
}

export type SignInResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' | 'rate_limited' | 'suspended'; statusReason?: string | null };

// Compared against when the address is unknown, so both paths take as long.
let dummyHash: Promise<string> | null = null;

/**
 * Checks an e-mail address and password. Guesses at one address from one client address wait
 * longer and longer (reset by the right password); a client address has a generous bucket for
 * all addresses. Nothing counts per address alone, so a stranger's guesses never keep the owner
 * out. Unknown address and wrong password give the same answer.
 */
export async function authenticate(
	db: DB,
	email: string,
	password: string,
	client: string,
	now: number
): Promise<SignInResult> {
	const pair = pairKey(email, client);
	if (!limits.signInPerClient.consume(client, now) || !limits.signInPerPair.consume(pair, now)) {
		log.warn('auth.rate_limited', { kind: 'sign_in', client });
		return { ok: false, reason: 'rate_limited' };
	}
	const user = findUserByEmail(db, email);
	dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
	const valid = user?.passwordHash
		? await verifyPassword(user.passwordHash, password)
		: (await verifyPassword(await dummyHash, password), false);
	if (!user || !valid) {
		log.info('auth.sign_in_failed', { client, known: Boolean(user) });
		return { ok: false, reason: 'invalid' };
	}
	if (user.status === 'suspended')
		return { ok: false, reason: 'suspended', statusReason: user.statusReason };
	if (user.status !== 'active') return { ok: false, reason: 'invalid' };
	limits.signInPerPair.reset(pair);
	return { ok: true, user };
}
