import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { db } from '$lib/server/db';
import { getPublicTool } from '$lib/server/lending/catalogue';
import type { PageServerLoad } from './$types';

/** Public, like the tool page the label points to. */
export const load: PageServerLoad = ({ params }) => {
	const tool = getPublicTool(db, Number(params.id), getLocale());
	if (!tool) error(404, 'not found');
	return { tool: { id: tool.id, name: tool.name, assetTag: tool.assetTag } };
};
