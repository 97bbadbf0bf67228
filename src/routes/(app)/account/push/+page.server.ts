import { fail } from '@sveltejs/kit';
import { requireSecondFactor, requireUser } from '$lib/server/auth/guard';
import { config, isPublicSite } from '$lib/server/config';
import { db } from '$lib/server/db';
import { deviceLabel, deviceOf } from '$lib/server/push/device';
import { listDevices, removeSubscription, saveSubscription } from '$lib/server/push/subscriptions';
import { queueTestPush } from '$lib/server/push/test-message';
import { vapidKeys } from '$lib/server/push/vapid';
import { deviceSchema, subscribeSchema } from '$lib/schemas/push';
import { toLocale } from '$lib/i18n';
import * as clock from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

/**
 * security: a device subscribed here gets every message of the account, so a broker or admin
 * passes the code step first (the password alone must not route their messages elsewhere).
 */
function requirePerson(event: Parameters<typeof requireUser>[0]) {
	const user = requireUser(event);
	requireSecondFactor(event, user);
	return user;
}

export const load: PageServerLoad = (event) => {
	const user = requirePerson(event);
	return {
		publicKey: vapidKeys(db).publicKey,
		devices: listDevices(db, user.id)
	};
};

export const actions: Actions = {
	/** The page's script posts the subscription the browser made (never typed by a person). */
	subscribe: async (event) => {
		const user = requirePerson(event);
		const parsed = subscribeSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { refused: 'invalid' as const });
		// security: the server posts to this address. Push services are https; plain http only on a
		// trial site on one's own machine (and in the tests, whose push service runs there).
		if (new URL(parsed.data.endpoint).protocol !== 'https:' && isPublicSite(config))
			return fail(400, { refused: 'invalid' as const });
		const label = deviceLabel(deviceOf(event.request.headers.get('user-agent')));
		saveSubscription(db, user.id, parsed.data, label, clock.now());
		return { saved: true };
	},

	/** "Stop on this phone", and removing another device from the list. */
	remove: async (event) => {
		const user = requirePerson(event);
		const parsed = deviceSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { refused: 'invalid' as const });
		if (!removeSubscription(db, user.id, parsed.data.id))
			return fail(404, { refused: 'gone' as const });
		return { removed: true };
	},

	test: async (event) => {
		const user = requirePerson(event);
		if (listDevices(db, user.id).length === 0) return fail(409, { refused: 'none' as const });
		// The account's language, not the page's: the push arrives later, outside this page.
		queueTestPush(
			db,
			user.id,
			toLocale(user.locale),
			`${event.url.origin}/account/push`,
			clock.now()
		);
		return { tested: true };
	}
};
