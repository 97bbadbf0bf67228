import type { ParamMatcher } from '@sveltejs/kit';

/** A person's id as newId() makes it: 12 random bytes in lower-case base32. */
export const match: ParamMatcher = (param) => /^[a-z2-7]{20}$/.test(param);
