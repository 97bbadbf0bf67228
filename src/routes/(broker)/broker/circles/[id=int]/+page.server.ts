import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { boardMessages } from '$lib/server/circles/board';
import { circleMemberList } from '$lib/server/circles/circles';
import { inviteFromForm, newInviteForm } from '$lib/server/circles/invite-form';
import { circleTimeZone, planView } from '$lib/server/circles/plan';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { circles } from '$lib/server/db/schema';
import { firstName } from '$lib/server/profile/public';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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
		form: await newInviteForm()
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { user, circle } = circleFor(event);
		return inviteFromForm(event, circle, user.id);
	}
};
