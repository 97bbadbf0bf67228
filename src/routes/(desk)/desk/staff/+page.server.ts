import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { setRenewedSessionCookie } from '$lib/server/auth/cookie';
import { requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { DeskError, grantDeskRole, listDeskStaff } from '$lib/server/lending/desk';
import { requireSomeDesk } from '$lib/server/lending/desk-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const u = event.locals.user!;
	const canGrant = u.role === 'admin' || u.role === 'broker';
	return { staff: listDeskStaff(db, neighbourhoodId), canGrant };
};

export const actions: Actions = {
	default: async (event) => {
		const { neighbourhoodId } = requireSomeDesk(event);
		const user = requireBrokerOf(event, neighbourhoodId);
		const email = String((await event.request.formData()).get('email') ?? '');
		const parsed = z.email('err_email_invalid').safeParse(email.trim());
		if (!parsed.success) return fail(400, { email, errors: { email: ['err_email_invalid'] } });
		try {
			const renewed = grantDeskRole(
				db,
				neighbourhoodId,
				parsed.data,
				user.id,
				clock.now(),
				event.locals.session
			);
			setRenewedSessionCookie(event.cookies, event.url, renewed);
		} catch (e) {
			if (e instanceof DeskError) return fail(400, { email, errors: { email: [e.code] } });
			throw e;
		}
		return { granted: true };
	}
};
