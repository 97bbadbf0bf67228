/**
 * How large a request body may be. adapter-node's BODY_SIZE_LIMIT (default set in
 * scripts/serve.mjs) must let a phone photo through, but only the pages that take a photo need
 * that much: every other form stays under adapter-node's old default, so large bodies cannot be
 * sent to, say, the sign-in page.
 */
export const SMALL_BODY_BYTES = 512 * 1024;

/**
 * Pages (SvelteKit route ids) whose forms carry a photo. They read any body up to
 * BODY_SIZE_LIMIT and say beside the photo field when it is too large (see readPhotoForm).
 */
export const PHOTO_ROUTES: ReadonlySet<string> = new Set([
	'/(desk)/desk/tools/[id=int]/photos',
	'/(desk)/desk/loans/[id=int]',
	'/(broker)/broker/call-face'
]);

/** True when a page without a photo field is sent a larger body than it takes (by Content-Length). */
export function bodyTooLarge(routeId: string | null, contentLength: string | null): boolean {
	if (routeId && PHOTO_ROUTES.has(routeId)) return false;
	const length = Number(contentLength ?? 0);
	return Number.isFinite(length) && length > SMALL_BODY_BYTES;
}
