import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { CHANNELS, type Channel } from '$lib/notify/channels';
import type { FollowUpOutcome } from '$lib/followup';
import { formatLocalDate, longDate } from '$lib/dates';
import { localTime as instantTime } from '../calendar';
import { isolate } from '$lib/i18n';
import type { Task } from '../db/schema';
import { BADGE_NAMES } from '../trust/mails';
import type { TaskKind, TaskOf } from './kinds';
import { readTask } from './tasks';
import { renderTaskText } from './texts';

const outcomeNames: Record<FollowUpOutcome, () => string> = {
	went_well: m.followup_outcome_went_well,
	partly: m.followup_outcome_partly,
	did_not_happen: m.followup_outcome_did_not_happen,
	call_me: m.followup_outcome_call_me
};

type Described = { subject: string | null; text: string | null };

/** The words of one task; null when its details are of an older shape (then: its own words). */
function describe(task: TaskOf, name: string, locale?: Locale): Described | null {
	const opts = locale ? { locale } : undefined;
	// Names, titles and tools are people's own words inside the reader's sentence.
	const own = (text: string) => isolate(text, locale ?? getLocale());
	const person = own(name);
	switch (task.kind) {
		case 'call_resident': {
			const d = task.details;
			if ('call' in d)
				return {
					subject: renderTaskText(d.call.subject, locale),
					text: renderTaskText(d.call.text, locale)
				};
			// Only rows stored before calls were message keys: the mail's words as they were.
			return { subject: d.subject, text: d.text };
		}
		case 'follow_up_attention': {
			const { other, title, outcome, comment } = task.details;
			if (!outcome) return null;
			return {
				subject: m.followup_task_attention(
					{ person, other: own(other), title: own(title), outcome: outcomeNames[outcome]() },
					opts
				),
				text: comment || null
			};
		}
		case 'follow_up_no_answer': {
			const { other, title } = task.details;
			return {
				subject: m.followup_task_no_answer(
					{ person, other: own(other ?? ''), title: own(title ?? '') },
					opts
				),
				text: null
			};
		}
		case 'loan_overdue_call': {
			const { tool, endDate } = task.details;
			if (!tool || !endDate) return null;
			const date = longDate(endDate, locale ?? getLocale());
			return {
				subject: m.desk_call_overdue({ name: person, tool: own(tool), date }, opts),
				text: null
			};
		}
		case 'badge_expiring': {
			const { badgeKind, expiresAt, timeZone } = task.details;
			if (!badgeKind || !expiresAt) return null;
			const date = formatLocalDate(expiresAt, timeZone, locale ?? getLocale());
			const badge = BADGE_NAMES[badgeKind]({}, opts);
			return {
				subject: m.trust_task_expiring_subject({ name: person, badge, date }, opts),
				text: m.trust_task_expiring_text({}, opts)
			};
		}
		case 'volunteer_check_in':
			return {
				subject: m.care_task_check_in_subject({ name: person }, opts),
				text: m.care_task_check_in_text({}, opts)
			};
		case 'check_in_escalated': {
			const { reason, dueAt, timeZone } = task.details;
			const when = {
				name: person,
				day: formatLocalDate(dueAt, timeZone, locale ?? getLocale()),
				time: instantTime(dueAt, timeZone)
			};
			return {
				subject:
					reason === 'not_reached'
						? m.checkins_task_not_reached(when, opts)
						: m.checkins_task_not_recorded(when, opts),
				text: m.checkins_task_text({}, opts)
			};
		}
		case 'circle_open_slot': {
			const { title, startsAt, timeZone } = task.details;
			return {
				subject: m.circles_task_open_slot(
					{
						name: person,
						title: own(title),
						day: formatLocalDate(startsAt, timeZone, locale ?? getLocale()),
						time: instantTime(startsAt, timeZone)
					},
					opts
				),
				text: m.circles_task_open_slot_text({}, opts)
			};
		}
	}
}

/**
 * A task's headline and text in the reader's language (the request's locale unless given).
 * `person` is the display name of whom the task is about. Tasks stored before their texts
 * were message keys keep the words they were made with.
 */
export function describeTask(
	task: Pick<Task, 'kind' | 'details'>,
	person: string,
	locale?: Locale
): Described {
	const stored = readTask(task);
	const described = describe(stored, person, locale);
	if (described) return described;
	const old = stored.details as { subject?: string; text?: string; comment?: string };
	return { subject: old.subject ?? null, text: old.text ?? old.comment ?? null };
}

/** What Today shows of a task: its words, and the pages it leads to. */
export interface TaskView {
	id: number;
	kind: TaskKind;
	dueAt: number;
	subject: string | null;
	text: string | null;
	postId: number | null;
	followUpId: number | null;
	/** A page in the broker's workspace the task is about (e.g. the person page). */
	href: string | null;
	loanId: number | null;
	/** A call made because no channel reached the person: the channels tried first. */
	tried: Channel[];
}

type Links = Pick<TaskView, 'postId' | 'followUpId' | 'href' | 'loanId' | 'tried'>;

/** The pages a task of each kind leads to. */
function linksOf(task: TaskOf): Links {
	const none: Links = { postId: null, followUpId: null, href: null, loanId: null, tried: [] };
	switch (task.kind) {
		case 'call_resident':
			return {
				...none,
				postId: task.details.postId ?? null,
				followUpId: task.details.followUpId ?? null,
				tried: (task.details.tried ?? []).filter((c): c is Channel =>
					(CHANNELS as readonly string[]).includes(c)
				)
			};
		case 'follow_up_no_answer':
		case 'follow_up_attention':
			return {
				...none,
				postId: task.details.postId ?? null,
				followUpId: task.details.followUpId ?? null
			};
		case 'loan_overdue_call':
			return { ...none, loanId: task.details.loanId };
		case 'badge_expiring':
			return {
				...none,
				href: task.details.href?.startsWith('/broker/') ? task.details.href : null
			};
		case 'volunteer_check_in':
			return { ...none, href: `/broker/volunteers/${task.details.volunteerId}` };
		case 'check_in_escalated':
			return { ...none, href: `/broker/check-ins/${task.details.planId}` };
		case 'circle_open_slot':
			return { ...none, href: `/broker/circles/${task.details.circleId}` };
	}
}

/** A task as Today shows it, in the reader's language. */
export function viewTask(task: Task, person: string, locale?: Locale): TaskView {
	const stored = readTask(task);
	return {
		id: task.id,
		kind: stored.kind,
		dueAt: task.dueAt,
		...describeTask(task, person, locale),
		...linksOf(stored)
	};
}
