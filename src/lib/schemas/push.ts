import { z } from 'zod';
import { idField } from './fields';

/** base64url without padding (browsers give none), or with it. */
const base64url = (bytes: number) =>
	z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}={0,2}$`));

/**
 * What a browser's PushSubscription hands over: its push service's address and its keys (a P-256
 * public key of 65 bytes and a 16-byte secret). Filled in by the page's script, never typed.
 */
export const subscribeSchema = z.object({
	endpoint: z.url({ protocol: /^https?$/ }).max(2048),
	p256dh: base64url(65),
	auth: base64url(16)
});

/** One of the person's devices. */
export const deviceSchema = z.object({ id: idField() });
