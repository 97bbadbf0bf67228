import { error, fail } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireDesk } from '$lib/server/lending/desk/access';
import { loanDone } from '$lib/server/lending/desk/done';
import { DeskError } from '$lib/server/lending/desk/errors';
import {
	backFromRepair,
	markInRepair,
	setToolOutOfService
} from '$lib/server/lending/desk/repairs';
import { toolHistory } from '$lib/server/lending/history';
import { joinDateParts } from '$lib/schemas/fields';
import { repairSchema, retireSchema } from '$lib/schemas/lending';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function guard(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const history = toolHistory(db, Number(event.params.id));
	if (!history) error(404, 'not_found');
	const user = requireDesk(event, history.tool.neighbourhoodId);
	return { history, user };
}

export const load: PageServerLoad = async (event) => {
	const { history } = guard(event);
	const loanId = Number(event.url.searchParams.get('loan'));
	return {
		...history,
		// After a check-in: which tool came back from whom.
		returned:
			event.url.searchParams.get('done') === 'in' && loanId
				? loanDone(db, history.tool.neighbourhoodId, loanId)
				: null,
		repairForm: await superValidate(zod4(repairSchema), { id: 'repair', errors: false }),
		retireForm: await superValidate(zod4(retireSchema), { id: 'retire', errors: false })
	};
};

/** Runs a desk step; a refusal (DeskError) is said above the actions. */
function refused(fn: () => void): string | null {
	try {
		fn();
	} catch (e) {
		if (e instanceof DeskError) return e.code;
		throw e;
	}
	return null;
}

export const actions: Actions = {
	repair: async (event) => {
		const { history, user } = guard(event);
		// The expected date comes as day / month / year boxes (DateField).
		const posted = joinDateParts(await event.request.formData(), 'expectedDate');
		const form = await superValidate(posted, zod4(repairSchema), { id: 'repair' });
		if (!form.valid) return fail(400, { repairForm: form });
		const { note, expectedDate } = form.data;
		const code = refused(() =>
			markInRepair(
				db,
				history.tool.id,
				user.id,
				{ note, expectedDate: expectedDate || null },
				clock.now()
			)
		);
		if (code) {
			setError(form, '', code);
			return fail(409, { repairForm: form });
		}
		return { repairForm: form, done: 'repair' };
	},
	back: (event) => {
		const { history, user } = guard(event);
		const code = refused(() =>
			backFromRepair(db, history.tool.id, user.id, clock.now(), siteOrigin())
		);
		return code ? fail(409, { refused: code }) : { done: 'back' };
	},
	retire: async (event) => {
		const { history, user } = guard(event);
		const form = await superValidate(event.request, zod4(retireSchema), { id: 'retire' });
		if (!form.valid) return fail(400, { retireForm: form });
		const reason = form.data.reason || null;
		const code = refused(() =>
			setToolOutOfService(db, history.tool.id, user.id, 'retired', reason, clock.now())
		);
		if (code) {
			setError(form, '', code);
			return fail(409, { retireForm: form });
		}
		return { retireForm: form, done: 'retire' };
	},
	missing: (event) => {
		const { history, user } = guard(event);
		const code = refused(() =>
			setToolOutOfService(db, history.tool.id, user.id, 'missing', null, clock.now())
		);
		return code ? fail(409, { refused: code }) : { done: 'missing' };
	}
};
