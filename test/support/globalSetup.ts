import { buildIfStale } from '../../scripts/sourceStamp.mjs';

/** Builds the web app and server bundle once, before any test starts the product (only when sources changed). */
export default function setup(): void {
  buildIfStale();
}
