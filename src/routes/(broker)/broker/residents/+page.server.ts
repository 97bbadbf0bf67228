import { requireBroker } from '$lib/server/auth/guard';
import { searchResidents } from '$lib/server/broker/residents';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { PageServerLoad } from './$types';

// A GET form: the search lives in the URL, so the back button and a bookmark keep it.
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const pageParam = Number(event.url.searchParams.get('page'));
	const page = Number.isInteger(pageParam) && pageParam > 1 && pageParam < 10_000 ? pageParam : 1;
	const result = searchResidents(db, ids, q, page);
	const link = (n: number) => {
		const params = new URLSearchParams();
		if (q) params.set('q', q);
		if (n > 1) params.set('page', String(n));
		const s = params.toString();
		return `/broker/residents${s ? `?${s}` : ''}`;
	};
	return {
		q,
		residents: result.items,
		page: result.page,
		prevUrl: page > 1 ? link(page - 1) : null,
		nextUrl: result.hasNext ? link(page + 1) : null
	};
};
