import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { newPerson } from '../pages/account';
import { signIn, signUpAndVerify } from '../pages/auth';
import {
	decryptPush,
	makeTestBrowser,
	startTestPushService,
	type TestPushService
} from '../../../src/lib/server/push/test-push-service';

/**
 * Headless Chromium has no push service, so the page's PushManager is given a subscription on a
 * push service of the test's own, with real keys made as a browser makes them: whatever the site
 * sends there is decrypted here. Kept in sessionStorage, so a reload still finds it.
 */
async function givePushService(
	page: Page,
	subscription: { endpoint: string; keys: object }
): Promise<void> {
	await page.context().grantPermissions(['notifications']);
	await page.addInitScript((s: { endpoint: string; keys: object }) => {
		const kept = 'test-push-subscription';
		const fake = () => ({
			endpoint: s.endpoint,
			expirationTime: null,
			options: { userVisibleOnly: true },
			getKey: () => null,
			toJSON: () => ({ endpoint: s.endpoint, expirationTime: null, keys: s.keys }),
			unsubscribe: async () => {
				sessionStorage.removeItem(kept);
				return true;
			}
		});
		PushManager.prototype.subscribe = async function () {
			sessionStorage.setItem(kept, '1');
			return fake() as unknown as PushSubscription;
		};
		PushManager.prototype.getSubscription = async function () {
			return sessionStorage.getItem(kept) ? (fake() as unknown as PushSubscription) : null;
		};
	}, subscription);
}

let service: TestPushService;
test.beforeEach(async () => {
	service = await startTestPushService();
});
test.afterEach(async () => {
	await service.close();
});

test('a resident turns on messages on her phone; the test message reaches it, encrypted', async ({
	page,
	browser,
	baseURL
}) => {
	const rosa = newPerson('push');
	await signUpAndVerify(page, rosa);
	await signIn(page, rosa.email, rosa.password);
	const phone = makeTestBrowser(service.url);
	await givePushService(page, phone.subscription('/rosa-phone'));

	await page.goto('/account/push');
	await expect(
		page.getByRole('heading', { name: 'Berichten op je telefoon', level: 1 })
	).toBeVisible();
	const thisPhone = page.getByRole('region', { name: 'Deze telefoon' });
	await expect(thisPhone.getByText('Deze telefoon krijgt nog geen berichten.')).toBeVisible();
	await expectAccessible(page);
	await thisPhone.getByRole('button', { name: 'Berichten naar deze telefoon sturen' }).click();
	await expect(thisPhone.getByText('Deze telefoon krijgt berichten.')).toBeVisible();
	// Stored on the server: a fresh load finds this phone among her devices.
	await page.reload();
	await expect(thisPhone.getByText('Deze telefoon krijgt berichten.')).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Je andere toestellen' })
			.getByText('Geen andere toestellen krijgen berichten.')
	).toBeVisible();

	// The test message goes through the outbox and the push transport to her push service.
	await page.getByRole('button', { name: 'Stuur een testbericht' }).click();
	await expect(page.getByText('Het testbericht is onderweg.')).toBeVisible();
	await expect.poll(() => service.received.length, { timeout: 15_000 }).toBe(1);
	const push = await service.next('/rosa-phone');
	expect(push.headers['content-encoding']).toBe('aes128gcm');
	expect(push.headers['authorization']).toMatch(/^vapid t=.+, k=[\w-]{87}$/);
	expect(decryptPush(phone, push)).toMatchObject({
		title: 'Testbericht van Naburig',
		body: 'Zo ziet een bericht van Naburig eruit op je telefoon.',
		url: `${baseURL}/account/push`
	});

	// Her laptop, signed in too, turns messages on; the phone lists it and removes it.
	const laptopContext = await browser.newContext({ baseURL, locale: 'nl-BE' });
	try {
		const laptop = await laptopContext.newPage();
		await signIn(laptop, rosa.email, rosa.password);
		await givePushService(laptop, makeTestBrowser(service.url).subscription('/rosa-laptop'));
		await laptop.goto('/account/push');
		await laptop.getByRole('button', { name: 'Berichten naar deze telefoon sturen' }).click();
		await expect(laptop.getByText('Deze telefoon krijgt berichten.')).toBeVisible();
	} finally {
		await laptopContext.close();
	}
	await page.reload();
	const others = page.getByRole('region', { name: 'Je andere toestellen' });
	await expect(others.getByRole('listitem')).toHaveCount(1);
	await expect(others.getByRole('listitem')).toContainText('Chrome op Linux, sinds');
	await others.getByRole('button', { name: 'Verwijderen Chrome op Linux' }).click();
	await expect(page.getByText('Dat toestel krijgt geen berichten meer.')).toBeVisible();
	await expect(others.getByText('Geen andere toestellen krijgen berichten.')).toBeVisible();

	// Stopping on this phone: it is off here and after a reload (gone from the server too).
	await thisPhone.getByRole('button', { name: 'Stoppen op deze telefoon' }).click();
	await expect(thisPhone.getByText('Deze telefoon krijgt nog geen berichten.')).toBeVisible();
	await page.reload();
	await expect(thisPhone.getByText('Deze telefoon krijgt nog geen berichten.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Stuur een testbericht' })).toHaveCount(0);
});

test('a browser that refused notifications says how to allow them', async ({ page, signInAs }) => {
	await signInAs(page, 'helper');
	await page.addInitScript(() => {
		Object.defineProperty(Notification, 'permission', { get: () => 'denied' });
	});
	await page.goto('/account/push');
	await expect(page.getByText('Je browser laat Naburig geen meldingen tonen.')).toBeVisible();
	await expect(
		page.getByRole('button', { name: 'Berichten naar deze telefoon sturen' })
	).toHaveCount(0);
});

test('the site can be installed: manifest, icons and a service worker', async ({
	page,
	request
}) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const response = await request.get(href!);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		short_name: 'Naburig',
		display: 'standalone',
		start_url: '/',
		lang: 'nl'
	});
	for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
	const worker = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return registration.active?.scriptURL;
	});
	expect(new URL(worker!).pathname).toBe('/service-worker.js');
});

test('without a network, a page opens as a short "no connection" page', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready);
	// Controlled once the worker has claimed the page.
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
	await context.setOffline(true);
	try {
		await page.goto('/posts').catch(() => undefined);
		await expect(page.getByRole('heading', { name: 'Geen verbinding' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Opnieuw proberen' })).toHaveAttribute(
			'href',
			/\/posts$/
		);
	} finally {
		await context.setOffline(false);
	}
	await page.getByRole('link', { name: 'Opnieuw proberen' }).click();
	await expect(page.getByRole('heading', { name: 'Geen verbinding' })).toHaveCount(0);
});
