import { error } from '@sveltejs/kit';
import { TIMELINE_KINDS, type TimelineKind } from '$lib/backoffice/lists';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import {
	cursorText,
	parseCursor,
	recordTimelineRead,
	timelinePage
} from '$lib/server/backoffice/timeline';
import { getResident } from '$lib/server/broker/residents';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * One person's timeline for the brokers of their neighbourhood: a GET page (filter and "older"
 * in the address, so it works without JavaScript and the back button keeps the place). Reading
 * it is logged, as reading notes is.
 */
export const load: PageServerLoad = (event) => {
	requireBroker(event);
	const person = getResident(db, event.params.id);
	if (!person || person.neighbourhoodId === null) error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	const params = event.url.searchParams;
	const kinds = params
		.getAll('kind')
		.filter((k): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k));
	const before = parseCursor(params.get('before'));
	const page = timelinePage(db, person.id, { kinds, before });
	recordTimelineRead(db, user.id, person, page.items.length, clock.now());
	let olderHref: string | null = null;
	if (page.next) {
		const older = new URLSearchParams();
		for (const k of kinds) older.append('kind', k);
		older.set('before', cursorText(page.next));
		olderHref = `?${older.toString()}`;
	}
	return {
		person: { id: person.id, displayName: person.displayName, timeZone: person.timeZone },
		kinds,
		items: page.items,
		olderHref,
		deeper: before !== null
	};
};
