// Match suggestions for one request among 2,000, 20,000 and 200,000 helpers: p50/p95 of
// suggestHelpers() with the top 20 explained, on one core. Run: npx tsx bench/suggestions.bench.ts (or all: npm run bench)
import { ensureCategories } from '../src/lib/server/categories/pilot';
import { openDatabase } from '../src/lib/server/db/client';
import { categories, neighbourhoods } from '../src/lib/server/db/schema';
import { approximate } from '../src/lib/server/geo/approx';
import { SLOTS } from '../src/lib/profile/availability';
import { suggestHelpers } from '../src/lib/server/matching/suggestions';

const TARGET_P95_MS = 30;
const CENTRE = { lat: 51.0336, lon: 4.4853 };
const SPREAD = 0.025; // about ±2.8 km north–south: a city district

/** A small seeded random generator, so every run builds the same town. */
function random(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function build(helpers: number) {
	const { db, sqlite } = openDatabase(':memory:');
	ensureCategories(db);
	const cats = db
		.select({ id: categories.id })
		.from(categories)
		.all()
		.map((c) => c.id);
	const hood = db
		.insert(neighbourhoods)
		.values({
			slug: 'bench',
			name: 'Bench',
			boundary: '{}',
			centreLat: CENTRE.lat,
			centreLon: CENTRE.lon,
			createdAt: 0
		})
		.returning()
		.get();
	const rnd = random(helpers);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
	const user = sqlite.prepare(
		`insert into users (id, display_name, role, status, languages, availability, neighbourhood_id,
			exact_lat, exact_lon, approx_cell, approx_lat, approx_lon, created_at)
		 values (?, ?, 'resident', 'active', ?, ?, ?, ?, ?, ?, ?, ?, 0)`
	);
	const likes = sqlite.prepare(
		'insert or ignore into user_categories (user_id, category_id) values (?, ?)'
	);
	const badge = sqlite.prepare(
		"insert into trust_badges (user_id, kind, granted_at) values (?, 'met_in_person', 0)"
	);
	const post = sqlite.prepare(
		`insert into posts (kind, status, author_id, neighbourhood_id, category_id, title, body, when_type,
			recurring_day, recurring_part, exact_lat, exact_lon, approx_cell, approx_lat, approx_lon,
			created_at, updated_at, published_at)
		 values ('request', 'open', ?, ?, ?, 'Hulp gevraagd', 'Bench', 'recurring', ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)`
	);
	const point = () => ({
		lat: CENTRE.lat + (rnd() * 2 - 1) * SPREAD,
		lon: CENTRE.lon + (rnd() * 2 - 1) * SPREAD * 1.6
	});
	sqlite.transaction(() => {
		for (let i = 0; i < helpers; i++) {
			const p = point();
			const a = approximate(p.lat, p.lon);
			const id = `h${i}`;
			const slots = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(SLOTS));
			user.run(
				id,
				`Helper ${i}`,
				JSON.stringify([pick(['nl', 'fr', 'tr', 'ar', 'en'])]),
				JSON.stringify(slots),
				hood.id,
				p.lat,
				p.lon,
				a.cell,
				a.lat,
				a.lon
			);
			for (let c = 0; c < 1 + Math.floor(rnd() * 3); c++) likes.run(id, pick(cats));
			if (rnd() < 0.2) badge.run(id);
		}
	})();
	const requests: number[] = [];
	for (let r = 0; r < 50; r++) {
		const p = point();
		const a = approximate(p.lat, p.lon);
		const info = post.run(
			`h${r}`,
			hood.id,
			pick(cats),
			1 + Math.floor(rnd() * 7),
			pick(['morning', 'afternoon', 'evening']),
			p.lat,
			p.lon,
			a.cell,
			a.lat,
			a.lon
		);
		requests.push(Number(info.lastInsertRowid));
	}
	sqlite.pragma('optimize');
	return { db, sqlite, requests };
}

const rows: string[][] = [];
for (const helpers of process.env.ONLY ? [Number(process.env.ONLY)] : [2_000, 20_000, 200_000]) {
	const started = performance.now();
	const { db, sqlite, requests } = build(helpers);
	const buildSeconds = ((performance.now() - started) / 1000).toFixed(1);
	for (let i = 0; i < 20; i++) suggestHelpers(db, requests[i % requests.length]!, 1, 20); // warm up
	const times: number[] = [];
	let explained = 0;
	for (let i = 0; i < 300; i++) {
		const t = performance.now();
		const result = suggestHelpers(db, requests[i % requests.length]!, 1, 20)!;
		times.push(performance.now() - t);
		explained = Math.max(explained, result.suggestions.length);
	}
	times.sort((a, b) => a - b);
	const p = (q: number) => times[Math.ceil(q * times.length) - 1]!;
	rows.push([
		helpers.toLocaleString('en'),
		`${buildSeconds} s`,
		p(0.5).toFixed(2),
		p(0.95).toFixed(2),
		String(explained),
		p(0.95) < TARGET_P95_MS ? 'yes' : 'NO'
	]);
	sqlite.close();
}

console.log(`\nMatch suggestions (top 20 with reasons), target p95 < ${TARGET_P95_MS} ms`);
console.table(
	rows.map(([helpers, build, p50, p95, top, ok]) => ({
		helpers,
		'built in': build,
		'p50 ms': p50,
		'p95 ms': p95,
		'top shown': top,
		'p95 on target': ok
	}))
);
