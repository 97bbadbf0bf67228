import { fail } from '@sveltejs/kit';
import { textField } from '$lib/schemas/fields';
import { requireBroker } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import {
	keepPhoto,
	PhotoError,
	preparePhoto,
	readPhotoForm,
	removePhotoFiles
} from '$lib/server/lending/photos';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import {
	callPhotoUrl,
	callUsList,
	getCallFace,
	setCallFace
} from '$lib/server/neighbourhoods/call-us';
import type { Actions, PageServerLoad } from './$types';

// A first name, as a resident would say it on the phone; empty: "the broker" without a name.
const callNameField = textField({ max: 40, tooLong: 'broker_face_err_name' });

/** The broker's own first name and photo, shown where residents are told to call. */
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const face = getCallFace(db, user.id);
	return {
		callName: face.callName ?? '',
		photo: face.callPhoto ? callPhotoUrl(face.callPhoto) : null,
		// The preview shows it as the residents of (the first of) the broker's neighbourhoods see it.
		callUs: callUsList(db, { neighbourhoodId: brokeredNeighbourhoods(db, user)[0]?.id })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireBroker(event);
		const form = await readPhotoForm(event.request);
		if (!form) return fail(413, { callName: '', errors: { photo: ['desk_photo_error_size'] } });
		const callName = String(form.get('callName') ?? '');
		const parsed = callNameField.safeParse(callName);
		const photo = form.get('photo');
		const hasPhoto = photo instanceof File && photo.size > 0;
		if (!parsed.success)
			return fail(400, {
				callName,
				errors: {
					callName: [parsed.error.issues[0]?.message ?? 'err_invalid'],
					// A file field cannot be filled in again by the server: say so beside it.
					...(hasPhoto ? { photo: ['desk_photo_choose_again'] } : {})
				}
			});
		let replaced: string | null;
		try {
			replaced = hasPhoto
				? await keepPhoto(config.PHOTO_DIR, await preparePhoto(photo), (stored) =>
						setCallFace(db, user.id, { callName: parsed.data, callPhoto: stored.fileKey })
					)
				: setCallFace(db, user.id, {
						callName: parsed.data,
						...(form.get('removePhoto') === 'on' ? { callPhoto: null } : {})
					});
		} catch (e) {
			if (e instanceof PhotoError) return fail(400, { callName, errors: { photo: [e.code] } });
			throw e;
		}
		if (replaced) await removePhotoFiles(config.PHOTO_DIR, replaced);
		return { saved: true };
	}
};
