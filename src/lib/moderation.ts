/**
 * Which posters' new posts wait for a broker's check, set per neighbourhood: everyone, people
 * without any trust badge yet (the default, as in the pilot), or nobody.
 */
export const MODERATION_POLICIES = ['everyone', 'without_badge', 'nobody'] as const;
export type ModerationPolicy = (typeof MODERATION_POLICIES)[number];
