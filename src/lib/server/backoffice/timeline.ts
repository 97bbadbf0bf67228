import { sql } from 'drizzle-orm';
import { TIMELINE_KINDS, type TimelineKind } from '$lib/backoffice/lists';
import { recordAudit } from '../audit/audit';
import type { DB } from '../db/client';

/**
 * One timeline per person (issue 21 §2): everything about a resident that the broker may see,
 * newest first, from the tables where it lives (nothing is copied). One UNION ALL over the
 * person's rows, each branch reading its own index on the person's column; the page is cut with
 * a keyset on (at, kind, id) so a deep page costs as little as the first.
 */

export const TIMELINE_PAGE = 30;

export interface TimelineItem {
	kind: TimelineKind;
	id: number;
	at: number;
	/** A title: the post's, the tool's, the service's, the badge's label, a note's words… */
	title: string | null;
	/** A kind within the kind: request/offer, helper/requester, the badge's or signal's kind… */
	detail: string | null;
	status: string | null;
	/** A second moment: a match's end, a task done, a tool back, a badge revoked. */
	at2: number | null;
	/** The row it links to (a post, a gathering) when that is not `id`. */
	ref: number | null;
}

export interface Cursor {
	at: number;
	kind: TimelineKind;
	id: number;
}

/** The cursor as it travels in the "older" link: "at.kind.id". */
export function parseCursor(text: string | null): Cursor | null {
	const m = text?.match(/^(\d{1,15})\.([a-z_]{1,20})\.(\d{1,12})$/);
	if (!m || !(TIMELINE_KINDS as readonly string[]).includes(m[2]!)) return null;
	return { at: Number(m[1]), kind: m[2] as TimelineKind, id: Number(m[3]) };
}
export const cursorText = (i: Pick<TimelineItem, 'at' | 'kind' | 'id'>) =>
	`${i.at}.${i.kind}.${i.id}`;

/** One page of a person's timeline, newest first, of the kinds asked for (all when empty). */
export function timelinePage(
	db: DB,
	userId: string,
	options: { kinds?: TimelineKind[]; before?: Cursor | null; size?: number } = {}
): { items: TimelineItem[]; next: Cursor | null } {
	const size = options.size ?? TIMELINE_PAGE;
	const kinds = options.kinds?.length ? options.kinds : [...TIMELINE_KINDS];
	const u = userId;
	const c = options.before;
	const rows = db.all<TimelineItem>(sql`
		SELECT * FROM (
			SELECT 'post' AS kind, p.id AS id, p.created_at AS at, p.title AS title, p.kind AS detail,
				p.status AS status, NULL AS at2, p.id AS ref
			FROM posts p WHERE p.author_id = ${u} AND p.status != 'draft'
			UNION ALL
			SELECT 'response', r.id, r.created_at, p.title, NULL, r.status, r.decided_at, r.post_id
			FROM responses r JOIN posts p ON p.id = r.post_id WHERE r.responder_id = ${u}
			UNION ALL
			SELECT 'match', m.id, m.agreed_at, p.title,
				CASE WHEN m.helper_id = ${u} THEN 'helper' ELSE 'requester' END, m.status, m.ended_at, m.post_id
			FROM matches m JOIN posts p ON p.id = m.post_id WHERE m.helper_id = ${u}
			UNION ALL
			SELECT 'match', m.id, m.agreed_at, p.title, 'requester', m.status, m.ended_at, m.post_id
			FROM matches m JOIN posts p ON p.id = m.post_id WHERE m.requester_id = ${u}
			UNION ALL
			SELECT 'follow_up', f.id, f.answered_at, p.title, NULL, f.outcome, NULL, m.post_id
			FROM follow_ups f JOIN matches m ON m.id = f.match_id JOIN posts p ON p.id = m.post_id
			WHERE f.user_id = ${u} AND f.answered_at IS NOT NULL
			UNION ALL
			SELECT 'task', t.id, t.created_at, t.outcome, t.kind, NULL, t.done_at, NULL
			FROM tasks t WHERE t.subject_user_id = ${u}
			UNION ALL
			SELECT 'loan', l.id, l.created_at, tl.name,
				CASE WHEN l.overdue_notice_at IS NOT NULL THEN 'late' END, l.status, l.checked_in_at, l.tool_id
			FROM loans l JOIN tools tl ON tl.id = l.tool_id WHERE l.borrower_id = ${u}
			UNION ALL
			SELECT 'signal', s.id, s.created_at, NULL, s.kind, s.status, s.closed_at, NULL
			FROM signals s WHERE s.subject_user_id = ${u}
			UNION ALL
			SELECT 'referral', r.id, r.at, sv.name, p.title, NULL, NULL, r.post_id
			FROM referrals r JOIN posts p ON p.id = r.post_id JOIN services sv ON sv.id = r.service_id
			WHERE p.author_id = ${u}
			UNION ALL
			SELECT 'note', n.id, n.created_at, n.body, a.display_name, NULL, NULL, NULL
			FROM resident_notes n LEFT JOIN users a ON a.id = n.author_id WHERE n.user_id = ${u}
			UNION ALL
			SELECT 'badge', b.id, b.granted_at, b.label, b.kind,
				CASE WHEN b.revoked_at IS NOT NULL THEN 'revoked' END, b.revoked_at, NULL
			FROM trust_badges b WHERE b.user_id = ${u}
			UNION ALL
			SELECT 'gathering', gs.id, g.starts_at, g.name, g.kind, NULL, NULL, g.id
			FROM gathering_signups gs JOIN gatherings g ON g.id = gs.gathering_id
			WHERE gs.user_id = ${u} AND gs.attended = 1
		) t
		WHERE t.kind IN (${sql.join(
			kinds.map((k) => sql`${k}`),
			sql`, `
		)})
		${
			c
				? sql`AND (t.at < ${c.at} OR (t.at = ${c.at} AND (t.kind < ${c.kind} OR (t.kind = ${c.kind} AND t.id < ${c.id}))))`
				: sql``
		}
		ORDER BY t.at DESC, t.kind DESC, t.id DESC
		LIMIT ${size + 1}`);
	const items = rows.slice(0, size);
	return { items, next: rows.length > size ? items.at(-1)! : null };
}

/** Reading a person's timeline shows their notes and signals: it is logged as reading notes is. */
export function recordTimelineRead(
	db: DB,
	brokerId: string,
	person: { id: string; neighbourhoodId: number | null },
	shown: number,
	now: number
): void {
	recordAudit(
		db,
		{
			actorId: brokerId,
			action: 'timeline.read',
			subjectType: 'user',
			subjectId: person.id,
			neighbourhoodId: person.neighbourhoodId,
			detail: { items: shown }
		},
		now
	);
}
