import { resolve } from 'node:path';
import type { Config } from '../server/config.js';

/** Applies a command's `--org` option over the configuration (it wins over CHECKPOINT_ORG). */
export const withOrg = (config: Config, org: string | undefined): Config =>
  org === undefined ? config : { ...config, orgFile: resolve(org) };
