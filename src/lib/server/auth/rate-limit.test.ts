import { describe, expect, it } from 'vitest';
import { pairKey, RateLimiter, Throttler } from './rate-limit';

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

describe('Throttler', () => {
	it('makes each next attempt wait longer, and a success starts the key over', () => {
		const throttler = new Throttler([0, 1000, 2000, 4000]);
		expect(throttler.consume('k', 0)).toBe(true);
		expect(throttler.consume('k', 0)).toBe(true);
		// The third attempt waits a second, the fourth two more, then four each time.
		expect(throttler.consume('k', 999)).toBe(false);
		expect(throttler.consume('k', 1000)).toBe(true);
		expect(throttler.consume('k', 2999)).toBe(false);
		expect(throttler.consume('k', 3000)).toBe(true);
		expect(throttler.consume('k', 6999)).toBe(false);
		expect(throttler.consume('k', 7000)).toBe(true);
		expect(throttler.consume('k', 10_999)).toBe(false);
		expect(throttler.consume('k', 11_000)).toBe(true);
		expect(throttler.consume('other', 11_000)).toBe(true);
		throttler.reset('k');
		expect([throttler.consume('k', 11_000), throttler.consume('k', 11_000)]).toEqual([true, true]);
	});

	it('forgets a key left alone long enough', () => {
		const throttler = new Throttler([0, 60_000], 10 * 60_000);
		throttler.consume('k', 0);
		throttler.consume('k', 0);
		expect(throttler.consume('k', 30_000)).toBe(false);
		throttler.consume('k', 60_000);
		// Ten quiet minutes after the last attempt: the waits start over.
		expect([throttler.consume('k', 660_000), throttler.consume('k', 660_000)]).toEqual([
			true,
			true
		]);
	});

	it('keys an address per client, whatever its case', () => {
		expect(pairKey('An@Test.example', '192.0.2.1')).toBe(pairKey('an@test.example', '192.0.2.1'));
		expect(pairKey('an@test.example', '192.0.2.1')).not.toBe(
			pairKey('an@test.example', '192.0.2.2')
		);
	});
});
