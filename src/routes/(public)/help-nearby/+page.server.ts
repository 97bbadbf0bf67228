import { asc, eq } from 'drizzle-orm';
import { getLocale } from '$lib/paraglide/runtime.js';
import { publicServices } from '$lib/server/backoffice/social-map-import';
import { openingLine } from '$lib/server/broker/social-map';
import { db } from '$lib/server/db';
import { neighbourhoods, users } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

/**
 * The social map, public (issue 21 §4): services near you in plain words — what they do, when,
 * how to reach them — so residents can find help themselves. No sign-in; nothing personal.
 */
export const load: PageServerLoad = ({ url, locals }) => {
	const all = db
		.select({ id: neighbourhoods.id, name: neighbourhoods.name })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.name))
		.all();
	const own = locals.user
		? db.select({ n: users.neighbourhoodId }).from(users).where(eq(users.id, locals.user.id)).get()
				?.n
		: null;
	const asked = Number(url.searchParams.get('n'));
	// Without a choice: one's own neighbourhood, else the oldest (the site's first).
	const oldest = all.reduce<(typeof all)[number] | null>(
		(a, n) => (!a || n.id < a.id ? n : a),
		null
	);
	const chosen = all.find((n) => n.id === asked) ?? all.find((n) => n.id === own) ?? oldest;
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const locale = getLocale();
	const list = chosen
		? publicServices(db, chosen.id)
				.filter((s) => !q || `${s.name} ${s.description}`.toLowerCase().includes(q.toLowerCase()))
				.map((s) => ({
					id: s.id,
					name: s.name,
					description: s.description,
					phone: s.phone,
					address: s.address,
					website: /^https?:\/\//.test(s.website) ? s.website : '',
					hours: s.openingHours === '[]' ? '' : openingLine(s, locale)
				}))
		: [];
	return { neighbourhoods: all, chosen, q, services: list };
};
