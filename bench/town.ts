// A benchmark town: 100,000 posts and 20,000 residents over several neighbourhoods, with
// responses, matches, follow-ups and a lending service (town-extras.ts), built with the real migrations into a SQLite file. Seeded, so every run
// builds the same town. Used by the benchmarks; `npx tsx bench/town.ts` builds it on its own.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { ensureCategories } from '../src/lib/server/categories/pilot';
import { openDatabase } from '../src/lib/server/db/client';
import { categories } from '../src/lib/server/db/schema';
import { approximate } from '../src/lib/server/geo/approx';
import { SLOTS } from '../src/lib/profile/availability';
import { addTownExtras } from './town-extras';

export const TOWN_FILE = 'bench/.data/town.db';
const DAY = 86_400_000;

/** A small seeded random generator. */
export function random(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface TownOptions {
	posts?: number;
	residents?: number;
	neighbourhoods?: number;
	/** "Now" of the town: posts reach two years back from here. */
	now?: number;
}

/** Centres of the neighbourhoods: districts of a city, a few kilometres apart. */
function centres(n: number) {
	return Array.from({ length: n }, (_, i) => ({
		lat: 51.0336 + (i % 3) * 0.03,
		lon: 4.4853 + Math.floor(i / 3) * 0.045
	}));
}

/** The file holds the current town: with its lending service and caught-up follow-ups. */
function isCurrent(): boolean {
	const { sqlite } = openDatabase(TOWN_FILE);
	const tools = sqlite.prepare('select count(*) as n from tools').get() as { n: number };
	const unreminded = sqlite
		.prepare(
			'select count(*) as n from follow_ups where answered_at is null and reminded_at is null'
		)
		.get() as { n: number };
	sqlite.close();
	return tools.n > 0 && unreminded.n === 0;
}

/** Builds the town into TOWN_FILE (again, when `fresh`), and returns the file's path. */
export function buildTown(options: TownOptions = {}, fresh = false): string {
	const posts = options.posts ?? 100_000;
	const residents = options.residents ?? 20_000;
	const hoods = options.neighbourhoods ?? 5;
	const now = options.now ?? Date.UTC(2026, 10, 24, 12);
	if (existsSync(TOWN_FILE) && !fresh && isCurrent()) return TOWN_FILE;
	mkdirSync('bench/.data', { recursive: true });
	for (const suffix of ['', '-wal', '-shm']) rmSync(TOWN_FILE + suffix, { force: true });
	const started = performance.now();
	const { db, sqlite } = openDatabase(TOWN_FILE);
	ensureCategories(db);
	const cats = db
		.select({ id: categories.id })
		.from(categories)
		.all()
		.map((c) => c.id);
	const rnd = random(42);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
	const hoodCentres = centres(hoods);

	const insertHood = sqlite.prepare(
		`insert into neighbourhoods (slug, name, boundary, centre_lat, centre_lon, created_at)
		 values (?, ?, ?, ?, ?, 0)`
	);
	const insertUser = sqlite.prepare(
		`insert into users (id, email, display_name, role, status, languages, availability,
			neighbourhood_id, exact_lat, exact_lon, approx_cell, approx_lat, approx_lon, created_at)
		 values (?, ?, ?, 'resident', 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertLike = sqlite.prepare(
		'insert or ignore into user_categories (user_id, category_id) values (?, ?)'
	);
	const insertPost = sqlite.prepare(
		`insert into posts (kind, status, author_id, neighbourhood_id, category_id, title, body,
			when_type, exact_lat, exact_lon, approx_cell, approx_lat, approx_lon,
			created_at, updated_at, published_at, expires_at)
		 values (?, ?, ?, ?, ?, ?, ?, 'flexible', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertResponse = sqlite.prepare(
		`insert into responses (post_id, responder_id, message, status, created_at)
		 values (?, ?, 'Ik kan helpen.', ?, ?)`
	);
	const insertMatch = sqlite.prepare(
		`insert into matches (post_id, response_id, helper_id, requester_id, made_by_id, status,
			agreed_at, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?)`
	);

	const people: { id: string; hood: number; lat: number; lon: number }[] = [];
	sqlite.transaction(() => {
		hoodCentres.forEach((c, i) => {
			const d = 0.012;
			const ring = [
				[c.lon - d * 1.6, c.lat - d],
				[c.lon + d * 1.6, c.lat - d],
				[c.lon + d * 1.6, c.lat + d],
				[c.lon - d * 1.6, c.lat + d],
				[c.lon - d * 1.6, c.lat - d]
			];
			insertHood.run(
				`wijk-${i + 1}`,
				`Wijk ${i + 1}`,
				JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
				c.lat,
				c.lon
			);
		});
		for (let i = 0; i < residents; i++) {
			const hood = 1 + (i % hoods);
			const c = hoodCentres[hood - 1]!;
			const lat = c.lat + (rnd() * 2 - 1) * 0.012;
			const lon = c.lon + (rnd() * 2 - 1) * 0.019;
			const a = approximate(lat, lon);
			const id = `r${i}`;
			const slots = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(SLOTS));
			insertUser.run(
				id,
				`r${i}@bench.example`,
				`Buur ${i}`,
				JSON.stringify([pick(['nl', 'fr', 'tr', 'ar', 'en'])]),
				JSON.stringify(slots),
				hood,
				lat,
				lon,
				a.cell,
				a.lat,
				a.lon,
				now - Math.floor(rnd() * 900) * DAY
			);
			for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) insertLike.run(id, pick(cats));
			people.push({ id, hood, lat, lon });
		}
		for (let i = 0; i < posts; i++) {
			const author = pick(people);
			const kind = rnd() < 0.6 ? 'request' : 'offer';
			const age = Math.floor(rnd() * 730 * DAY);
			const published = now - age;
			const lat = author.lat + (rnd() - 0.5) * 0.002;
			const lon = author.lon + (rnd() - 0.5) * 0.003;
			const a = approximate(lat, lon);
			// Recent posts are mostly open; older ones ended one way or another.
			const recent = age < 30 * DAY;
			let status = recent
				? rnd() < 0.85
					? 'open'
					: 'paused'
				: pick(['closed', 'expired', 'filled']);
			const answered = kind === 'request' && rnd() < 0.7;
			const matched = answered && rnd() < 0.7;
			if (matched && !recent) status = 'filled';
			const info = insertPost.run(
				kind,
				status,
				author.id,
				author.hood,
				pick(cats),
				`Hulp bij ${i}`,
				'Een bericht uit de benchmarkstad.',
				lat,
				lon,
				a.cell,
				a.lat,
				a.lon,
				published,
				published,
				published,
				published + 30 * DAY
			);
			if (!answered) continue;
			const postId = Number(info.lastInsertRowid);
			let helper = pick(people);
			while (helper.id === author.id) helper = pick(people);
			const respondedAt = published + Math.floor(rnd() * 72 * 3_600_000);
			const r = insertResponse.run(postId, helper.id, matched ? 'accepted' : 'open', respondedAt);
			if (!matched) continue;
			const agreedAt = respondedAt + Math.floor(rnd() * 240 * 3_600_000);
			const done = agreedAt < now - 14 * DAY && rnd() < 0.85;
			insertMatch.run(
				postId,
				Number(r.lastInsertRowid),
				helper.id,
				author.id,
				author.id,
				done ? 'done' : 'active',
				agreedAt,
				done ? agreedAt + 7 * DAY : null
			);
		}
	})();
	addTownExtras(sqlite, hoods, people, now);
	sqlite.pragma('optimize');
	sqlite.close();
	console.log(
		`Built ${TOWN_FILE}: ${posts.toLocaleString('en')} posts, ${residents.toLocaleString('en')} residents, ${hoods} neighbourhoods in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
	return TOWN_FILE;
}

if (import.meta.url === `file://${process.argv[1]}`) buildTown({}, true);
