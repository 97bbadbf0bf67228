import { asc, eq } from 'drizzle-orm';
import {
	alertSettings,
	calendarFeeds,
	channelPreferences,
	phoneChecks,
	pushSubscriptions,
	shortLinks
} from '../db/schema';
import type { DeletionStep, ExportSection } from './steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** How the site reaches the person: channels per topic, devices, calendar addresses, alerts. */
export const channelsExport: ExportSection[] = [
	{
		key: 'howWeReachYou',
		collect: (db, p) => ({
			phoneVerifiedAt: iso(p.phoneVerifiedAt),
			smsStoppedAt: iso(p.smsStoppedAt),
			quietHours: { fromMinute: p.quietFromMinute, untilMinute: p.quietUntilMinute },
			channels: db
				.select({ topic: channelPreferences.topic, channel: channelPreferences.channel })
				.from(channelPreferences)
				.where(eq(channelPreferences.userId, p.id))
				.all(),
			// The push service's address and keys are secrets of the browser: only what tells them apart.
			pushDevices: db
				.select({ label: pushSubscriptions.label, createdAt: pushSubscriptions.createdAt })
				.from(pushSubscriptions)
				.where(eq(pushSubscriptions.userId, p.id))
				.orderBy(asc(pushSubscriptions.id))
				.all()
				.map((d) => ({ label: d.label, createdAt: iso(d.createdAt) })),
			calendarAddresses: db
				.select({
					kind: calendarFeeds.kind,
					createdAt: calendarFeeds.createdAt,
					revokedAt: calendarFeeds.revokedAt
				})
				.from(calendarFeeds)
				.where(eq(calendarFeeds.userId, p.id))
				.orderBy(asc(calendarFeeds.id))
				.all()
				.map((f) => ({ kind: f.kind, createdAt: iso(f.createdAt), revokedAt: iso(f.revokedAt) })),
			newRequestAlerts:
				db
					.select({
						rhythm: alertSettings.rhythm,
						distanceMeters: alertSettings.distanceMeters,
						categories: alertSettings.categories,
						lastSentAt: alertSettings.lastSentAt
					})
					.from(alertSettings)
					.where(eq(alertSettings.userId, p.id))
					.all()
					.map((a) => ({
						...a,
						categories: JSON.parse(a.categories) as number[],
						lastSentAt: iso(a.lastSentAt)
					}))[0] ?? null
		})
	}
];

export const channelsDeletion: DeletionStep[] = [
	{
		name: 'channel_preferences',
		run: (tx, p) => tx.delete(channelPreferences).where(eq(channelPreferences.userId, p.id)).run()
	},
	{
		name: 'push_subscriptions',
		run: (tx, p) => tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, p.id)).run()
	},
	{
		name: 'phone_checks',
		run: (tx, p) => tx.delete(phoneChecks).where(eq(phoneChecks.userId, p.id)).run()
	},
	{
		name: 'short_links',
		run: (tx, p) => tx.delete(shortLinks).where(eq(shortLinks.userId, p.id)).run()
	},
	{
		name: 'calendar_feeds',
		run: (tx, p) => tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, p.id)).run()
	},
	{
		name: 'alert_settings',
		run: (tx, p) => tx.delete(alertSettings).where(eq(alertSettings.userId, p.id)).run()
	}
];
