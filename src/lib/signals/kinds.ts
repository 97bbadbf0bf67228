/**
 * What a volunteer's signal is about, and where the broker is with it; shared by the database
 * schema, the form's validation and the pages (words: `./describe`).
 */
export const SIGNAL_KINDS = ['client', 'service', 'policy'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export const SIGNAL_STATUSES = ['received', 'picked_up', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
