import { requireBroker } from '$lib/server/auth/guard';
import { AUDIT_PAGE_SIZE, listAudit } from '$lib/server/audit/audit';
import { brokerNeighbourhoodIds } from '$lib/server/broker/intake';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// Brokers read the log of their neighbourhoods; admins read all of it.
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const before = Number(event.url.searchParams.get('before')) || undefined;
	const action = event.url.searchParams.get('action')?.replace(/[^a-z_.]/g, '') || undefined;
	const rows = listAudit(db, brokerNeighbourhoodIds(db, user), { before, action });
	return {
		action: action ?? '',
		rows: rows.map((r) => ({
			id: r.id,
			at: r.at,
			action: r.action,
			actor: r.actor,
			subject: `${r.subjectType} ${r.subjectId}`
		})),
		older: rows.length === AUDIT_PAGE_SIZE ? rows.at(-1)!.id : null
	};
};
