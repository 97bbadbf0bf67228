import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { findToolIdByTag } from '$lib/server/lending/catalogue';
import { requireSomeDesk } from '$lib/server/lending/desk/access';
import { completeDeskCall, deskCalls } from '$lib/server/lending/desk/calls';
import { loanDone } from '$lib/server/lending/desk/done';
import { deskToday, deskTools } from '$lib/server/lending/desk/today';
import { uncollectedReservations } from '$lib/server/lending/uncollected';
import { callDoneSchema } from '$lib/schemas/lending';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const tag = event.url.searchParams.get('tag')?.trim() ?? '';
	let notFound = false;
	if (tag) {
		const id = findToolIdByTag(db, tag);
		if (id != null) redirect(303, `/desk/tools/${id}`);
		notFound = true;
	}
	const now = clock.now();
	const today = deskToday(db, neighbourhoodId, now);
	const doneLoan = Number(event.url.searchParams.get('loan'));
	return {
		tag,
		notFound,
		// After "Meegeven bevestigen": what was handed to whom, until when.
		handedOut:
			event.url.searchParams.get('done') === 'out' && doneLoan
				? loanDone(db, neighbourhoodId, doneLoan)
				: null,
		...today,
		uncollected: uncollectedReservations(db, neighbourhoodId, today.today),
		calls: deskCalls(db, neighbourhoodId, now),
		tools: deskTools(db, neighbourhoodId),
		callForm: await superValidate(zod4(callDoneSchema), { id: 'callDone', errors: false })
	};
};

export const actions: Actions = {
	/** A call about a loan was made: what came of it. */
	callDone: async (event) => {
		const { user, neighbourhoodId } = requireSomeDesk(event);
		const form = await superValidate(event.request, zod4(callDoneSchema), { id: 'callDone' });
		if (!form.valid) return fail(400, { callForm: form });
		const { taskId, outcome } = form.data;
		completeDeskCall(db, neighbourhoodId, taskId, user.id, outcome, clock.now());
		return { callForm: form, callDone: taskId };
	}
};
