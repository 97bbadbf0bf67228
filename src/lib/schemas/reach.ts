import { z } from 'zod';
import { CHOOSABLE_CHANNELS } from '$lib/notify/channels';
import { TIME_OF_DAY } from './fields';

/** A channel for one topic; left out (a topic no channel can reach yet) keeps what it had. */
const channel = z.enum(CHOOSABLE_CHANNELS, { error: 'notify_err_channel' }).optional();
/** A time as people write it: "7:30" and "21.00" are read as 07:30 and 21:00. */
const time = z
	.string()
	.trim()
	.default('')
	.overwrite((v) =>
		v.replace(/^(\d{1,2})[.:h](\d{2})$/, (_, h: string, m: string) => `${h.padStart(2, '0')}:${m}`)
	);

/**
 * "How we reach you": a channel per topic and the quiet hours, set by the person
 * (/account/notifications) or their broker. Whether a channel can reach the person now is the
 * domain's rule (`saveReach`), which answers beside the topic.
 */
export const reachSchema = z
	.object({
		follow_up: channel,
		reminder: channel,
		proposal: channel,
		alert: channel,
		/** Ticked: SMS and push at any hour; the times are then not read. */
		anyHour: z.boolean().default(false),
		quietFrom: time,
		quietUntil: time
	})
	.superRefine((v, ctx) => {
		if (v.anyHour) return;
		for (const field of ['quietFrom', 'quietUntil'] as const)
			if (!TIME_OF_DAY.test(v[field]))
				ctx.addIssue({ code: 'custom', message: 'notify_err_time', path: [field] });
	});
export type ReachForm = z.output<typeof reachSchema>;
