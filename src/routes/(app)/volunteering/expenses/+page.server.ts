import { fail, superValidate, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { redirect } from '@sveltejs/kit';
import { expenseClaimSchema, parseEuroCents } from '$lib/schemas/expenses';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { claimableMatches, claimExpense, ownClaims } from '$lib/server/volunteers/expenses';
import type { Actions, PageServerLoad } from './$types';

/** A helper asks for expenses back after a match, and reads what the broker decided. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const now = clock.now();
	return {
		form: await superValidate(zod4(expenseClaimSchema), { errors: false }),
		matches: claimableMatches(db, user.id, now),
		claims: ownClaims(db, user.id),
		sent: event.url.searchParams.has('sent')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(expenseClaimSchema));
		if (!form.valid) return fail(400, { form });
		if (form.data.matchId === null)
			return setError(form, 'matchId', 'volunteers_expenses_err_match');
		const result = claimExpense(
			db,
			{
				helperId: user.id,
				matchId: form.data.matchId,
				amountCents: parseEuroCents(form.data.amount)!,
				reason: form.data.reason
			},
			clock.now()
		);
		if (!result.ok) return setError(form, result.field, result.error);
		redirect(303, '/volunteering/expenses?sent');
	}
};
