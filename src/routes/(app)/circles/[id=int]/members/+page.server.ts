import { error, redirect } from '@sveltejs/kit';
import { requireCircle } from '$lib/server/circles/guard';
import { decides } from '$lib/server/circles/access';
import { circleMemberList, handOver, removeMember } from '$lib/server/circles/circles';
import { pendingInvitations, withdrawInvitation } from '$lib/server/circles/invitations';
import { inviteFromForm, newInviteForm } from '$lib/server/circles/invite-form';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { firstName } from '$lib/server/profile/public';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const posted = async (event: RequestEvent, name: string) =>
	(await event.request.formData()).get(name);

export const load: PageServerLoad = async (event) => {
	const { user, circle, role } = requireCircle(event);
	const members = circleMemberList(db, circle);
	return {
		circleId: circle.id,
		centre: firstName(members.find((p) => p.isCentre)?.name ?? ''),
		me: user.id,
		decides: decides(role),
		members,
		invitations: decides(role) ? pendingInvitations(db, circle.id, clock.now()) : [],
		form: await newInviteForm()
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { user, circle } = requireCircle(event, 'decides');
		return inviteFromForm(event, circle, user.id);
	},
	withdraw: async (event) => {
		const { circle } = requireCircle(event, 'decides');
		if (
			!withdrawInvitation(db, circle.id, Number(await posted(event, 'invitationId')), clock.now())
		)
			error(404, 'not found');
		return { withdrawn: true };
	},
	remove: async (event) => {
		const { user, circle } = requireCircle(event, 'decides');
		const who = String(await posted(event, 'userId'));
		if (!removeMember(db, circle, who, user.id, clock.now())) error(404, 'not found');
		return { removed: true };
	},
	leave: async (event) => {
		const { user, circle } = requireCircle(event);
		if (!removeMember(db, circle, user.id, user.id, clock.now())) error(400, 'cannot leave');
		redirect(303, '/circles?left=1');
	},
	handOver: async (event) => {
		const { user, circle } = requireCircle(event, 'decides');
		const to = String(await posted(event, 'userId'));
		if (!handOver(db, circle, to, user.id, event.url.origin, clock.now())) error(404, 'not found');
		return { handedOver: true };
	}
};
