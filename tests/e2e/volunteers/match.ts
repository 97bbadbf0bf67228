import { expect, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';

/**
 * Jozef (vetted, so no moderation) asks for help estimated at two hours; `helper` responds and
 * Jozef accepts: a running match with that helper. Leaves the page signed out.
 */
export async function matchWithJozef(page: Page, helper: string, title: string): Promise<void> {
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Hond uitlaten',
		title,
		body: 'Mijn knie is geopereerd. Wie wandelt een week lang met Bobby rond de middag?'
	});
	await page.getByLabel('Hoe lang duurt het ongeveer?').selectOption({ label: 'twee uur' });
	await sendPost(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await signOut(page);

	await signIn(page, helper, DEMO_PASSWORD);
	await page.goto('/posts?kind=request');
	await page.getByRole('link', { name: title }).click();
	await page.getByLabel('Je bericht').fill('Ik kan elke middag, ik woon om de hoek.');
	await page.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(page.getByText('Je reactie is verstuurd.')).toBeVisible();
	await signOut(page);

	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: /^Reactie van \S+ aanvaarden$/ }).click();
	await expect(page.getByText('Jullie hebben een afspraak.')).toBeVisible();
	await signOut(page);
}
