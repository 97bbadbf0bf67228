// The benchmark town's follow-ups and lending service, so the report's every section has rows to
// aggregate: a follow-up for each side of each match two weeks after it, and per neighbourhood
// 40 tools of one grant lent out about every week for two years, some back late, some repaired.
// Its own seeded generator, so the posts and matches stay those of the plain town.
import type Database from 'better-sqlite3';
import { random } from './town';

const DAY = 86_400_000;
const OUTCOMES = ['went_well', 'went_well', 'went_well', 'partly', 'did_not_happen', 'call_me'];

/** Local dates are taken in UTC here: a benchmark needs the volume, not the calendar. */
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addTownExtras(
	sqlite: Database.Database,
	hoods: number,
	people: { id: string; hood: number }[],
	now: number
): void {
	const rnd = random(7);
	const insertFollowUp = sqlite.prepare(
		`insert into follow_ups (match_id, user_id, due_at, sent_at, answered_at, outcome,
			reminded_at, escalated_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const matches = sqlite
		.prepare('select id, helper_id, requester_id, agreed_at from matches')
		.all() as { id: number; helper_id: string; requester_id: string; agreed_at: number }[];
	const grant = sqlite
		.prepare("insert into funding_sources (name, funder) values ('KBS-subsidie', 'KBS')")
		.run().lastInsertRowid;
	const category = sqlite
		.prepare('insert into tool_categories (slug, names) values (\'diy\', \'{"nl":"Klussen"}\')')
		.run().lastInsertRowid;
	const insertPlace = sqlite.prepare(
		"insert into pickup_places (neighbourhood_id, name, address) values (?, 'Centrum', 'Plein 1')"
	);
	const insertTool = sqlite.prepare(
		`insert into tools (neighbourhood_id, asset_tag, name, description, category_id,
			funding_source_id, pickup_place_id, status, created_at)
		 values (?, ?, ?, '', ?, ?, ?, ?, 0)`
	);
	const insertLoan = sqlite.prepare(
		`insert into loans (tool_id, borrower_id, status, start_date, end_date, created_at,
			checked_out_at, checked_in_at) values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertRepair = sqlite.prepare(
		`insert into tool_repairs (tool_id, note, started_at, ended_at) values (?, 'Nakijken', ?, ?)`
	);
	sqlite.transaction(() => {
		for (const m of matches) {
			const due = m.agreed_at + 14 * DAY;
			if (due > now) continue;
			for (const userId of [m.helper_id, m.requester_id]) {
				const answered = rnd() < 0.8;
				insertFollowUp.run(
					m.id,
					userId,
					due,
					due,
					answered ? due + DAY : null,
					answered ? OUTCOMES[Math.floor(rnd() * OUTCOMES.length)]! : null,
					// A town whose follow-up job has caught up: the unanswered were reminded and
					// became call tasks, so a benchmark does not measure a first catch-up run.
					answered ? null : due + 4 * DAY,
					answered ? null : due + 8 * DAY
				);
			}
		}
		for (let hood = 1; hood <= hoods; hood++) {
			const place = insertPlace.run(hood).lastInsertRowid;
			const borrowers = people.filter((p) => p.hood === hood).slice(0, 400);
			for (let t = 0; t < 40; t++) {
				const tool = insertTool.run(
					hood,
					`W${hood}-${t}`,
					`Toestel ${t}`,
					category,
					grant,
					place,
					t === 39 ? 'retired' : 'available'
				).lastInsertRowid;
				// Two years back from now, a loan of 1 to 5 days every 4 to 10 days.
				for (let day = now - 730 * DAY; day < now - 10 * DAY;) {
					const length = 1 + Math.floor(rnd() * 5);
					const end = day + (length - 1) * DAY;
					const late = rnd() < 0.15;
					const back = end + (late ? 1 + Math.floor(rnd() * 4) : 0) * DAY + 3_600_000;
					const who = borrowers[Math.floor(rnd() * borrowers.length)]!;
					insertLoan.run(tool, who.id, 'returned', date(day), date(end), day - DAY, day, back);
					if (rnd() < 0.05) insertRepair.run(tool, back + DAY, back + 5 * DAY);
					day = back + (4 + Math.floor(rnd() * 6)) * DAY;
				}
			}
		}
	})();
}
