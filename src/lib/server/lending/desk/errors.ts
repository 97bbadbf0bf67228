/** A desk action refused for a reason the desk is told in words: `code` is a message key. */
export class DeskError extends Error {
	constructor(public code: string) {
		super(code);
	}
}
