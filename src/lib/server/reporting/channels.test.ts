import { describe, expect, it } from 'vitest';
import { neighbourhoods } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createTask } from '../tasks/tasks';
import { brussels } from '../testing/dates';
import { makeMessage } from '../testing/notify';
import { makeNeighbourhood } from '../testing/posts';
import { messagesPerChannelMonth } from './channels';
import { resolvePeriod } from './period';
import { buildReport } from './report';

const TZ = 'Europe/Brussels';

function setUp() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const other = db
		.insert(neighbourhoods)
		.values({ ...ctx.hood, id: undefined, slug: 'andere', name: 'Andere' })
		.returning()
		.all()[0]!;
	return { db, ...ctx, other };
}

describe('messages per channel per month', () => {
	it("counts what reached the neighbourhood's people per channel, in its own months, and the calls made instead", () => {
		const { db, resident, hood, other } = setUp();
		const maria = resident('Maria');
		const jef = resident('Jef');
		const elsewhere = resident('Ver', { neighbourhoodId: other.id });
		// 00:30 on 1 March in Brussels is still February in UTC: it counts for March.
		makeMessage(db, { userId: maria.id, channel: 'sms', sentAt: brussels('2026-03-01', '00:30') });
		makeMessage(db, { userId: maria.id, channel: 'email', sentAt: brussels('2026-02-10') });
		makeMessage(db, { userId: jef.id, channel: 'email', sentAt: brussels('2026-02-11') });
		makeMessage(db, { userId: jef.id, channel: 'letter', sentAt: brussels('2026-03-05') });
		// Not counted: not sent (yet), another neighbourhood's person, to no person, another year.
		makeMessage(db, {
			userId: jef.id,
			channel: 'push',
			sentAt: brussels('2026-03-05'),
			status: 'failed'
		});
		makeMessage(db, {
			userId: jef.id,
			channel: 'letter',
			sentAt: brussels('2026-03-06'),
			status: 'pending'
		});
		makeMessage(db, { userId: elsewhere.id, channel: 'sms', sentAt: brussels('2026-03-05') });
		makeMessage(db, { userId: null, channel: 'email', sentAt: brussels('2026-03-05') });
		makeMessage(db, {
			userId: maria.id,
			channel: 'email',
			sentAt: brussels('2025-12-31', '23:30')
		});
		const call = (neighbourhoodId: number, at: number) =>
			createTask(
				db,
				{
					neighbourhoodId,
					kind: 'call_resident',
					subjectUserId: jef.id,
					details: { mailKind: 'follow_up', subject: 'Bellen', text: 'Hoe ging het?' }
				},
				at
			);
		call(hood.id, brussels('2026-03-07'));
		call(other.id, brussels('2026-03-07'));

		const year = resolvePeriod({ period: 'year', year: 2026 }, TZ, 0);
		const rows = messagesPerChannelMonth(db, [hood.id], year);
		expect(
			rows.sort((a, b) => `${a.month}${a.channel}`.localeCompare(`${b.month}${b.channel}`))
		).toEqual([
			{ month: '2026-02', channel: 'email', count: 2 },
			{ month: '2026-03', channel: 'call', count: 1 },
			{ month: '2026-03', channel: 'letter', count: 1 },
			{ month: '2026-03', channel: 'sms', count: 1 }
		]);
	});

	it('shows in the report (and its CSV) as a table per month, small counts hidden as elsewhere', () => {
		const { db, resident, hood } = setUp();
		const maria = resident('Maria');
		for (let i = 0; i < 6; i++)
			makeMessage(db, { userId: maria.id, channel: 'email', sentAt: brussels('2026-02-10') });
		makeMessage(db, { userId: maria.id, channel: 'sms', sentAt: brussels('2026-02-12') });
		const year = resolvePeriod({ period: 'year', year: 2026 }, TZ, 0);
		const table = buildReport(db, [hood.id], year, Date.UTC(2027, 0, 2), 'en').tables.find(
			(t) => t.key === 'channels'
		)!;
		expect(table.columns).toEqual([
			'Month',
			'E-mail',
			'SMS',
			'Message on the phone',
			'Letter',
			'Call (no way worked)'
		]);
		expect(table.rows).toHaveLength(12);
		expect(table.rows[1]).toEqual(['Feb 2026', 6, '< 5', 0, 0, 0]);
	});
});
