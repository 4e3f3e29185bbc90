/**
 * Technical capabilities of architecture, infrastructure and code (DORA, dora.dev): pervasive
 * security, loosely coupled teams, tool choice, flexible infrastructure, code maintainability and
 * database change management. Guidance written by us.
 */
import { type Capability, defineCapability } from './capability.js';

/** The technical capabilities of architecture, infrastructure and code. */
export const architectureCapabilities: readonly Capability[] = [
  defineCapability({
    slug: 'pervasive-security',
    name: 'Pervasive security',
    formerNames: ['Shifting left on security'],
    classicCategory: 'technical',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['changeFailureRate', 'leadTime'],
    guidance: {
      summary:
        'Security is part of everyday delivery instead of a check at the end: security specialists help ' +
        'with design and review from the start, security tests run in the pipeline, and teams have ' +
        'pre-approved tools and libraries that are easy to use. Security stops being a late gate that ' +
        'holds releases back.',
      implement: [
        'Involve security people in the design of significant features and in threat modelling, not only in a review before release.',
        'Run automated checks in the pipeline (vulnerable dependencies, static analysis, committed secrets, container images) and report failures to the author.',
        'Offer a paved road: vetted libraries, base images and configurations that teams may adopt without a review.',
        'Train developers in the common weaknesses of your stack and put security requirements in the definition of done.',
      ],
      obstacles: [
        'A manual security review at the end, with a long queue.',
        'Scanners flooding teams with low-value findings until all findings are ignored.',
        'Security knowledge concentrated in a team developers rarely talk to.',
      ],
      measure: [
        'Time to fix known vulnerabilities in running software, by severity.',
        'Findings caught before merge versus after release.',
        'How much time security reviews add to lead time.',
      ],
    },
  }),
  defineCapability({
    slug: 'loosely-coupled-teams',
    name: 'Loosely coupled teams',
    formerNames: ['Loosely coupled architecture'],
    classicCategory: 'technical',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['deploymentFrequency', 'leadTime', 'changeFailureRate'],
    guidance: {
      summary:
        'Teams can change, test and deploy their part of the system without asking other teams for ' +
        'permission or coordinating releases with them. Architecture and team structure go together: ' +
        'services with clear interfaces, each owned by a team that can make large changes inside its ' +
        'boundary. DORA found it among the strongest predictors of continuous delivery.',
      implement: [
        'Map where work needs another team today (shared databases, joint releases, one integrated test environment) and remove the most frequent dependency first.',
        'Give services stable, versioned interfaces and contract tests, so that each side can change on its own schedule.',
        'Let each team deploy its services on its own, without a shared release date.',
        'Align team boundaries with service boundaries: a service owned by several teams is a standing coordination cost.',
      ],
      obstacles: [
        'A shared database or shared library that forces changes in lock-step.',
        'Integration testing only possible in one shared environment.',
        'Ownership of a service split between teams by layer (front end, back end, operations).',
      ],
      measure: [
        'Share of changes that need coordination with another team or a joint release.',
        'Whether teams can test most of their work without an integrated environment.',
        'Time work waits on other teams.',
      ],
    },
  }),
  defineCapability({
    slug: 'empowering-teams-to-choose-tools',
    name: 'Empowering teams to choose tools',
    classicCategory: 'technical',
    grouping: 'climate-for-learning',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency'],
    guidance: {
      summary:
        'The people who do the work have a real say in the tools, languages and frameworks they use, ' +
        'within sensible guard rails. Teams choose what fits their problem and own it; DORA links this to ' +
        'better delivery performance and to job satisfaction.',
      implement: [
        'Agree a short list of non-negotiables (security, supportability, cost) and let teams choose freely within them.',
        'Offer well-supported defaults, so that the standard is the easy choice rather than the imposed one.',
        'Give teams a quick, light way to trial a new tool, and a place to share what they learnt.',
      ],
      obstacles: [
        'Central purchasing that takes months to approve a tool.',
        'Standardisation for its own sake, forcing on everyone tools that fit nobody well.',
        'Fear of tool sprawl; answer it with guard rails and shared learning rather than a ban.',
      ],
      measure: [
        'Time from a team asking for a tool to using it.',
        "Developers' satisfaction with their tools, from a short recurring survey.",
        'How often teams work around official tools with unofficial ones.',
      ],
    },
  }),
  defineCapability({
    slug: 'flexible-infrastructure',
    name: 'Flexible infrastructure',
    formerNames: ['Cloud infrastructure'],
    classicCategory: 'technical',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['deploymentFrequency', 'leadTime', 'timeToRestore'],
    guidance: {
      summary:
        'Teams get infrastructure with the five characteristics that define cloud computing: on-demand self ' +
        'service, broad network access, pooled resources, rapid elastic scaling and measured use. Renting ' +
        'servers from a cloud provider is not enough; DORA found the benefit comes from these characteristics.',
      implement: [
        'Offer self-service provisioning through code or a portal, with no ticket to another team.',
        'Define infrastructure as code, so that environments are created, changed and thrown away automatically.',
        'Use autoscaling and managed services where load varies, instead of sizing everything for the peak.',
        'Show each team its own usage and cost, so that it can make the trade-offs itself.',
      ],
      obstacles: [
        'The old ticket-driven provisioning process moved to the cloud unchanged.',
        'Long-lived, hand-built environments that nobody dares to recreate.',
        'Costs nobody can see until the invoice arrives.',
      ],
      measure: [
        'Time from needing an environment to having it.',
        'Share of infrastructure defined as code.',
        'Which of the five characteristics teams say they actually have.',
      ],
    },
  }),
  defineCapability({
    slug: 'code-maintainability',
    name: 'Code maintainability',
    classicCategory: 'technical',
    grouping: 'climate-for-learning',
    introduced: 'classic',
    movesKeys: ['leadTime', 'changeFailureRate'],
    guidance: {
      summary:
        'Code is easy to find, understand, reuse and change, including code owned by other teams, and ' +
        'dependencies are easy to add and upgrade without breaking things. Maintainable code keeps the cost ' +
        'of change low as a system ages.',
      implement: [
        'Make code searchable across the organisation so that developers find examples and existing solutions.',
        'Automate dependency upgrades (bots opening small upgrade pull requests, checked by CI) so that upgrades stay small and frequent.',
        'Make shared code easy to reuse and to contribute to: clear owners, a contribution guide, review by the owning team.',
        'Pay down technical debt continuously as part of normal work, not in rare large projects.',
      ],
      obstacles: [
        'Code scattered over many repositories with restricted access.',
        'Dependencies pinned for years until upgrading becomes a project of its own.',
        'Reuse by copy and paste, which multiplies every bug.',
      ],
      measure: [
        'How far dependencies lag behind their latest versions; time to roll a library security fix out everywhere.',
        'How often a dependency upgrade breaks the build.',
        "Developers' rating of how easy it is to change code they do not own.",
      ],
    },
  }),
  defineCapability({
    slug: 'database-change-management',
    name: 'Database change management',
    classicCategory: 'technical',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency', 'changeFailureRate'],
    guidance: {
      summary:
        'Database changes are handled like application changes: scripted, kept in version control, tested ' +
        'in the pipeline and deployed automatically, with the people responsible for the database involved ' +
        'early. The database stops being the part of a release everyone fears.',
      implement: [
        'Keep every schema and reference-data change in version control as a migration, applied by a migration tool in every environment.',
        'Design changes to be backward compatible (expand, migrate, then contract) so that application and database deploy independently.',
        'Bring database specialists into design discussions and make upcoming database changes visible to the whole team.',
        'Share database performance data with developers so that they see the effect of their changes.',
      ],
      obstacles: [
        'Schema changes applied by hand by a specialist in a release window.',
        'Big-bang migrations that lock tables or cannot be undone.',
        'One database changed by many applications.',
      ],
      measure: [
        'Share of database changes deployed by the pipeline.',
        'Releases delayed or failed because of database changes.',
        'Time from writing a schema change to having it in production.',
      ],
    },
  }),
];
