import { fail, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { inviteSchema } from '$lib/schemas/circles';
import * as clock from '../clock';
import { db } from '../db';
import type { Circle } from '../db/schema';
import { invite } from './invitations';

const schema = zod4(inviteSchema);

/** An empty invitation form: a printed code is the way that needs nothing more. */
export const newInviteForm = () =>
	superValidate({ way: 'code' as const }, schema, { errors: false });

/**
 * The invitation form's action, for the circle's page and the broker's: what was typed comes back
 * with a message beside the field when it is wrong; the code is shown once, to print or read out.
 */
export async function inviteFromForm(
	event: Pick<RequestEvent, 'request' | 'url'>,
	circle: Circle,
	inviterId: string
) {
	const form = await superValidate(event.request, schema);
	if (!form.valid) return fail(400, { form });
	const way = form.data.way!;
	const made = invite(
		db,
		circle,
		{ way, name: form.data.name, address: form.data.address },
		inviterId,
		event.url.origin,
		clock.now()
	);
	if (!made.ok) return setError(form, made.field, made.error);
	return { form, invited: { way, name: form.data.name, code: made.code } };
}
