/** Wrong flags, arguments or files: exit 2 with one sentence. */
export class UsageError extends Error {}

/** 130: stopped by Ctrl-C, as shells report it. */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;
