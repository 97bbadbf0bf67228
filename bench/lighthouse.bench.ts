// Lighthouse's mobile preset (a mid-range phone: 4× slower CPU, slow 4G, simulated) on the pages
// people use most, on the demo neighbourhood, median of 3 runs per page, printed as a table with
// the pages that miss the target. Needs a build: it runs `npm run build` when missing.
// Run: npm run bench -- lighthouse (not part of a plain `npm run bench`: it takes minutes).
// Chromium: CHROME_PATH, else /usr/bin/chromium. On a shared machine the absolute figures move
// with the load of the other processes: compare runs made under the same load.
// LIGHTHOUSE_PAGES=home,list limits the pages; LIGHTHOUSE_LOCALE=ar measures them in that language
// (the language cookie a picked language sets), else Dutch.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import { asc, eq, isNull } from 'drizzle-orm';
import lighthouse from 'lighthouse';
import { ensureCategories } from '../src/lib/server/categories/pilot';
import { ensureToolCategories } from '../src/lib/server/lending/categories';
import { createSession, SESSION_COOKIE } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db/client';
import { followUpLinks, followUps, posts, users } from '../src/lib/server/db/schema';
import { seedDemoIfEmpty } from '../src/lib/server/demo/seed';
import { hashToken, randomToken } from '../src/lib/server/ids';
import { startSite, waitForServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 4412);
const BASE = `http://localhost:${PORT}`;
const FILE = 'bench/.data/lighthouse.db';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const TARGET = { performance: 95, tbtMs: 200, lcpMs: 2500, cls: 0 };
const only = process.env.LIGHTHOUSE_PAGES?.split(',');
const LOCALE = process.env.LIGHTHOUSE_LOCALE ?? 'nl';

if (!existsSync('build/index.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });

// A fresh demo neighbourhood, and sessions for the people whose pages are measured.
mkdirSync('bench/.data', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(FILE + suffix, { force: true });
const now = Date.now();
const { db, sqlite } = openDatabase(FILE);
ensureCategories(db);
ensureToolCategories(db);
await seedDemoIfEmpty(db, now);
const idOf = (email: string) =>
	db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const cookieFor = (email: string) =>
	`${SESSION_COOKIE}=${createSession(db, idOf(email), now, true).token}`;
const resident = cookieFor('maria@naburig.example');
const broker = cookieFor('an@naburig.example');
const desk = cookieFor('nadia@naburig.example');
const post = db
	.select({ id: posts.id })
	.from(posts)
	.where(eq(posts.status, 'open'))
	.orderBy(asc(posts.id))
	.get()!;
// A personal follow-up link, as the mail after a match carries it.
const followUp = db
	.select({ id: followUps.id })
	.from(followUps)
	.where(isNull(followUps.answeredAt))
	.orderBy(asc(followUps.id))
	.get()!;
const followUpToken = randomToken();
db.insert(followUpLinks)
	.values({
		tokenHash: hashToken(followUpToken),
		followUpId: followUp.id,
		createdAt: now,
		expiresAt: now + 30 * 86_400_000
	})
	.run();
sqlite.close();

const PAGES: { name: string; path: string; cookie?: string }[] = [
	{ name: 'home', path: '/' },
	{ name: 'sign-in', path: '/sign-in' },
	{ name: 'list', path: '/posts', cookie: resident },
	{ name: 'map', path: '/posts?view=map', cookie: resident },
	{ name: 'post page', path: `/posts/${post.id}`, cookie: resident },
	{ name: 'post form', path: '/posts/new', cookie: resident },
	{ name: 'profile', path: '/profile', cookie: resident },
	{ name: 'follow-up', path: `/follow-up/${followUpToken}` },
	{ name: 'tools', path: '/tools' },
	{ name: 'desk', path: '/desk', cookie: desk },
	{ name: 'reports', path: '/broker/reports', cookie: broker }
].filter((p) => !only || only.includes(p.name));

// Started as a real site is (scripts/serve.mjs), so its headers are those a phone gets.
const server = startSite('scripts/serve.mjs', PORT, FILE, { NODE_ENV: 'production' });

interface Run {
	performance: number;
	tbtMs: number;
	lcpMs: number;
	cls: number;
}

async function measure(url: string, cookie?: string): Promise<Run> {
	// A fresh browser per run: nothing cached, as on a first visit.
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless=new', '--no-sandbox']
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			logLevel: 'error',
			output: 'json',
			onlyCategories: ['performance'],
			extraHeaders: {
				Cookie: [`PARAGLIDE_LOCALE=${LOCALE}`, cookie].filter(Boolean).join('; ')
			}
		});
		const lhr = result!.lhr;
		if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
		const final = lhr.finalDisplayedUrl;
		if (new URL(final).pathname !== new URL(url).pathname)
			throw new Error(`${url} ended on ${final}: signed out or refused?`);
		const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
		return {
			performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
			tbtMs: value('total-blocking-time'),
			lcpMs: value('largest-contentful-paint'),
			cls: value('cumulative-layout-shift')
		};
	} finally {
		chrome.kill();
	}
}

/** The run with the median performance score (Lighthouse's own advice), so its figures agree. */
function median(runs: Run[]): Run {
	return [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)]!;
}

await waitForServer(BASE);
const loadAtStart = loadavg()[0]!;
const rows = [];
const misses: string[] = [];
for (const page of PAGES) {
	const runs: Run[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(await measure(BASE + page.path, page.cookie));
	const m = median(runs);
	const missed = [
		m.performance < TARGET.performance && `performance ${m.performance}`,
		m.tbtMs > TARGET.tbtMs && `TBT ${Math.round(m.tbtMs)} ms`,
		m.lcpMs > TARGET.lcpMs && `LCP ${(m.lcpMs / 1000).toFixed(1)} s`,
		m.cls > TARGET.cls && `CLS ${m.cls.toFixed(3)}`
	].filter(Boolean);
	if (missed.length) misses.push(`${page.name}: ${missed.join(', ')}`);
	rows.push({
		page: page.name,
		path: page.path,
		performance: m.performance,
		'TBT ms': Math.round(m.tbtMs),
		'LCP s': (m.lcpMs / 1000).toFixed(2),
		CLS: m.cls.toFixed(3),
		'all runs': runs.map((r) => r.performance).join(' ')
	});
}
console.log(
	`\nLanguage ${LOCALE}. Lighthouse mobile preset (simulated 4× CPU slowdown, slow 4G), median of ${RUNS} runs;` +
		` target performance ≥ ${TARGET.performance}, TBT ≤ ${TARGET.tbtMs} ms, LCP ≤ ${TARGET.lcpMs / 1000} s, CLS ${TARGET.cls}.` +
		'\nOn a shared machine the figures move with the load of other processes: load average' +
		` ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on ${availableParallelism()} cores.`
);
console.table(rows);
console.log(
	misses.length ? `Missing the target:\n  ${misses.join('\n  ')}` : 'Every page on target.'
);
// The server validates every form: zod in a browser script means a page imports a schema.
const withZod = readdirSync('build/client/_app/immutable', { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.js'))
	.filter((f) => readFileSync(`build/client/_app/immutable/${f}`, 'utf8').includes('$ZodType'));
console.log(
	withZod.length ? `Browser scripts with zod: ${withZod.join(', ')}` : 'No browser script has zod.'
);
server.kill();
