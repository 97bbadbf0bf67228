import { error } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as clock from '$lib/server/clock';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { requireDesk } from '$lib/server/lending/desk/access';
import { addCataloguePhoto, photoTool } from '$lib/server/lending/desk/tool-photos';
import {
	keepPhoto,
	PhotoError,
	preparePhoto,
	publicPhotos,
	readPhotoForm
} from '$lib/server/lending/photos';
import { toolPhotoSchema } from '$lib/schemas/lending';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function guard(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const tool = photoTool(db, Number(event.params.id));
	if (!tool) error(404, 'not_found');
	const user = requireDesk(event, tool.neighbourhoodId);
	return { tool, user };
}

export const load: PageServerLoad = async (event) => {
	const { tool } = guard(event);
	return {
		tool: { id: tool.id, name: tool.name, assetTag: tool.assetTag },
		photos: publicPhotos(db, tool.id),
		form: await superValidate(zod4(toolPhotoSchema), { id: 'photo', errors: false })
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { tool, user } = guard(event);
		const posted = await readPhotoForm(event.request);
		if (!posted) {
			const form = await superValidate(zod4(toolPhotoSchema), { id: 'photo', errors: false });
			return fail(413, { form, photoError: 'desk_photo_error_size' });
		}
		const form = await superValidate(posted, zod4(toolPhotoSchema), { id: 'photo' });
		const photo = posted.get('photo');
		const hasPhoto = photo instanceof File && photo.size > 0;
		// A file field cannot be filled in again by the server: say so beside it.
		if (!form.valid || !hasPhoto)
			return fail(400, {
				form,
				photoError: hasPhoto ? 'desk_photo_choose_again' : 'desk_photo_error_empty'
			});
		try {
			const prepared = await preparePhoto(photo);
			const now = clock.now();
			await keepPhoto(config.PHOTO_DIR, prepared, (stored) =>
				addCataloguePhoto(db, tool, user.id, { ...stored, altText: form.data.altText }, now)
			);
		} catch (e) {
			if (e instanceof PhotoError) return fail(400, { form, photoError: e.code });
			throw e;
		}
		return { form, saved: true };
	}
};
