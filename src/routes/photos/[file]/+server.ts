import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { tools } from '$lib/server/db/schema';
import { isDeskStaff } from '$lib/server/lending/desk/access';
import { photoByKey, readPhoto } from '$lib/server/lending/photos';
import { isCallPhoto } from '$lib/server/neighbourhoods/call-us';
import type { RequestHandler } from './$types';

/** /photos/<key>-<s|l>.webp; damage photos only for the desk of the tool's neighbourhood. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const match = /^([a-z0-9]+)-(s|l)\.webp$/.exec(params.file);
	if (!match) error(404, 'not_found');
	const key = match[1] ?? '';
	// A broker's photo beside "call …" is as public as their first name.
	if (isCallPhoto(db, key)) return photoResponse(key, match[2] as 's' | 'l', 'public, max-age=300');
	const photo = photoByKey(db, key);
	if (!photo) error(404, 'not_found');
	if (photo.isDamage) {
		const tool = db.select().from(tools).where(eq(tools.id, photo.toolId)).get();
		if (!locals.user || !tool || !isDeskStaff(db, locals.user.id, tool.neighbourhoodId))
			error(403, 'forbidden');
	}
	return photoResponse(
		photo.fileKey,
		match[2] as 's' | 'l',
		photo.isDamage ? 'private, max-age=3600' : 'public, max-age=31536000, immutable'
	);
};

async function photoResponse(fileKey: string, size: 's' | 'l', cache: string): Promise<Response> {
	let body: Buffer;
	try {
		body = await readPhoto(config.PHOTO_DIR, fileKey, size);
	} catch {
		error(404, 'not_found');
	}
	return new Response(new Uint8Array(body), {
		headers: { 'content-type': 'image/webp', 'cache-control': cache }
	});
}
