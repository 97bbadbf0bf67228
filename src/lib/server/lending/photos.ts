import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { and, asc, eq } from 'drizzle-orm';
import { PHOTO_MAX_BYTES } from '$lib/lending/photos';
import type { DbOrTx } from '../db/client';
import { toolPhotos } from '../db/schema';
import { newId } from '../ids';

export const PHOTO_SIZES = { s: 320, l: 960 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
const FORMATS = ['jpeg', 'png', 'webp'];

export class PhotoError extends Error {
	constructor(public code: string) {
		super(code);
	}
}

/** A photo checked and resized in memory, not yet on disk. */
export interface PreparedPhoto {
	copies: Record<PhotoSize, Buffer>;
	width: number;
	height: number;
}

/** A photo whose files are on disk: what its row refers to. */
export interface StoredPhoto {
	fileKey: string;
	width: number;
	height: number;
}

/**
 * Checks size and that the bytes really are a JPEG, PNG or WebP (whatever type the browser
 * claims; phones do not always name it), and makes the resized copies. Every problem, a
 * picture sharp cannot decode included, is a PhotoError with a message key for beside the field.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
	if (file.size === 0) throw new PhotoError('desk_photo_error_empty');
	if (file.size > PHOTO_MAX_BYTES) throw new PhotoError('desk_photo_error_size');
	const input = Buffer.from(await file.arrayBuffer());
	let format: string | undefined;
	try {
		format = (await sharp(input).metadata()).format;
	} catch {
		throw new PhotoError('desk_photo_error_type');
	}
	if (!format || !FORMATS.includes(format)) throw new PhotoError('desk_photo_error_type');
	const copies = {} as Record<PhotoSize, Buffer>;
	let width = 0;
	let height = 0;
	try {
		for (const [size, w] of Object.entries(PHOTO_SIZES) as [PhotoSize, number][]) {
			// rotate() applies the EXIF orientation; sharp writes no metadata unless asked.
			const { data, info } = await sharp(input)
				.rotate()
				.resize({ width: w, withoutEnlargement: true })
				.webp({ quality: 80 })
				.toBuffer({ resolveWithObject: true });
			copies[size] = data;
			if (size === 'l') [width, height] = [info.width, info.height];
		}
	} catch {
		// A header that reads but a picture that does not decode, e.g. a photo cut off halfway.
		throw new PhotoError('desk_photo_error_unreadable');
	}
	return { copies, width, height };
}

/**
 * Writes the photo's files, then runs `store` (the database write that refers to them). When
 * `store` throws, the files are removed again: a photo stays only together with its row.
 */
export async function keepPhoto<T>(
	dir: string,
	photo: PreparedPhoto,
	store: (stored: StoredPhoto) => T
): Promise<T> {
	mkdirSync(dir, { recursive: true });
	const fileKey = newId()
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
	const paths = Object.keys(photo.copies).map((size) => join(dir, `${fileKey}-${size}.webp`));
	try {
		for (const [size, data] of Object.entries(photo.copies))
			await writeFile(join(dir, `${fileKey}-${size}.webp`), data);
		return store({ fileKey, width: photo.width, height: photo.height });
	} catch (e) {
		await Promise.all(paths.map((p) => rm(p, { force: true })));
		throw e;
	}
}

/** Removes a photo's files (e.g. the one a new photo replaced); files already gone are fine. */
export async function removePhotoFiles(dir: string, fileKey: string): Promise<void> {
	if (!/^[a-z0-9]+$/.test(fileKey)) return;
	await Promise.all(
		Object.keys(PHOTO_SIZES).map((size) =>
			rm(join(dir, `${fileKey}-${size}.webp`), { force: true })
		)
	);
}

/**
 * The form of a photo upload, or null when the body was larger than BODY_SIZE_LIMIT (the
 * server stops reading it, so nothing of it can be shown again).
 */
export async function readPhotoForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (e) {
		if (e && typeof e === 'object' && 'status' in e && e.status === 413) return null;
		throw e;
	}
}

/** Stores the photo row; call it inside the transaction that needs the photo. */
export function addToolPhoto(
	d: DbOrTx,
	toolId: number,
	p: StoredPhoto & { altText: string; isDamage: boolean },
	now: number
) {
	return d
		.insert(toolPhotos)
		.values({ toolId, ...p, createdAt: now })
		.returning()
		.all()[0]!;
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
