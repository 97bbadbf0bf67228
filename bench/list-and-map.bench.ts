// The list page, the tool catalogue and the marker endpoint on the 100,000-post town, under 10 concurrent
// connections with autocannon, beside a trivial page of the same build; plus the marker JSON
// size and the JavaScript each view ships. Needs a build: it runs `npm run build` when missing.
// Run: npx tsx bench/list-and-map.bench.ts (or all: npm run bench)
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSession, SESSION_COOKIE } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db/client';
import { startSite, waitForServer } from './server';
import { buildTown } from './town';

const PORT = Number(process.env.BENCH_PORT ?? 4411);
const BASE = `http://localhost:${PORT}`;
const TARGET_P95_MS = 50;
const TARGET_MARKERS_KB = 50;
const TARGET_JS_KB = 120;
// A city-district viewport around neighbourhood 1 at zoom 15 (about 1,300 by 800 pixels).
const DISTRICT = '4.4578,51.0236,4.5128,51.0436';

if (!existsSync('build/index.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const file = buildTown();

// A signed-in resident of neighbourhood 1, as the list is for residents.
const { db, sqlite } = openDatabase(file);
const { token } = createSession(db, 'r0', Date.now());
sqlite.close();
const cookie = `${SESSION_COOKIE}=${token}`;

const server = startSite('build/index.js', PORT, file);

/** The value below which the given share of the samples lie (nearest rank). */
function percentile(sorted: number[], share: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function load(path: string) {
	// A short warm-up first, so the figures are of a running server, not of its first requests.
	await autocannon({ url: BASE + path, connections: 10, duration: 2, headers: { cookie } });
	// autocannon's summary has p90 and p97.5 but no p95: every response time is kept instead.
	const times: number[] = [];
	const instance = autocannon({
		url: BASE + path,
		connections: 10,
		duration: 8,
		headers: { cookie }
	});
	instance.on('response', (_client, _status, _bytes, ms: number) => times.push(ms));
	const result = await instance;
	if (result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} answers were not 2xx`);
	times.sort((a, b) => a - b);
	const p95 = percentile(times, 0.95);
	return {
		path,
		'req/s': Math.round(result.requests.average),
		'p50 ms': Math.round(percentile(times, 0.5)),
		'p95 ms': Math.round(p95),
		'p99 ms': Math.round(percentile(times, 0.99)),
		'p95 on target': p95 < TARGET_P95_MS ? 'yes' : 'NO'
	};
}

const MANIFEST = JSON.parse(
	readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
) as Record<string, { file: string; imports?: string[] }>;

/**
 * Gzipped size of the JavaScript a page loads before anything is clicked: the two entry files
 * and the route's nodes (read from the page's start script), with all their static imports.
 */
async function pageScripts(path: string): Promise<{ files: string[]; kb: number }> {
	const html = await (await fetch(BASE + path, { headers: { cookie } })).text();
	const files = new Set<string>();
	for (const match of html.matchAll(/_app\/immutable\/entry\/[^"'\s)]+\.js/g)) files.add(match[0]);
	const nodes =
		/node_ids:\s*\[([\d,\s]+)\]/
			.exec(html)?.[1]
			?.split(',')
			.map((n) => n.trim()) ?? [];
	const visit = (key: string) => {
		const chunk = MANIFEST[key];
		if (!chunk || files.has(chunk.file)) return;
		files.add(chunk.file);
		chunk.imports?.forEach(visit);
	};
	visit('.svelte-kit/generated/client-optimized/app.js');
	visit('node_modules/@sveltejs/kit/src/runtime/client/entry.js');
	for (const n of nodes) visit(`.svelte-kit/generated/client-optimized/nodes/${n}.js`);
	let bytes = 0;
	for (const f of files) bytes += gzipSync(readFileSync(join('build/client', f))).length;
	return { files: [...files], kb: bytes / 1024 };
}

function leafletChunkKb(): number {
	const dir = 'build/client/_app/immutable/chunks';
	let bytes = 0;
	for (const f of readdirSync(dir)) {
		const text = readFileSync(join(dir, f), 'utf8');
		if (text.includes('leaflet') && text.includes('TileLayer')) bytes += gzipSync(text).length;
	}
	return bytes / 1024;
}

await waitForServer(BASE);
const runs = [];
for (const path of [
	'/posts?kind=request',
	'/posts',
	// The tool catalogue (200 tools in the town), a page at a time, beside the list.
	'/tools',
	'/tools?page=5',
	// Another public page of the same build, to compare the catalogue with.
	'/badges',
	`/api/markers?bbox=${DISTRICT}&zoom=15`,
	`/api/markers?bbox=${DISTRICT}&zoom=13&kind=offer`,
	'/'
])
	runs.push(await load(path));
console.log(
	`\nList and map on ${file} (10 connections, 8 s each); target p95 < ${TARGET_P95_MS} ms`
);
console.table(runs);
const trivial = runs.at(-1)!['req/s'];
console.log(
	runs
		.slice(0, -1)
		.map(
			(r) => `${r.path}: ${((r['req/s'] / trivial) * 100).toFixed(0)}% of the trivial page's req/s`
		)
		.join('\n')
);

const sizes = [];
for (const zoom of [13, 15, 17]) {
	const body = await (
		await fetch(`${BASE}/api/markers?bbox=${DISTRICT}&zoom=${zoom}`, { headers: { cookie } })
	).text();
	const markers = (JSON.parse(body) as { markers: unknown[] }).markers.length;
	const kb = Buffer.byteLength(body) / 1024;
	sizes.push({
		zoom,
		markers,
		KB: kb.toFixed(1),
		'gzip KB': (gzipSync(body).length / 1024).toFixed(1),
		'on target': kb < TARGET_MARKERS_KB ? 'yes' : 'NO'
	});
}
console.log(`\nMarker answers for the district viewport; target < ${TARGET_MARKERS_KB} KB`);
console.table(sizes);

const list = await pageScripts('/posts');
const mapView = await pageScripts('/posts?view=map');
console.log(`\nJavaScript shipped (gzipped); target for the list < ${TARGET_JS_KB} KB`);
console.table([
	{
		view: 'list',
		files: list.files.length,
		'KB gz': list.kb.toFixed(1),
		'on target': list.kb < TARGET_JS_KB ? 'yes' : 'NO'
	},
	{
		view: 'map (before Leaflet)',
		files: mapView.files.length,
		'KB gz': mapView.kb.toFixed(1),
		'on target': ''
	},
	{
		view: 'Leaflet, loaded by the map view only',
		files: 1,
		'KB gz': leafletChunkKb().toFixed(1),
		'on target': ''
	}
]);
server.kill();
