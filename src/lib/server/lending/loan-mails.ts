import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { toLocale, isolate } from '$lib/i18n';
import { longDate, weekdayName } from '$lib/dates';
import { listText } from '$lib/intl';
import type { DeskCancelReason } from '$lib/lending/lists';
import type { DbOrTx } from '../db/client';
import { loans, neighbourhoods, pickupPlaces, tools, users } from '../db/schema';
import { mailPerson } from '../mail/to-person';
import { firstName } from '../profile/public';
import type { TaskTextKey } from '../tasks/texts';

export type LoanMailKind =
	| 'loan_confirmation'
	| 'loan_pickup_reminder'
	| 'loan_return_reminder'
	| 'loan_overdue'
	| 'loan_cancelled'
	| 'loan_not_collected';

/** Loan mails about a day coming up or gone by: the person chooses their channel ("reminders"). */
const REMINDER_KINDS: readonly LoanMailKind[] = [
	'loan_pickup_reminder',
	'loan_return_reminder',
	'loan_overdue',
	'loan_not_collected'
];

/** Why someone other than the borrower cancelled, in the borrower's words. */
const CANCEL_REASON = {
	no_longer_needed: m.loans_mail_cancelled_no_longer_needed,
	other_dates: m.loans_mail_cancelled_other_dates,
	cannot_collect: m.loans_mail_cancelled_cannot_collect,
	tool_unavailable: m.loans_mail_cancelled_tool_unavailable
} satisfies Record<DeskCancelReason, unknown>;

/**
 * What the broker says on the phone instead of each mail: the mail's subject and a short text,
 * as message keys, so the call reads in the broker's language. Dates stay as stored.
 */
const CALL_KEYS = {
	loan_confirmation: ['loans_mail_confirm_subject', 'loans_call_confirmation_text'],
	loan_pickup_reminder: ['loans_mail_pickup_subject', 'loans_call_pickup_text'],
	loan_return_reminder: ['loans_mail_return_subject', 'loans_call_return_text'],
	loan_overdue: ['loans_mail_overdue_subject', 'loans_call_overdue_text'],
	loan_cancelled: ['loans_mail_cancelled_subject', null],
	loan_not_collected: ['loans_mail_not_collected_subject', 'loans_call_not_collected_text']
} as const satisfies Record<LoanMailKind, readonly [TaskTextKey, TaskTextKey | null]>;

/** Why a loan was cancelled, as the key a call task stores. */
const CANCEL_REASON_KEY = {
	no_longer_needed: 'loans_mail_cancelled_no_longer_needed',
	other_dates: 'loans_mail_cancelled_other_dates',
	cannot_collect: 'loans_mail_cancelled_cannot_collect',
	tool_unavailable: 'loans_mail_cancelled_tool_unavailable'
} as const satisfies Record<DeskCancelReason, TaskTextKey>;

/** The opening hours as one line: "maandag 09:00 tot 12:00, dinsdag …". */
function hoursText(openingHours: string, locale: Locale): string {
	const slots = JSON.parse(openingHours) as { day: number; from: string; to: string }[];
	return listText(
		slots.map(
			(s) => `${weekdayName(s.day, locale)} ${m.time_range({ from: s.from, to: s.to }, { locale })}`
		),
		locale,
		'unit'
	);
}

function context(tx: DbOrTx, loanId: number) {
	return tx
		.select({ loan: loans, tool: tools, place: pickupPlaces, person: users, hood: neighbourhoods })
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(pickupPlaces, eq(pickupPlaces.id, tools.pickupPlaceId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, tools.neighbourhoodId))
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.where(eq(loans.id, loanId))
		.get();
}

/**
 * Queues one of a loan's mails to its borrower, in their language, with the pick-up place, its
 * address and opening hours. Someone without e-mail gets a call task instead (the outbox does it).
 * A cancellation says why (`extra.reason`).
 */
