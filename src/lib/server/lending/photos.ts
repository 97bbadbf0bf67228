import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { toolPhotos } from '../db/schema';
import { newId } from '../ids';

export const PHOTO_SIZES = { s: 320, l: 960 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

export class PhotoError extends Error {
	constructor(public code: string) {
		super(code);
	}
}

/** Checks type and size, and that the bytes really are a picture sharp can read. */
export async function processPhoto(
	dir: string,
	file: File
): Promise<{ fileKey: string; width: number; height: number }> {
	if (!ACCEPTED.includes(file.type)) throw new PhotoError('desk_photo_error_type');
	if (file.size > PHOTO_MAX_BYTES) throw new PhotoError('desk_photo_error_size');
	if (file.size === 0) throw new PhotoError('desk_photo_error_empty');
	const input = Buffer.from(await file.arrayBuffer());
	let meta;
	try {
		meta = await sharp(input).metadata();
	} catch {
		throw new PhotoError('desk_photo_error_type');
	}
	if (!meta.format || !['jpeg', 'png', 'webp'].includes(meta.format))
		throw new PhotoError('desk_photo_error_type');
	mkdirSync(dir, { recursive: true });
	const fileKey = newId()
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
	let width = 0;
	let height = 0;
	for (const [size, w] of Object.entries(PHOTO_SIZES)) {
		// rotate() applies the EXIF orientation; sharp writes no metadata unless asked.
		const { data, info } = await sharp(input)
			.rotate()
			.resize({ width: w, withoutEnlargement: true })
			.webp({ quality: 80 })
			.toBuffer({ resolveWithObject: true });
		await writeFile(join(dir, `${fileKey}-${size}.webp`), data);
		if (size === 'l') {
			width = info.width;
			height = info.height;
		}
	}
	return { fileKey, width, height };
}

/** Stores the photo row; the files are already written by processPhoto. */
export function addToolPhoto(
	d: DbOrTx,
	toolId: number,
	p: { fileKey: string; width: number; height: number; altText: string; isDamage: boolean },
	now: number
) {
	return d
		.insert(toolPhotos)
		.values({ toolId, ...p, createdAt: now })
		.returning()
		.get();
}

/** Public photos of a tool (never the damage photos). */
export function publicPhotos(d: DbOrTx, toolId: number) {
	return d
		.select({
			fileKey: toolPhotos.fileKey,
			altText: toolPhotos.altText,
			width: toolPhotos.width,
			height: toolPhotos.height
		})
		.from(toolPhotos)
		.where(and(eq(toolPhotos.toolId, toolId), eq(toolPhotos.isDamage, false)))
		.orderBy(asc(toolPhotos.sortOrder), asc(toolPhotos.id))
		.all();
}

export function photoByKey(d: DbOrTx, fileKey: string) {
	return d.select().from(toolPhotos).where(eq(toolPhotos.fileKey, fileKey)).get();
}

export async function readPhoto(dir: string, fileKey: string, size: PhotoSize): Promise<Buffer> {
	if (!/^[a-z0-9]+$/.test(fileKey)) throw new PhotoError('desk_error_not_found');
	return readFile(join(dir, `${fileKey}-${size}.webp`));
}
