import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { longDate } from '$lib/dates';
import { isCalendarDate } from '$lib/schemas/fields';
import { isolate } from '$lib/i18n';

type Params = Record<string, string | number>;

/**
 * Every text a task may store, by message key. A task keeps the key and its parameters, never
 * the words, so each broker reads it in their own language. A key missing from the message
 * files fails svelte-check here; texts.test.ts checks that nl and en both have each one.
 */
export const TASK_TEXTS = {
	broker_approved_edited_body: m.broker_approved_edited_body,
	signalcycle_call_reply_text: m.signalcycle_call_reply_text,
	refcheck_call_text: m.refcheck_call_text,
	refcheck_mail_subject: m.refcheck_mail_subject,
	signalcycle_mail_reply_subject: m.signalcycle_mail_reply_subject,
	broker_approved_body: m.broker_approved_body,
	broker_approved_subject: m.broker_approved_subject,
	broker_hidden_body: m.broker_hidden_body,
	broker_hidden_subject: m.broker_hidden_subject,
	broker_rejected_body: m.broker_rejected_body,
	broker_rejected_subject: m.broker_rejected_subject,
	broker_call_match_made_subject: m.broker_call_match_made_subject,
	broker_call_match_made_text: m.broker_call_match_made_text,
	broker_call_proposal_subject: m.broker_call_proposal_subject,
	broker_call_proposal_text: m.broker_call_proposal_text,
	broker_suspended_body: m.broker_suspended_body,
	broker_suspended_subject: m.broker_suspended_subject,
	desk_staff_removed_mail_body: m.desk_staff_removed_mail_body,
	desk_staff_removed_mail_subject: m.desk_staff_removed_mail_subject,
	followup_mail_body: m.followup_mail_body,
	hours_call_goodbye_text: m.hours_call_goodbye_text,
	hours_call_thanks_text: m.hours_call_thanks_text,
	hours_call_yearly_text: m.hours_call_yearly_text,
	hours_mail_goodbye_subject: m.hours_mail_goodbye_subject,
	hours_mail_thanks_subject: m.hours_mail_thanks_subject,
	hours_short_yearly: m.hours_short_yearly,
	intake_mail_referral_body: m.intake_mail_referral_body,
	intake_call_referral_text: m.intake_call_referral_text,
	intake_mail_referral_subject: m.intake_mail_referral_subject,
	followup_mail_body_ended: m.followup_mail_body_ended,
	followup_mail_body_ongoing: m.followup_mail_body_ongoing,
	followup_call_subject: m.followup_call_subject,
	loans_call_confirmation_text: m.loans_call_confirmation_text,
	loans_call_pickup_text: m.loans_call_pickup_text,
	loans_call_return_text: m.loans_call_return_text,
	loans_call_overdue_text: m.loans_call_overdue_text,
	loans_call_not_collected_text: m.loans_call_not_collected_text,
	loans_call_waitlist_text: m.loans_call_waitlist_text,
	loans_mail_cancelled_cannot_collect: m.loans_mail_cancelled_cannot_collect,
	loans_mail_cancelled_no_longer_needed: m.loans_mail_cancelled_no_longer_needed,
	loans_mail_cancelled_other_dates: m.loans_mail_cancelled_other_dates,
	loans_mail_cancelled_subject: m.loans_mail_cancelled_subject,
	loans_mail_cancelled_tool_unavailable: m.loans_mail_cancelled_tool_unavailable,
	loans_mail_confirm_subject: m.loans_mail_confirm_subject,
	loans_mail_not_collected_subject: m.loans_mail_not_collected_subject,
	loans_mail_overdue_subject: m.loans_mail_overdue_subject,
	loans_mail_pickup_subject: m.loans_mail_pickup_subject,
	loans_mail_return_subject: m.loans_mail_return_subject,
	loans_mail_waitlist_subject: m.loans_mail_waitlist_subject,
	posts_call_expiring_subject: m.posts_call_expiring_subject,
	posts_call_expiring_text: m.posts_call_expiring_text,
	talk_notice_body: m.talk_notice_body,
	talk_notice_subject: m.talk_notice_subject,
	volunteers_expenses_call_approved: m.volunteers_expenses_call_approved,
	volunteers_expenses_call_refused: m.volunteers_expenses_call_refused,
	volunteers_expenses_mail_approved_subject: m.volunteers_expenses_mail_approved_subject,
	volunteers_expenses_mail_refused_subject: m.volunteers_expenses_mail_refused_subject
} satisfies Record<string, (params: never, options?: { locale?: Locale }) => string>;

export type TaskTextKey = keyof typeof TASK_TEXTS;

/** A text as a task stores it: the message key and its parameters. */
export interface TaskText {
	key: TaskTextKey;
	params: Params;
}

/** What the broker is asked to say on a call task, stored instead of the mail's words. */
export interface CallText {
	subject: TaskText;
	text: TaskText;
}

/** The text in the reader's language; null for a key this version no longer knows. */
export function renderTaskText(text: TaskText, locale?: Locale): string | null {
	const message = TASK_TEXTS[text.key] as unknown as
		((params: Params, options?: { locale?: Locale }) => string) | undefined;
	if (!message) return null;
	// A calendar day is stored as "YYYY-MM-DD" and said the way the reader says dates; the other
	// words (names, titles, tools) are people's own, set apart from the sentence's direction.
	const reader = locale ?? getLocale();
	const params = Object.fromEntries(
		Object.entries(text.params).map(([k, v]) => [
			k,
			typeof v !== 'string' ? v : isCalendarDate(v) ? longDate(v, reader) : isolate(v, reader)
		])
	);
	return message(params, locale ? { locale } : undefined);
}
