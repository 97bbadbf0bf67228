import type { SessionUser, SessionInfo } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
		}
		namespace Superforms {
			/** A status line above a form; field errors sit beside their fields. */
			type Message = { type: 'ok' | 'error'; text: string };
		}
		interface Error {
			message: string;
			/** Reference the person can quote; the same id is in the server log. */
			id?: string;
		}
	}
}

export {};
