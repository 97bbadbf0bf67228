import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import type { FollowUpOutcome } from '$lib/followup';
import { DEFAULT_TIME_ZONE, formatLocalDate, longDate } from '$lib/dates';
import type { Task } from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { BADGE_NAMES } from '../trust/mails';
import { taskDetails } from './tasks';
import { renderTaskText, type CallText } from './texts';

/** What a task's details may hold; every field is optional because tasks of old versions stay. */
export interface TaskDetails {
	/** Call tasks: what to say, as message keys with parameters. */
	call?: CallText;
	/** Call tasks made before texts were keys, and loan mails read out: the mail's own words. */
	subject?: string;
	text?: string;
	mailKind?: string;
	postId?: number;
	followUpId?: number;
	href?: string;
	/** Follow-up tasks: the other side's first name, the answer and its comment. */
	other?: string;
	title?: string;
	outcome?: FollowUpOutcome;
	comment?: string;
	/** Lending: the late loan, its tool and due date. */
	loanId?: number;
	tool?: string;
	endDate?: string;
	/** An expiring badge: which, and when, in the neighbourhood's time zone. */
	badgeKind?: BadgeKind;
	expiresAt?: number;
	timeZone?: string;
}

const outcomeNames: Record<FollowUpOutcome, () => string> = {
	went_well: m.followup_outcome_went_well,
	partly: m.followup_outcome_partly,
	did_not_happen: m.followup_outcome_did_not_happen,
	call_me: m.followup_outcome_call_me
};

/**
 * A task's headline and text in the reader's language (the request's locale unless given).
 * `person` is the display name of whom the task is about.
 */
export function describeTask(
	task: Pick<Task, 'kind' | 'details'>,
	person: string,
	locale?: Locale
): { subject: string | null; text: string | null } {
	const d = taskDetails<TaskDetails>(task as Task);
	const opts = locale ? { locale } : undefined;
	if (d.call)
		return {
			subject: renderTaskText(d.call.subject, locale),
			text: renderTaskText(d.call.text, locale)
		};
	const about = { person, other: d.other ?? '', title: d.title ?? '' };
	if (task.kind === 'follow_up_attention' && d.outcome)
		return {
			subject: m.followup_task_attention({ ...about, outcome: outcomeNames[d.outcome]() }, opts),
			text: d.comment ?? null
		};
	if (task.kind === 'follow_up_no_answer')
		return { subject: m.followup_task_no_answer(about, opts), text: null };
	if (task.kind === 'loan_overdue_call' && d.tool && d.endDate)
		return {
			subject: m.desk_call_overdue(
				{ name: person, tool: d.tool, date: longDate(d.endDate, locale ?? getLocale()) },
				opts
			),
			text: null
		};
	if (task.kind === 'badge_expiring' && d.badgeKind && d.expiresAt) {
		const date = formatLocalDate(
			d.expiresAt,
			d.timeZone ?? DEFAULT_TIME_ZONE,
			locale ?? getLocale()
		);
		return {
			subject: m.trust_task_expiring_subject(
				{ name: person, badge: BADGE_NAMES[d.badgeKind]({}, opts), date },
				opts
			),
			text: m.trust_task_expiring_text({}, opts)
		};
	}
	return { subject: d.subject ?? null, text: d.text ?? d.comment ?? null };
}
