import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import * as clock from '$lib/server/clock';
import { runJobsNow } from '$lib/server/jobs';
import type { RequestHandler } from './$types';

// End-to-end tests only (TEST_CLOCK, refused in production by the configuration): without it
// this address does not exist.
function requireTestClock() {
	if (!clock.testClockEnabled()) error(404, 'Not found');
}

export const GET: RequestHandler = () => {
	requireTestClock();
	return json({ now: clock.now() });
};

const advance = z.object({
	days: z.number().min(0).max(400).default(0),
	hours: z
		.number()
		.min(0)
		.max(24 * 400)
		.default(0)
});

/** Moves the clock forward and runs every periodic job at the new time. */
export const POST: RequestHandler = async ({ request }) => {
	requireTestClock();
	const parsed = advance.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, 'Give days and/or hours to move forward.');
	const { days, hours } = parsed.data;
	clock.advanceClock((days * 24 + hours) * 3_600_000);
	runJobsNow();
	return json({ now: clock.now() });
};
