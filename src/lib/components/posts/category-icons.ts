/**
 * Line drawings for the help categories (24 × 24, drawn with the text colour), by the icon name
 * stored with each category. Emoji were shown before: where no emoji font is installed they
 * became empty boxes. Each drawing is a list of SVG path data.
 */

/** A circle as path data, so every drawing is paths only. */
const circle = (cx: number, cy: number, r: number) =>
	`M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

export const CATEGORY_ICONS = {
	hammer: ['M4 20l9-9', 'M10.5 8.5l4-4 5 5-4 4z'],
	bin: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13', 'M10 11v6', 'M14 11v6'],
	sprout: [
		'M12 21v-9',
		'M12 12C12 8 9 6 5 6c0 4 3 6 7 6z',
		'M12 14c0-4 3-6 7-6 0 4-3 6-7 6z',
		'M7 21h10'
	],
	car: ['M3 16v-4l2-5h14l2 5v4z', 'M3 12h18', circle(7.5, 17.5, 2), circle(16.5, 17.5, 2)],
	cup: [
		'M5 9h11v6a4 4 0 0 1-4 4H9a4 4 0 0 1-4-4z',
		'M16 11h2a2 2 0 0 1 0 4h-2',
		'M9 3v3',
		'M12 3v3'
	],
	paw: [
		circle(6.5, 10.5, 1.8),
		circle(10, 6.5, 1.8),
		circle(14.5, 6.5, 1.8),
		circle(18, 10.5, 1.8),
		'M12 12c-3 0-5 3-5 5.5 0 1.5 1.2 2.5 2.6 2.5 1 0 1.6-.5 2.4-.5s1.4.5 2.4.5c1.4 0 2.6-1 2.6-2.5 0-2.5-2-5.5-5-5.5z'
	],
	document: ['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 12h6', 'M9 16h6'],
	bag: ['M5 8h14l-1 12H6z', 'M9 8V6a3 3 0 0 1 6 0v2'],
	phone: ['M9 3h6a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z', 'M11 18h2'],
	book: [
		'M12 6C10 4.5 7 4 4 4.5v14c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5v-14C17 4 14 4.5 12 6z',
		'M12 6v14'
	],
	speech: ['M4 5h16v11h-9l-5 4v-4H4z', 'M8 9h8', 'M8 12h5'],
	/** For a category whose icon has no drawing (yet): a plain dot. */
	dot: [circle(12, 12, 4)]
} as const satisfies Record<string, readonly string[]>;

export type CategoryIconName = keyof typeof CATEGORY_ICONS;

/** The drawing of a stored icon name; unknown names get the plain dot. */
export function categoryIconPaths(name: string): readonly string[] {
	return name in CATEGORY_ICONS ? CATEGORY_ICONS[name as CategoryIconName] : CATEGORY_ICONS.dot;
}
