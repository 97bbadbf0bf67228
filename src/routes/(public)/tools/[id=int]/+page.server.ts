import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { db } from '$lib/server/db';
import { getPublicTool } from '$lib/server/lending/catalogue';
import { publicPhotos } from '$lib/server/lending/photos';
import type { PageServerLoad } from './$types';

/** Public: a tool's page is what its QR label opens, for anyone. */
export const load: PageServerLoad = ({ params }) => {
	const tool = getPublicTool(db, Number(params.id), getLocale());
	if (!tool) error(404, 'not found');
	return { tool, photos: publicPhotos(db, tool.id) };
};
