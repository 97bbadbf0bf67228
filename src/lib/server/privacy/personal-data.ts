/**
 * THE ONE LIST of what the database stores about a person, and what the data download and account
 * deletion do with each of it. `personal-data.test.ts` reads the schema and fails for any column
 * that refers to a person (every column of `users`, every foreign key to `users.id`) that is not
 * here, and for any entry naming a download section or deletion step that does not exist.
 *
 * ADDING A TABLE OR COLUMN THAT REFERS TO A PERSON: add an entry below, keyed by its SQL table and
 * column name, with
 *   - `download`: the key of the section in EXPORT_SECTIONS that holds it, or `leftOut(reason)`;
 *   - `deletion`: `deleted(step)` (the step removes the person's rows), `emptied(step)` (the rows
 *     stay, the person's values are wiped) or `kept(reason)` (a written reason to keep it).
 * Free-text columns that hold words about a person without a foreign key are listed too.
 */

/** The step named removes every row where this column is the person. */
export interface Deleted {
	step: string;
	leaves: 'no rows';
}
/** The step named keeps the rows but wipes the person's values (or, on `users`, resets them). */
export interface Emptied {
	step: string;
	leaves: 'emptied';
}
export interface Kept {
	kept: string;
}
export interface LeftOut {
	leftOut: string;
}
export interface Coverage {
	download: string | LeftOut;
	deletion: Deleted | Emptied | Kept;
}

const deleted = (step: string): Deleted => ({ step, leaves: 'no rows' });
const emptied = (step: string): Emptied => ({ step, leaves: 'emptied' });
const kept = (reason: string): Kept => ({ kept: reason });
const leftOut = (reason: string): LeftOut => ({ leftOut: reason });

// Reasons used more than once.
const ID_OF_EMPTIED_ROW =
	'An id pointing at the emptied users row: it names nobody, and keeps anonymous counts (distinct people, who made a match: a broker or not) right.';
const ACTOR_IN_OTHERS_RECORD =
	'Who did something in another person’s record (a broker or desk volunteer): an id pointing at the emptied users row, so it names nobody.';
/**
 * The brief: confidential notes on a resident are for the brokers only, so they stay out of the
 * download; a person who asks what is noted about them (GDPR art. 15) asks the broker, who judges
 * what can be given without harming others a note names (art. 15(4)).
 */
const BROKERS_ONLY =
	'Confidential notes, for brokers only (the brief); a person asks the broker to see them, as others may be named.';
const SECRET = 'A secret (a hash or key): it is never handed out, not even to the person.';
const NOT_ABOUT_ANYONE = 'Not about a person: kept for the figures; it identifies nobody.';
const OTHERS_WORDS =
	'Another person’s words in their own record (messages to the person, mail to others naming them); the person’s own words are wiped.';

