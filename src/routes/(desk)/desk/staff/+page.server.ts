import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { setRenewedSessionCookie } from '$lib/server/auth/cookie';
import { requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { DeskError } from '$lib/server/lending/desk';
import { requireSomeDesk } from '$lib/server/lending/desk-access';
import { grantDeskRole, listDeskStaff, removeDeskRole } from '$lib/server/lending/desk-staff';
import type { Actions, PageServerLoad } from './$types';

const removeSchema = z.object({
	userId: z.string().min(1).max(64),
	/** The box "Yes, … no longer runs the desk": sent as "on" only when ticked. */
	confirm: z.literal('on', 'desk_error_confirm_remove')
});

export const load: PageServerLoad = (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const u = event.locals.user!;
	const canGrant = u.role === 'admin' || u.role === 'broker';
	// Volunteers see who else runs the desk, not their e-mail addresses.
	const staff = listDeskStaff(db, neighbourhoodId).map((s) => ({
		...s,
		email: canGrant ? s.email : null
	}));
	return { staff, canGrant };
};

export const actions: Actions = {
	grant: async (event) => {
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
	},
	// A broker or admin takes the role away, after ticking the confirmation (desk-staff.ts).
	remove: async (event) => {
		const { neighbourhoodId } = requireSomeDesk(event);
		const user = requireBrokerOf(event, neighbourhoodId);
		const form = Object.fromEntries(await event.request.formData());
		const parsed = removeSchema.safeParse(form);
		const userId = String(form.userId ?? '');
		if (!parsed.success)
			return fail(400, { removeId: userId, removeError: 'desk_error_confirm_remove' });
		const name = listDeskStaff(db, neighbourhoodId).find((s) => s.userId === userId)?.name;
		if (!name || !removeDeskRole(db, neighbourhoodId, userId, user.id, clock.now()))
			return fail(409, { removeId: userId, removeError: 'desk_staff_remove_gone' });
		return { removed: name };
	}
};
