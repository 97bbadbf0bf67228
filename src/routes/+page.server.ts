import { db } from '$lib/server/db';
import { listPublicNeighbourhoods } from '$lib/server/neighbourhoods/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ neighbourhoods: listPublicNeighbourhoods(db) });
