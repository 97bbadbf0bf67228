import { fail, redirect } from '@sveltejs/kit';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { findToolIdByTag } from '$lib/server/lending/catalogue';
import { deskToday, deskTools } from '$lib/server/lending/desk';
import { loanDone } from '$lib/server/lending/desk-done';
import { requireSomeDesk } from '$lib/server/lending/desk-access';
import { completeDeskCall, deskCalls } from '$lib/server/lending/desk-calls';
import { uncollectedReservations } from '$lib/server/lending/uncollected';
import { textField } from '$lib/schemas/fields';
import type { Actions, PageServerLoad } from './$types';

/** What came of a call: optional, a few lines. */
const outcomeField = textField({ max: 1000, multiline: true });

export const load: PageServerLoad = (event) => {
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
		tools: deskTools(db, neighbourhoodId)
	};
};

export const actions: Actions = {
	/** A call about a loan was made: what came of it. */
	callDone: async (event) => {
		const { user, neighbourhoodId } = requireSomeDesk(event);
		const data = await event.request.formData();
		const taskId = Number(data.get('taskId'));
		const typed = String(data.get('outcome') ?? '');
		const outcome = outcomeField.safeParse(typed);
		if (!outcome.success)
			return fail(400, {
				taskId,
				outcome: typed,
				error: outcome.error.issues[0]?.message ?? 'err_invalid'
			});
		completeDeskCall(db, neighbourhoodId, taskId, user.id, outcome.data, clock.now());
		return { callDone: taskId };
	}
};
