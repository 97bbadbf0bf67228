import { fail, type ActionFailure } from '@sveltejs/kit';
import { message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import {
	CHOOSABLE_TOPICS,
	DEFAULT_QUIET_FROM_MINUTE,
	DEFAULT_QUIET_UNTIL_MINUTE
} from '$lib/notify/channels';
import { timeOfDay, type Reach } from '$lib/notify/reach';
import { reachSchema, type ReachForm } from '$lib/schemas/reach';
import type { DbOrTx } from '../db/client';
import { saveReach } from './preferences';

/**
 * The "how we reach you" form's part of a page, shared by the person's own page
 * (/account/notifications) and the broker's page for them.
 */

const ID = 'reach';

/** The form filled with what is stored now. */
export function reachForm(reach: Reach): Promise<SuperValidated<ReachForm>> {
	const channels = Object.fromEntries(
		CHOOSABLE_TOPICS.map((t) => [t, reach.topics[t].channel ?? undefined])
	);
	return superValidate(
		{
			...channels,
			anyHour: reach.quiet === null,
			quietFrom: reach.quiet?.from ?? timeOfDay(DEFAULT_QUIET_FROM_MINUTE),
			quietUntil: reach.quiet?.until ?? timeOfDay(DEFAULT_QUIET_UNTIL_MINUTE)
		},
		zod4(reachSchema),
		{ id: ID, errors: false }
	);
}

/**
 * Reads the posted form and saves it for `personId`, as `setById`. Bad input or a channel that
 * cannot reach the person comes back beside its field, as typed, with nothing changed.
 */
export async function submitReach(
	db: DbOrTx,
	request: Request,
	personId: string,
	setById: string,
	savedText: string,
	now: number
): Promise<
	{ form: SuperValidated<ReachForm> } | ActionFailure<{ form: SuperValidated<ReachForm> }>
> {
	const form = await superValidate(request, zod4(reachSchema), { id: ID });
	if (!form.valid) return fail(400, { form });
	const { anyHour, quietFrom, quietUntil, ...channels } = form.data;
	const result = saveReach(
		db,
		personId,
		setById,
		{ channels, quiet: anyHour ? null : { from: quietFrom, until: quietUntil } },
		now
	);
	if (!result.ok && result.reason === 'unusable')
		return setError(form, result.topic, 'notify_err_unusable');
	if (!result.ok) return fail(404, { form });
	return message(form, { type: 'ok', text: savedText });
}
