import { setError, type SuperValidated } from 'sveltekit-superforms';
import type { NeighbourhoodForm } from '$lib/schemas/neighbourhood';
import type { Problems } from '$lib/server/neighbourhoods/admin';

/** Puts the domain's findings beside their fields, unless the schema already put one there. */
export function showProblems(form: SuperValidated<NeighbourhoodForm>, problems: Problems): void {
	for (const [field, key] of Object.entries(problems) as [keyof Problems, string][]) {
		if (!form.errors[field]?.length) setError(form, field, key);
	}
}
