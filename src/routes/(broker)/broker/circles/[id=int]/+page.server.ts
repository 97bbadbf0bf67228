import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { inviteSchema } from '$lib/schemas/circles';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { boardMessages } from '$lib/server/circles/board';
import { circleMemberList } from '$lib/server/circles/circles';
import { invite } from '$lib/server/circles/invitations';
import { circleTimeZone, planView } from '$lib/server/circles/plan';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { circles } from '$lib/server/db/schema';
import { firstName } from '$lib/server/profile/public';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(inviteSchema);

/** A circle of one of the broker's neighbourhoods. */
function circleFor(event: RequestEvent) {
	requireBroker(event);
	const circle = db
		.select()
		.from(circles)
		.where(eq(circles.id, Number(event.params.id)))
		.get();
	if (!circle || circle.closedAt !== null) error(404, 'not found');
	const user = requireBrokerOf(event, circle.neighbourhoodId);
	return { user, circle };
}

export const load: PageServerLoad = async (event) => {
	const { circle } = circleFor(event);
	const members = circleMemberList(db, circle);
	return {
		circleId: circle.id,
		centre: members.find((p) => p.isCentre)!,
		memberCount: members.length,
		timeZone: circleTimeZone(db, circle),
		// That it exists and which moments nobody took; the board only with the centre's consent.
		openSlots: planView(db, circle, clock.now()).filter((s) => s.open),
		messages: circle.brokerMayRead
			? boardMessages(db, circle.id).map((msg) => ({
					...msg,
					author: msg.author ? firstName(msg.author) : null
				}))
			: null,
		form: await superValidate({ way: 'code' as const }, schema, { errors: false })
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { user, circle } = circleFor(event);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		const made = invite(
			db,
			circle,
			{ way: form.data.way!, name: form.data.name, address: form.data.address },
			user.id,
			event.url.origin,
			clock.now()
		);
		if (!made.ok) return setError(form, made.field, made.error);
		return { form, invited: { way: form.data.way!, name: form.data.name, code: made.code } };
	}
};
