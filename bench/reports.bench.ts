// A year's report for one neighbourhood of the 100,000-post town: buildReport() p50/p95 against
// the 500 ms target. Run: npx tsx bench/reports.bench.ts (or all: npm run bench)
import { openDatabase } from '../src/lib/server/db/client';
import { buildPeriod } from '../src/lib/server/reporting/period';
import { buildReport } from '../src/lib/server/reporting/report';
import { buildTown } from './town';

const TARGET_MS = 500;
/** The town's "now" (see town.ts): loans still out are late or not as of then. */
const NOW = Date.UTC(2026, 10, 24, 12);
const { db, sqlite } = openDatabase(buildTown());
const year = buildPeriod('year', '2025-01-01', '2026-01-01', 'Europe/Brussels');
const quarter = buildPeriod('quarter', '2026-07-01', '2026-10-01', 'Europe/Brussels');
const posts = sqlite
	.prepare('select count(*) as n from posts where neighbourhood_id = 1')
	.get() as { n: number };

function measure(label: string, run: () => void) {
	run(); // warm up
	const times: number[] = [];
	for (let i = 0; i < 15; i++) {
		const t = performance.now();
		run();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	const p = (q: number) => times[Math.ceil(q * times.length) - 1]!;
	return {
		report: label,
		'p50 ms': p(0.5).toFixed(1),
		'p95 ms': p(0.95).toFixed(1),
		'on target': p(0.95) < TARGET_MS ? 'yes' : 'NO'
	};
}

console.log(
	`\nReports for one neighbourhood (${posts.n.toLocaleString('en')} of its posts), target < ${TARGET_MS} ms`
);
console.table([
	measure('one year, one neighbourhood', () => buildReport(db, [1], year, NOW, 'nl')),
	measure('one quarter, one neighbourhood', () => buildReport(db, [1], quarter, NOW, 'nl')),
	measure('one year, all five neighbourhoods', () =>
		buildReport(db, [1, 2, 3, 4, 5], year, NOW, 'nl')
	)
]);
sqlite.close();
