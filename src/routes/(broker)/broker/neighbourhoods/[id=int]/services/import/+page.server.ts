import { fail } from '@sveltejs/kit';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import {
	applyImport,
	MAX_IMPORT_BYTES,
	parseServicesCsv,
	previewImport
} from '$lib/server/backoffice/social-map-import';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Importing the social map from a CSV export: first a preview of what changes, then apply.
export const load: PageServerLoad = (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	return { neighbourhood: { id: n.id, name: n.name } };
};

/** The file's text, from an upload (preview) or the preview's hidden copy (apply). */
async function textOf(data: FormData): Promise<string | null> {
	const file = data.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_IMPORT_BYTES) return '\u0000too-big';
		return await file.text();
	}
	const kept = data.get('csv');
	return typeof kept === 'string' && kept ? kept : null;
}

export const actions: Actions = {
	preview: async (event) => {
		const { n } = requireBrokeredNeighbourhood(event);
		const text = await textOf(await event.request.formData());
		if (text === null) return fail(400, { error: 'socialmap_err_empty' as const });
		if (text === '\u0000too-big') return fail(400, { error: 'socialmap_err_too_big' as const });
		const parsed = parseServicesCsv(text);
		if (!parsed.ok) return fail(400, { error: parsed.error });
		const preview = previewImport(db, n.id, parsed.rows);
		return {
			preview: {
				csv: text,
				problems: parsed.problems,
				added: preview.added.map((r) => r.name),
				changed: preview.changed.map((c) => ({ name: c.service.name, fields: c.fields })),
				unchanged: preview.unchanged,
				missing: preview.missing.map((s) => s.name)
			}
		};
	},
	apply: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const data = await event.request.formData();
		const text = await textOf(data);
		if (text === null) return fail(400, { error: 'socialmap_err_empty' as const });
		const parsed = parseServicesCsv(text);
		if (!parsed.ok) return fail(400, { error: parsed.error });
		const counts = applyImport(
			db,
			user.id,
			n.id,
			parsed.rows,
			data.get('removeMissing') === 'on',
			clock.now()
		);
		return { applied: counts };
	}
};
