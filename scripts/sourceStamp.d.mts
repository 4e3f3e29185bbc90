/** A fingerprint of every source the build reads: the build is stale when it differs. */
export function sourceStamp(): string;

/**
 * Builds the web app and the server (scripts/build.mjs) when the sources changed since the last build
 * or its output is missing; otherwise does nothing. Whether it built.
 */
export function buildIfStale(): boolean;
