import { error, type RequestEvent } from '@sveltejs/kit';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { postForBroker } from '$lib/server/broker/referrals';
import { db } from '$lib/server/db';

/** A broker of the post's neighbourhood (or an admin), and the post. */
export function brokerPost(event: RequestEvent) {
	requireBroker(event);
	const post = postForBroker(db, Number(event.params.id));
	if (!post) error(404, 'not found');
	const user = requireBrokerOf(event, post.neighbourhoodId);
	return { user, post };
}
