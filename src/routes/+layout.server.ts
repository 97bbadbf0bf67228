import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { isDemo } from '$lib/server/demo/mode';
import { openProposalsOf } from '$lib/server/matching/open-proposals';
import { callUsList } from '$lib/server/neighbourhoods/call-us';
import { unreadCount } from '$lib/server/talk/conversations';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		// A whitelist of what every page may know about the person.
		user: user
			? {
					id: user.id,
					displayName: user.displayName,
					role: user.role,
					emailVerified: user.emailVerified
				}
			: null,
		unread: user ? unreadCount(db, user.id) : 0,
		/** The broker's proposals this person has not answered: menu, home page, conversations. */
		openProposals: user ? openProposalsOf(db, user.id) : [],
		demo: isDemo(db),
		/**
		 * Whom to call: the own neighbourhood only (every page carries this data, and a broker's
		 * pages name no other neighbourhood). The home page and pages about one neighbourhood
		 * override it.
		 */
		callUs: callUsList(db, { userId: user?.id }).slice(0, 1),
		/** Map tiles, from PUBLIC_TILE_URL (validated at start-up). */
		tileUrl: config.PUBLIC_TILE_URL
	};
};
