// Runs every benchmark (bench/*.bench.ts) one after the other and lets each print its figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const files = readdirSync('bench')
	.filter((f) => f.endsWith('.bench.ts'))
	// Lighthouse takes minutes: it runs only when asked for by name.
	.filter((f) =>
		only.length === 0 ? !f.startsWith('lighthouse') : only.some((o) => f.includes(o))
	)
	.sort();
let failed = 0;
for (const file of files) {
	console.log(`\n=== ${file} ===`);
	const run = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
	if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
