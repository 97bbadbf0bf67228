import { m } from '$lib/paraglide/messages.js';

// Audit actions are stored as dotted verbs ("post.approve"); people read them in their words.
const names: Record<string, () => string> = {
	post: m.audit_group_post,
	match: m.audit_group_match,
	badge: m.audit_group_badge,
	signal: m.audit_group_signal,
	report: m.audit_group_report,
	resident: m.audit_group_resident,
	follow_up: m.audit_group_follow_up,
	loan: m.audit_group_loan,
	tool: m.audit_group_tool,
	neighbourhood: m.audit_group_neighbourhood,
	broker: m.audit_group_broker,
	account: m.audit_group_account,
	note: m.audit_group_note,
	desk: m.audit_group_desk,
	'desk.staff_grant': m.audit_desk_staff_grant,
	'desk.staff_remove': m.audit_desk_staff_remove,
	'note.read': m.audit_note_read,
	'note.write': m.audit_note_write,
	'post.approve': m.audit_post_approve,
	'post.reject': m.audit_post_reject,
	'post.hide': m.audit_post_hide,
	'post.place_for': m.audit_post_place_for,
	'post.refer': m.audit_post_refer,
	'match.propose': m.audit_match_propose,
	'badge.grant': m.audit_badge_grant,
	'badge.revoke': m.audit_badge_revoke,
	'badge.expire': m.audit_badge_expire,
	'signal.read': m.audit_signal_read,
	'signal.pick_up': m.audit_signal_pick_up,
	'signal.close': m.audit_signal_close,
	'report.resolve': m.audit_report_resolve,
	'resident.register': m.audit_resident_register,
	'resident.proxy_link': m.audit_resident_proxy_link,
	'resident.suspend': m.audit_resident_suspend,
	'resident.unsuspend': m.audit_resident_unsuspend,
	'resident.reach_set': m.audit_resident_reach_set,
	'resident.language_set': m.audit_resident_language_set,
	'post.restore': m.audit_post_restore,
	'follow_up.answer_for': m.audit_follow_up_answer_for,
	'neighbourhood.broker_settings': m.audit_neighbourhood_broker_settings,
	'letter.print': m.letters_audit_print,
	// --- volunteers: hours and thanks ---
	'volunteer.thanks': m.hours_audit_volunteer_thanks,
	'volunteer.goodbye': m.hours_audit_volunteer_goodbye,
	'volunteer.resume': m.hours_audit_volunteer_resume,
	// --- end volunteers: hours and thanks ---
	volunteer: m.volunteers_audit_group_volunteer,
	volunteers: m.volunteers_audit_group_volunteer,
	gathering: m.volunteers_audit_group_gathering,
	expense: m.volunteers_audit_group_expense,
	'expense.claim': m.volunteers_audit_expense_claim,
	'expense.approve': m.volunteers_audit_expense_approve,
	'expense.refuse': m.volunteers_audit_expense_refuse,
	'gathering.plan': m.volunteers_audit_gathering_plan,
	'gathering.edit': m.volunteers_audit_gathering_edit,
	'gathering.cancel': m.volunteers_audit_gathering_cancel,
	'gathering.signup_by_phone': m.volunteers_audit_gathering_signup_by_phone,
	'gathering.signup_cancel': m.volunteers_audit_gathering_signup_cancel,
	'gathering.attendance': m.volunteers_audit_gathering_attendance,
	'volunteers.agreement_published': m.volunteers_audit_agreement_published,
	'volunteers.agreement_recorded': m.volunteers_audit_agreement_recorded,
	'volunteers.agreement_required': m.volunteers_audit_agreement_required,
	// --- back office (issue 21): roles; each branch adds its actions below its marker ---
	partner: m.backoffice_audit_group_partner,
	steering: m.backoffice_audit_group_steering,
	'partner.grant': m.backoffice_audit_partner_grant,
	'partner.revoke': m.backoffice_audit_partner_revoke,
	'steering.grant': m.backoffice_audit_steering_grant,
	'steering.revoke': m.backoffice_audit_steering_revoke,
	// --- audit: signal cycle ---
	'signal.link': m.signalcycle_audit_link,
	'signal.unlink': m.signalcycle_audit_unlink,
	'signal.reply': m.signalcycle_audit_reply,
	'signal.record_by_phone': m.signalcycle_audit_record_by_phone,
	'neighbourhood.urgent_numbers': m.signalcycle_audit_urgent_numbers,
	// --- audit: bundle and steering ---
	'signal.bundle_edit': m.bundle_audit_edit,
	'signal.bundle_ready': m.bundle_audit_ready,
	// --- audit: timeline ---
	'timeline.read': m.timeline_audit_read,
	// --- audit: referral checks ---
	'referral_check.record': m.refcheck_audit_record,
	// --- audit: partners ---
	'partner.refer': m.partners_audit_refer,
	'partner_referral.in_progress': m.partners_audit_in_progress,
	'partner_referral.completed': m.partners_audit_completed,
	'partner_referral.declined': m.partners_audit_declined,
	// --- audit: social map ---
	'service.import': m.socialmap_audit_import,
	// --- audit: reach ---
	// --- audit: care circles and check-in calls ---
	circle: m.circles_audit_group,
	check_in: m.checkins_audit_group,
	'circle.start': m.circles_audit_start,
	'circle.invite': m.circles_audit_invite,
	'circle.join': m.circles_audit_join,
	'circle.leave': m.circles_audit_leave,
	'circle.remove_member': m.circles_audit_remove_member,
	'circle.hand_over': m.circles_audit_hand_over,
	'circle.settings': m.circles_audit_settings,
	'circle.outside_take': m.circles_audit_outside_take,
	'check_in.set_up': m.checkins_audit_set_up,
	'check_in.end': m.checkins_audit_end,
	'check_in.escalate': m.checkins_audit_escalate
};

/** The action in the reader's language; an action without words yet shows as stored. */
export function auditActionName(action: string): string {
	return names[action]?.() ?? action;
}
