/** Parts of the day: when a recurring post happens, and when a person is usually free. */
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof DAY_PARTS)[number];
