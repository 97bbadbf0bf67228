import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { signalReplySchema } from '$lib/schemas/intake';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import {
	linkSignal,
	repliesTo,
	replyToSignal,
	unlinkSignal
} from '$lib/server/backoffice/signal-cycle';
import { getResident, searchResidents } from '$lib/server/broker/residents';
import { anonymousAdvice, getSignal, recordSignalsRead } from '$lib/server/broker/signals';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The signal of the route, for a broker of its neighbourhood (residents are refused first). */
function signalOf(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	requireBroker(event);
	const signal = getSignal(db, Number(event.params.id));
	if (!signal) error(404, 'not found');
	const user = requireBrokerOf(event, signal.neighbourhoodId);
	return { user, signal };
}

export const load: PageServerLoad = async (event) => {
	const { user, signal } = signalOf(event);
	recordSignalsRead(db, user.id, [signal], clock.now());
	const filer = db
		.select({ id: users.id, name: users.displayName })
		.from(users)
		.where(eq(users.id, signal.filedById))
		.get();
	const recordedBy = signal.recordedById
		? db
				.select({ name: users.displayName })
				.from(users)
				.where(eq(users.id, signal.recordedById))
				.get()
		: undefined;
	const subject = signal.subjectUserId ? getResident(db, signal.subjectUserId) : null;
	// The resident search for linking: a GET form on this page, within the signal's neighbourhood.
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const canLink = !anonymousAdvice(signal) && signal.kind === 'client';
	return {
		signal,
		anonymous: anonymousAdvice(signal),
		filer: filer ?? null,
		recordedBy: recordedBy?.name ?? null,
		subject: subject ? { id: signal.subjectUserId!, name: subject.displayName } : null,
		canLink,
		q,
		found: canLink && q ? searchResidents(db, [signal.neighbourhoodId], q, 1).items : [],
		replies: repliesTo(db, signal.id),
		replyForm: await superValidate(zod4(signalReplySchema), { errors: false })
	};
};

export const actions: Actions = {
	link: async (event) => {
		const { user, signal } = signalOf(event);
		const residentId = String((await event.request.formData()).get('residentId') ?? '');
		const result = linkSignal(db, user.id, signal, residentId, clock.now());
		if (!result.ok) return fail(400, { linkError: result.error });
		return { linked: true };
	},
	unlink: async (event) => {
		const { user, signal } = signalOf(event);
		const result = unlinkSignal(db, user.id, signal, clock.now());
		if (!result.ok) return fail(409, { linkError: result.error });
		return { unlinked: true };
	},
	reply: async (event) => {
		const { user, signal } = signalOf(event);
		const replyForm = await superValidate(event.request, zod4(signalReplySchema));
		if (!replyForm.valid) return fail(400, { replyForm });
		replyToSignal(db, user.id, signal, replyForm.data.body, siteOrigin(), clock.now());
		return {
			replyForm: await superValidate(zod4(signalReplySchema), { errors: false }),
			replied: true
		};
	}
};
