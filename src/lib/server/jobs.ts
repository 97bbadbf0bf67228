import { log } from './log';

export interface PeriodicJob {
	name: string;
	everyMs: number;
	/** Does the work due at `now`; returns how many things it changed, for the log. */
	run: (now: number) => number;
}

/**
 * Runs each job at start-up and then every `everyMs`. A failing run is logged with its error
 * and tried again at the next interval; the other jobs go on. Returns a function that stops all.
 */
export function startPeriodicJobs(jobs: PeriodicJob[], now: () => number = Date.now): () => void {
	const ticks: (() => void)[] = [];
	const timers = jobs.map((job) => {
		const tick = () => {
			try {
				const changed = job.run(now());
				if (changed > 0) log.info('job.ran', { job: job.name, changed });
			} catch (e) {
				log.error('job.failed', {
					job: job.name,
					error: e instanceof Error ? (e.stack ?? e.message) : String(e)
				});
			}
		};
		tick();
		ticks.push(tick);
		return setInterval(tick, job.everyMs);
	});
	runAll = () => ticks.forEach((tick) => tick());
	return () => {
		timers.forEach(clearInterval);
		runAll = () => {};
	};
}

let runAll: () => void = () => {};

/** Runs every started job once now, e.g. right after the test clock moved. */
export function runJobsNow(): void {
	runAll();
}
