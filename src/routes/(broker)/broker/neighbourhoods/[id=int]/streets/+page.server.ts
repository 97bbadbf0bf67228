import { isolate } from '$lib/i18n';
import { getLocale } from '$lib/paraglide/runtime.js';
import { error } from '@sveltejs/kit';
import { fail, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { streetImportSchema, streetSchema } from '$lib/schemas/neighbourhood';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { decodeUpload, importStreets } from '$lib/server/neighbourhoods/street-import';
import { addStreet, listStreets } from '$lib/server/neighbourhoods/streets';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

/** Checks the person may work on this neighbourhood's streets, and that it exists. */

export const load: PageServerLoad = async (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	return {
		neighbourhood: {
			id: n.id,
			name: n.name,
			boundary: n.boundary,
			centre: { lat: n.centreLat, lon: n.centreLon }
		},
		streets: listStreets(db, n.id),
		addForm: await superValidate(zod4(streetSchema), { id: 'add', errors: false }),
		importForm: await superValidate(zod4(streetImportSchema), { id: 'import', errors: false }),
		removed: event.url.searchParams.has('removed')
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, zod4(streetSchema), { id: 'add' });
		if (!form.valid) return fail(400, { form });
		const result = addStreet(db, user.id, n.id, form.data, clock.now());
		if (!result.ok) {
			if (!result.field) error(404, 'not found');
			return setError(form, result.field, result.error);
		}
		form.message = {
			type: 'ok',
			text: m.admin_street_added({ name: isolate(result.street.name, getLocale()) })
		};
		form.data = { name: '', lat: '', lon: '' };
		return { form };
	},

	import: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, zod4(streetImportSchema), { id: 'import' });
		if (!form.valid) return fail(400, withFiles({ form }));
		const file = form.data.file;
		const text = file ? decodeUpload(new Uint8Array(await file.arrayBuffer())) : form.data.text;
		const result = importStreets(db, user.id, n.id, text, clock.now());
		if (!result.ok) {
			if (result.error === 'not_found') error(404, 'not found');
			return setError(form, file ? 'file' : 'text', result.error);
		}
		const { added, updated, skipped } = result.report;
		form.message = {
			type: 'ok',
			text: m.admin_import_done({ added, updated, skipped: skipped.length })
		};
		form.data.text = '';
		return withFiles({ form, report: result.report });
	}
};
