import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { and, eq, isNull } from 'drizzle-orm';
import { checkInPlanSchema, newCheckInPlan } from '$lib/schemas/circles';
import { requireCircle } from '$lib/server/circles/guard';
import { circleMemberList } from '$lib/server/circles/circles';
import { endCheckIns, named, setUpCheckIns } from '$lib/server/check-ins/plans';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { checkInPlans } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(checkInPlanSchema);

const plansFor = (centreId: string) =>
	db
		.select()
		.from(checkInPlans)
		.where(and(eq(checkInPlans.personId, centreId), isNull(checkInPlans.endedAt)))
		.all()
		.map((p) => named(db, p));

export const load: PageServerLoad = async (event) => {
	const { circle } = requireCircle(event, 'decides');
	const others = circleMemberList(db, circle)
		.filter((p) => !p.isCentre)
		.map((p) => ({ value: p.id, label: p.name }));
	return {
		circleId: circle.id,
		plans: plansFor(circle.centreId),
		people: others,
		form: await superValidate(newCheckInPlan(), schema, { errors: false })
	};
};

export const actions: Actions = {
	setUp: async (event) => {
		const { user, circle } = requireCircle(event, 'decides');
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		const members = new Set(circleMemberList(db, circle).map((p) => p.id));
		if (!members.has(form.data.callerId)) return setError(form, 'callerId', 'checkins_err_caller');
		if (!members.has(form.data.contactId))
			return setError(form, 'contactId', 'checkins_err_contact');
		const made = setUpCheckIns(
			db,
			{ ...form.data, personId: circle.centreId, circleId: circle.id },
			user.id,
			clock.now()
		);
		if (!made.ok) return setError(form, made.field as 'callerId', made.error);
		redirect(303, `/circles/${circle.id}/check-ins?saved=1`);
	},
	end: async (event) => {
		const { user, circle } = requireCircle(event, 'decides');
		const id = Number((await event.request.formData()).get('planId'));
		const plan = db.select().from(checkInPlans).where(eq(checkInPlans.id, id)).get();
		if (!plan || plan.personId !== circle.centreId) error(404, 'not found');
		endCheckIns(db, plan, user.id, clock.now());
		return { ended: true };
	}
};
