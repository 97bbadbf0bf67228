import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoError, processPhoto } from './photos';

describe('processPhoto', () => {
	it('stores a small and a large WebP without metadata', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'photos-'));
		const png = await sharp({
			create: { width: 1200, height: 600, channels: 3, background: '#c00' }
		})
			.png()
			.withMetadata({ exif: { IFD0: { Copyright: 'secret' } } })
			.toBuffer();
		const stored = await processPhoto(
			dir,
			new File([new Uint8Array(png)], 'a.png', { type: 'image/png' })
		);
		expect([stored.width, stored.height]).toEqual([960, 480]);
		expect(readdirSync(dir).sort()).toEqual([
			`${stored.fileKey}-l.webp`,
			`${stored.fileKey}-s.webp`
		]);
		const small = await sharp(join(dir, `${stored.fileKey}-s.webp`)).metadata();
		expect([small.format, small.width, small.exif]).toEqual(['webp', 320, undefined]);
	});

	it('refuses a text file that claims to be a picture', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'photos-'));
		const fake = new File(['not a picture'], 'a.png', { type: 'image/png' });
		await expect(processPhoto(dir, fake)).rejects.toBeInstanceOf(PhotoError);
		await expect(
			processPhoto(dir, new File(['x'], 'a.gif', { type: 'image/gif' }))
		).rejects.toThrow('desk_photo_error_type');
	});
});
