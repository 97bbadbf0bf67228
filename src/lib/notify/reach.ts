/**
 * How a person is reached, as the settings pages show it (client-safe: types and the
 * "HH:MM" ⇄ minute-of-day conversion of quiet hours; the rules are in `$lib/server/notify/preferences`).
 */
import type { ChoosableChannel, ChoosableTopic } from './channels';

/** Why a channel cannot reach the person now. */
export const UNUSABLE_REASONS = [
	'no_email',
	'no_phone',
	'phone_not_verified',
	'sms_stopped',
	'no_push'
] as const;
export type UnusableReason = (typeof UNUSABLE_REASONS)[number];

export interface ChannelState {
	usable: boolean;
	reason: UnusableReason | null;
}

export interface Reach {
	/** Per topic: the channel messages go by now (null: none can reach them), and their own choice. */
	topics: Record<
		ChoosableTopic,
		{ channel: ChoosableChannel | null; chosen: ChoosableChannel | null }
	>;
	channels: Record<ChoosableChannel, ChannelState>;
	/** No SMS or push between these times (neighbourhood time); null: at any hour. */
	quiet: { from: string; until: string } | null;
}

/** "07:30" → 450. The text must be a valid "HH:MM" (the form's schema checks it). */
export function minuteOfDay(time: string): number {
	const [h, m] = time.split(':').map(Number);
	return h! * 60 + m!;
}

/** 450 → "07:30". */
export function timeOfDay(minute: number): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
