import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { APIResponse } from '@playwright/test';

/**
 * Who asks. `otherBroker` brokers the second demo neighbourhood (Ganzenpoel) only; `broker`
 * brokers the first, where every id below lives; `codePending` is a broker of the first who typed
 * the password but not yet the code of the second step; `partner` is Els of the first
 * neighbourhood's OCMW and `steering` Wim of its steering group (issue 21), both past the code.
 */
export const ROLES = [
	'anonymous',
	'resident',
	'otherBroker',
	'broker',
	'admin',
	'codePending',
	'partner',
	'steering'
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role should get: an HTTP status, a 303 to the sign-in page (`sign-in`) or to the code
 * step (`code`), or nothing at all because a request would change the demo data for good.
 */
export type Answer = number | 'sign-in' | 'code' | { skip: string };

/** Real ids from the demo database, all of the first neighbourhood, found as a broker would. */
export interface Ids {
	resident: string;
	post: number;
	followUp: number;
	task: number;
	signal: number;
	street: number;
	service: number;
	loan: number;
	tool: number;
	/** Volunteers (issue 20): the demo's upcoming intervision, Jozef's expense claim, Jozef. */
	gathering: number;
	expenseClaim: number;
	helper: string;
	// --- ids: back office (issue 21); each branch adds its own below its marker ---
	// --- ids: signal cycle ---
	// --- ids: bundle and steering ---
	// --- ids: timeline ---
	// --- ids: referral checks ---
	// --- ids: partners ---
	/** The demo's referral by Els of the OCMW (Georgette Willems), found on An's Today. */
	partnerReferral: number;
	// --- ids: social map ---
	// --- ids: reach ---
	/** Care circles (issue 22): the demo's circle around Gilbert, which Maria keeps going; one of
	 * its moments; the circle around Annie, which Maria is not in; Gilbert's check-in calls. */
	circle: number;
	otherCircle: number;
	circleSlot: number;
	checkInPlan: number;
}

/**
 * Whose answer is refused:
 * - `n1`: something of the first neighbourhood: only its brokers and admins;
 * - `own`: a list of one's own neighbourhoods: every broker, each seeing their own;
 * - `admin`: admins only;
 * - `user`: anyone signed in (the map's markers, which residents use);
 * - `partner`: partner accounts only (issue 21; brokers and admins have their own pages);
 * - `steering`: steering-group accounts only (issue 21).
 * Partners and the steering group are refused everything of `n1`, `own` and `admin`.
 */
type Scope = 'n1' | 'own' | 'admin' | 'user' | 'partner' | 'steering';

export interface Row {
	/** The route as in the file tree (groups left out), e.g. `/broker/residents/[id=userid]`. */
	route: string;
	/** `load`, `GET` (a +server.ts handler), `default` or the named action. */
	handler: string;
	url: (ids: Ids) => string;
	/** Form fields of an action: invalid or harmless, so that passing the guard changes nothing. */
	form?: Record<string, string>;
	scope: Scope;
	/** The answer for those who may: 200 for pages, the validation failure for actions. */
	ok: number;
	/** Answers that differ from the scope's, per role, and why. */
	except?: Partial<Record<Role, Answer>>;
	why?: string;
}

const MISSING = 999999;
const TOO_LONG = 'x'.repeat(1001);
const n1 = (path: string) => `${path}${path.includes('?') ? '&' : '?'}n=1`;

/**
 * Every load, action and handler of the broker, admin and desk pages (and the map's JSON). For
 * actions, "ok" is reached with empty or invalid input (400), or with a request that finds
 * nothing to change (404/409), so the table never changes the demo neighbourhood.
 */
export const ROWS: Row[] = [
	// ——— Broker workspace ———
	{ route: '/broker', handler: 'load', url: () => '/broker', scope: 'own', ok: 200 },
	{ route: '/broker/audit', handler: 'load', url: () => '/broker/audit', scope: 'own', ok: 200 },
	{
		route: '/broker/call-face',
		handler: 'load',
		url: () => '/broker/call-face',
		scope: 'own',
		ok: 200,
		why: "a broker's own first name and photo, beside the phone number"
	},
	{
		route: '/broker/call-face',
		handler: 'default',
		url: () => '/broker/call-face',
		form: { callName: TOO_LONG },
		scope: 'own',
		ok: 400
	},
	{
		route: '/broker/follow-ups/[id=int]',
		handler: 'load',
		url: (i) => `/broker/follow-ups/${i.followUp}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/follow-ups/[id=int]',
		handler: 'load',
		url: () => `/broker/follow-ups/${MISSING}`,
		scope: 'own',
		ok: 404,
		why: 'a follow-up that does not exist: residents are refused before anything is looked up'
	},
	{
		route: '/broker/follow-ups/[id=int]',
		handler: 'default',
		url: (i) => `/broker/follow-ups/${i.followUp}`,
		form: {},
		scope: 'n1',
		ok: 400
	},
	// Letters to print (issue 18): no letter in the demo, so a letter of nobody's answers 404 to
	// brokers (residents are refused before anything is looked up).
	{
		route: '/broker/letters',
		handler: 'load',
		url: () => '/broker/letters',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/letters/[id=int]',
		handler: 'load',
		url: () => `/broker/letters/${MISSING}`,
		scope: 'own',
		ok: 404,
		why: 'a letter that does not exist'
	},
	{
		route: '/broker/letters/[id=int]',
		handler: 'printed',
		url: () => `/broker/letters/${MISSING}`,
		form: {},
		scope: 'own',
		ok: 404,
		why: 'a letter that does not exist: nothing is marked'
	},
	{ route: '/broker/intake', handler: 'load', url: () => '/broker/intake', scope: 'own', ok: 200 },
	{
		route: '/broker/intake',
		handler: 'default',
		url: () => '/broker/intake',
		form: {},
		scope: 'own',
		ok: 400,
		why: 'any broker may register a resident; the street decides the neighbourhood (checked apart)'
	},
	{
		route: '/broker/intake/[id=userid]',
		handler: 'load',
		url: (i) => `/broker/intake/${i.resident}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/intake/[id=userid]',
		handler: 'link',
		url: (i) => `/broker/intake/${i.resident}`,
		form: { email: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/intake/[id=userid]',
		handler: 'revoke',
		url: (i) => `/broker/intake/${i.resident}`,
		form: { linkId: '0' },
		scope: 'n1',
		ok: 404,
		why: 'no such carer link'
	},
	{
		route: '/broker/moderation',
		handler: 'load',
		url: () => '/broker/moderation',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/moderation',
		handler: 'approve',
		url: () => '/broker/moderation',
		form: { postId: '' },
		scope: 'n1',
		ok: 200,
		why: 'the post is already published, so approving changes nothing'
	},
	{
		route: '/broker/moderation',
		handler: 'approve',
		url: () => '/broker/moderation',
		form: { postId: String(MISSING) },
		scope: 'own',
		ok: 404,
		why: 'a post that does not exist: residents are refused before anything is looked up'
	},
	{
		route: '/broker/moderation',
		handler: 'reject',
		url: () => '/broker/moderation',
		form: { postId: '', reason: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/moderation',
		handler: 'resolve',
		url: () => '/broker/moderation',
		form: { reportId: '0', note: '' },
		scope: 'own',
		ok: 400,
		why: 'the report is looked up in the broker’s own neighbourhoods only (domain rule)'
	},
	{
		route: '/broker/neighbourhoods/[id=int]/badge-rules',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/badge-rules',
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/badge-rules',
		handler: 'default',
		url: () => '/broker/neighbourhoods/1/badge-rules',
		form: { rule: 'not-a-rule' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/services',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/services',
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/services',
		handler: 'add',
		url: () => '/broker/neighbourhoods/1/services',
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/services',
		handler: 'edit',
		url: (i) => `/broker/neighbourhoods/1/services?service=${i.service}`,
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/services',
		handler: 'remove',
		url: () => `/broker/neighbourhoods/1/services?service=${MISSING}`,
		form: {},
		scope: 'n1',
		ok: 404,
		why: 'no such service'
	},
	{
		route: '/broker/neighbourhoods/[id=int]/settings',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/settings',
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/settings',
		handler: 'default',
		url: () => '/broker/neighbourhoods/1/settings',
		form: { moderation: 'nobody-at-all', noResponseDays: '0' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/streets',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/streets',
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/streets',
		handler: 'add',
		url: () => '/broker/neighbourhoods/1/streets',
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/streets',
		handler: 'import',
		url: () => '/broker/neighbourhoods/1/streets',
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/streets/[streetId=int]',
		handler: 'load',
		url: (i) => `/broker/neighbourhoods/1/streets/${i.street}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/streets/[streetId=int]',
		handler: 'save',
		url: (i) => `/broker/neighbourhoods/1/streets/${i.street}`,
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/streets/[streetId=int]',
		handler: 'remove',
		url: () => `/broker/neighbourhoods/1/streets/${MISSING}`,
		form: {},
		scope: 'n1',
		ok: 404,
		why: 'no such street'
	},
	{
		route: '/broker/posts/[id=int]',
		handler: 'load',
		url: (i) => `/broker/posts/${i.post}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/posts/[id=int]',
		handler: 'approve',
		url: (i) => `/broker/posts/${i.post}`,
		form: { title: '', body: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/posts/[id=int]',
		handler: 'hide',
		url: (i) => `/broker/posts/${i.post}`,
		form: { reason: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/posts/[id=int]',
		handler: 'restore',
		url: (i) => `/broker/posts/${i.post}`,
		form: {},
		scope: 'n1',
		ok: 409,
		why: 'the post is not hidden'
	},
	{
		route: '/broker/posts/[id=int]/card',
		handler: 'load',
		url: (i) => `/broker/posts/${i.post}/card`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/posts/[id=int]/refer',
		handler: 'load',
		url: (i) => `/broker/posts/${i.post}/refer`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/posts/[id=int]/refer',
		handler: 'default',
		url: (i) => `/broker/posts/${i.post}/refer`,
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/posts/[id=int]/suggestions',
		handler: 'load',
		url: (i) => `/broker/posts/${i.post}/suggestions`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/posts/[id=int]/suggestions',
		handler: 'load',
		url: () => `/broker/posts/${MISSING}/suggestions`,
		scope: 'own',
		ok: 404,
		why: 'a post that does not exist: residents are refused before anything is looked up'
	},
	{
		route: '/broker/posts/[id=int]/suggestions',
		handler: 'propose',
		url: (i) => `/broker/posts/${i.post}/suggestions`,
		form: { helperId: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/reports',
		handler: 'load',
		url: () => '/broker/reports',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/reports',
		handler: 'load',
		url: () => n1('/broker/reports'),
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/reports/[table]',
		handler: 'GET',
		url: () => '/broker/reports/activity',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/reports/[table]',
		handler: 'GET',
		url: () => n1('/broker/reports/activity'),
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/requests',
		handler: 'load',
		url: () => '/broker/requests',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/residents',
		handler: 'load',
		url: () => '/broker/residents',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/residents/[id=userid]',
		handler: 'load',
		url: (i) => `/broker/residents/${i.resident}`,
		scope: 'n1',
		ok: 200
	},
	...(['grant', 'suspend', 'note'] as const).map((action): Row => ({
		route: '/broker/residents/[id=userid]',
		handler: action,
		url: (i) => `/broker/residents/${i.resident}`,
		form: {},
		scope: 'n1',
		ok: 400
	})),
	{
		route: '/broker/residents/[id=userid]',
		handler: 'unsuspend',
		url: (i) => `/broker/residents/${i.resident}`,
		form: {},
		scope: 'n1',
		ok: 409,
		why: 'the person is not suspended'
	},
	{
		route: '/broker/residents/[id=userid]',
		handler: 'revoke',
		url: (i) => `/broker/residents/${i.resident}?badge=0`,
		form: {},
		scope: 'n1',
		ok: 404,
		why: 'no such badge'
	},
	{
		route: '/broker/residents/[id=userid]/post',
		handler: 'load',
		url: (i) => `/broker/residents/${i.resident}/post`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/residents/[id=userid]/post',
		handler: 'default',
		url: (i) => `/broker/residents/${i.resident}/post`,
		form: {},
		scope: 'n1',
		ok: 400
	},
	// ——— How we reach a resident (issue 18): set by their broker, audited ———
	{
		route: '/broker/residents/[id=userid]/reach',
		handler: 'load',
		url: (i) => `/broker/residents/${i.resident}/reach`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/residents/[id=userid]/reach',
		handler: 'save',
		url: (i) => `/broker/residents/${i.resident}/reach`,
		form: { quietFrom: 'nooit' },
		scope: 'n1',
		ok: 400
	},
	// The language of a resident's letters and messages (issue 19): set by their broker, audited.
	{
		route: '/broker/residents/[id=userid]/reach',
		handler: 'language',
		url: (i) => `/broker/residents/${i.resident}/reach`,
		form: { locale: 'klingon' },
		scope: 'n1',
		ok: 400
	},
	// ——— How we reach you (issue 18): one's own, for anyone signed in ———
	{
		route: '/account/notifications',
		handler: 'load',
		url: () => '/account/notifications',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' }
	},
	{
		route: '/account/notifications',
		handler: 'save',
		url: () => '/account/notifications',
		form: { quietFrom: 'nooit' },
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' }
	},
	{
		route: '/broker/signals',
		handler: 'load',
		url: () => '/broker/signals',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/signals',
		handler: 'pickUp',
		url: () => '/broker/signals',
		form: { signalId: '' },
		scope: 'n1',
		ok: 200,
		why: 'the test’s own signal: picking it up is what its broker does next'
	},
	{
		route: '/broker/signals',
		handler: 'close',
		url: () => '/broker/signals',
		form: { signalId: '', note: '' },
		scope: 'n1',
		ok: 400
	},
	{ route: '/broker/today', handler: 'load', url: () => '/broker/today', scope: 'own', ok: 200 },
	{
		route: '/broker/today',
		handler: 'complete',
		url: () => '/broker/today',
		form: { taskId: '', outcome: TOO_LONG },
		scope: 'n1',
		ok: 400
	},

	// ——— Admin ———
	{ route: '/admin', handler: 'load', url: () => '/admin', scope: 'admin', ok: 200 },
	{
		route: '/admin/neighbourhoods/new',
		handler: 'load',
		url: () => '/admin/neighbourhoods/new',
		scope: 'admin',
		ok: 200
	},
	{
		route: '/admin/neighbourhoods/new',
		handler: 'default',
		url: () => '/admin/neighbourhoods/new',
		form: {},
		scope: 'admin',
		ok: 400
	},
	{
		route: '/admin/neighbourhoods/[id=int]',
		handler: 'load',
		url: () => '/admin/neighbourhoods/1',
		scope: 'admin',
		ok: 200
	},
	...(['save', 'assign', 'removeBroker'] as const).map((action): Row => ({
		route: '/admin/neighbourhoods/[id=int]',
		handler: action,
		url: () => '/admin/neighbourhoods/1',
		form: {},
		scope: 'admin',
		ok: 400
	})),

	// ——— Lending desk (`?n=1`: the first neighbourhood's desk) ———
	{ route: '/desk', handler: 'load', url: () => n1('/desk'), scope: 'n1', ok: 200 },
	{
		route: '/desk',
		handler: 'load',
		url: () => '/desk',
		scope: 'own',
		ok: 200,
		why: 'each broker’s own desk'
	},
	{
		route: '/desk',
		handler: 'callDone',
		url: () => n1('/desk'),
		form: { taskId: '0', outcome: TOO_LONG },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/desk/agreement',
		handler: 'load',
		url: () => n1('/desk/agreement'),
		scope: 'n1',
		ok: 200
	},
	{
		route: '/desk/agreement',
		handler: 'publish',
		url: () => n1('/desk/agreement'),
		form: {},
		scope: 'n1',
		ok: 400
	},
	{ route: '/desk/book', handler: 'load', url: () => n1('/desk/book'), scope: 'n1', ok: 200 },
	{
		route: '/desk/book',
		handler: 'book',
		url: (i) => n1(`/desk/book?for=${i.resident}`),
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/desk/borrowers/[userId=userid]',
		handler: 'load',
		url: (i) => n1(`/desk/borrowers/${i.resident}`),
		scope: 'n1',
		ok: 200
	},
	{
		route: '/desk/borrowers/[userId=userid]',
		handler: 'load',
		url: (i) => `/desk/borrowers/${i.resident}`,
		scope: 'n1',
		ok: 200,
		why: 'from one’s own desk: another neighbourhood’s desk does not see this person'
	},
	{
		route: '/desk/figures',
		handler: 'load',
		url: () => n1('/desk/figures'),
		scope: 'n1',
		ok: 200
	},
	{
		route: '/desk/loans/[id=int]',
		handler: 'load',
		url: (i) => `/desk/loans/${i.loan}`,
		scope: 'n1',
		ok: 200
	},
	...(['cancel', 'extend', 'checkOut', 'checkIn'] as const).map((action): Row => ({
		route: '/desk/loans/[id=int]',
		handler: action,
		url: (i) => `/desk/loans/${i.loan}`,
		form: {},
		scope: 'n1',
		ok: 400
	})),
	{
		route: '/desk/loans/[id=int]',
		handler: 'notCollected',
		url: (i) => `/desk/loans/${i.loan}`,
		form: {},
		scope: 'n1',
		ok: 409,
		except: {
			broker: { skip: 'takes no input that could fail: on a reservation due, it would release it' },
			admin: { skip: 'takes no input that could fail: on a reservation due, it would release it' }
		}
	},
	{ route: '/desk/staff', handler: 'load', url: () => n1('/desk/staff'), scope: 'n1', ok: 200 },
	{
		route: '/desk/staff',
		handler: 'grant',
		url: () => n1('/desk/staff'),
		form: { email: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/desk/staff',
		handler: 'remove',
		url: () => n1('/desk/staff'),
		form: { userId: 'nobody' },
		scope: 'n1',
		ok: 400,
		why: 'without the confirmation ticked nothing changes'
	},
	{
		route: '/desk/tools/[id=int]',
		handler: 'load',
		url: (i) => `/desk/tools/${i.tool}`,
		scope: 'n1',
		ok: 200
	},
	...(['repair', 'retire'] as const).map((action): Row => ({
		route: '/desk/tools/[id=int]',
		handler: action,
		url: (i) => `/desk/tools/${i.tool}`,
		form: {},
		scope: 'n1',
		ok: 400
	})),
	{
		route: '/desk/tools/[id=int]',
		handler: 'back',
		url: (i) => `/desk/tools/${i.tool}`,
		form: {},
		scope: 'n1',
		ok: 409,
		why: 'the tool is not in repair'
	},
	{
		route: '/desk/tools/[id=int]',
		handler: 'missing',
		url: (i) => `/desk/tools/${i.tool}`,
		form: {},
		scope: 'n1',
		ok: 200,
		except: {
			broker: { skip: 'would mark a demo tool missing; it takes no input that could fail' },
			admin: { skip: 'would mark a demo tool missing; it takes no input that could fail' }
		}
	},
	{
		route: '/desk/tools/[id=int]/photos',
		handler: 'load',
		url: (i) => `/desk/tools/${i.tool}/photos`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/desk/tools/[id=int]/photos',
		handler: 'add',
		url: (i) => `/desk/tools/${i.tool}/photos`,
		form: {},
		scope: 'n1',
		ok: 400
	},

	// ——— Push messages to one's own devices (issue 18) ———
	...(
		[
			['load', undefined, 200],
			['subscribe', {}, 400],
			['remove', { id: 'x' }, 400],
			['test', {}, 409]
		] as const
	).map(([handler, form, ok]): Row => ({
		route: '/account/push',
		handler,
		url: () => '/account/push',
		form,
		scope: 'user',
		ok,
		except: { anonymous: 'sign-in', codePending: 'code' },
		why:
			'anyone signed in, for their own devices only; brokers after the code step, as a device ' +
			'gets all their messages' +
			(handler === 'test' ? '; nobody here has a device, so nothing is sent' : '')
	})),
	// ——— Calendar feeds (issue 18): the desk's address, one's own, and the feed itself ———
	{
		route: '/desk/calendar',
		handler: 'load',
		url: () => n1('/desk/calendar'),
		scope: 'n1',
		ok: 200
	},
	{
		route: '/desk/calendar',
		handler: 'make',
		url: () => n1('/desk/calendar'),
		form: {},
		scope: 'n1',
		ok: 200,
		except: {
			broker: { skip: 'takes no input that could fail: it would make a calendar address' },
			admin: { skip: 'takes no input that could fail: it would make a calendar address' }
		}
	},
	{
		route: '/desk/calendar',
		handler: 'stop',
		url: () => n1('/desk/calendar'),
		form: {},
		scope: 'n1',
		ok: 409,
		why: 'nobody at the first desk has a calendar address, so there is nothing to stop'
	},
	{
		route: '/account/calendar',
		handler: 'load',
		url: () => '/account/calendar',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'one’s own calendar address: every signed-in person'
	},
	{
		route: '/account/calendar',
		handler: 'make',
		url: () => '/account/calendar',
		form: {},
		scope: 'user',
		ok: 200,
		except: {
			anonymous: 'sign-in',
			...Object.fromEntries(
				ROLES.filter((role) => role !== 'anonymous').map((role) => [
					role,
					{ skip: 'takes no input that could fail: it would make a calendar address' }
				])
			)
		}
	},
	{
		route: '/account/calendar',
		handler: 'stop',
		url: () => '/account/calendar',
		form: {},
		scope: 'user',
		ok: 409,
		except: { anonymous: 'sign-in' },
		why: 'none of them has a calendar address, so there is nothing to stop'
	},
	{
		route: '/calendar/[token].ics',
		handler: 'GET',
		url: () => `/calendar/${'a'.repeat(52)}.ics`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 404 },
		why: 'no sign-in: the secret address is the permission, and a made-up one is not found'
	},

	// ——— JSON for the map ———
	{
		route: '/api/markers',
		handler: 'GET',
		url: () => '/api/markers?bbox=4.40,50.95,4.60,51.10&zoom=14',
		scope: 'user',
		ok: 200
	},

	// ——— A person's own settings: confirming the phone by SMS code (issue 18) ———
	...(['load', 'request', 'confirm', 'resume'] as const).map((handler): Row => ({
		route: '/account/phone',
		handler,
		url: () => '/account/phone',
		// Nothing typed: refused beside the field, no SMS sent; "switch SMS on" for someone
		// whose SMS is on changes nothing.
		form: { request: { phone: '' }, confirm: { code: '' }, resume: {}, load: undefined }[handler],
		scope: 'user',
		ok: handler === 'request' || handler === 'confirm' ? 400 : 200,
		except: { anonymous: 'sign-in' },
		why: 'every signed-in person confirms their own number; nobody else’s is reachable'
	})),

	// ——— Volunteers (issue 20): a helper's own corner ———
	{
		route: '/volunteering',
		handler: 'load',
		url: () => '/volunteering',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'every signed-in person sees their own volunteering page'
	},
	// --- volunteers: agreement and expenses (rows of the agreement branch) ---
	{
		route: '/broker/neighbourhoods/[id=int]/volunteer-agreement',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/volunteer-agreement',
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/volunteer-agreement',
		handler: 'publish',
		url: () => '/broker/neighbourhoods/1/volunteer-agreement',
		form: {},
		scope: 'n1',
		ok: 400,
		why: 'the Dutch text of every section is required'
	},
	{
		route: '/broker/neighbourhoods/[id=int]/volunteer-agreement',
		handler: 'required',
		url: () => '/broker/neighbourhoods/1/volunteer-agreement',
		form: {},
		scope: 'n1',
		ok: 200,
		why: 'an empty form says "not required", as the demo already is: nothing changes'
	},
	{
		route: '/broker/volunteers/[id=userid]/agreement',
		handler: 'load',
		url: (i) => `/broker/volunteers/${i.helper}/agreement`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/volunteers/[id=userid]/agreement',
		handler: 'default',
		url: (i) => `/broker/volunteers/${i.helper}/agreement`,
		form: {},
		scope: 'n1',
		ok: 400,
		why: 'no method chosen'
	},
	{
		route: '/volunteering/agreement',
		handler: 'load',
		url: () => '/volunteering/agreement',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'one’s own neighbourhood’s agreement: every signed-in person'
	},
	{
		route: '/volunteering/agreement',
		handler: 'accept',
		url: () => '/volunteering/agreement',
		form: {},
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' },
		why: 'no version named, so nobody accepts anything'
	},
	// --- end volunteers: agreement and expenses ---
	// --- volunteers: gatherings (rows of the gatherings branch) ---
	{
		route: '/broker/gatherings',
		handler: 'load',
		url: () => '/broker/gatherings',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/gatherings/new',
		handler: 'load',
		url: () => '/broker/gatherings/new',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/gatherings/new',
		handler: 'default',
		url: () => '/broker/gatherings/new',
		form: { place: TOO_LONG },
		scope: 'own',
		ok: 400,
		why: 'the neighbourhood is checked once the form is valid (requireBrokerOf)'
	},
	{
		route: '/broker/gatherings/[id=int]',
		handler: 'load',
		url: (i) => `/broker/gatherings/${i.gathering}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/gatherings/[id=int]',
		handler: 'phone',
		url: (i) => `/broker/gatherings/${i.gathering}?/phone`,
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/gatherings/[id=int]',
		handler: 'attendance',
		url: (i) => `/broker/gatherings/${i.gathering}?/attendance`,
		form: {},
		scope: 'n1',
		ok: 400,
		why: 'the intervision has not started: nothing to record yet'
	},
	{
		route: '/broker/gatherings/[id=int]',
		handler: 'cancel',
		url: (i) => `/broker/gatherings/${i.gathering}?/cancel`,
		form: {},
		scope: 'n1',
		ok: 200,
		except: {
			broker: { skip: 'would cancel the demo intervision' },
			admin: { skip: 'would cancel the demo intervision' }
		}
	},
	{
		route: '/broker/gatherings/[id=int]/edit',
		handler: 'load',
		url: (i) => `/broker/gatherings/${i.gathering}/edit`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/gatherings/[id=int]/edit',
		handler: 'default',
		url: (i) => `/broker/gatherings/${i.gathering}/edit`,
		form: { place: TOO_LONG },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/gatherings',
		handler: 'load',
		url: () => '/gatherings',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' }
	},
	...(['signup', 'cancel'] as const).map((handler): Row => ({
		route: '/gatherings',
		handler,
		url: () => `/gatherings?/${handler}`,
		form: { gatheringId: '' },
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' },
		why: 'one’s own place only; no gathering named'
	})),
	{
		route: '/gatherings/[id=int]',
		handler: 'load',
		url: (i) => `/gatherings/${i.gathering}`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 },
		why: 'the intervision is for volunteers: Maria counts as one (who.ts), staff do not'
	},
	...(['signup', 'cancel'] as const).map((handler): Row => ({
		route: '/gatherings/[id=int]',
		handler,
		url: () => `/gatherings/${MISSING}?/${handler}`,
		form: {},
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in' },
		why: 'a gathering that does not exist'
	})),
	// --- end volunteers: gatherings ---
	// --- volunteers: care for the carers (rows of the care branch) ---
	{
		route: '/broker/volunteers',
		handler: 'load',
		url: () => '/broker/volunteers',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/volunteers/[id=userid]',
		handler: 'load',
		url: (i) => `/broker/volunteers/${i.helper}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/volunteers/[id=userid]',
		handler: 'checkIn',
		url: (i) => `/broker/volunteers/${i.helper}`,
		form: {},
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/today',
		handler: 'pickUp',
		url: () => '/broker/today',
		form: { askId: String(MISSING) },
		scope: 'own',
		ok: 404,
		why: 'no such question, in any broker’s own neighbourhoods'
	},
	{
		route: '/volunteering/ask',
		handler: 'load',
		url: () => '/volunteering/ask',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'every signed-in person may ask the neighbourhood worker'
	},
	{
		route: '/volunteering/ask',
		handler: 'default',
		url: () => '/volunteering/ask',
		form: { body: '' },
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' },
		why: 'an empty question is refused beside the field'
	},
	// --- end volunteers: care for the carers ---
	// --- volunteers: statement and reports (rows of the statement branch) ---
	{
		route: '/volunteering/statement',
		handler: 'load',
		url: () => '/volunteering/statement',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: "one's own volunteering statement: nobody else's can be asked for"
	},
	{
		route: '/volunteering/statement/download',
		handler: 'GET',
		url: () => '/volunteering/statement/download',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: "one's own volunteering statement as a file"
	},
	...(['volunteers', 'volunteer-totals', 'gatherings'] as const).flatMap((table): Row[] => [
		{
			route: '/broker/reports/[table]',
			handler: 'GET',
			url: () => `/broker/reports/${table}`,
			scope: 'own',
			ok: 200
		},
		{
			route: '/broker/reports/[table]',
			handler: 'GET',
			url: () => n1(`/broker/reports/${table}`),
			scope: 'n1',
			ok: 200
		}
	]),
	// --- end volunteers: statement and reports ---
	// --- volunteers: hours and thanks (rows of the hours branch) ---
	...(['thanks', 'goodbye'] as const).map((page): Row => ({
		route: `/broker/volunteers/[id=userid]/${page}`,
		handler: 'load',
		url: (i) => `/broker/volunteers/${i.helper}/${page}`,
		scope: 'n1',
		ok: 200
	})),
	{
		route: '/broker/volunteers/[id=userid]/thanks',
		handler: 'load',
		url: () => '/broker/volunteers/aaaaaaaaaaaaaaaaaaaa/thanks',
		scope: 'own',
		ok: 404,
		why: 'nobody has this id: residents are refused before anything is looked up'
	},
	{
		route: '/broker/volunteers/[id=userid]/thanks',
		handler: 'default',
		url: (i) => `/broker/volunteers/${i.helper}/thanks`,
		form: { message: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/volunteers/[id=userid]/goodbye',
		handler: 'goodbye',
		url: (i) => `/broker/volunteers/${i.helper}/goodbye`,
		form: { reason: 'not-a-reason' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/volunteers/[id=userid]/goodbye',
		handler: 'resume',
		url: (i) => `/broker/volunteers/${i.helper}/goodbye`,
		form: {},
		scope: 'n1',
		ok: 409,
		why: 'Jozef has not stopped, so there is nothing to resume'
	},
	// --- end volunteers: hours and thanks ---
	// --- volunteers: expenses ---
	{
		route: '/volunteering/expenses',
		handler: 'load',
		url: () => '/volunteering/expenses',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'a helper’s own claims only'
	},
	{
		route: '/volunteering/expenses',
		handler: 'default',
		url: () => '/volunteering/expenses',
		form: { matchId: '', amount: '', reason: '' },
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' },
		why: 'a claim is only ever for one’s own match (checked by the domain)'
	},
	{
		route: '/broker/expenses',
		handler: 'load',
		url: () => '/broker/expenses',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/expenses',
		handler: 'decide',
		url: () => '/broker/expenses',
		// Refusing without a reason: refused beside the field, the claim stays waiting.
		form: { claimId: '', decision: 'refuse', reason: '' },
		scope: 'n1',
		ok: 400
	},
	// --- end volunteers: expenses ---
	// --- back office: signal cycle ---
	{
		route: '/broker/signals/[id=int]',
		handler: 'load',
		url: (i) => `/broker/signals/${i.signal}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/signals/[id=int]',
		handler: 'link',
		url: (i) => `/broker/signals/${i.signal}`,
		form: { residentId: '' },
		scope: 'n1',
		ok: 400,
		why: 'nobody chosen: refused, the signal stays unlinked'
	},
	{
		route: '/broker/signals/[id=int]',
		handler: 'unlink',
		url: (i) => `/broker/signals/${i.signal}`,
		form: {},
		scope: 'n1',
		ok: 409,
		why: 'the signal is linked to nobody, so there is nothing to take away'
	},
	{
		route: '/broker/signals/[id=int]',
		handler: 'reply',
		url: (i) => `/broker/signals/${i.signal}`,
		form: { body: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/signals/new',
		handler: 'load',
		url: () => '/broker/signals/new',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/signals/new',
		handler: 'default',
		url: () => '/broker/signals/new',
		form: { body: '' },
		scope: 'own',
		ok: 400,
		why: 'nobody chosen: the domain refuses a volunteer of another neighbourhood too'
	},
	{
		route: '/broker/neighbourhoods/[id=int]/urgent-numbers',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/urgent-numbers',
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/urgent-numbers',
		handler: 'default',
		url: () => '/broker/neighbourhoods/1/urgent-numbers',
		form: { label0: '', phone0: 'geen nummer' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/signals',
		handler: 'load',
		url: () => '/signals',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'one’s own signals only'
	},
	{
		route: '/signals/new',
		handler: 'load',
		url: () => '/signals/new',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' }
	},
	{
		route: '/signals/new',
		handler: 'default',
		url: () => '/signals/new',
		form: { body: '' },
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' }
	},
	{
		route: '/signals/[id=int]',
		handler: 'load',
		url: (i) => `/signals/${i.signal}`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 },
		why: 'Maria filed it: only she reads it and its answers; for everyone else it does not exist'
	},
	// --- end back office: signal cycle ---
	// --- back office: bundle and steering ---
	{
		route: '/broker/signals/bundle',
		handler: 'load',
		url: () => '/broker/signals/bundle?quarter=2026-Q4',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/signals/bundle',
		handler: 'save',
		url: () => '/broker/signals/bundle',
		form: { signalId: '', theme: '' },
		scope: 'n1',
		ok: 400,
		why: 'no theme: refused before anything is kept'
	},
	{
		route: '/broker/signals/bundle/[quarter]',
		handler: 'load',
		url: () => '/broker/signals/bundle/2026-Q4',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/signals/bundle/[quarter]/csv',
		handler: 'GET',
		url: () => '/broker/signals/bundle/2026-Q4/csv',
		scope: 'own',
		ok: 200
	},
	{ route: '/steering', handler: 'load', url: () => '/steering', scope: 'steering', ok: 200 },
	{
		route: '/steering/reports',
		handler: 'load',
		url: () => '/steering/reports',
		scope: 'steering',
		ok: 200
	},
	{
		route: '/steering/bundles',
		handler: 'load',
		url: () => '/steering/bundles?quarter=2026-Q4',
		scope: 'steering',
		ok: 200
	},
	{
		route: '/steering/bundles/[quarter]',
		handler: 'GET',
		url: () => '/steering/bundles/2026-Q4',
		scope: 'steering',
		ok: 200,
		why: 'the bundle as CSV'
	},
	{
		route: '/admin/neighbourhoods/[id=int]/steering',
		handler: 'load',
		url: () => '/admin/neighbourhoods/1/steering',
		scope: 'admin',
		ok: 200
	},
	{
		route: '/admin/neighbourhoods/[id=int]/steering',
		handler: 'grant',
		url: () => '/admin/neighbourhoods/1/steering',
		form: { email: '' },
		scope: 'admin',
		ok: 400
	},
	{
		route: '/admin/neighbourhoods/[id=int]/steering',
		handler: 'revoke',
		url: () => '/admin/neighbourhoods/1/steering',
		form: { linkId: '999999' },
		scope: 'admin',
		ok: 404
	},
	// --- end back office: bundle and steering ---
	// --- back office: timeline ---
	{
		route: '/broker/residents/[id=userid]/timeline',
		handler: 'load',
		url: (i) => `/broker/residents/${i.resident}/timeline`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/residents/[id=userid]/timeline',
		handler: 'load',
		url: (i) => `/broker/residents/${i.resident}/timeline?kind=note&before=1.note.1`,
		scope: 'n1',
		ok: 200,
		why: 'a filter and a cursor change nothing of who may read'
	},
	// --- end back office: timeline ---
	// --- back office: referral checks ---
	{
		route: '/broker/referral-checks/[id=int]',
		handler: 'load',
		url: () => `/broker/referral-checks/${MISSING}`,
		scope: 'own',
		ok: 404,
		why: 'the demo has no check yet: residents are refused before anything is looked up'
	},
	{
		route: '/broker/referral-checks/[id=int]',
		handler: 'default',
		url: () => `/broker/referral-checks/${MISSING}`,
		form: { answer: '' },
		scope: 'own',
		ok: 404
	},
	// --- end back office: referral checks ---
	// --- care circles and check-in calls (issue 22) ---
	// A circle is closed: its members (here Maria, who keeps it going) see it; for everyone else,
	// brokers included, it does not exist. Brokers see that it exists on their own pages.
	{
		route: '/circles',
		handler: 'load',
		url: () => '/circles',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'one’s own circles only'
	},
	{
		route: '/circles',
		handler: 'default',
		url: () => '/circles',
		form: { centreId: '' },
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' }
	},
	{
		route: '/circles/join',
		handler: 'load',
		url: () => '/circles/join',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' }
	},
	{
		route: '/circles/join',
		handler: 'default',
		url: () => '/circles/join',
		form: { code: '' },
		scope: 'user',
		ok: 400,
		except: { anonymous: 'sign-in' }
	},
	{
		route: '/circles/[id=int]',
		handler: 'load',
		url: (i) => `/circles/${i.circle}`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 },
		why: 'Maria is in the circle around Gilbert; to anyone else it does not exist'
	},
	{
		route: '/circles/[id=int]',
		handler: 'load',
		url: (i) => `/circles/${i.otherCircle}`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in' },
		why: 'a member of one circle cannot open another (Maria is not in the circle around Annie)'
	},
	...(['take', 'giveBack', 'swap'] as const).map((handler): Row => ({
		route: '/circles/[id=int]',
		handler,
		url: (i) => `/circles/${i.circle}`,
		form: { slotId: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 409 },
		why: 'no moment named: nothing changes'
	})),
	{
		route: '/circles/[id=int]',
		handler: 'message',
		url: (i) => `/circles/${i.circle}`,
		form: { body: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 400 }
	},
	{
		route: '/circles/[id=int]/plan',
		handler: 'load',
		url: (i) => `/circles/${i.circle}/plan`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 }
	},
	{
		route: '/circles/[id=int]/plan',
		handler: 'add',
		url: (i) => `/circles/${i.circle}/plan`,
		form: { title: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 400 }
	},
	{
		route: '/circles/[id=int]/plan',
		handler: 'remove',
		url: (i) => `/circles/${i.circle}/plan`,
		form: { itemId: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in' },
		why: 'no task named: not found, for Maria too'
	},
	{
		route: '/circles/[id=int]/members',
		handler: 'load',
		url: (i) => `/circles/${i.circle}/members`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 }
	},
	{
		route: '/circles/[id=int]/members',
		handler: 'invite',
		url: (i) => `/circles/${i.circle}/members`,
		form: { name: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 400 }
	},
	...(['withdraw', 'remove', 'handOver'] as const).map((handler): Row => ({
		route: '/circles/[id=int]/members',
		handler,
		url: (i) => `/circles/${i.circle}/members`,
		form: { invitationId: '', userId: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in' },
		why: 'nobody named: not found, for Maria too'
	})),
	{
		route: '/circles/[id=int]/members',
		handler: 'leave',
		url: (i) => `/circles/${i.circle}/members`,
		form: {},
		scope: 'user',
		ok: 404,
		except: {
			anonymous: 'sign-in',
			resident: { skip: 'takes no input that could fail: Maria would leave the demo circle' }
		}
	},
	{
		route: '/circles/[id=int]/settings',
		handler: 'load',
		url: (i) => `/circles/${i.circle}/settings`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 },
		why: 'Maria keeps the circle going and reads the consents'
	},
	{
		route: '/circles/[id=int]/settings',
		handler: 'default',
		url: (i) => `/circles/${i.circle}/settings`,
		form: { openSlots: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 403 },
		why: 'only Gilbert (or his carer) gives his consents, not the coordinator'
	},
	{
		route: '/circles/[id=int]/check-ins',
		handler: 'load',
		url: (i) => `/circles/${i.circle}/check-ins`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 }
	},
	{
		route: '/circles/[id=int]/check-ins',
		handler: 'setUp',
		url: (i) => `/circles/${i.circle}/check-ins`,
		form: { callerId: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 400 }
	},
	{
		route: '/circles/[id=int]/check-ins',
		handler: 'end',
		url: (i) => `/circles/${i.circle}/check-ins`,
		form: { planId: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in' },
		why: 'no plan named: not found, for Maria too'
	},
	{
		route: '/circles/slots/[id=int]',
		handler: 'load',
		url: (i) => `/circles/slots/${i.circleSlot}`,
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in', resident: 200 },
		why: 'a moment: for the circle, and for the neighbour from outside who took it'
	},
	{
		route: '/check-ins',
		handler: 'load',
		url: () => '/check-ins',
		scope: 'user',
		ok: 200,
		except: { anonymous: 'sign-in' },
		why: 'one’s own calls to make, and those one is contact person for'
	},
	{
		route: '/check-ins',
		handler: 'record',
		url: () => '/check-ins',
		form: { callId: '' },
		scope: 'user',
		ok: 404,
		except: { anonymous: 'sign-in' },
		why: 'only the caller writes a call down; no call named'
	},
	{
		route: '/broker/circles',
		handler: 'load',
		url: () => '/broker/circles',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/circles/new',
		handler: 'load',
		url: (i) => `/broker/circles/new?resident=${i.resident}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/circles/new',
		handler: 'default',
		url: () => `/broker/circles/new?resident=${MISSING}`,
		form: {},
		scope: 'own',
		ok: 404,
		why: 'nobody by that id: nothing is started'
	},
	{
		route: '/broker/circles/[id=int]',
		handler: 'load',
		url: (i) => `/broker/circles/${i.circle}`,
		scope: 'n1',
		ok: 200,
		why: 'that it exists and its open moments; not its messages'
	},
	{
		route: '/broker/circles/[id=int]',
		handler: 'invite',
		url: (i) => `/broker/circles/${i.circle}`,
		form: { name: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/check-ins',
		handler: 'load',
		url: () => '/broker/check-ins',
		scope: 'own',
		ok: 200
	},
	{
		route: '/broker/check-ins',
		handler: 'setUp',
		url: () => '/broker/check-ins',
		form: { callerId: '' },
		scope: 'own',
		ok: 400
	},
	{
		route: '/broker/check-ins/[id=int]',
		handler: 'load',
		url: (i) => `/broker/check-ins/${i.checkInPlan}`,
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/check-ins/[id=int]',
		handler: 'end',
		url: (i) => `/broker/check-ins/${i.checkInPlan}`,
		form: {},
		scope: 'n1',
		ok: 200,
		except: {
			broker: { skip: 'takes no input that could fail: it would stop the demo’s check-in calls' },
			admin: { skip: 'takes no input that could fail: it would stop the demo’s check-in calls' }
		}
	},
	// --- end care circles and check-in calls ---
	// --- back office: partners ---
	{
		route: '/partner',
		handler: 'load',
		url: () => '/partner',
		scope: 'partner',
		ok: 200,
		why: 'a partner’s own referrals'
	},
	{
		route: '/partner/refer',
		handler: 'load',
		url: () => '/partner/refer',
		scope: 'partner',
		ok: 200
	},
	{
		route: '/partner/refer',
		handler: 'default',
		url: () => '/partner/refer',
		form: { name: '' },
		scope: 'partner',
		ok: 400
	},
	{
		route: '/broker/partner-referrals/[id=int]',
		handler: 'load',
		url: (i) => `/broker/partner-referrals/${i.partnerReferral}`,
		scope: 'n1',
		ok: 200
	},
	...(['takeUp', 'decline'] as const).map((handler): Row => ({
		route: '/broker/partner-referrals/[id=int]',
		handler,
		url: (i) => `/broker/partner-referrals/${i.partnerReferral}`,
		form: {},
		scope: 'n1',
		ok: 200,
		except: {
			broker: { skip: 'takes no input that could fail: it would change the demo’s referral' },
			admin: { skip: 'takes no input that could fail: it would change the demo’s referral' }
		}
	})),
	{
		route: '/broker/partner-referrals/[id=int]',
		handler: 'complete',
		url: (i) => `/broker/partner-referrals/${i.partnerReferral}`,
		form: { residentId: '' },
		scope: 'n1',
		ok: 400,
		why: 'nobody chosen: refused, the referral stays open'
	},
	{
		route: '/broker/neighbourhoods/[id=int]/partners',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/partners',
		scope: 'n1',
		ok: 200
	},
	{
		route: '/broker/neighbourhoods/[id=int]/partners',
		handler: 'grant',
		url: () => '/broker/neighbourhoods/1/partners',
		form: { email: '' },
		scope: 'n1',
		ok: 400
	},
	{
		route: '/broker/neighbourhoods/[id=int]/partners',
		handler: 'revoke',
		url: () => '/broker/neighbourhoods/1/partners',
		form: { linkId: '999999' },
		scope: 'n1',
		ok: 404
	},
	// --- end back office: partners ---
	// --- back office: social map ---
	{
		route: '/broker/neighbourhoods/[id=int]/services/import',
		handler: 'load',
		url: () => '/broker/neighbourhoods/1/services/import',
		scope: 'n1',
		ok: 200
	},
	...(['preview', 'apply'] as const).map((handler): Row => ({
		route: '/broker/neighbourhoods/[id=int]/services/import',
		handler,
		url: () => '/broker/neighbourhoods/1/services/import',
		form: { csv: '' },
		scope: 'n1',
		ok: 400,
		why: 'no file: refused, the social map stays as it is'
	}))
	// --- end back office: social map ---
	// --- back office: reach ---
	// --- end back office: reach ---
];

/** The ids a row's form needs filled in (the post, signal or task it is about). */
export function formOf(row: Row, ids: Ids): Record<string, string> | undefined {
	if (!row.form) return undefined;
	const filled: Record<string, string> = { ...row.form };
	if (filled.postId === '') filled.postId = String(ids.post);
	if (filled.signalId === '') filled.signalId = String(ids.signal);
	if ('taskId' in filled && filled.taskId === '') filled.taskId = String(ids.task);
	if (filled.claimId === '') filled.claimId = String(ids.expenseClaim);
	return filled;
}

/** The answer a role should get for a row. */
export function expected(row: Row, role: Role): Answer {
	const own = row.except?.[role];
	if (own !== undefined) return own;
	if (role === 'anonymous') return row.scope === 'user' ? 401 : 'sign-in';
	if (row.scope === 'user') return row.ok;
	if (row.scope === 'partner' || row.scope === 'steering') return role === row.scope ? row.ok : 403;
	if (role === 'resident' || role === 'partner' || role === 'steering') return 403;
	if (role === 'codePending') return row.scope === 'admin' ? 403 : 'code';
	if (role === 'admin') return row.ok;
	if (row.scope === 'admin') return 403;
	if (role === 'broker') return row.ok;
	return row.scope === 'own' ? row.ok : 403;
}

/** What came back, in the table's words. */
export function answerOf(response: APIResponse): number | string {
	const status = response.status();
	if (status !== 303) return status;
	const to = response.headers()['location'] ?? '';
	if (to.startsWith('/sign-in?next=')) return 'sign-in';
	if (to.startsWith('/sign-in/two-factor?next=')) return 'code';
	return `303 to ${to}`;
}

/** A request as the table lists it. */
export function describe(row: Row): string {
	return `${row.route} ${row.handler}`;
}

const AUDIENCE_FOLDERS = [
	'(broker)',
	'(admin)',
	'(desk)',
	'api',
	// One's own settings of how the site reaches one (issue 18).
	'(app)/account/notifications',
	'(app)/account/push',
	// Issue 18's calendar feeds: one's own address, and the feed calendar apps fetch.
	'(app)/account/calendar',
	'calendar',
	// Confirming the phone by SMS code.
	'(app)/account/phone',
	// Issue 20: a helper's own volunteering pages and the gatherings people sign up for.
	'(app)/volunteering',
	'(app)/gatherings',
	// Issue 21: the partners' and the steering group's pages. A branch adding resident pages adds
	// their folder here too, with a row for every handler in it.
	'(partner)',
	'(steering)',
	// --- audience folders: back office ---
	// Issue 21: one's own signals and the answers to them.
	'(app)/signals',
	// --- end audience folders: back office ---
	// Issue 22: care circles (closed to anyone outside them) and one's own check-in calls.
	'(app)/circles',
	'(app)/check-ins'
];

/**
 * Every load, action and +server.ts handler in the broker, admin and desk route groups, under
 * api/ and in the account's settings folders listed above, read from the files: `<route> <handler>`, as the table writes them.
 */
export function routesInTree(routesDir: string): Set<string> {
	const found = new Set<string>();
	for (const folder of AUDIENCE_FOLDERS) {
		if (!existsSync(join(routesDir, folder))) continue;
		for (const file of walk(join(routesDir, folder))) {
			const name = file.split(sep).at(-1)!;
			if (!['+page.server.ts', '+layout.server.ts', '+server.ts'].includes(name)) continue;
			const route =
				'/' +
				relative(routesDir, file)
					.split(sep)
					.slice(0, -1)
					.filter((segment) => !/^\(.+\)$/.test(segment))
					.join('/');
			const source = readFileSync(file, 'utf8');
			for (const handler of handlersIn(source, name)) found.add(`${route} ${handler}`);
		}
	}
	return found;
}

function* walk(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else yield path;
	}
}

/** The exported load, the keys of the exported actions, or the exported HTTP verbs. */
export function handlersIn(source: string, fileName: string): string[] {
	if (fileName === '+server.ts')
		return [
			...source.matchAll(
				/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)\b/g
			)
		].map((m) => m[1]!);
	const handlers: string[] = [];
	if (/export\s+(?:const|(?:async\s+)?function)\s+load\b/.test(source))
		handlers.push(fileName === '+layout.server.ts' ? 'layout load' : 'load');
	const actions = source.match(/export const actions[^=]*=\s*\{([\s\S]*?)\n\};/);
	if (actions) {
		const keys = [...actions[1]!.matchAll(/^\t(?:async\s+)?(\w+)\s*(?::|\()/gm)].map((m) => m[1]!);
		if (keys.length === 0) throw new Error('an actions object whose keys could not be read');
		handlers.push(...keys);
	} else if (/export\s+const\s+actions\b/.test(source)) {
		throw new Error('an actions export this check cannot read');
	}
	return handlers;
}
