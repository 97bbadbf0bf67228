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

/**
 * Growing waits per key, as in Lucia's throttling guide: after each attempt the next one must wait
 * the next timeout in the list (the last one repeats); a success resets the key. Nobody is ever
 * locked out for long, and guessing slows to a crawl. A key left alone for `forgetAfterMs` starts over.
 */
export class Throttler {
	private counters = new Map<string, { index: number; updatedAt: number }>();

	/**
	 * @param timeoutsMs wait before the 2nd, 3rd, … attempt
	 * @param forgetAfterMs quiet time after which a key starts over
	 */
	constructor(
		private readonly timeoutsMs: number[],
		private readonly forgetAfterMs = Math.max(...timeoutsMs) * 4
	) {}

	/** Takes an attempt for `key`; false when it must still wait. */
	consume(key: string, now: number): boolean {
		const counter = this.counters.get(key);
		if (!counter || now - counter.updatedAt >= this.forgetAfterMs) {
			this.prune(now);
			this.counters.set(key, { index: 0, updatedAt: now });
			return true;
		}
		if (now - counter.updatedAt < this.timeoutsMs[counter.index]!) return false;
		counter.updatedAt = now;
		counter.index = Math.min(counter.index + 1, this.timeoutsMs.length - 1);
		return true;
	}

	/** Starts the key over, e.g. after a successful sign-in. */
	reset(key: string): void {
		this.counters.delete(key);
	}

	// Keys are (address, client) pairs anyone can make up: forget the quiet ones so memory stays small.
	private prune(now: number): void {
		if (this.counters.size < 10_000) return;
		for (const [key, c] of this.counters)
			if (now - c.updatedAt >= this.forgetAfterMs) this.counters.delete(key);
	}
}

const SECOND = 1000;
const MINUTE = 60_000;

/** The key of one address tried from one client address. */
export function pairKey(address: string, client: string): string {
	return `${address.toLowerCase()}\n${client}`;
}

/**
 * The limits for the account forms. Nothing is limited per address alone: then anyone could lock
 * an owner out of their own account. Per (address, client) the waits grow; per client address the
 * buckets are generous, because a service centre or a family shares one internet address.
 */
export const limits = {
	/** A typo's retry is free, then 1, 2, 4, … seconds up to 5 minutes (Lucia's guide). */
	signInPerPair: new Throttler(
		[0, 1, 2, 4, 8, 16, 30, 60, 180, 300].map((s) => s * SECOND),
		60 * MINUTE
	),
	signInPerClient: new RateLimiter(50, 20_000),
	/**
	 * The password typed again on the account page: only someone holding one of the account's
	 * sessions can try, so per account, with the same growing waits.
	 */
	confirmPasswordPerAccount: new Throttler(
		[0, 1, 2, 4, 8, 16, 30, 60, 180, 300].map((s) => s * SECOND),
		60 * MINUTE
	),
	signUpPerClient: new RateLimiter(10, 6 * MINUTE),
	/** Each sign-up sends a mail to the address: a few per address, so nobody is flooded. */
	signUpPerAddress: new RateLimiter(3, 20 * MINUTE),
	resetPerPair: new Throttler(
		[0, 30, 60, 120, 300].map((s) => s * SECOND),
		60 * MINUTE
	),
	resetPerClient: new RateLimiter(20, 3 * MINUTE),
	/**
	 * Reset mails to one address, whoever asks: the first at once, then at least 2, 5 and 15
	 * minutes apart (at most four an hour). A request in between sends nothing and says the same:
	 * the mail sent minutes ago holds the newest link, valid for an hour (TOKEN_LIFETIME_MS), so
	 * a stranger's requests never keep the owner from resetting.
	 */
	resetMailsPerAddress: new Throttler(
		[2, 5, 15].map((m) => m * MINUTE),
		60 * MINUTE
	),
	/** Verification mails a signed-in person asks for (resend, change of address): no mail bombing. */
	accountMailsPerAccount: new RateLimiter(5, 10 * MINUTE)
};
