import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { toLocale } from '$lib/i18n';
import { longDate, weekdayName } from '$lib/dates';
import type { DeskCancelReason } from '$lib/lending/lists';
import type { DbOrTx } from '../db/client';
import { loans, neighbourhoods, pickupPlaces, tools, users } from '../db/schema';
import { mailPerson } from '../mail/to-person';

export type LoanMailKind =
	| 'loan_confirmation'
	| 'loan_pickup_reminder'
	| 'loan_return_reminder'
	| 'loan_overdue'
	| 'loan_cancelled'
	| 'loan_not_collected';

/** Why someone other than the borrower cancelled, in the borrower's words. */
const CANCEL_REASON = {
	no_longer_needed: m.loans_mail_cancelled_no_longer_needed,
	other_dates: m.loans_mail_cancelled_other_dates,
	cannot_collect: m.loans_mail_cancelled_cannot_collect,
	tool_unavailable: m.loans_mail_cancelled_tool_unavailable
} satisfies Record<DeskCancelReason, unknown>;

/** The opening hours as one line: "maandag 09:00 tot 12:00, dinsdag …". */
function hoursText(openingHours: string, locale: Locale): string {
	const slots = JSON.parse(openingHours) as { day: number; from: string; to: string }[];
	return slots
		.map(
			(s) => `${weekdayName(s.day, locale)} ${m.time_range({ from: s.from, to: s.to }, { locale })}`
		)
		.join(', ');
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
			place: c.place.name,
			address: c.place.address,
			hours: hoursText(c.place.openingHours, locale)
		},
		{ locale }
	);
	const phone = c.hood.phoneDutyNumber;
	const call = phone ? [m.loans_mail_call({ phone }, { locale })] : [];
	const content = {
		loan_confirmation: {
			subject: m.loans_mail_confirm_subject({ tool }, { locale }),
			paragraphs: [
				m.loans_mail_confirm_body({ tool, from, to }, { locale }),
				where,
				m.loans_mail_confirm_cancel({}, { locale })
			]
		},
		loan_pickup_reminder: {
			subject: m.loans_mail_pickup_subject({ tool, date: from }, { locale }),
			paragraphs: [m.loans_mail_pickup_body({ tool, date: from, to }, { locale }), where, ...call]
		},
		loan_return_reminder: {
			subject: m.loans_mail_return_subject({ tool, date: to }, { locale }),
			paragraphs: [m.loans_mail_return_body({ tool, date: to }, { locale }), where, ...call]
		},
		loan_overdue: {
			subject: m.loans_mail_overdue_subject({ tool }, { locale }),
			paragraphs: [
				m.loans_mail_overdue_body({ tool, date: to }, { locale }),
				m.loans_mail_overdue_no_fine({}, { locale }),
				where,
				...call
			]
		},
		loan_cancelled: {
			subject: m.loans_mail_cancelled_subject({ tool }, { locale }),
			paragraphs: [
				m.loans_mail_cancelled_body({ tool, from, to }, { locale }),
				CANCEL_REASON[extra.reason ?? 'no_longer_needed']({}, { locale }),
				m.loans_mail_welcome_again({}, { locale }),
				...call
			]
		},
		loan_not_collected: {
			subject: m.loans_mail_not_collected_subject({ tool }, { locale }),
			paragraphs: [
				m.loans_mail_not_collected_body({ tool, date: from }, { locale }),
				m.loans_mail_not_collected_no_fine({}, { locale }),
				...call
			]
		}
	}[kind];
	// After a cancellation the way back is the tool's page; otherwise one's own loans.
	const action =
		kind === 'loan_cancelled' || kind === 'loan_not_collected'
			? {
					label: m.loans_mail_waitlist_action({ tool }, { locale }),
					url: `${origin}/tools/${c.tool.id}`
				}
			: { label: m.loans_mail_action({}, { locale }), url: `${origin}/loans` };
	mailPerson(tx, c.person, kind, () => ({ ...content, action }), now);
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
	mailPerson(
		tx,
		person,
		'loan_waitlist_free',
		(locale) => ({
			subject: m.loans_mail_waitlist_subject({ tool: tool.name }, { locale }),
			paragraphs: [
				m.loans_mail_waitlist_body(
					{ tool: tool.name, date: longDate(freeFrom, locale) },
					{ locale }
				)
			],
			action: {
				label: m.loans_mail_waitlist_action({ tool: tool.name }, { locale }),
				url: `${origin}/tools/${toolId}`
			}
		}),
		now
	);
}
