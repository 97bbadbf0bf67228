// One person's timeline (issue 21 §2) in the benchmark town (20,000 residents, 100,000 posts):
// the busiest resident gets 2,000 confidential notes and 500 call tasks more, then the first
// page, a page in the middle and the last page are timed (median of 20 runs each). Target: each
// page < 50 ms, and a deep page no slower than twice the first.
// Run: npx tsx bench/timeline.bench.ts (or all: npm run bench)
import { copyFileSync, rmSync } from 'node:fs';
import { openDatabase } from '../src/lib/server/db/client';
import { cursorText, parseCursor, timelinePage } from '../src/lib/server/backoffice/timeline';
import { buildTown, TOWN_FILE } from './town';

const TARGET_MS = 50;
const FILE = 'bench/.data/timeline.db';

buildTown();
for (const suffix of ['', '-wal', '-shm']) rmSync(FILE + suffix, { force: true });
copyFileSync(TOWN_FILE, FILE);
const { db, sqlite } = openDatabase(FILE);
const busiest = sqlite
	.prepare(
		'select author_id as id, count(*) as n from posts group by author_id order by n desc limit 1'
	)
	.get() as { id: string; n: number };
const broker = sqlite.prepare("select id from users where role = 'broker' limit 1").get() as
	{ id: string } | undefined;
const add = sqlite.transaction(() => {
	const note = sqlite.prepare(
		'insert into resident_notes (user_id, author_id, body, created_at) values (?, ?, ?, ?)'
	);
	const task = sqlite.prepare(
		"insert into tasks (neighbourhood_id, kind, subject_user_id, details, created_at, due_at) values (null, 'call_resident', ?, '{}', ?, ?)"
	);
	for (let i = 0; i < 2000; i++)
		note.run(busiest.id, broker?.id ?? null, `Notitie ${i}`, 1_700_000_000_000 + i * 3_600_000);
	for (let i = 0; i < 500; i++)
		task.run(busiest.id, 1_700_000_000_000 + i * 7_200_000, 1_700_000_000_000 + i * 7_200_000);
});
add();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(run: () => unknown): number {
	const runs: number[] = [];
	for (let i = 0; i < 20; i++) {
		const t = performance.now();
		run();
		runs.push(performance.now() - t);
	}
	return median(runs);
}

// Walk to the middle and to the end once, to have their cursors.
const cursors: string[] = [];
let before = null;
let items = 0;
do {
	const page = timelinePage(db, busiest.id, { before });
	items += page.items.length;
	before = page.next;
	if (before) cursors.push(cursorText(before));
} while (before);
const first = time(() => timelinePage(db, busiest.id));
const middle = time(() =>
	timelinePage(db, busiest.id, { before: parseCursor(cursors[Math.floor(cursors.length / 2)]!) })
);
const last = time(() => timelinePage(db, busiest.id, { before: parseCursor(cursors.at(-1)!) }));
const notesOnly = time(() => timelinePage(db, busiest.id, { kinds: ['note'] }));

console.log(`timeline of a resident with ${items} items (${busiest.n} posts), pages of 30:`);
console.log(`  first page     ${first.toFixed(1)} ms`);
console.log(`  middle page    ${middle.toFixed(1)} ms`);
console.log(`  last page      ${last.toFixed(1)} ms`);
console.log(`  notes only     ${notesOnly.toFixed(1)} ms`);
console.log(`  deep/first     ${(Math.max(middle, last) / first).toFixed(2)}×`);
const ok = Math.max(first, middle, last) < TARGET_MS;
console.log(
	ok ? `OK: every page under ${TARGET_MS} ms` : `SLOW: a page took ${TARGET_MS} ms or more`
);
sqlite.close();
