import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { expenseDecisionSchema } from '$lib/schemas/expenses';
import { requireBroker } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import { brokerClaims, claimNeighbourhood, decideExpense } from '$lib/server/volunteers/expenses';
import type { Actions, PageServerLoad } from './$types';

/** Volunteers' expense claims of the broker's neighbourhoods: waiting ones first. */
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	return brokerClaims(db, ids);
};

export const actions: Actions = {
	// One form per claim, as on the signals page: a failure names the claim and keeps the words.
	decide: async (event) => {
		const user = requireBroker(event);
		const data = await event.request.formData();
		const claimId = Number(data.get('claimId'));
		const hood = Number.isInteger(claimId) ? claimNeighbourhood(db, claimId) : null;
		const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
		if (hood === null || !ids.includes(hood)) error(403, 'forbidden');
		const typed = String(data.get('reason') ?? '');
		const form = await superValidate(data, zod4(expenseDecisionSchema));
		if (!form.valid) {
			const issue = Object.values(form.errors).flat()[0] ?? 'err_invalid';
			return fail(400, { claimId, reason: typed, error: String(issue) });
		}
		const result = decideExpense(
			db,
			{
				claimId,
				brokerId: user.id,
				approve: form.data.decision === 'approve',
				reason: form.data.reason
			},
			siteOrigin(),
			clock.now()
		);
		if (!result.ok) return fail(400, { claimId, reason: typed, error: result.error });
		return { decided: claimId, decision: form.data.decision };
	}
};
