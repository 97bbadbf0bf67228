import { m } from '$lib/paraglide/messages.js';
import type { Channel } from '$lib/notify/channels';

/** The mailbox's name for each channel; a channel without words fails svelte-check. */
export const channelText: Record<Channel, () => string> = {
	email: m.sms_mailbox_channel_email,
	sms: m.sms_mailbox_channel_sms,
	push: m.sms_mailbox_channel_push,
	letter: m.sms_mailbox_channel_letter
};
