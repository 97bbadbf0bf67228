/**
 * The address of a named action that keeps the page's query: the desk's guard reads the
 * neighbourhood (?n=) and the booking page the resident (?for=) from it.
 */
export function actionKeepingQuery(url: URL, name: string): string {
	const query = new URLSearchParams([...url.searchParams].filter(([key]) => !key.startsWith('/')));
	const kept = query.toString();
	return `?${kept ? `${kept}&` : ''}/${name}`;
}
