import { describe, expect, it } from 'vitest';
import { startPeriodicJobs } from './jobs';

describe('periodic jobs', () => {
	it('run at once and then on their interval, and one failing job does not stop the others', async () => {
		const runs: number[] = [];
		let failures = 0;
		const stop = startPeriodicJobs(
			[
				{ name: 'counts', everyMs: 20, run: (now) => (runs.push(now), 0) },
				{
					name: 'breaks',
					everyMs: 20,
					run: () => {
						failures++;
						throw new Error('broken');
					}
				}
			],
			() => 42
		);
		expect(runs).toEqual([42]);
		await new Promise((r) => setTimeout(r, 70));
		stop();
		const after = runs.length;
		expect(after).toBeGreaterThanOrEqual(3);
		expect(failures).toBe(after);
		await new Promise((r) => setTimeout(r, 50));
		expect(runs.length).toBe(after);
	});
});
