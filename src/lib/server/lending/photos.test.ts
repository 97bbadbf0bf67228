import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '$lib/lending/photos';
import { insertTestUser } from '../db/test-db';
import { damageReports, toolPhotos } from '../db/schema';
import { DeskError } from './desk/errors';
import { checkIn, checkOut } from './desk/hand-over';
import { keepPhoto, PhotoError, preparePhoto, type StoredPhoto } from './photos';
import { reserveTool } from './reservations';
import { makeLendingNeighbourhood, NOW, ORIGIN } from '../testing/lending';

const newDir = () => mkdtempSync(join(tmpdir(), 'photos-'));
const file = (bytes: Uint8Array<ArrayBuffer> | string, name = 'a.jpg', type = 'image/jpeg') =>
	new File([bytes], name, { type });

/** A photo as large as a phone's: 4000 × 3000 pixels of coarse noise, a few MB as JPEG. */
async function phonePhoto(): Promise<Uint8Array<ArrayBuffer>> {
	const raw = Buffer.alloc(1600 * 1200 * 3);
	for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
	return new Uint8Array(
		await sharp(raw, { raw: { width: 1600, height: 1200, channels: 3 } })
			.resize(4000, 3000, { kernel: 'nearest' })
			.jpeg({ quality: 92 })
			.toBuffer()
	);
}

describe('preparing and keeping a photo', () => {
	it('stores a small and a large WebP without metadata', async () => {
		const dir = newDir();
		const png = await sharp({
			create: { width: 1200, height: 600, channels: 3, background: '#c00' }
		})
			.png()
			.withMetadata({ exif: { IFD0: { Copyright: 'secret' } } })
			.toBuffer();
		const prepared = await preparePhoto(file(new Uint8Array(png), 'a.png', 'image/png'));
		const stored = await keepPhoto(dir, prepared, (s) => s);
		expect([stored.width, stored.height]).toEqual([960, 480]);
		expect(readdirSync(dir).sort()).toEqual([
			`${stored.fileKey}-l.webp`,
			`${stored.fileKey}-s.webp`
		]);
		const small = await sharp(join(dir, `${stored.fileKey}-s.webp`)).metadata();
		expect([small.format, small.width, small.exif]).toEqual(['webp', 320, undefined]);
	});

	it('takes an ordinary phone photo of several MB, whatever type the phone names', async () => {
		const jpeg = await phonePhoto();
		expect(jpeg.length).toBeGreaterThan(3 * 1024 * 1024);
		const prepared = await preparePhoto(file(jpeg, 'IMG_0001.JPG', ''));
		expect([prepared.width, prepared.height]).toEqual([960, 720]);
	});

	it('refuses a text file that claims to be a picture, and a GIF', async () => {
		await expect(preparePhoto(file('not a picture', 'a.png', 'image/png'))).rejects.toThrow(
			'desk_photo_error_type'
		);
		const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
			.gif()
			.toBuffer();
		await expect(preparePhoto(file(new Uint8Array(gif), 'a.gif', 'image/gif'))).rejects.toThrow(
			'desk_photo_error_type'
		);
	});

	it('says a photo cut off halfway cannot be opened, instead of failing on our side', async () => {
		const jpeg = await sharp({
			create: { width: 800, height: 600, channels: 3, background: '#0a0' }
		})
			.jpeg()
			.toBuffer();
		const cut = new Uint8Array(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
		await expect(preparePhoto(file(cut))).rejects.toThrow('desk_photo_error_unreadable');
	});

	it('refuses a photo over the limit before reading it', async () => {
		const big = file(new Uint8Array(PHOTO_MAX_BYTES + 1));
		await expect(preparePhoto(big)).rejects.toThrow('desk_photo_error_size');
		await expect(preparePhoto(file(''))).rejects.toBeInstanceOf(PhotoError);
	});

	it('removes the files again when the database write that needs them fails', async () => {
		const dir = newDir();
		const prepared = await preparePhoto(file(await phonePhoto()));
		await expect(
			keepPhoto(dir, prepared, () => {
				throw new Error('disk full');
			})
		).rejects.toThrow('disk full');
		expect(readdirSync(dir)).toEqual([]);
	});
});

describe('the damage photo of a check-in', () => {
	it('is stored with the damage report when the check-in succeeds, and not at all when it fails', async () => {
		const f = makeLendingNeighbourhood();
		const staff = insertTestUser(f.db);
		const borrower = f.borrower();
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: borrower.id, startDate: '2026-03-10', endDate: '2026-03-12' },
			NOW,
			ORIGIN
		);
		const dir = newDir();
		const prepared = await preparePhoto(file(await phonePhoto()));
		const takeBack = (photo: StoredPhoto) =>
			checkIn(
				f.db,
				loan.id,
				staff.id,
				{ condition: 'worn', partsBack: [], damage: { description: 'Snoer kapot', photo } },
				NOW,
				ORIGIN
			);
		// Still only reserved: the check-in is refused, and the photo leaves nothing behind.
		await expect(keepPhoto(dir, prepared, takeBack)).rejects.toBeInstanceOf(DeskError);
		expect(readdirSync(dir)).toEqual([]);
		expect(f.db.select().from(toolPhotos).all()).toEqual([]);

		checkOut(f.db, loan.id, staff.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		await keepPhoto(dir, prepared, takeBack);
		const [photo] = f.db.select().from(toolPhotos).all();
		expect([photo?.isDamage, photo?.altText]).toEqual([true, 'Snoer kapot']);
		expect(f.db.select().from(damageReports).all()[0]?.photoId).toBe(photo?.id);
		expect(readdirSync(dir)).toHaveLength(2);
	});
});
