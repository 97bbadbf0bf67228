import type { Polygon } from 'geojson';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import type { PostInput } from '../posts/create';

// The shapes of the demo's data (first-neighbourhood.ts, second-neighbourhood.ts, activity.ts),
// apart from the seeding code in seed.ts that inserts it.

/** A demo neighbourhood as it is inserted: streets are offsets (lat, lon) from the centre. */
export interface DemoNeighbourhood {
	slug: string;
	name: string;
	boundary: Polygon;
	centre: { lat: number; lon: number };
	phoneDutyNumber: string;
	phoneDutyHours: { day: number; from: string; to: string }[];
	createdDaysAgo: number;
	streets: [string, number, number][];
}

/** A demo person; `street` is an index into their neighbourhood's streets. */
export interface DemoPerson {
	email: string;
	name: string;
	role?: 'admin' | 'broker';
	/** A resident who runs the lending desk as a volunteer (so also has the demo second factor). */
	desk?: true;
	street: number;
	house: string;
	phone?: string;
	languages: string[];
	about: string;
	helps: string[];
	availability: string[];
	locale?: string;
	sinceDays: number;
}

/** A badge a broker granted after a check (see DEMO_BADGES in activity.ts). */
export type DemoBadge = [
	string,
	BadgeKind,
	number,
	string,
	{ issuedDaysAgo: number; label?: string }?
];

/** A demo post, by its author's e-mail and its category's slug, placed `daysAgo`. */
export type DemoPost = Omit<
	PostInput,
	'submissionKey' | 'categoryId' | 'standing' | 'helpersNeeded' | 'place'
> & {
	by: string;
	category: string;
	helpersNeeded?: number;
	standing?: boolean;
	daysAgo: number;
	place?: PostInput['place'];
	/** Who responded (e-mail), and whether the poster accepted. */
	responses?: [string, string, boolean][];
};