export const PERSONAL_DATA: Record<string, Record<string, Coverage>> = {
	users: {
		id: { download: 'profile', deletion: kept(ID_OF_EMPTIED_ROW) },
		email: { download: 'profile', deletion: emptied('users') },
		email_verified_at: { download: 'profile', deletion: emptied('users') },
		password_hash: { download: leftOut(SECRET), deletion: emptied('users') },
		role: {
			download: 'profile',
			deletion: kept('Counts new residents and matches made by brokers per month.')
		},
		status: { download: 'profile', deletion: kept('Says “deleted”: pages show “former member”.') },
		status_reason: {
			download: leftOut('A broker’s reason for a suspension, shown to the person when it happens.'),
			deletion: emptied('users')
		},
		display_name: { download: 'profile', deletion: emptied('users') },
		phone: { download: 'profile', deletion: emptied('users') },
		locale: { download: 'profile', deletion: emptied('users') },
		languages: { download: 'profile', deletion: emptied('users') },
		about: { download: 'profile', deletion: emptied('users') },
		availability: { download: 'profile', deletion: emptied('users') },
		neighbourhood_id: {
			download: 'neighbourhood',
			deletion: kept(
				'Members per neighbourhood are counted; a neighbourhood has hundreds of people.'
			)
		},
		street_id: { download: 'profile', deletion: emptied('users') },
		house_number: { download: 'profile', deletion: emptied('users') },
		place_source: { download: 'profile', deletion: emptied('users') },
		exact_lat: { download: 'profile', deletion: emptied('users') },
		exact_lon: { download: 'profile', deletion: emptied('users') },
		approx_cell: { download: 'profile', deletion: emptied('users') },
		approx_lat: { download: 'profile', deletion: emptied('users') },
		approx_lon: { download: 'profile', deletion: emptied('users') },
		contact_by: { download: 'profile', deletion: emptied('users') },
		call_name: { download: 'profile', deletion: emptied('users') },
		call_photo: { download: 'profile', deletion: emptied('users') },
		created_at: { download: 'profile', deletion: kept('New members per month are counted.') },
		deleted_at: {
			download: 'profile',
			deletion: kept('When the account was deleted; nothing else.')
		},
		posts_seen_at: { download: 'profile', deletion: emptied('users') },
		posts_seen_before: { download: 'profile', deletion: emptied('users') },
		totp_key: { download: leftOut(SECRET), deletion: emptied('users') },
		totp_last_step: { download: 'twoFactor', deletion: emptied('users') },
		phone_verified_at: { download: 'howWeReachYou', deletion: emptied('users') },
		sms_stopped_at: { download: 'howWeReachYou', deletion: emptied('users') },
		quiet_from_minute: { download: 'howWeReachYou', deletion: emptied('users') },
		quiet_until_minute: { download: 'howWeReachYou', deletion: emptied('users') },
		birth_year: { download: 'profile', deletion: emptied('users') }
	},
	channel_preferences: {
		user_id: { download: 'howWeReachYou', deletion: deleted('channel_preferences') },
		set_by_id: { download: leftOut(ACTOR_IN_OTHERS_RECORD), deletion: kept(ACTOR_IN_OTHERS_RECORD) }
	},
	push_subscriptions: {
		user_id: { download: 'howWeReachYou', deletion: deleted('push_subscriptions') }
	},
	phone_checks: {
		user_id: {
			download: leftOut(
				'A code on its way to the phone: its hash is a secret, and it lives minutes.'
			),
			deletion: deleted('phone_checks')
		}
	},
	short_links: { user_id: { download: leftOut(SECRET), deletion: deleted('short_links') } },
	calendar_feeds: {
		user_id: { download: 'howWeReachYou', deletion: deleted('calendar_feeds') }
	},
	alert_settings: {
		user_id: { download: 'howWeReachYou', deletion: deleted('alert_settings') }
	},
	user_categories: { user_id: { download: 'helpsWith', deletion: deleted('user_categories') } },
	neighbourhood_brokers: {
		user_id: { download: 'brokerOf', deletion: deleted('neighbourhood_brokers') }
	},
	sessions: { user_id: { download: 'sessions', deletion: deleted('sessions') } },
	email_tokens: {
		user_id: { download: 'emailLinks', deletion: deleted('email_tokens') },
		email: { download: 'emailLinks', deletion: deleted('email_tokens') }
	},
	outbox: {
		user_id: { download: 'mails', deletion: deleted('outbox') },
		to_address: { download: 'mails', deletion: emptied('outbox') },
		to_name: { download: 'mails', deletion: emptied('outbox') },
		subject: { download: 'mails', deletion: emptied('outbox') },
		text_body: {
			download: leftOut('The same words as the mail the person received.'),
			deletion: kept(OTHERS_WORDS)
		},
		html_body: {
			download: leftOut('The same words as the mail the person received.'),
			deletion: kept(OTHERS_WORDS)
		}
	},
	audit_log: {
		actor_id: {
			download: 'activity',
			deletion: kept(
				'Accountability: what brokers, desk volunteers and admins did stays traceable. The entries hold ids and codes, not words; the id points at the emptied row.'
			)
		},
		subject_id: {
			download: 'activityAboutMe',
			deletion: kept('As actor_id: an id of the emptied row, with a code of what happened.')
		},
		detail: {
			download: leftOut('Codes and ids for the brokers’ accountability.'),
			deletion: emptied('audit_log')
		}
	},
	posts: {
		author_id: { download: 'posts', deletion: emptied('posts') },
		placed_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		title: { download: 'posts', deletion: emptied('posts') },
		body: { download: 'posts', deletion: emptied('posts') },
		place_label: { download: 'posts', deletion: emptied('posts') },
		exact_lat: { download: 'posts', deletion: emptied('posts') },
		exact_lon: { download: 'posts', deletion: emptied('posts') },
		approx_cell: {
			download: leftOut('The public approximate point, shown with the post.'),
			deletion: kept(
				'An area about 350 m across, for the figures per area; with the words gone it points at nobody.'
			)
		},
		still_needed_token_hash: { download: leftOut(SECRET), deletion: emptied('posts') },
		rejection_reason: { download: 'posts', deletion: emptied('posts') }
	},
	responses: {
		responder_id: { download: 'responses', deletion: emptied('responses') },
		message: { download: 'responses', deletion: emptied('responses') }
	},
	matches: {
		helper_id: { download: 'matches', deletion: emptied('matches') },
		requester_id: { download: 'matches', deletion: emptied('matches') },
		made_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		ended_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		end_reason: { download: 'matches', deletion: emptied('matches') }
	},
	match_shares: { user_id: { download: 'sharedWithMatches', deletion: deleted('match_shares') } },
	messages: {
		sender_id: { download: 'messagesSent', deletion: emptied('messages') },
		body: { download: 'messagesSent', deletion: emptied('messages') }
	},
	conversation_states: {
		user_id: { download: 'conversationsRead', deletion: deleted('conversation_states') }
	},
	reports: {
		reporter_id: {
			download: 'reportsMade',
			deletion: kept(
				'A report is about another person or post and is the brokers’ moderation record; the reporter’s id points at the emptied row.'
			)
		},
		person_id: { download: 'reportsAboutMe', deletion: emptied('reports') },
		reason: { download: 'reportsMade', deletion: emptied('reports') },
		resolution: { download: 'reportsAboutMe', deletion: emptied('reports') },
		resolved_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	blocks: {
		blocker_id: { download: 'blocked', deletion: deleted('blocks') },
		blocked_id: {
			download: leftOut('Who blocked the person is the blocker’s private choice.'),
			deletion: deleted('blocks')
		}
	},
	trust_badges: {
		user_id: { download: 'trustBadges', deletion: deleted('trust_badges') },
		granted_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		revoked_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		label: { download: 'trustBadges', deletion: deleted('trust_badges') },
		note: {
			download: leftOut(
				'The broker’s confidential record of the check; it names the references who were called.'
			),
			deletion: deleted('trust_badges')
		},
		revoke_reason: {
			download: leftOut('Confidential like the note; the person is told when a badge is revoked.'),
			deletion: deleted('trust_badges')
		}
	},
	follow_ups: {
		user_id: { download: 'followUps', deletion: emptied('follow_ups') },
		answered_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		comment: { download: 'followUps', deletion: emptied('follow_ups') }
	},
	tasks: {
		subject_user_id: { download: 'tasksAboutMe', deletion: deleted('tasks') },
		done_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		details: {
			download: leftOut('The desk’s working notes; they may name the other side of a match.'),
			deletion: deleted('tasks')
		},
		outcome: {
			download: leftOut('The desk’s working notes, as details.'),
			deletion: deleted('tasks')
		}
	},
	borrower_agreements: {
		published_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	agreement_acceptances: {
		user_id: { download: 'agreementsAccepted', deletion: deleted('agreement_acceptances') },
		recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	loans: {
		borrower_id: {
			download: 'loans',
			deletion: kept(
				'The tool’s history and the funder’s figures (loans, days on loan, distinct borrowers) need the loan; the id points at the emptied row. Reservations not picked up are cancelled; while a tool is out, deletion waits until it is back.'
			)
		},
		booked_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		checked_out_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		checked_in_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	tool_waitlist: { user_id: { download: 'toolWaitlist', deletion: deleted('tool_waitlist') } },
	tool_repairs: {
		started_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	damage_reports: {
		reported_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		description: { download: leftOut(NOT_ABOUT_ANYONE), deletion: kept(NOT_ABOUT_ANYONE) }
	},
	lending_desk_staff: {
		user_id: { download: 'lendingDesk', deletion: deleted('lending_desk_staff') }
	},
	match_proposals: {
		helper_id: {
			download: 'proposals',
			deletion: kept('Proposals per month are counted; open ones are withdrawn and notes wiped.')
		},
		broker_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		note: { download: 'proposals', deletion: emptied('match_proposals') }
	},
	recovery_codes: { user_id: { download: 'twoFactor', deletion: deleted('recovery_codes') } },
	resident_consents: {
		user_id: { download: 'consent', deletion: deleted('resident_consents') },
		recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	resident_proxies: {
		resident_id: { download: 'carers', deletion: deleted('resident_proxies') },
		proxy_user_id: { download: 'carers', deletion: deleted('resident_proxies') },
		consent_recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	referrals: {
		broker_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		note: { download: 'referrals', deletion: emptied('referrals') }
	},
	signals: {
		filed_by_id: {
			download: 'signalsFiled',
			deletion: kept(
				'A signal is about someone else and is the brokers’ work record of a concern they may still act on; the filer’s id points at the emptied row.'
			)
		},
		picked_up_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		body: {
			download: 'signalsFiled',
			deletion: kept('As filed_by_id: about someone else, the brokers’ work record.')
		},
		action_note: {
			download: leftOut('The broker’s note on what was done; never shown to the volunteer.'),
			deletion: kept('The brokers’ work record about someone else.')
		},
		recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		bundle_edited_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		subject_user_id: {
			download: leftOut(
				'A signal about the person is the brokers’ confidential record (the brief); they ask the broker, as for notes.'
			),
			deletion: emptied('signals_about')
		},
		bundle_summary: {
			download: leftOut('Anonymised by a broker for the steering group: it names nobody.'),
			deletion: kept('Anonymised by a broker for the steering group: it names nobody.')
		},
		about: {
			download: leftOut(
				'Free text with no link to an account (it may be about someone without one), so it cannot be found reliably; the brokers’ confidential record.'
			),
			deletion: kept(
				'Free text with no link to an account: it cannot be matched to a person safely. Brokers wipe a signal about someone who asks them.'
			)
		}
	},
	// ——— The back office (issue 21) ———
	signal_replies: {
		author_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		body: {
			download: 'signalReplies',
			deletion: kept(
				'The broker’s answer in the brokers’ record of a signal about someone else; it holds no confidential details, and the filer’s id points at the emptied row.'
			)
		}
	},
	referral_checks: {
		recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		note: { download: leftOut(BROKERS_ONLY), deletion: emptied('referral_checks') },
		action: { download: leftOut(BROKERS_ONLY), deletion: emptied('referral_checks') }
	},
	partner_links: {
		user_id: { download: 'partnerRoles', deletion: deleted('partner_links') },
		granted_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		revoked_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	steering_links: {
		user_id: { download: 'steeringRoles', deletion: deleted('steering_links') },
		granted_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		revoked_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	partner_referrals: {
		partner_id: {
			download: leftOut(
				'A partner’s referrals are about other people, who consented to be referred to the broker, not to be in the partner’s download.'
			),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		resident_id: { download: 'partnerReferrals', deletion: emptied('partner_referrals') },
		handled_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		name: { download: 'partnerReferrals', deletion: emptied('partner_referrals') },
		phone: { download: 'partnerReferrals', deletion: emptied('partner_referrals') },
		need: { download: 'partnerReferrals', deletion: emptied('partner_referrals') }
	},
	circles: {
		centre_id: { download: 'circles', deletion: deleted('circles_of_person') },
		coordinator_id: { download: 'circles', deletion: emptied('circle_members') },
		started_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	circle_members: {
		user_id: { download: 'circles', deletion: deleted('circle_members') }
	},
	circle_invitations: {
		invited_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		accepted_by_id: { download: 'circleInvitations', deletion: emptied('circle_invitations') },
		name: { download: 'circleInvitations', deletion: emptied('circle_invitations') },
		address: { download: 'circleInvitations', deletion: emptied('circle_invitations') }
	},
	circle_plan_items: {
		created_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	circle_slots: {
		taken_by_id: { download: 'circleSlots', deletion: emptied('circle_slots') },
		helper_id: { download: 'circleSlots', deletion: emptied('circle_slots') }
	},
	circle_messages: {
		author_id: { download: 'circleMessages', deletion: deleted('circle_messages') },
		body: { download: 'circleMessages', deletion: deleted('circle_messages') }
	},
	check_in_plans: {
		person_id: { download: 'checkInPlans', deletion: deleted('check_in_plans') },
		caller_id: { download: 'checkInPlans', deletion: emptied('check_in_roles') },
		contact_id: { download: 'checkInPlans', deletion: emptied('check_in_roles') },
		set_up_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	check_in_calls: {
		recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	resident_notes: {
		user_id: { download: leftOut(BROKERS_ONLY), deletion: deleted('resident_notes') },
		body: { download: leftOut(BROKERS_ONLY), deletion: deleted('resident_notes') },
		author_id: { download: leftOut(ACTOR_IN_OTHERS_RECORD), deletion: kept(ACTOR_IN_OTHERS_RECORD) }
	},
	volunteer_agreements: {
		published_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	volunteer_acceptances: {
		user_id: { download: 'volunteerAgreements', deletion: deleted('volunteer_acceptances') },
		recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	expense_claims: {
		helper_id: {
			download: 'expenseClaims',
			deletion: kept(
				'The amount counts in the monthly total of expenses paid (the funder’s figure); the id points at the emptied row and the words are wiped.'
			)
		},
		reason: { download: 'expenseClaims', deletion: emptied('expense_claims') },
		decision_reason: { download: 'expenseClaims', deletion: emptied('expense_claims') },
		decided_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	gatherings: {
		created_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		},
		attendance_recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	gathering_signups: {
		user_id: {
			download: 'gatherings',
			deletion: kept(
				'Past attendance counts in the reports (gatherings and how many came); the id points at the emptied row. Places at gatherings still to come are given up (step gathering_signups).'
			)
		},
		signed_up_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	help_asks: {
		helper_id: { download: 'helpAsks', deletion: deleted('help_asks') },
		body: { download: 'helpAsks', deletion: deleted('help_asks') },
		handled_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	volunteer_thanks: {
		user_id: { download: 'thanks', deletion: deleted('volunteer_thanks') },
		message: { download: 'thanks', deletion: deleted('volunteer_thanks') },
		sent_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	},
	volunteer_goodbyes: {
		user_id: { download: 'volunteerGoodbyes', deletion: deleted('volunteer_goodbyes') },
		note: { download: leftOut(BROKERS_ONLY), deletion: deleted('volunteer_goodbyes') },
		recorded_by_id: {
			download: leftOut(ACTOR_IN_OTHERS_RECORD),
			deletion: kept(ACTOR_IN_OTHERS_RECORD)
		}
	}
};

/** Every covered column whose deletion is a `kept` reason: where the person's values may remain. */
export function keptColumns(): { table: string; column: string; reason: string }[] {
	return Object.entries(PERSONAL_DATA).flatMap(([table, columns]) =>
		Object.entries(columns).flatMap(([column, c]) =>
			'kept' in c.deletion ? [{ table, column, reason: c.deletion.kept }] : []
		)
	);
}
