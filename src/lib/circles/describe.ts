import { m } from '$lib/paraglide/messages.js';
import { dateTimeFormat } from '$lib/intl';
import type { CallOutcome, InviteWay, OpenSlotWay, PlanRepeat } from './lists';

/** "09:30" (or the language's own way) for an instant in a time zone. */
export function timeText(at: number, timeZone: string, locale: string): string {
	return dateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(at);
}

export const openSlotWayText: Record<OpenSlotWay, () => string> = {
	keep: m.circles_open_keep,
	open_list: m.circles_open_list,
	broker: m.circles_open_broker
};

export const inviteWayText: Record<InviteWay, () => string> = {
	email: m.circles_invite_email,
	sms: m.circles_invite_sms_way,
	code: m.circles_invite_code
};

export const repeatText: Record<PlanRepeat, () => string> = {
	once: m.circles_repeat_once,
	weekly: m.circles_repeat_weekly
};

export const callOutcomeText: Record<CallOutcome, () => string> = {
	well: m.checkins_outcome_well,
	follow_up: m.checkins_outcome_follow_up,
	not_reached: m.checkins_outcome_not_reached
};

/** " · the circle is around this person · keeps the plan going": a member's roles after their name. */
export const memberRoles = (p: { isCentre: boolean; isCoordinator: boolean }): string =>
	[p.isCentre ? m.circles_role_centre() : '', p.isCoordinator ? m.circles_role_coordinator() : '']
		.filter(Boolean)
		.map((r) => ` · ${r}`)
		.join('');
