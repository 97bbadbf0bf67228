import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** The clock server's "now" (only on the server of the *.clock.spec.ts tests). */
export async function serverNow(request: APIRequestContext): Promise<number> {
	const response = await request.get('/test/clock');
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { now: number }).now;
}

/** Moves the clock server forward and runs its periodic jobs at the new time. */
export async function advanceClock(
	request: APIRequestContext,
	by: { days?: number; hours?: number }
): Promise<number> {
	const response = await request.post('/test/clock', { data: by });
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { now: number }).now;
}
