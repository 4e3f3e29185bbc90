import { formatProblems, readOrganisationFile } from '../server/organisationFile.js';

export async function orgValidateCommand(file: string): Promise<void> {
  const result = await readOrganisationFile(file);
  if (!result.ok) {
    console.error(formatProblems(file, result.problems));
    console.error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${file}`);
    process.exitCode = 1;
    return;
  }
  const { organisation } = result;
  const squads = organisation.tribes.flatMap((t) => t.squads);
  const services = squads.flatMap((s) => s.services);
  console.log(
    `${file} is valid: ${organisation.tribes.length} tribes, ${squads.length} squads, ${services.length} services (time zone ${organisation.timezone})`,
  );
}
