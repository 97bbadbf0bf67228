import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime.js';
import { writingLanguage } from '$lib/profile/languages';
import { reasonSchema } from '$lib/schemas/talk';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import {
	approvePost,
	openReports,
	pendingPosts,
	resolveReport
} from '$lib/server/broker/moderation';
import { rejectPost } from '$lib/server/broker/take-down';
import { categoryName } from '$lib/server/categories/pilot';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { categories, posts } from '$lib/server/db/schema';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	const names = new Map(
		db
			.select()
			.from(categories)
			.all()
			.map((c) => [c.id, categoryName(c.names, getLocale())])
	);
	return {
		pending: pendingPosts(db, ids).map(({ post, author, authorLanguages, authorLocale }) => ({
			id: post.id,
			kind: post.kind,
			title: post.title,
			body: post.body,
			category: names.get(post.categoryId) ?? '',
			createdAt: post.createdAt,
			// Sent again after a rejection: the broker sees what was asked the first time.
			earlierReason: post.rejectionReason,
			author,
			// The poster's words, marked with the language they most likely wrote them in.
			lang: writingLanguage(authorLanguages, authorLocale)
		})),
		reports: openReports(db, ids)
	};
};

/** The waiting post, when this broker may decide on it. */
async function decided(event: RequestEvent) {
	requireBroker(event);
	const data = await event.request.formData();
	const post = db
		.select()
		.from(posts)
		.where(eq(posts.id, Number(data.get('postId'))))
		.get();
	if (!post) error(404, 'not found');
	const broker = requireBrokerOf(event, post.neighbourhoodId);
	return { post, broker, data };
}

/** "Write a reason" for a missing or short one; otherwise what is wrong (e.g. a hidden character). */
function reasonError(e: z.ZodError): string {
	const key = e.issues[0]?.message;
	return !key || key === 'talk_err_reason_required' ? 'broker_err_reason' : key;
}

export const actions: Actions = {
	approve: async (event) => {
		const { post, broker } = await decided(event);
		approvePost(db, post.id, broker.id, event.url.origin, clock.now());
		return { approved: post.id };
	},
	reject: async (event) => {
		const { post, broker, data } = await decided(event);
		const reason = String(data.get('reason') ?? '');
		const parsed = reasonSchema.shape.reason.safeParse(reason);
		if (!parsed.success)
			return fail(400, { postId: post.id, reason, error: reasonError(parsed.error) });
		rejectPost(db, post.id, broker.id, parsed.data, event.url.origin, clock.now());
		return { rejected: post.id };
	},
	resolve: async (event) => {
		const user = requireBroker(event);
		const data = await event.request.formData();
		const note = String(data.get('note') ?? '');
		const id = Number(data.get('reportId'));
		const parsed = reasonSchema.shape.reason.safeParse(note);
		if (!parsed.success) return fail(400, { reportId: id, note, error: reasonError(parsed.error) });
		const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
		if (!resolveReport(db, id, ids, user.id, parsed.data, clock.now())) error(403, 'forbidden');
		return { resolved: id };
	}
};
