import { error, fail } from '@sveltejs/kit';
import { textField } from '$lib/schemas/fields';
import { answerByToken, checkByToken } from '$lib/server/backoffice/referral-checks';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const ANSWERS = ['helped', 'partly', 'not_helped'] as const;
const wordsField = textField({ max: 1000, multiline: true });

/**
 * "Did the service help you?" — answered from the link in the mail or SMS, without signing in:
 * the link is the permission (only its hash is stored), and it only ever answers this question.
 */
export const load: PageServerLoad = ({ params }) => {
	const check = checkByToken(db, params.token);
	if (!check) error(404, 'not found');
	return { service: check.service, title: check.title, answered: check.answered };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const data = await request.formData();
		const answer = String(data.get('answer') ?? '');
		const words = wordsField.safeParse(String(data.get('words') ?? ''));
		if (!(ANSWERS as readonly string[]).includes(answer) || !words.success)
			return fail(400, { error: 'refcheck_err_answer', words: String(data.get('words') ?? '') });
		const result = answerByToken(
			db,
			params.token,
			answer as (typeof ANSWERS)[number],
			words.data,
			clock.now()
		);
		if (!result.ok) error(404, 'not found');
		return { thanks: true, already: result.already };
	}
};
