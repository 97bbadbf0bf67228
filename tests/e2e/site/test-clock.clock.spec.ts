import { expect, test } from '../fixtures';
import { advanceClock, serverNow } from '../clock';

test('the clock server can move its time forward, and never back', async ({ request }) => {
	const before = await serverNow(request);
	const after = await advanceClock(request, { hours: 2 });
	expect(after - before).toBeGreaterThanOrEqual(2 * 3_600_000);
	expect(after - before).toBeLessThan(2 * 3_600_000 + 60_000);
	const refused = await request.post('/test/clock', { data: { days: -1 } });
	expect(refused.status()).toBe(400);
});
