import type { PageServerLoad } from './$types';

// Everything the home page shows (who is signed in, whom to call) comes from the layout.
export const load: PageServerLoad = () => ({});
