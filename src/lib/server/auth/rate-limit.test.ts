import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows a burst, then refuses until time gives attempts back', () => {
		const limiter = new RateLimiter(3, 1000);
		expect([1, 2, 3, 4].map(() => limiter.consume('a@b', 0))).toEqual([true, true, true, false]);
		expect(limiter.consume('a@b', 999)).toBe(false);
		expect(limiter.consume('a@b', 1000)).toBe(true);
		expect(limiter.consume('a@b', 1000)).toBe(false);
	});

	it('counts each key on its own, and reset gives the full bucket back', () => {
		const limiter = new RateLimiter(1, 60_000);
		expect(limiter.consume('one', 0)).toBe(true);
		expect(limiter.consume('two', 0)).toBe(true);
		expect(limiter.check('one', 0)).toBe(false);
		limiter.reset('one');
		expect(limiter.check('one', 0)).toBe(true);
	});

	it('never holds more than its capacity after a long pause', () => {
		const limiter = new RateLimiter(2, 1000);
		limiter.consume('k', 0);
		const results = [1, 2, 3].map(() => limiter.consume('k', 1_000_000));
		expect(results).toEqual([true, true, false]);
	});
});
