import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { Channel, ChoosableTopic } from './channels';
import type { UnusableReason } from './reach';

type Words = (inputs?: object, options?: { locale?: Locale }) => string;

const channels: Record<Channel, Words> = {
	email: m.notify_channel_email,
	sms: m.notify_channel_sms,
	push: m.notify_channel_push,
	letter: m.notify_channel_letter
};

/** A channel's name ("SMS"), in the current language or the one given. */
export const channelName = (channel: Channel, locale?: Locale) =>
	channels[channel]({}, locale ? { locale } : undefined);

const topics: Record<ChoosableTopic, () => string> = {
	follow_up: m.notify_topic_follow_up,
	reminder: m.notify_topic_reminder,
	proposal: m.notify_topic_proposal,
	alert: m.notify_topic_alert
};

/** What messages of a topic are about ("Follow-ups: how did the help go?"). */
export const topicName = (topic: ChoosableTopic) => topics[topic]();

const reasons: Record<UnusableReason, () => string> = {
	no_email: m.notify_unusable_no_email,
	no_phone: m.notify_unusable_no_phone,
	phone_not_verified: m.notify_unusable_phone_not_verified,
	sms_stopped: m.notify_unusable_sms_stopped,
	no_push: m.notify_unusable_no_push
};

/** Why a channel cannot reach the person yet, in words. */
export const unusableText = (reason: UnusableReason) => reasons[reason]();
