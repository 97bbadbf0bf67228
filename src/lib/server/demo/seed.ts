import { addService } from '../broker/social-map';
import { count, eq } from 'drizzle-orm';
import type { Polygon } from 'geojson';
import type { DB, Tx } from '../db/client';
import {
	categories,
	lendingDeskStaff,
	neighbourhoodBrokers,
	neighbourhoods,
	streets,
	userCategories,
	users,
	type BadgeKind
} from '../db/schema';
import { hashPassword } from '../auth/password';
import { approximate } from '../geo/approx';
import { newId } from '../ids';
import { log } from '../log';
import { createPost, type PostInput } from '../posts/create';
import { seedDemoHistory } from './history';
import { acceptResponse, respond } from '../posts/responses';
import { setSetting } from '../settings';
import { localDate } from '../posts/form';
import { grantBadge } from '../trust/grant';
import { setBadgeRules } from '../trust/rules';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { DEMO_PASSWORD, DEMO_TOTP_KEY } from './mode';
import { SECOND_NEIGHBOURHOOD, SECOND_PEOPLE } from './second-neighbourhood';
import { seedDemoTools } from './tools';

/**
 * The demo neighbourhood: a social housing estate around a former exercise ground, as in the
 * pilot (seed 001). Street names and coordinates are made up but plausible.
 */
const CENTRE = { lat: 51.0336, lon: 4.4853 };

/** A slightly skewed quadrilateral around a centre, as a GeoJSON ring (lon, lat). */
export const box = (centre: { lat: number; lon: number }, dLat: number, dLon: number) => [
	[centre.lon - dLon, centre.lat - dLat],
	[centre.lon + dLon, centre.lat - dLat],
	[centre.lon + dLon * 1.1, centre.lat + dLat * 0.9],
	[centre.lon - dLon * 0.9, centre.lat + dLat],
	[centre.lon - dLon, centre.lat - dLat]
];

export const DEMO_STREETS: [string, number, number][] = [
	['Oud-Oefenplein', 0, 0],
	['Vuurkruisenplein', 0.0031, 0.0042],
	['Kazernestraat', -0.0018, 0.0011],
	['Schuttershofstraat', 0.0012, -0.0034],
	['Exercitiestraat', -0.0009, -0.0021],
	['Kanonnierstraat', 0.0024, 0.0016],
	['Lansiersstraat', -0.0031, 0.0038],
	['Trompetterslaan', 0.0038, -0.0012],
	['Vaandelstraat', -0.0026, -0.0045],
	['Ruiterijstraat', 0.0007, 0.0057],
	['Paradeplein', -0.0042, 0.0004],
	['Draaischijfstraat', 0.0045, 0.0031]
];

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

