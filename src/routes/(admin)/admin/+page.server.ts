import { requireAdmin } from '$lib/server/auth/guard';
import { backupStatus } from '$lib/server/backup/store';
import * as clock from '$lib/server/clock';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { listNeighbourhoodSummaries } from '$lib/server/neighbourhoods/admin';
import { findPeople, PEOPLE_LIMIT } from '$lib/server/neighbourhoods/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const query = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const searched = query.length >= 2;
	const people = searched ? findPeople(db, query) : [];
	return {
		neighbourhoods: listNeighbourhoodSummaries(db),
		backup: backupStatus(config.BACKUP_DIR, clock.now()),
		search: {
			query,
			searched,
			tooShort: query.length === 1,
			people,
			more: people.length >= PEOPLE_LIMIT
		}
	};
};
