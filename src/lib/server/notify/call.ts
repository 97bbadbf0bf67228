import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { createTask } from '../tasks/tasks';
import type { CallText } from '../tasks/texts';

/** What a call task made instead of a message says and links to. */
export interface CallAbout {
	/** The message's kind, e.g. "follow_up". */
	kind: string;
	subject: string;
	text: string;
	postId?: number | null;
	followUpId?: number | null;
	/** What the broker says, as message keys, so the task reads in the broker's language. */
	call?: CallText;
	/** The channels that were tried and could not reach the person. */
	tried?: string[];
}

/**
 * Someone the site cannot reach on any channel (no e-mail, no phone for SMS, no push device,
 * or each of them failed for good): a "call this person" task on the broker's Today page.
 */
export function callInstead(
	tx: DbOrTx,
	userId: string | null | undefined,
	about: CallAbout,
	now: number
) {
	if (!userId) return;
	const person = tx
		.select({ neighbourhoodId: users.neighbourhoodId, status: users.status })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!person || person.status === 'deleted') return;
	createTask(
		tx,
		{
			neighbourhoodId: person.neighbourhoodId,
			kind: 'call_resident',
			subjectUserId: userId,
			details: {
				mailKind: about.kind,
				...(about.call ? { call: about.call } : { subject: about.subject, text: about.text }),
				...(about.postId ? { postId: about.postId } : {}),
				...(about.followUpId ? { followUpId: about.followUpId } : {}),
				...(about.tried?.length ? { tried: about.tried } : {})
			}
		},
		now
	);
}
