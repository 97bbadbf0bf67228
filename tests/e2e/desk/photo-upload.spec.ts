import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { expect, test } from '../fixtures';
import { openToolPhotos } from '../pages/desk';
import type { Page } from '@playwright/test';

/** A JPEG as large as an ordinary phone photo: random noise does not compress, so about 4 MB. */
async function phonePhoto(): Promise<Buffer> {
	const [width, height] = [2600, 1950];
	return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
		.jpeg({ quality: 92 })
		.toBuffer();
}

async function openPhotos(page: Page) {
	await openToolPhotos(page, 'KBS-002', /Accuschroefmachine/);
}

test('the desk adds a phone photo of several MB to a tool', async ({ asBroker: page }) => {
	const jpeg = await phonePhoto();
	expect(jpeg.length).toBeGreaterThan(3 * 1024 * 1024);
	await openPhotos(page);
	await page
		.getByLabel('Foto', { exact: true })
		.setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: jpeg });
	await page.getByLabel('Korte beschrijving van de foto').fill('Schroefmachine op de werkbank');
	await page.getByRole('button', { name: 'Foto toevoegen' }).click();

	await expect(page.getByText('De foto is toegevoegd.')).toBeVisible();
	const img = page.getByRole('img', { name: 'Schroefmachine op de werkbank' });
	await expect(img).toBeVisible();
	expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
});

test('a damaged file or a photo that is too large gets a message beside the photo, and the description is kept', async ({
	asBroker: page
}) => {
	await openPhotos(page);
	const photo = page.getByLabel('Foto', { exact: true });
	const alt = page.getByLabel('Korte beschrijving van de foto');

	// A photo cut off halfway, as after a failed transfer from a phone.
	const jpeg = await phonePhoto();
	await photo.setInputFiles({
		name: 'IMG_2042.jpg',
		mimeType: 'image/jpeg',
		buffer: jpeg.subarray(0, Math.floor(jpeg.length / 2))
	});
	await alt.fill('Schroefmachine in de koffer');
	await page.getByRole('button', { name: 'Foto toevoegen' }).click();
	await expect(photo).toHaveAccessibleDescription(/We konden deze foto niet openen/);
	await expect(alt).toHaveValue('Schroefmachine in de koffer');
	await expect(page.getByRole('img', { name: 'Schroefmachine in de koffer' })).toHaveCount(0);

	// Over 12 MB: said at once, before a long upload, and nothing is sent.
	await photo.setInputFiles({
		name: 'IMG_2043.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.alloc(13 * 1024 * 1024)
	});
	await expect(photo).toHaveAccessibleDescription(
		/Deze foto is te groot\. Kies een foto kleiner dan 12 MB\./
	);
	expect(await photo.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
	await expect(alt).toHaveValue('Schroefmachine in de koffer');
});

test('a page without a photo field refuses a body over half a megabyte, and says so', async ({
	request,
	baseURL
}) => {
	const res = await request.post('/sign-in', {
		headers: { origin: baseURL! },
		form: { email: 'iemand@example.org', password: 'x'.repeat(600 * 1024) }
	});
	expect(res.status()).toBe(413);
	expect(await res.text()).toMatch(/te groot|too big/);
});
