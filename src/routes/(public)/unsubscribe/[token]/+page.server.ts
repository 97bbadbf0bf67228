import { alertSettingsOf } from '$lib/server/alerts/settings';
import { unsubscribeByToken, unsubscribeTokenOwner } from '$lib/server/alerts/unsubscribe';
import { messageLanguageOf } from '$lib/server/broker/message-language';
import * as clock from '$lib/server/clock';
import { speakRecipientLanguage } from '$lib/server/language-cookie';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Works without signing in: the signed link in the alert mail is the permission, and it can only
// stop alerts. The GET only shows the button, so a link scanner opening it changes nothing. The
// POST is the button, and also the one-click request a mail program sends for the mail's
// List-Unsubscribe-Post header (RFC 8058), from its own servers: hooks.server.ts lets only this
// route take a form post from another origin (see handleFormOrigin).
export const load: PageServerLoad = ({ params, cookies, url }) => {
	const owner = unsubscribeTokenOwner(db, params.token);
	if (!owner) return { state: 'invalid' as const };
	speakRecipientLanguage(cookies, url, messageLanguageOf(db, owner));
	return {
		state: alertSettingsOf(db, owner).rhythm === 'never' ? ('already' as const) : ('ready' as const)
	};
};

export const actions: Actions = {
	default: ({ params }) => {
		const result = unsubscribeByToken(db, params.token, clock.now());
		return { state: result === 'stopped' ? ('done' as const) : result };
	}
};
