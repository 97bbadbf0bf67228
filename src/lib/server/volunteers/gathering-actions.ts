import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '../db/client';
import { cancelSignup, signUp, type SignupError } from './gathering-signups';

const SIGNUP_ERRORS: Record<SignupError, () => string> = {
	not_found: m.gatherings_err_closed,
	not_for_you: m.gatherings_err_not_for_you,
	closed: m.gatherings_err_closed,
	already: m.gatherings_err_already
};

/**
 * A resident's own sign-up or cancellation from a page: the answer the page shows (the same on
 * the list and on one gathering's page).
 */
export function ownSignup(db: DB, gatheringId: number, userId: string, now: number) {
	const done = signUp(db, gatheringId, userId, now);
	if (!done.ok) return fail(400, { gatheringId, error: SIGNUP_ERRORS[done.error]() });
	return {
		gatheringId,
		done:
			done.signup.status === 'waiting' ? m.gatherings_mine_waiting() : m.gatherings_mine_signed_up()
	};
}

export function ownCancel(
	db: DB,
	gatheringId: number,
	userId: string,
	now: number,
	origin: string
) {
	const done = cancelSignup(db, gatheringId, userId, now, origin);
	if (!done.ok) return fail(400, { gatheringId, error: m.gatherings_err_closed() });
	return { gatheringId, done: m.gatherings_cancelled_mine() };
}
