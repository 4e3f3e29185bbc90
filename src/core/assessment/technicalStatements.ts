/**
 * Statements for the technical capabilities, in our words, each keeping the meaning and the number of
 * the items DORA uses to measure the capability (dora.dev).
 */
import type { CapabilityStatement } from './capabilityStatement.js';
import { defineStatements } from './capabilityStatement.js';

/** Statements of the technical capabilities. */
export const technicalStatements: readonly CapabilityStatement[] = [
  ...defineStatements('continuous-integration', [
    'Every commit starts an automated build of the software.',
    'Every commit starts a run of the automated tests.',
    'On a normal day our automated build and tests succeed.',
    'Testers can always pick up the latest build for exploratory testing.',
    'Developers see the results of the acceptance and performance tests every day.',
  ]),
  ...defineStatements('loosely-coupled-teams', [
    'We can make large changes to the design of our system without creating work for other teams.',
    'We can get our work done without having to coordinate with people outside our team.',
    'We deploy and release our service when we choose, whatever the state of the services it depends on.',
    'We can do most of our testing whenever we need to, without an integrated test environment.',
    'We can make large changes to our design without waiting for other teams to change their systems.',
    'We can deploy during normal working hours with negligible downtime.',
  ]),
  ...defineStatements('trunk-based-development', [
    'Every developer merges their work into trunk at least once a day.',
    'Our repository has fewer than three active branches at any time.',
    'We never need a code freeze to sort out merge conflicts.',
    'Our branches live less than a day before they are merged.',
  ]),
  ...defineStatements('continuous-delivery', [
    'Our software can be deployed at any point in its life.',
    'Keeping the software deployable comes before working on new features.',
    'Everyone on the team learns quickly whether the system is currently deployable.',
    'When we find the system cannot be deployed, fixing that is the first thing we do.',
    'We can deploy to production or release to users on demand, whenever we choose.',
  ]),
  ...defineStatements('flexible-infrastructure', [
    'We can get the computing resources we need by ourselves, without raising a ticket.',
    'Our infrastructure is reachable over the network from the places and devices we work with.',
    'Our resources come from a shared pool and are assigned as demand requires.',
    'Our capacity grows and shrinks quickly with demand.',
    'We can see how much infrastructure we use and what it costs.',
  ]),
  ...defineStatements('code-maintainability', [
    'It is easy for us to change code that other teams look after.',
    'It is easy to find examples in our code to learn from.',
    'It is easy to reuse code that someone else wrote.',
    'It is easy to add a new dependency to our project.',
    'It is easy to move our dependencies to newer versions.',
    'Changes in our dependencies rarely break our code.',
  ]),
  ...defineStatements('test-automation', [
    'Developers write and look after the acceptance tests.',
    'When our automated tests pass, we are confident the software can be released.',
    'When an automated test fails, it almost always points to a real defect.',
    'When an acceptance test fails, it is easy to fix the cause.',
    'Developers can reproduce a failing acceptance test on their own machine.',
    'Our automated tests are built into the toolchain we use every day.',
    'The test data we need is available at every stage of testing.',
    'Testers work side by side with developers throughout development.',
    'We do exploratory and usability testing all through delivery, not only at the end.',
    'We write tests before the code they check.',
    'Developers get feedback from the automated tests in less than ten minutes.',
    'We keep reviewing and improving our test suite.',
  ]),
  ...defineStatements('version-control', [
    'Our application code is in version control.',
    'Our system configuration is in version control.',
    'Our application configuration is in version control.',
    'The scripts that build and deploy our software are in version control.',
  ]),
  ...defineStatements('deployment-automation', [
    'Our deployments to production are automated: hardly any step is done by hand.',
  ]),
  ...defineStatements('database-change-management', [
    'Our database changes are kept as scripts in version control.',
    'Database changes go to production through the same process as application changes.',
    'Everyone involved in delivery can see upcoming database changes and discuss them.',
    'Database changes rarely hold up or endanger our deployments.',
    'We can see how our database performs in production and how our changes affect it.',
  ]),
  ...defineStatements('pervasive-security', [
    'Every significant feature gets a security review as part of the work.',
    'Security specialists are involved from design to release, not only at the end.',
    'Security testing is automated in our delivery pipeline.',
    'We have pre-approved tools, libraries and configurations for security that are easy to use.',
    'Security reviews do not slow our development down.',
    'The people building the software know the security requirements that apply to it.',
    'Developers learn how to build secure software as part of their work.',
  ]),
];
