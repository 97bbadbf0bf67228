import { requireSteering } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

// A steering-group member's start: their neighbourhoods, the reports and the signal bundles.
export const load: PageServerLoad = (event) => {
	const { neighbourhoods } = requireSteering(event);
	return { neighbourhoods: neighbourhoods.map((n) => n.name) };
};
