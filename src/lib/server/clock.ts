import { config } from './config';

/**
 * The one source of "now" for pages, actions and jobs. End-to-end tests of things that happen
 * days later (follow-ups, overdue tools) move it forward through /test/clock; that control exists
 * only when TEST_CLOCK is on, which the configuration refuses outside a local, non-production run.
 */
let offsetMs = 0;

export function now(): number {
	return Date.now() + offsetMs;
}

export function testClockEnabled(): boolean {
	return config.TEST_CLOCK === true;
}

/** Moves the clock forward; refused unless the test clock is enabled. */
export function advanceClock(ms: number): number {
	if (!testClockEnabled()) throw new Error('The test clock is not enabled.');
	if (!Number.isFinite(ms) || ms < 0) throw new Error('The clock only moves forward.');
	offsetMs += ms;
	return now();
}