export const DEMO_PEOPLE: DemoPerson[] = [
	{
		email: 'griet@naburig.example',
		name: 'Griet Van den Broeck',
		role: 'admin',
		street: 0,
		house: '1',
		phone: '015 20 30 40',
		languages: ['nl', 'fr', 'en'],
		about: 'Centrumleidster van dienstencentrum De Schijf.',
		helps: [],
		availability: [],
		sinceDays: 400
	},
	{
		email: 'an@naburig.example',
		name: 'An Verhoeven',
		role: 'broker',
		street: 0,
		house: '1',
		phone: '0470 11 22 33',
		languages: ['nl', 'en'],
		about: 'Buurtopbouwwerker. Ik breng vraag en aanbod samen.',
		helps: [],
		availability: ['tue-morning', 'thu-afternoon', 'fri-morning'],
		sinceDays: 380
	},
	{
		email: 'hasan@naburig.example',
		name: 'Hasan Kaya',
		role: 'broker',
		street: 2,
		house: '14',
		phone: '0471 44 55 66',
		languages: ['nl', 'tr'],
		about: 'Vrijwillige buurtwerker, woon zelf in de wijk.',
		helps: ['transport', 'paperwork'],
		availability: ['mon-evening', 'wed-afternoon'],
		sinceDays: 360
	},
	{
		email: 'maria@naburig.example',
		name: 'Maria Janssens',
		street: 1,
		house: '7',
		phone: '015 41 22 87',
		languages: ['nl'],
		about: 'Ik ben 82 en woon alleen. Ik hou van een babbel.',
		helps: ['social-contact'],
		availability: ['mon-afternoon', 'wed-afternoon'],
		sinceDays: 120
	},
	{
		email: 'jozef@naburig.example',
		name: 'Jozef Peeters',
		street: 3,
		house: '22',
		languages: ['nl'],
		about: 'Gepensioneerd elektricien. Handig met lampen en stopcontacten.',
		helps: ['small-jobs', 'garden'],
		availability: ['tue-morning', 'thu-morning', 'sat-morning'],
		sinceDays: 300
	},
	{
		email: 'fatima@naburig.example',
		name: 'Fatima El Amrani',
		street: 4,
		house: '3',
		phone: '0485 12 34 56',
		languages: ['nl', 'ar', 'fr'],
		about: 'Mama van drie. Ik help graag met formulieren.',
		helps: ['paperwork', 'language', 'homework'],
		availability: ['mon-morning', 'fri-morning'],
		sinceDays: 200
	},
	{
		email: 'mehmet@naburig.example',
		name: 'Mehmet Yılmaz',
		street: 5,
		house: '9',
		languages: ['tr', 'nl'],
		about: 'Ik heb een bestelwagen.',
		helps: ['transport', 'small-jobs'],
		availability: ['sat-morning', 'sat-afternoon'],
		locale: 'nl',
		sinceDays: 150
	},
	{
		email: 'ayse@naburig.example',
		name: 'Ayşe Demir',
		street: 6,
		house: '31',
		languages: ['tr'],
		about: '',
		helps: [],
		availability: [],
		sinceDays: 40
	},
	{
		email: 'lotte@naburig.example',
		name: 'Lotte Vermeulen',
		street: 7,
		house: '5',
		languages: ['nl', 'en'],
		about: 'Student, wandel graag met honden.',
		helps: ['dog-walking', 'social-contact', 'computer-phone'],
		availability: ['wed-evening', 'sun-afternoon'],
		locale: 'en',
		sinceDays: 90
	},
	{
		email: 'thomas@naburig.example',
		name: 'Thomas De Smet',
		street: 8,
		house: '18',
		languages: ['nl', 'en'],
		about: 'IT-er, help graag met computer en smartphone.',
		helps: ['computer-phone'],
		availability: ['tue-evening', 'thu-evening'],
		sinceDays: 60
	},
	{
		email: 'youssef@naburig.example',
		name: 'Youssef Benali',
		street: 9,
		house: '2',
		languages: ['nl', 'ar'],
		about: 'Jongerenwerking J@M. Sterk en behulpzaam.',
		helps: ['small-jobs', 'bins', 'garden'],
		availability: ['wed-afternoon', 'sat-afternoon'],
		sinceDays: 75
	},
	{
		email: 'annie@naburig.example',
		name: 'Annie Claes',
		street: 10,
		house: '44',
		phone: '015 55 66 77',
		languages: ['nl'],
		about: 'Slecht te been sinds mijn heupoperatie.',
		helps: [],
		availability: [],
		sinceDays: 30
	},
	{
		email: 'nadia@naburig.example',
		name: 'Nadia Haddad',
		desk: true,
		street: 11,
		house: '6',
		languages: ['ar', 'fr', 'nl'],
		about: 'Ik wil graag Nederlands oefenen.',
		helps: ['shopping'],
		availability: ['tue-afternoon'],
		sinceDays: 25
	},
	{
		email: 'sofie@naburig.example',
		name: 'Sofie Maes',
		street: 2,
		house: '27',
		languages: ['nl'],
		about: 'Doe graag boodschappen voor wie dat zelf niet kan.',
		helps: ['shopping', 'social-contact'],
		availability: ['mon-morning', 'thu-morning'],
		sinceDays: 210
	},
	{
		email: 'gilbert@naburig.example',
		name: 'Gilbert Hendrickx',
		street: 3,
		house: '8',
		languages: ['nl'],
		about: 'Weduwnaar, 78 jaar. Mijn tuin wordt me te veel.',
		helps: [],
		availability: [],
		sinceDays: 15
	},
	{
		email: 'irina@naburig.example',
		name: 'Irina Popescu',
		street: 5,
		house: '12',
		languages: ['ro', 'en', 'nl'],
		about: 'Verpleegkundige, werk in ploegen.',
		helps: ['social-contact', 'shopping'],
		availability: ['sun-morning'],
		sinceDays: 50
	}
];

const DAY = 24 * 60 * 60 * 1000;

/**
 * Fills an empty database with the demo neighbourhood. Does nothing when anyone has an account,
 * so a real installation is never touched. Called only when `mayStartDemo` allows it.
 */
