import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { boardSchema } from '$lib/schemas/circles';
import { requireCircle } from '$lib/server/circles/guard';
import { decides } from '$lib/server/circles/access';
import { boardMessages, postMessage } from '$lib/server/circles/board';
import { circleMemberList } from '$lib/server/circles/circles';
import {
	askSwap,
	circleTimeZone,
	giveBackSlot,
	planView,
	takeSlot
} from '$lib/server/circles/plan';
import * as clock from '$lib/server/clock';
import { firstName } from '$lib/server/profile/public';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(boardSchema);

export const load: PageServerLoad = async (event) => {
	const { user, circle, role } = requireCircle(event);
	const now = clock.now();
	const members = circleMemberList(db, circle);
	return {
		circle: { id: circle.id, openSlots: circle.openSlots },
		centre: firstName(members.find((p) => p.isCentre)?.name ?? ''),
		me: user.id,
		role,
		decides: decides(role),
		timeZone: circleTimeZone(db, circle),
		members: members.map((p) => ({
			name: p.name,
			isCoordinator: p.isCoordinator,
			isCentre: p.isCentre
		})),
		slots: planView(db, circle, now),
		messages: boardMessages(db, circle.id).map((msg) => ({
			...msg,
			author: msg.author ? firstName(msg.author) : null
		})),
		form: await superValidate({ submissionKey: crypto.randomUUID() }, schema, { errors: false })
	};
};

const slotId = async (event: RequestEvent) =>
	Number((await event.request.formData()).get('slotId'));

export const actions: Actions = {
	take: async (event) => {
		const { user, circle } = requireCircle(event);
		const answer = takeSlot(
			db,
			circle,
			await slotId(event),
			user.id,
			event.url.origin,
			clock.now()
		);
		if (answer !== 'ok') return fail(409, { slotError: answer });
		return { taken: true };
	},
	giveBack: async (event) => {
		const { user, circle } = requireCircle(event);
		if (!giveBackSlot(db, circle.id, await slotId(event), user.id, clock.now()))
			return fail(409, { slotError: 'gone' });
		return { givenBack: true };
	},
	swap: async (event) => {
		const { user, circle } = requireCircle(event);
		if (!askSwap(db, circle.id, await slotId(event), user.id, clock.now()))
			return fail(409, { slotError: 'gone' });
		return { swapAsked: true };
	},
	message: async (event) => {
		const { user, circle } = requireCircle(event);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		postMessage(db, circle.id, user.id, form.data.body, form.data.submissionKey, clock.now());
		return {
			form: await superValidate({ submissionKey: crypto.randomUUID() }, schema, { errors: false }),
			posted: true
		};
	}
};
