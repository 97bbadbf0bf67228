import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { setRenewedSessionCookie } from '$lib/server/auth/cookie';
import { requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { requireSomeDesk } from '$lib/server/lending/desk/access';
import { DeskError } from '$lib/server/lending/desk/errors';
import { grantDeskRole, listDeskStaff, removeDeskRole } from '$lib/server/lending/desk/staff';
import { deskStaffGrantSchema, deskStaffRemoveSchema } from '$lib/schemas/lending';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const u = event.locals.user!;
	const canGrant = u.role === 'admin' || u.role === 'broker';
	// Volunteers see who else runs the desk, not their e-mail addresses.
	const staff = listDeskStaff(db, neighbourhoodId).map((s) => ({
		...s,
		email: canGrant ? s.email : null
	}));
	return {
		staff,
		canGrant,
		grantForm: await superValidate(zod4(deskStaffGrantSchema), { id: 'grant', errors: false }),
		removeForm: await superValidate(zod4(deskStaffRemoveSchema), { id: 'remove', errors: false })
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const { neighbourhoodId } = requireSomeDesk(event);
		const user = requireBrokerOf(event, neighbourhoodId);
		const form = await superValidate(event.request, zod4(deskStaffGrantSchema), { id: 'grant' });
		if (!form.valid) return fail(400, { grantForm: form });
		try {
			const renewed = grantDeskRole(
				db,
				neighbourhoodId,
				form.data.email,
				user.id,
				clock.now(),
				event.locals.session
			);
			setRenewedSessionCookie(event.cookies, event.url, renewed);
		} catch (e) {
			if (!(e instanceof DeskError)) throw e;
			return setError(form, 'email', e.code);
		}
		return { grantForm: form, granted: true };
	},
	// A broker or admin takes the role away, after ticking the confirmation (desk/staff.ts).
	remove: async (event) => {
		const { neighbourhoodId } = requireSomeDesk(event);
		const user = requireBrokerOf(event, neighbourhoodId);
		const form = await superValidate(event.request, zod4(deskStaffRemoveSchema), { id: 'remove' });
		if (!form.valid) return fail(400, { removeForm: form });
		const { userId } = form.data;
		const name = listDeskStaff(db, neighbourhoodId).find((s) => s.userId === userId)?.name;
		if (!name || !removeDeskRole(db, neighbourhoodId, userId, user.id, clock.now())) {
			setError(form, 'confirm', 'desk_staff_remove_gone');
			return fail(409, { removeForm: form });
		}
		return { removeForm: form, removed: name };
	}
};
