import type { FollowUpOutcome } from '$lib/followup';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import type { CallText } from './texts';
import type { EscalationReason } from '$lib/circles/lists';

/** A follow-up the broker looks at: the request and the other side's first name. */
interface FollowUpAbout {
	followUpId: number;
	postId: number;
	title: string;
	other: string;
}

/**
 * A call to someone without e-mail, made instead of a mail (`mailKind`): what to say as message
 * keys (`call`). `subject`/`text` (the mail's own words) only in rows stored before that.
 */
export type CallDetails = {
	mailKind: string;
	postId?: number;
	/** The follow-up the mail asked about: the broker enters the answer from the task. */
	followUpId?: number;
	/** The channels tried first that could not reach the person (e.g. the SMS number was refused). */
	tried?: string[];
} & ({ call: CallText } | { subject: string; text: string });

/**
 * Every kind of task and the details it stores. Details hold facts and message keys, never
 * words, so each broker reads a task in their own language (describe.ts).
 */
export type TaskOf =
	| { kind: 'call_resident'; details: CallDetails }
	| { kind: 'loan_overdue_call'; details: { loanId: number; tool: string; endDate: string } }
	| { kind: 'follow_up_no_answer'; details: FollowUpAbout }
	| {
			kind: 'follow_up_attention';
			details: FollowUpAbout & { outcome: FollowUpOutcome; comment: string };
	  }
	| {
			kind: 'badge_expiring';
			details: {
				badgeId: number;
				badgeKind: BadgeKind;
				expiresAt: number;
				timeZone: string;
				/** The person page in the broker's workspace. */
				href: string;
			};
	  }
	/** A check-in with a volunteer the broker planned; its outcome becomes a confidential note. */
	| { kind: 'volunteer_check_in'; details: { volunteerId: string } }
	/** A check-in call nobody answered twice, or nobody wrote down: urgent, at the top of Today. */
	| {
			kind: 'check_in_escalated';
			details: {
				planId: number;
				callId: number;
				reason: EscalationReason;
				dueAt: number;
				timeZone: string;
			};
	  }
	/** A moment of a care circle nobody took, sent to the broker with the centre's consent. */
	| {
			kind: 'circle_open_slot';
			details: {
				circleId: number;
				slotId: number;
				title: string;
				startsAt: number;
				timeZone: string;
			};
	  };

/** Kinds that go to the top of Today, marked urgent. */
export const URGENT_TASK_KINDS: readonly string[] = ['check_in_escalated'] satisfies TaskKind[];

export type TaskKind = TaskOf['kind'];

/** The details of one kind of task. */
export type DetailsOf<K extends TaskKind> = Extract<TaskOf, { kind: K }>['details'];