export async function seedDemoIfEmpty(db: DB, now: number): Promise<boolean> {
	const existing = db.select({ n: count() }).from(users).get();
	if ((existing?.n ?? 0) > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	db.transaction((tx) => {
		const categoryIds = new Map(
			tx
				.select({ id: categories.id, slug: categories.slug })
				.from(categories)
				.all()
				.map((c) => [c.slug, c.id])
		);
		const hood = insertNeighbourhood(
			tx,
			{
				slug: 'oud-oefenplein',
				name: 'Oud-Oefenplein en Vuurkruisenplein',
				boundary: { type: 'Polygon', coordinates: [box(CENTRE, 0.0055, 0.0075)] },
				centre: CENTRE,
				phoneDutyNumber: '0470 11 22 33',
				phoneDutyHours: [
					{ day: 2, from: '09:00', to: '12:00' },
					{ day: 4, from: '13:30', to: '16:30' },
					{ day: 5, from: '09:00', to: '12:00' }
				],
				createdDaysAgo: 400,
				streets: DEMO_STREETS
			},
			now
		);
		insertPeople(tx, hood, DEMO_PEOPLE, passwordHash, categoryIds, now);
		// A second, smaller neighbourhood with its own broker: brokers only see their own.
		const second = insertNeighbourhood(tx, SECOND_NEIGHBOURHOOD, now);
		insertPeople(tx, second, SECOND_PEOPLE, passwordHash, categoryIds, now);
		seedDemoTools(tx, hood.id, now);
		setSetting(tx, 'demo', '1');
	});
	seedDemoActivity(db, now);
	seedDemoHistory(db, 'Europe/Brussels', now);
	seedDemoServices(db, now);
	log.info('demo.seeded', {
		people: DEMO_PEOPLE.length + SECOND_PEOPLE.length,
		streets: DEMO_STREETS.length + SECOND_NEIGHBOURHOOD.streets.length
	});
	return true;
}

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

function insertNeighbourhood(tx: Tx, n: DemoNeighbourhood, now: number) {
	const hood = tx
		.insert(neighbourhoods)
		.values({
			slug: n.slug,
			name: n.name,
			boundary: JSON.stringify(n.boundary),
			centreLat: n.centre.lat,
			centreLon: n.centre.lon,
			timeZone: 'Europe/Brussels',
			phoneDutyNumber: n.phoneDutyNumber,
			phoneDutyHours: JSON.stringify(n.phoneDutyHours),
			followUpDelayDays: 14,
			createdAt: now - n.createdDaysAgo * DAY
		})
		.returning()
		.all()[0]!;
	const streetRows = n.streets.map(
		([name, dLat, dLon]) =>
			tx
				.insert(streets)
				.values({
					neighbourhoodId: hood.id,
					name,
					lat: n.centre.lat + dLat,
					lon: n.centre.lon + dLon
				})
				.returning()
				.all()[0]!
	);
	return { id: hood.id, streets: streetRows };
}

/** The people of one neighbourhood; its brokers become its brokers, with the demo second factor. */
function insertPeople(
	tx: Tx,
	hood: { id: number; streets: { id: number; lat: number; lon: number }[] },
	people: DemoPerson[],
	passwordHash: string,
	categoryIds: Map<string, number>,
	now: number
): void {
	for (const p of people) {
		const street = hood.streets[p.street]!;
		// Houses sit a few metres apart along the street, so neighbours do not share one point.
		const exactLat = street.lat + (Number.parseInt(p.house) % 7) * 0.00007;
		const exactLon = street.lon + (Number.parseInt(p.house) % 5) * 0.0001;
		const approx = approximate(exactLat, exactLon);
		const id = newId();
		tx.insert(users)
			.values({
				id,
				email: p.email,
				emailVerifiedAt: now - p.sinceDays * DAY,
				passwordHash,
				role: p.role ?? 'resident',
				// Brokers, admins and desk volunteers need a second factor; in the demo they share the
				// public demo key.
				totpKey: p.role || p.desk ? Buffer.from(decodeBase32IgnorePadding(DEMO_TOTP_KEY)) : null,
				displayName: p.name,
				phone: p.phone ?? null,
				locale: p.locale ?? 'nl',
				languages: JSON.stringify(p.languages),
				about: p.about,
				availability: JSON.stringify(p.availability),
				neighbourhoodId: hood.id,
				streetId: street.id,
				houseNumber: p.house,
				placeSource: 'street',
				exactLat,
				exactLon,
				approxCell: approx.cell,
				approxLat: approx.lat,
				approxLon: approx.lon,
				createdAt: now - p.sinceDays * DAY
			})
			.run();
		for (const slug of p.helps) {
			const categoryId = categoryIds.get(slug);
			if (categoryId) tx.insert(userCategories).values({ userId: id, categoryId }).run();
		}
		if (p.role === 'broker')
			tx.insert(neighbourhoodBrokers).values({ neighbourhoodId: hood.id, userId: id }).run();
		if (p.desk)
			tx.insert(lendingDeskStaff)
				.values({ neighbourhoodId: hood.id, userId: id, createdAt: now - p.sinceDays * DAY })
				.run();
	}
}

/**
 * Badges the brokers granted after a check, with the confidential note a broker would write:
 * person, kind, days ago, note, and for a certificate or training the days since its date (and
 * the training's name). Sofie's certificate is from earlier volunteering and expires within the
 * month, so Today shows it.
 */
const DEMO_BADGES: [
	string,
	BadgeKind,
	number,
	string,
	{ issuedDaysAgo: number; label?: string }?
][] = [
	[
		'jozef@naburig.example',
		'met_in_person',
		280,
		'Kennismaking bij hem thuis. Gepensioneerd elektricien, rustig en geduldig. Identiteitskaart gezien.'
	],
	[
		'jozef@naburig.example',
		'good_conduct',
		270,
		'Uittreksel uit het strafregister (model 2) gezien, zonder vermeldingen. Geen kopie bewaard.',
		{ issuedDaysAgo: 285 }
	],
	[
		'sofie@naburig.example',
		'met_in_person',
		200,
		'Gesprek in dienstencentrum De Schijf. Wil vooral boodschappen doen en op bezoek gaan bij ouderen.'
	],
	[
		'sofie@naburig.example',
		'good_conduct',
		195,
		'Uittreksel van haar vrijwilligerswerk bij de thuiszorg gezien. Verloopt binnenkort: nieuw aanvragen.',
		{ issuedDaysAgo: 3 * 365 - 20 }
	],
	[
		'youssef@naburig.example',
		'met_in_person',
		60,
		'Kwam langs met zijn jeugdwerker van J@M. Enthousiast, spreekt ook Arabisch.'
	],
	[
		'lotte@naburig.example',
		'met_in_person',
		80,
		'Kennismakingsgesprek bij haar thuis. Studeert informatica, helpt graag met smartphones.'
	],
	[
		'lotte@naburig.example',
		'training',
		70,
		'Aanwezigheidslijst van de vorming in het dienstencentrum nagekeken.',
		{ issuedDaysAgo: 72, label: 'Discretie en beroepsgeheim' }
	],
	[
		'fatima@naburig.example',
		'met_in_person',
		190,
		'Gesprek in het dienstencentrum. Helpt al jaren buren met brieven en formulieren.'
	],
	[
		'mehmet@naburig.example',
		'met_in_person',
		140,
		'Kennismaking op de markt, daarna bij hem thuis. Heeft een bestelwagen; rijbewijs gezien.'
	],
	[
		'thomas@naburig.example',
		'references',
		50,
		'Twee referenties gebeld: de computerclub van het buurthuis en zijn vorige werkgever. Beide positief.'
	],
	[
		'maria@naburig.example',
		'met_in_person',
		110,
		'Huisbezoek. Woont alleen, zoekt vooral gezelschap. Hoort slecht: lang laten bellen.'
	],
	[
		'annie@naburig.example',
		'met_in_person',
		25,
		'Huisbezoek na haar heupoperatie, samen met haar dochter.'
	]
];

/** Helpers in someone's home need to have met a broker first (seed 003: who comes into my house?). */
const DEMO_BADGE_RULES: [string, BadgeKind][] = [['small-jobs', 'met_in_person']];

type DemoPost = Omit<
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

const inDays = (now: number, n: number) => new Date(now + n * DAY).toISOString().slice(0, 10);

function demoPosts(now: number): DemoPost[] {
	return [
		{
			by: 'maria@naburig.example',
			kind: 'request',
			category: 'social-contact',
			title: 'Samen koffie drinken op woensdag',
			body: 'Ik woon alleen en zou graag af en toe iemand over de vloer hebben voor een babbel en een tas koffie. Ongeveer een uurtje, bij mij thuis.',
			whenType: 'recurring',
			recurringDay: 3,
			recurringPart: 'afternoon',
			durationMinutes: 60,
			daysAgo: 6,
			responses: [
				['sofie@naburig.example', 'Ik kom graag langs, woensdag na de middag past mij goed.', true]
			]
		},
		{
			by: 'annie@naburig.example',
			kind: 'request',
			category: 'shopping',
			title: 'Boodschappen bij de supermarkt',
			body: 'Sinds mijn heupoperatie kan ik niet naar de winkel. Elke week een klein lijstje: brood, melk, groenten. Ik betaal terug bij levering.',
			whenType: 'recurring',
			recurringDay: 5,
			recurringPart: 'morning',
			durationMinutes: 45,
			daysAgo: 3,
			responses: [
				[
					'irina@naburig.example',
					'Ik doe vrijdag toch mijn eigen boodschappen, dat kan perfect samen.',
					false
				]
			]
		},
		{
			by: 'gilbert@naburig.example',
			kind: 'request',
			category: 'garden',
			title: 'Haag snoeien en gras maaien',
			body: 'Mijn tuin wordt me te veel. De haag langs de straat moet gesnoeid worden en het gras is te lang. Materiaal is er.',
			whenType: 'date',
			whenDate: inDays(now, 9),
			durationMinutes: 180,
			helpersNeeded: 2,
			daysAgo: 2
		},
		{
			by: 'maria@naburig.example',
			kind: 'request',
			category: 'transport',
			title: 'Rit naar de apotheek',
			body: 'Ik moet medicijnen ophalen bij de apotheek aan de markt. Heen en terug, ik kan zelf in en uit de auto.',
			whenType: 'window',
			whenDate: inDays(now, 4),
			whenFrom: '10:00',
			whenTo: '12:00',
			durationMinutes: 45,
			daysAgo: 1
		},
		{
			by: 'nadia@naburig.example',
			kind: 'request',
			category: 'language',
			title: 'Nederlands oefenen',
			body: 'Ik volg les, maar ik wil meer praten. Een uur per week samen wandelen of koffie drinken en Nederlands spreken.',
			whenType: 'flexible',
			durationMinutes: 60,
			daysAgo: 1
		},
		{
			by: 'ayse@naburig.example',
			kind: 'request',
			category: 'paperwork',
			title: 'Hulp met een brief van het OCMW',
			body: 'Ik heb een brief gekregen en begrijp niet goed wat ik moet doen. Wie kan hem samen met mij lezen?',
			whenType: 'flexible',
			durationMinutes: 30,
			daysAgo: 0
		},
		{
			by: 'jozef@naburig.example',
			kind: 'offer',
			category: 'small-jobs',
			title: 'Lampen, stopcontacten en kleine klusjes',
			body: 'Gepensioneerd elektricien. Ik vervang lampen, hang gordijnen op en repareer kleine dingen in huis. Ladder en gereedschap heb ik zelf.',
			whenType: 'recurring',
			recurringDay: 2,
			recurringPart: 'morning',
			durationMinutes: 60,
			standing: true,
			daysAgo: 40
		},
		{
			by: 'lotte@naburig.example',
			kind: 'offer',
			category: 'dog-walking',
			title: 'Hond uitlaten in het park',
			body: 'Ik wandel graag en neem je hond mee naar het park, ongeveer drie kwartier.',
			whenType: 'recurring',
			recurringDay: 7,
			recurringPart: 'afternoon',
			durationMinutes: 45,
			standing: true,
			daysAgo: 20
		},
		{
			by: 'thomas@naburig.example',
			kind: 'offer',
			category: 'computer-phone',
			title: 'Hulp met smartphone en computer',
			body: 'Videobellen met de kleinkinderen, een app installeren, een e-mail sturen: ik leg het rustig uit, zo vaak als nodig.',
			whenType: 'recurring',
			recurringDay: 4,
			recurringPart: 'evening',
			durationMinutes: 60,
			standing: true,
			daysAgo: 12
		},
		{
			by: 'mehmet@naburig.example',
			kind: 'offer',
			category: 'transport',
			title: 'Rit naar het containerpark',
			body: 'Ik heb een bestelwagen. Grof vuil of snoeiafval naar het containerpark brengen kan op zaterdag.',
			whenType: 'recurring',
			recurringDay: 6,
			recurringPart: 'morning',
			durationMinutes: 90,
			standing: true,
			daysAgo: 30,
			place: { type: 'home' }
		},
		{
			by: 'fatima@naburig.example',
			kind: 'offer',
			category: 'paperwork',
			title: 'Formulieren invullen (ook in het Arabisch en Frans)',
			body: 'Ik help met formulieren en brieven, en kan uitleggen in het Arabisch of het Frans.',
			whenType: 'recurring',
			recurringDay: 1,
			recurringPart: 'morning',
			durationMinutes: 60,
			standing: true,
			daysAgo: 25
		},
		{
			by: 'youssef@naburig.example',
			kind: 'offer',
			category: 'bins',
			title: 'Vuilnis buiten zetten',
			body: 'Ik woon in de Vaandelstraat en zet op dinsdagavond graag ook jouw vuilniszak buiten.',
			whenType: 'recurring',
			recurringDay: 2,
			recurringPart: 'evening',
			durationMinutes: 10,
			standing: true,
			daysAgo: 15
		}
	];
}

/** Badges, posts, responses and matches, made through the same domain functions as the site. */
function seedDemoActivity(db: DB, now: number): void {
	const byEmail = new Map(
		db
			.select({ id: users.id, email: users.email })
			.from(users)
			.all()
			.map((u) => [u.email, u.id])
	);
	const broker = byEmail.get('an@naburig.example')!;
	for (const [email, kind, ago, note, extra] of DEMO_BADGES) {
		const userId = byEmail.get(email);
		if (!userId) continue;
		const at = now - ago * DAY;
		const granted = grantBadge(
			db,
			{
				userId,
				brokerId: broker,
				kind,
				checkedOn: localDate(at, 'Europe/Brussels'),
				note,
				issuedOn: extra ? localDate(now - extra.issuedDaysAgo * DAY, 'Europe/Brussels') : null,
				label: extra?.label ?? null
			},
			at
		);
		if (!granted.ok) throw new Error(`Demo badge ${kind} for ${email} was refused`);
	}
	const categoryIds = new Map(
		db
			.select({ id: categories.id, slug: categories.slug })
			.from(categories)
			.all()
			.map((c) => [c.slug, c.id])
	);
	const hood = db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'oud-oefenplein'))
		.get()!;
	setBadgeRules(
		db,
		broker,
		hood.id,
		DEMO_BADGE_RULES.map(([slug, kind]) => ({ categoryId: categoryIds.get(slug)!, kind })),
		now
	);
	demoPosts(now).forEach((p, i) => {
		const authorId = byEmail.get(p.by)!;
		const at = now - p.daysAgo * DAY - i * 60_000;
		const { by, category, daysAgo, responses = [], ...rest } = p;
		const result = createPost(
			db,
			authorId,
			{
				...rest,
				categoryId: categoryIds.get(category)!,
				helpersNeeded: p.helpersNeeded ?? 1,
				standing: p.standing ?? false,
				place: p.place ?? { type: 'home' },
				submissionKey: `demo-${i}`
			},
			true,
			at
		);
		if (!result.ok) throw new Error(`Demo post ${i} was refused: ${result.error}`);
		for (const [email, message, accepted] of responses) {
			const r = respond(db, result.post, byEmail.get(email)!, message, at + 3600_000);
			if (r.ok && accepted) acceptResponse(db, r.response.id, authorId, at + 7200_000);
		}
	});
}

