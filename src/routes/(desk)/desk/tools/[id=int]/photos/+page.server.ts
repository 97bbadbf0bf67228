import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import * as clock from '$lib/server/clock';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { tools } from '$lib/server/db/schema';
import { recordAudit } from '$lib/server/audit/audit';
import { requireDesk } from '$lib/server/lending/desk-access';
import {
	addToolPhoto,
	keepPhoto,
	PhotoError,
	preparePhoto,
	publicPhotos,
	readPhotoForm
} from '$lib/server/lending/photos';
import { textField } from '$lib/schemas/fields';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function guard(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const tool = db
		.select()
		.from(tools)
		.where(eq(tools.id, Number(event.params.id)))
		.get();
	if (!tool) error(404, 'not_found');
	const user = requireDesk(event, tool.neighbourhoodId);
	return { tool, user };
}

export const load: PageServerLoad = (event) => {
	const { tool } = guard(event);
	return {
		tool: { id: tool.id, name: tool.name, assetTag: tool.assetTag },
		photos: publicPhotos(db, tool.id)
	};
};

const altTextField = textField({
	max: 200,
	required: 'desk_photo_error_alt',
	min: [3, 'desk_photo_error_alt']
});

export const actions: Actions = {
	default: async (event) => {
		const { tool, user } = guard(event);
		const form = await readPhotoForm(event.request);
		if (!form) return fail(413, { altText: '', errors: { photo: ['desk_photo_error_size'] } });
		const altText = String(form.get('altText') ?? '');
		const parsed = altTextField.safeParse(altText);
		const photo = form.get('photo');
		const hasPhoto = photo instanceof File && photo.size > 0;
		if (!parsed.success || !hasPhoto)
			return fail(400, {
				altText,
				errors: {
					...(parsed.success
						? {}
						: { altText: [parsed.error.issues[0]?.message ?? 'err_invalid'] }),
					// A file field cannot be filled in again by the server: say so beside it.
					photo: [hasPhoto ? 'desk_photo_choose_again' : 'desk_photo_error_empty']
				}
			});
		try {
			const prepared = await preparePhoto(photo);
			const now = clock.now();
			await keepPhoto(config.PHOTO_DIR, prepared, (stored) =>
				db.transaction((tx) => {
					const row = addToolPhoto(
						tx,
						tool.id,
						{ ...stored, altText: parsed.data, isDamage: false },
						now
					);
					recordAudit(
						tx,
						{
							actorId: user.id,
							action: 'tool.photo_add',
							subjectType: 'tool',
							subjectId: tool.id,
							neighbourhoodId: tool.neighbourhoodId,
							detail: { photoId: row.id }
						},
						now
					);
				})
			);
		} catch (e) {
			if (e instanceof PhotoError) return fail(400, { altText, errors: { photo: [e.code] } });
			throw e;
		}
		return { saved: true };
	}
};
