import { requirePartner } from '$lib/server/auth/guard';
import { partnerView } from '$lib/server/backoffice/partner-referrals';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// A partner's own referrals and where each stands; never what the broker wrote or found.
export const load: PageServerLoad = (event) => {
	const { user, services } = requirePartner(event);
	return {
		services: services.map((s) => ({ name: s.serviceName, neighbourhood: s.neighbourhoodName })),
		referrals: partnerView(db, user.id),
		sent: event.url.searchParams.has('sent')
	};
};
