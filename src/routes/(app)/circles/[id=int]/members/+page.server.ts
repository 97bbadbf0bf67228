import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { inviteSchema } from '$lib/schemas/circles';
import { requireUser } from '$lib/server/auth/guard';
import { decides, openCircle } from '$lib/server/circles/access';
import { circleMemberList, handOver, removeMember } from '$lib/server/circles/circles';
import { invite, pendingInvitations, withdrawInvitation } from '$lib/server/circles/invitations';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { firstName } from '$lib/server/profile/public';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(inviteSchema);

function circleFor(event: RequestEvent) {
	const user = requireUser(event);
	const found = openCircle(db, Number(event.params.id), user.id);
	if (!found) error(404, 'not found');
	return { user, ...found };
}

/** Only the centre, their carer and the coordinator decide who is in the circle. */
function decider(event: RequestEvent) {
	const found = circleFor(event);
	if (!decides(found.role)) error(403, 'forbidden');
	return found;
}

const posted = async (event: RequestEvent, name: string) =>
	(await event.request.formData()).get(name);

export const load: PageServerLoad = async (event) => {
	const { user, circle, role } = circleFor(event);
	const members = circleMemberList(db, circle);
	return {
		circleId: circle.id,
		centre: firstName(members.find((p) => p.isCentre)?.name ?? ''),
		me: user.id,
		decides: decides(role),
		members,
		invitations: decides(role) ? pendingInvitations(db, circle.id, clock.now()) : [],
		form: await superValidate({ way: 'code' as const }, schema, { errors: false })
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { user, circle } = decider(event);
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
		// The code is shown once, to print or read out; only its hash is kept.
		return { form, invited: { way: form.data.way!, name: form.data.name, code: made.code } };
	},
	withdraw: async (event) => {
		const { circle } = decider(event);
		if (
			!withdrawInvitation(db, circle.id, Number(await posted(event, 'invitationId')), clock.now())
		)
			error(404, 'not found');
		return { withdrawn: true };
	},
	remove: async (event) => {
		const { user, circle } = decider(event);
		const who = String(await posted(event, 'userId'));
		if (!removeMember(db, circle, who, user.id, clock.now())) error(404, 'not found');
		return { removed: true };
	},
	leave: async (event) => {
		const { user, circle } = circleFor(event);
		if (!removeMember(db, circle, user.id, user.id, clock.now())) error(400, 'cannot leave');
		redirect(303, '/circles?left=1');
	},
	handOver: async (event) => {
		const { user, circle } = decider(event);
		const to = String(await posted(event, 'userId'));
		if (!handOver(db, circle, to, user.id, event.url.origin, clock.now())) error(404, 'not found');
		return { handedOver: true };
	}
};
