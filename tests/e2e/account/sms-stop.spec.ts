import type { ChildProcess } from 'node:child_process';
import { DEMO, DEMO_PASSWORD, expect, test } from '../fixtures';
import { signIn } from '../pages/auth';
import { freshDatabase, siteIsUp, startOwnSite } from '../own-site';
import { startTestSmpp, type TestSmpp } from '../../../src/lib/server/sms/test-smpp';

// A site of its own, connected to a real SMSC that this test runs (the `smpp` package's
// server), so the code travels over SMPP and STOP comes back as a deliver_sm.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 3;
const DATABASE = './.e2e/naburig-sms.db';

function startSite(smsUrl: string): ChildProcess {
	return startOwnSite(PORT, {
		DATABASE_URL: DATABASE,
		BACKUP_DIR: 'off',
		SMTP_URL: '',
		SMS_URL: smsUrl,
		SMS_FROM: 'Naburig'
	});
}

const healthy = siteIsUp(PORT);

test('a code goes out over SMPP, and a STOP reply switches SMS off until the person switches it on again', async ({
	browser
}) => {
	test.setTimeout(180_000);
	freshDatabase(DATABASE);
	const digits = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
	const mobile = { typed: `0470 ${digits}`, smpp: `32470${digits}`, e164: `+32470${digits}` };

	let smsc: TestSmpp | null = null;
	let site: ChildProcess | null = null;
	const context = await browser.newContext({
		baseURL: `http://localhost:${PORT}`,
		locale: 'nl-BE'
	});
	try {
		smsc = await startTestSmpp({ systemId: 'buurt', password: 'geheim' });
		site = startSite(smsc.url);
		// Seeding the demo neighbourhood on first start takes a while on a busy machine.
		await expect.poll(healthy, { timeout: 120_000 }).toBe(true);
		// The site binds as soon as it starts, so replies can arrive before anything is sent.
		await expect.poll(() => smsc!.binds()).toBe(1);

		const page = await context.newPage();
		await signIn(page, DEMO.resident, DEMO_PASSWORD);
		await page.goto('/account/phone');
		const request = page.getByRole('region', { name: 'Je gsm-nummer' });
		await request.getByLabel('Je gsm-nummer').fill(mobile.typed);
		await request.getByRole('button', { name: 'Stuur mij een code' }).click();
		await expect(request.getByText(`naar ${mobile.e164}.`)).toBeVisible();

		// The SMSC received it: to the international number, from the sender name, in GSM-7.
		await expect.poll(() => smsc!.received.length).toBe(1);
		const sms = smsc.received[0]!;
		expect(sms).toMatchObject({ destination: mobile.smpp, source: 'Naburig', dataCoding: 0 });
		const code = /Je code voor Naburig: (\d{6})\./.exec(sms.text)![1]!;

		const confirm = page.getByRole('region', { name: 'Typ de code over' });
		await confirm.getByLabel('De code uit de sms').fill(code);
		await confirm.getByRole('button', { name: 'Bevestigen' }).click();
		await expect(page.getByRole('status')).toContainText(`je nummer ${mobile.e164} is bevestigd`);

		// She answers STOP from her phone: the SMSC delivers it and the site acknowledges it.
		expect(await smsc.deliver(mobile.smpp, 'Stop')).toBe(0);
		await page.goto('/account/phone');
		const stopped = page.getByRole('region', { name: 'Sms staat uit' });
		await expect(stopped.getByText('Je antwoordde STOP op een sms van ons.')).toBeVisible();

		// A code now is refused beside the field, and nothing more reaches the SMSC.
		await request.getByRole('button', { name: 'Stuur mij een code' }).click();
		await expect(
			request.getByText('Je zette sms uit door STOP te antwoorden.', { exact: false }).first()
		).toBeVisible();
		expect(smsc.received).toHaveLength(1);

		await stopped.getByRole('button', { name: 'Sms weer aanzetten' }).click();
		await expect(stopped.getByText('Sms staat weer aan.')).toBeVisible();
		await expect(stopped.getByRole('button', { name: 'Sms weer aanzetten' })).toHaveCount(0);
	} finally {
		await context.close();
		if (site && site.exitCode === null) {
			const exited = new Promise((resolve) => site!.once('exit', resolve));
			site.kill('SIGTERM');
			await exited;
		}
		await smsc?.close();
	}
});
