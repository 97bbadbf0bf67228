/**
 * How a person the broker registered likes to be reached; shared by the database schema, the
 * intake form's validation and the pages (words: `./describe`).
 */
export const CONTACT_WAYS = ['phone', 'visit', 'letter'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];
