/** Long enough for a few kind sentences, short enough to read at a glance on a phone. */
export const ABOUT_MAX = 500;