export function mailLoan(
	tx: DbOrTx,
	kind: LoanMailKind,
	loanId: number,
	now: number,
	origin: string,
	extra: { reason?: DeskCancelReason } = {}
): void {
	const c = context(tx, loanId);
	if (!c || c.person.status !== 'active') return;
	const locale = toLocale(c.person.locale);
	const tool = c.tool.name;
	const from = longDate(c.loan.startDate, locale);
	const to = longDate(c.loan.endDate, locale);
	const where = m.loans_mail_where(
		{
			place: isolate(c.place.name, locale),
			address: isolate(c.place.address, locale),
			hours: hoursText(c.place.openingHours, locale)
		},
		{ locale }
	);
	const phone = c.hood.phoneDutyNumber;
	const call = phone ? [m.loans_mail_call({ phone: isolate(phone, locale) }, { locale })] : [];
	const content = {
		loan_confirmation: {
			subject: m.loans_mail_confirm_subject({ tool: isolate(tool, locale) }, { locale }),
			paragraphs: [
				m.loans_mail_confirm_body({ tool: isolate(tool, locale), from, to }, { locale }),
				where,
				m.loans_mail_confirm_cancel({}, { locale })
			]
		},
		loan_pickup_reminder: {
			subject: m.loans_mail_pickup_subject({ tool: isolate(tool, locale), date: from }, { locale }),
			paragraphs: [
				m.loans_mail_pickup_body({ tool: isolate(tool, locale), date: from, to }, { locale }),
				where,
				...call
			]
		},
		loan_return_reminder: {
			subject: m.loans_mail_return_subject({ tool: isolate(tool, locale), date: to }, { locale }),
			paragraphs: [
				m.loans_mail_return_body({ tool: isolate(tool, locale), date: to }, { locale }),
				where,
				...call
			]
		},
		loan_overdue: {
			subject: m.loans_mail_overdue_subject({ tool: isolate(tool, locale) }, { locale }),
			paragraphs: [
				m.loans_mail_overdue_body({ tool: isolate(tool, locale), date: to }, { locale }),
				m.loans_mail_overdue_no_fine({}, { locale }),
				where,
				...call
			]
		},
		loan_cancelled: {
			subject: m.loans_mail_cancelled_subject({ tool: isolate(tool, locale) }, { locale }),
			paragraphs: [
				m.loans_mail_cancelled_body({ tool: isolate(tool, locale), from, to }, { locale }),
				CANCEL_REASON[extra.reason ?? 'no_longer_needed']({}, { locale }),
				m.loans_mail_welcome_again({}, { locale }),
				...call
			]
		},
		loan_not_collected: {
			subject: m.loans_mail_not_collected_subject({ tool: isolate(tool, locale) }, { locale }),
			paragraphs: [
				m.loans_mail_not_collected_body({ tool: isolate(tool, locale), date: from }, { locale }),
				m.loans_mail_not_collected_no_fine({}, { locale }),
				...call
			]
		}
	}[kind];
	// After a cancellation the way back is the tool's page; otherwise one's own loans.
	const action =
		kind === 'loan_cancelled' || kind === 'loan_not_collected'
			? {
					label: m.loans_mail_waitlist_action({ tool: isolate(tool, locale) }, { locale }),
					url: `${origin}/tools/${c.tool.id}`
				}
			: { label: m.loans_mail_action({}, { locale }), url: `${origin}/loans` };
	// Without e-mail the broker calls, and reads this in their own language.
	const params = {
		name: firstName(c.person.displayName),
		tool,
		date: kind === 'loan_return_reminder' ? c.loan.endDate : c.loan.startDate,
		from: c.loan.startDate,
		to: c.loan.endDate,
		place: c.place.name
	};
	const [subject, text] = CALL_KEYS[kind];
	mailPerson(tx, c.person, kind, () => ({ ...content, action }), now, {
		topic: REMINDER_KINDS.includes(kind) ? 'reminder' : 'other',
		call: {
			subject: { key: subject, params },
			text: { key: text ?? CANCEL_REASON_KEY[extra.reason ?? 'no_longer_needed'], params }
		}
	});
}

/** Tells someone on the waiting list that a tool is free again from a date. */
export function mailWaitlistFree(
	tx: DbOrTx,
	toolId: number,
	userId: string,
	freeFrom: string,
	now: number,
	origin: string
): void {
	const person = tx.select().from(users).where(eq(users.id, userId)).get();
	const tool = tx.select({ name: tools.name }).from(tools).where(eq(tools.id, toolId)).get();
	if (!person || !tool || person.status !== 'active') return;
	const about = { name: firstName(person.displayName), tool: tool.name, from: freeFrom };
	mailPerson(
		tx,
		person,
		'loan_waitlist_free',
		(locale) => ({
			subject: m.loans_mail_waitlist_subject({ tool: isolate(tool.name, locale) }, { locale }),
			paragraphs: [
				m.loans_mail_waitlist_body(
					{ tool: tool.name, date: longDate(freeFrom, locale) },
					{ locale }
				)
			],
			action: {
				label: m.loans_mail_waitlist_action({ tool: isolate(tool.name, locale) }, { locale }),
				url: `${origin}/tools/${toolId}`
			}
		}),
		now,
		{
			call: {
				subject: { key: 'loans_mail_waitlist_subject', params: about },
				text: { key: 'loans_call_waitlist_text', params: about }
			}
		}
	);
}
