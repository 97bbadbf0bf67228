import { getLocale } from '$lib/paraglide/runtime.js';
import { messageLanguageOf } from '$lib/server/broker/message-language';
import * as clock from '$lib/server/clock';
import { speakRecipientLanguage } from '$lib/server/language-cookie';
import { db } from '$lib/server/db';
import { neighbourhoodSettings } from '$lib/server/neighbourhoods/settings';
import { checkStillNeededLink, useStillNeededLink } from '$lib/server/posts/expiry';
import { formatLocalDate } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

// Works without signing in: the link in the expiry mail is the permission. The GET only shows
// the button, so a mail scanner opening the link changes nothing.
export const load: PageServerLoad = ({ params, cookies, url }) => {
	const check = checkStillNeededLink(db, Number(params.id), params.token, clock.now());
	if (check.ok) speakRecipientLanguage(cookies, url, messageLanguageOf(db, check.post.authorId));
	return check.ok
		? { state: 'ready' as const, title: check.post.title }
		: { state: check.reason, title: null };
};

export const actions: Actions = {
	default: ({ params }) => {
		const used = useStillNeededLink(db, Number(params.id), params.token, clock.now());
		if (!used.ok) return { state: used.reason, title: null, until: null };
		const { timeZone } = neighbourhoodSettings(db, used.post.neighbourhoodId);
		return {
			state: 'done' as const,
			title: used.post.title,
			until: formatLocalDate(used.post.expiresAt!, timeZone, getLocale())
		};
	}
};
