import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { db } from '$lib/server/db';
import { getPublicTool } from '$lib/server/lending/catalogue';
import type { RequestHandler } from './$types';

/** The QR code on a tool's label: an SVG that opens the tool's page at this site's address. */
export const GET: RequestHandler = async ({ params, url }) => {
	const tool = getPublicTool(db, Number(params.id), 'nl');
	if (!tool) error(404, 'not found');
	const svg = await QRCode.toString(new URL(`/tools/${tool.id}`, url.origin).href, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2
	});
	return new Response(svg, {
		headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600' }
	});
};
