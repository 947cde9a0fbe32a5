/** Wrong flags, arguments or files: exit 2 with one sentence. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
