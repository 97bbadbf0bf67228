import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '$lib/server/clock';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { tools } from '$lib/server/db/schema';
import { recordAudit } from '$lib/server/audit/audit';
import { requireDesk } from '$lib/server/lending/desk-access';
import { addToolPhoto, PhotoError, processPhoto, publicPhotos } from '$lib/server/lending/photos';
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

export const actions: Actions = {
	default: async (event) => {
		const { tool, user } = guard(event);
		const form = await event.request.formData();
		const altText = String(form.get('altText') ?? '');
		const parsed = z.string().trim().min(3, 'desk_photo_error_alt').max(200).safeParse(altText);
		const photo = form.get('photo');
		const errors: Record<string, string[]> = {};
		if (!parsed.success) errors.altText = [parsed.error.issues[0]?.message ?? 'err_invalid'];
		if (!(photo instanceof File) || photo.size === 0) errors.photo = ['desk_photo_error_empty'];
		if (Object.keys(errors).length) return fail(400, { altText, errors });
		try {
			const stored = await processPhoto(config.PHOTO_DIR, photo as File);
			const now = clock.now();
			db.transaction((tx) => {
				const row = addToolPhoto(
					tx,
					tool.id,
					{ ...stored, altText: parsed.data!, isDamage: false },
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
			});
		} catch (e) {
			if (e instanceof PhotoError) return fail(400, { altText, errors: { photo: [e.code] } });
			throw e;
		}
		return { saved: true };
	}
};
