import { redirect } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { agreementTextSchema } from '$lib/schemas/lending';
import { recordAudit } from '$lib/server/audit/audit';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { borrowerAgreements } from '$lib/server/db/schema';
import { publishAgreement } from '$lib/server/lending/agreements';
import { requireSomeDesk } from '$lib/server/lending/desk-access';
import type { Actions, PageServerLoad } from './$types';

function latest(neighbourhoodId: number) {
	const row = db
		.select()
		.from(borrowerAgreements)
		.where(eq(borrowerAgreements.neighbourhoodId, neighbourhoodId))
		.orderBy(desc(borrowerAgreements.version))
		.limit(1)
		.get();
	return row
		? {
				version: row.version,
				publishedAt: row.publishedAt,
				body: JSON.parse(row.body) as Record<string, string>
			}
		: null;
}

/** The borrower agreement: the current version, and a new version (never an edit of the old one). */
export const load: PageServerLoad = async (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const current = latest(neighbourhoodId);
	return {
		current,
		saved: event.url.searchParams.has('saved'),
		form: await superValidate(
			{ nl: current?.body.nl ?? '', en: current?.body.en ?? '' },
			zod4(agreementTextSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, neighbourhoodId } = requireSomeDesk(event);
		const form = await superValidate(event.request, zod4(agreementTextSchema));
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		db.transaction((tx) => {
			const id = publishAgreement(tx, neighbourhoodId, form.data, user.id, now);
			recordAudit(
				tx,
				{
					actorId: user.id,
					action: 'lending.agreement_publish',
					subjectType: 'borrower_agreement',
					subjectId: id,
					neighbourhoodId
				},
				now
			);
		});
		redirect(303, '/desk/agreement?saved=1');
	}
};
