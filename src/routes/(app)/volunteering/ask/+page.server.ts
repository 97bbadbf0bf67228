import { redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { eq } from 'drizzle-orm';
import { helpAskSchema } from '$lib/schemas/care';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { askBroker, helperMatchesForAsk } from '$lib/server/volunteers/help-asks';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		sent: event.url.searchParams.has('sent'),
		matches: helperMatchesForAsk(db, user.id, clock.now()).map((x) => ({
			id: x.id,
			title: x.title
		})),
		form: await superValidate(zod4(helpAskSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(helpAskSchema));
		if (!form.valid) return fail(400, { form });
		const hood = db
			.select({ id: users.neighbourhoodId })
			.from(users)
			.where(eq(users.id, user.id))
			.get()?.id;
		const result = askBroker(
			db,
			{ id: user.id, neighbourhoodId: hood ?? null },
			{ body: form.data.body, matchId: form.data.matchId ? Number(form.data.matchId) : null },
			clock.now()
		);
		if (!result.ok)
			return setError(
				form,
				result.error === 'match' ? 'matchId' : 'body',
				result.error === 'match' ? 'err_invalid' : 'care_err_no_neighbourhood'
			);
		redirect(303, '/volunteering/ask?sent=1');
	}
};
