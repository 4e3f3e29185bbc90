import { password as askPassword } from '@inquirer/prompts';
import { type Config, effectiveDataDir } from '../server/config.js';
import { DataDirLockedError } from '../store/dataDirLock.js';
import { openDb } from '../store/openDb.js';
import { createUser, type Role, roles } from '../store/users.js';
import { withOrg } from './withOrg.js';

export interface UserCreateOptions {
  email: string;
  name: string;
  role: string;
  scope?: string[];
  org?: string;
}

/**
 * `checkpoint user create`: a local account (the password hashed with scrypt). The password comes from
 * CHECKPOINT_PASSWORD or is asked without echo.
 */
export async function userCreateCommand(base: Config, options: UserCreateOptions): Promise<void> {
  const config = withOrg(base, options.org);
  if (!(roles as readonly string[]).includes(options.role)) {
    console.error(`--role: must be one of ${roles.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const secret =
    process.env.CHECKPOINT_PASSWORD ??
    (process.stdin.isTTY
      ? await askPassword({ message: `Password for ${options.email}`, mask: '*' })
      : undefined);
  if (!secret || secret.length < 12) {
    console.error(
      'the password must have at least 12 characters (set CHECKPOINT_PASSWORD or run in a terminal)',
    );
    process.exitCode = 2;
    return;
  }
  let db: Awaited<ReturnType<typeof openDb>>;
  try {
    db = await openDb({ databaseUrl: config.databaseUrl, dataDir: effectiveDataDir(config) });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(
      `${error.message}; accounts are created with the server stopped when it runs on the embedded database`,
    );
    process.exitCode = 1;
    return;
  }
  try {
    const user = await createUser(db.kysely, {
      email: options.email,
      name: options.name,
      password: secret,
      role: options.role as Role,
      scopes: options.scope ?? [],
      now: new Date(),
    });
    console.log(
      `created ${user.role} ${user.email}${user.scopes.length > 0 ? ` for ${user.scopes.join(', ')}` : ''}`,
    );
  } catch (error) {
    const duplicate = /duplicate key|unique/i.test((error as Error).message);
    console.error(
      duplicate ? `an account with the email ${options.email} exists already` : (error as Error).message,
    );
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
