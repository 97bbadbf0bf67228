import { verifyEmail } from '$lib/server/auth/accounts';
import { checkEmailToken } from '$lib/server/auth/email-tokens';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// Opening the link only shows a button: mail scanners that fetch links must not use them up.
export const load: PageServerLoad = ({ params }) => {
	const check = checkEmailToken(db, params.token, ['verify_email', 'change_email'], clock.now());
	return { state: check.ok ? ('ready' as const) : check.reason };
};

export const actions: Actions = {
	default: ({ params }) => {
		const result = verifyEmail(db, params.token, clock.now());
		return { state: result.ok ? ('done' as const) : result.reason };
	}
};
