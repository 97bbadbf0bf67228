import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { referralOutcomes } from '../backoffice/referral-checks';
import type { DbOrTx } from '../db/client';
import type { Counts, Pending, PendingTable } from './cells';
import type { Period } from './period';

/**
 * Referrals per service with the answers to the check after them (seed 004 §3.2): how many were
 * referred, how many answered, and the share that said it helped or partly helped. Counts are
 * registered in `counts`, so small ones (and shares of them) are hidden as everywhere else.
 */
export function referralCheckSection(
	db: DbOrTx,
	counts: Counts,
	neighbourhoodIds: number[],
	period: Period,
	locale: Locale
): PendingTable {
	const o = { locale };
	const rows = referralOutcomes(db, neighbourhoodIds, period.start, period.end).map((r) => {
		const answered = counts.count(r.answered);
		const helped = counts.count(r.helped);
		const partly = counts.count(r.partly);
		const notHelped = counts.count(r.notHelped);
		counts.sum(answered, [helped, partly, notHelped]);
		return [
			r.service,
			counts.count(r.referred),
			answered,
			{ part: helped, whole: answered },
			{ part: partly, whole: answered },
			{ part: notHelped, whole: answered }
		] satisfies Pending[];
	});
	return {
		key: 'referral-checks',
		title: m.refcheck_report_title({}, o),
		note: m.refcheck_report_note({}, o),
		columns: [
			m.refcheck_report_service({}, o),
			m.refcheck_report_referred({}, o),
			m.refcheck_report_answered({}, o),
			m.refcheck_answer_helped({}, o),
			m.refcheck_answer_partly({}, o),
			m.refcheck_answer_not_helped({}, o)
		],
		rows
	};
}
