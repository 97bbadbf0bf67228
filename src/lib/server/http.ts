/** A local path to go to after a form, never another site (open-redirect protection). */
export function safeRedirect(value: unknown, fallback = '/'): string {
	const s = typeof value === 'string' ? value : '';
	return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : fallback;
}
