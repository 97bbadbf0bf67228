/**
 * The largest photo the desk can upload, in MB: an ordinary phone photo is 3–8 MB. Photos are
 * resized to small WebP copies, so this bounds only the upload. BODY_SIZE_LIMIT must be larger.
 */
export const PHOTO_MAX_MB = 12;
export const PHOTO_MAX_BYTES = PHOTO_MAX_MB * 1024 * 1024;
