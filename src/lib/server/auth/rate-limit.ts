/**
 * A token bucket per key, kept in memory: enough for one server process, and losing the counts
 * on a restart only gives an attacker one fresh bucket per restart.
 */
export class RateLimiter {
	private buckets = new Map<string, { tokens: number; refilledAt: number }>();

	/**
	 * @param capacity attempts allowed in a burst
	 * @param refillMs time for one attempt to come back
	 */
	constructor(
		private readonly capacity: number,
		private readonly refillMs: number
	) {}

	/** Takes one attempt for `key`; false when none is left. */
	consume(key: string, now: number): boolean {
		const bucket = this.refill(key, now);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	/** True when `key` still has an attempt left, without using it. */
	check(key: string, now: number): boolean {
		return this.refill(key, now).tokens >= 1;
	}

	/** Gives the full bucket back, e.g. after a successful sign-in. */
	reset(key: string): void {
		this.buckets.delete(key);
	}

	private refill(key: string, now: number) {
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = { tokens: this.capacity, refilledAt: now };
			this.buckets.set(key, bucket);
			return bucket;
		}
		const back = Math.floor((now - bucket.refilledAt) / this.refillMs);
		if (back > 0) {
			bucket.tokens = Math.min(this.capacity, bucket.tokens + back);
			bucket.refilledAt += back * this.refillMs;
		}
		return bucket;
	}
}

const MINUTE = 60_000;

/**
 * The limits for the account forms. Per address (e-mail) they are tight, per client address
 * generous, because a service centre or a family shares one internet address.
 */
export const limits = {
	signInPerAccount: new RateLimiter(5, 3 * MINUTE),
	signInPerClient: new RateLimiter(50, 20_000),
	signUpPerClient: new RateLimiter(10, 6 * MINUTE),
	/** Each sign-up sends a mail to the address: a few per address, so nobody is flooded. */
	signUpPerAddress: new RateLimiter(3, 20 * MINUTE),
	resetPerAccount: new RateLimiter(3, 20 * MINUTE),
	resetPerClient: new RateLimiter(20, 3 * MINUTE),
	/** Verification mails a signed-in person asks for (resend, change of address): no mail bombing. */
	accountMailsPerAccount: new RateLimiter(5, 10 * MINUTE)
};
