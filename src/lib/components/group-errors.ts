/**
 * Superforms reports errors of an array field as { _errors: [...] } for the whole list and
 * { 0: [...] } for one item; the form shows them together beside the group.
 */
export function groupErrors(errors: unknown): string[] | undefined {
	if (!errors) return undefined;
	if (Array.isArray(errors)) return errors.length ? errors : undefined;
	const all = Object.values(errors as Record<string, string[] | undefined>).flatMap((e) => e ?? []);
	return all.length ? all : undefined;
}
