import type { ChildProcess } from 'node:child_process';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn } from '../pages/auth';
import { openTool } from '../pages/lending';
import { freshDatabase, siteIsUp, startOwnSite } from '../own-site';
import { say } from '../i18n/words';

// A site of its own: a new version of the agreement makes every resident agree again, which
// the other lending tests on the shared site do not expect.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 2;
const DATABASE = './.e2e/naburig-agreement.db';
const TURKISH = 'Aleti temiz ve zamanında geri getirin. Bir sorun olursa bize haber verin.';

test('the desk publishes a version with a Turkish text; a Turkish reader gets it, a French one the Dutch text with a note', async ({
	browser
}) => {
	test.setTimeout(180_000);
	freshDatabase(DATABASE);
	let site: ChildProcess | null = null;
	const desk = await browser.newContext({ baseURL: `http://localhost:${PORT}`, locale: 'nl-BE' });
	const resident = await browser.newContext({
		baseURL: `http://localhost:${PORT}`,
		locale: 'nl-BE'
	});
	try {
		site = startOwnSite(PORT, { DATABASE_URL: DATABASE, BACKUP_DIR: 'off', SMTP_URL: '' });
		// Seeding the demo neighbourhood on first start takes a while on a busy machine.
		await expect.poll(siteIsUp(PORT), { timeout: 120_000 }).toBe(true);

		const page = await desk.newPage();
		await signIn(page, DEMO.broker, DEMO_PASSWORD);
		await page.goto('/desk/agreement');
		// Each language's field is named in that language and typed in its own direction.
		const turkish = page.getByLabel('Türkçe');
		await expect(turkish).toHaveAttribute('lang', 'tr');
		await expect(page.getByLabel('العربية')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByLabel('Nederlands')).toHaveAttribute('dir', 'ltr');
		await expectAccessible(page);
		await turkish.fill(TURKISH);
		// French left empty: its readers get the Dutch text.
		await page.getByLabel('Français').fill('');
		await page.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
		await expect(page.getByText('De nieuwe versie geldt vanaf nu.')).toBeVisible();

		const maria = await resident.newPage();
		await signIn(maria, DEMO.resident, DEMO_PASSWORD);
		await openTool(maria, 'kruiwagen', 'Kruiwagen');
		await expect(maria.getByRole('heading', { level: 1, name: 'Kruiwagen' })).toBeVisible();
		const toolPath = new URL(maria.url()).pathname;
		await maria.goto(`/language?locale=tr&redirectTo=${encodeURIComponent(toolPath)}`);
		await expect(maria.locator('html')).toHaveAttribute('lang', 'tr');
		const text = maria.getByText(TURKISH);
		await expect(text).toBeVisible();
		await expect(text).toHaveAttribute('lang', 'tr');
		await expect(maria.getByText(say('tr', 'lending_agreement_in_dutch'))).toHaveCount(0);

		await maria.goto(`/language?locale=fr&redirectTo=${encodeURIComponent(toolPath)}`);
		// No French text: the Dutch one, with a note in French that says so.
		await expect(maria.getByText(say('fr', 'lending_agreement_in_dutch'))).toBeVisible();
		const dutch = maria.getByText(/Je leent het gereedschap gratis/);
		await expect(dutch).toHaveAttribute('lang', 'nl');
		await expect(maria.getByText(TURKISH)).toHaveCount(0);
	} finally {
		await desk.close();
		await resident.close();
		if (site && site.exitCode === null) {
			const exited = new Promise((resolve) => site!.once('exit', resolve));
			site.kill('SIGTERM');
			await exited;
		}
	}
});
