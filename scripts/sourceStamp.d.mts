/** A fingerprint of every source the build reads: the build is stale when it differs. */
export function sourceStamp(): string;