// ——— Broker intake: a few services on the social map ———

function seedDemoServices(db: DB, now: number): void {
	const hood = db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'oud-oefenplein'))
		.get();
	if (!hood) return;
	const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));
	const list = [
		{
			name: 'OCMW Sociale dienst',
			description: 'Helpt met geld, papieren, huur en energie. U kunt langsgaan of bellen.',
			kind: 'social',
			phone: '03 444 10 00',
			address: 'Kerkplein 2',
			website: 'https://www.example.org/ocmw',
			openingHours: weekdays('09:00', '12:00')
		},
		{
			name: 'Wit-Gele Kruis thuisverpleging',
			description: 'Verpleging aan huis: wondzorg, medicatie, hulp bij wassen.',
			kind: 'care',
			phone: '03 444 20 00',
			address: 'Zorgstraat 14',
			website: 'https://www.example.org/wgk',
			openingHours: weekdays('08:00', '17:00')
		},
		{
			name: 'Voedselbank De Schakel',
			description: 'Voedselpakketten voor wie het moeilijk heeft, na een gesprek met het OCMW.',
			kind: 'food',
			phone: '03 444 30 00',
			address: 'Magazijnstraat 7',
			website: '',
			openingHours: [{ day: 3, from: '13:00', to: '16:00' }]
		}
	];
	for (const s of list) addService(db, null, hood.id, { ...s, categoryIds: [] }, now);
}
