import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { REFERRAL_CHECK_ANSWERS } from '$lib/backoffice/lists';
import { textField } from '$lib/schemas/fields';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { getCheck, recordCheckAnswer } from '$lib/server/backoffice/referral-checks';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const recordSchema = z.object({
	answer: z.enum(REFERRAL_CHECK_ANSWERS, { error: 'refcheck_err_answer' }),
	note: textField({ max: 1000, multiline: true }),
	action: textField({ max: 1000, multiline: true })
});

function checkOf(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	requireBroker(event);
	const check = getCheck(db, Number(event.params.id));
	if (!check) error(404, 'not found');
	const user = requireBrokerOf(event, check.neighbourhoodId);
	return { user, check };
}

// One check after a referral: what the resident said, and what the broker does next.
export const load: PageServerLoad = (event) => {
	const { check } = checkOf(event);
	return {
		id: check.check.id,
		status: check.check.status,
		answer: check.check.answer,
		note: check.check.note,
		action: check.check.action,
		askedAt: check.check.askedAt,
		answeredAt: check.check.answeredAt,
		service: check.service,
		title: check.title,
		postId: check.postId,
		residentId: check.residentId,
		residentName: check.residentName
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, check } = checkOf(event);
		const data = await event.request.formData();
		const values = {
			answer: String(data.get('answer') ?? ''),
			note: String(data.get('note') ?? ''),
			action: String(data.get('action') ?? '')
		};
		const parsed = recordSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, error: 'refcheck_err_answer' });
		recordCheckAnswer(db, user.id, check.check.id, parsed.data, clock.now());
		return { saved: true };
	}
};
