import { sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { monthText } from '$lib/dates';
import { CHANNELS, type Channel } from '$lib/notify/channels';
import { channelName } from '$lib/notify/describe';
import type { DbOrTx } from '../db/client';
import type { Counts, Pending, PendingTable } from './cells';
import { boundsOf, monthsCte } from './figures';
import type { Period } from './period';

export interface ChannelMonthRow {
	month: string;
	/** A channel, or 'call' for a message that no channel could deliver (a call task). */
	channel: Channel | 'call';
	count: number;
}

/**
 * Messages that reached someone per channel per month (by when they were sent, in each
 * neighbourhood's time zone), and those that became a call task instead. Counts only.
 * The outbox has no neighbourhood: a message counts for the neighbourhood its person lives in
 * now (`users.neighbourhood_id`), and one to no person (or a deleted account's emptied row
 * without a neighbourhood) counts nowhere. Call tasks keep their own neighbourhood.
 */
export function messagesPerChannelMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): ChannelMonthRow[] {
	return db.all<ChannelMonthRow>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT months.key AS month, o.channel AS channel, count(*) AS count
		FROM months
		JOIN users u ON u.neighbourhood_id = months.nid
		JOIN outbox o ON o.user_id = u.id AND o.status = 'sent'
			AND o.sent_at >= months.start AND o.sent_at < months."end"
		GROUP BY months.key, o.channel
		UNION ALL
		SELECT months.key, 'call', count(*)
		FROM months
		JOIN tasks t ON t.neighbourhood_id = months.nid AND t.kind = 'call_resident'
			AND t.created_at >= months.start AND t.created_at < months."end"
		GROUP BY months.key`);
}

/** The report's table of messages per channel per month, each count suppressed as the others. */
export function channelSection(
	db: DbOrTx,
	counts: Counts,
	neighbourhoodIds: number[],
	period: Period,
	locale: Locale
): PendingTable {
	const o = { locale };
	const rows = messagesPerChannelMonth(db, neighbourhoodIds, period);
	const kinds = [...CHANNELS, 'call'] as const;
	const countOf = (month: string, kind: (typeof kinds)[number]) =>
		rows.find((r) => r.month === month && r.channel === kind)?.count ?? 0;
	return {
		key: 'channels',
		title: m.report_table_channels({}, o),
		columns: [
			m.report_col_month({}, o),
			...CHANNELS.map((c) => channelName(c, locale)),
			m.report_col_call_task({}, o)
		],
		rows: period.months.map((mo): Pending[] => [
			monthText(mo.key, locale, { short: true }),
			...kinds.map((k) => counts.count(countOf(mo.key, k)))
		])
	};
}
