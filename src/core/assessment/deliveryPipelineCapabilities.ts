/**
 * Technical capabilities of the path to production (DORA, dora.dev): version control, trunk-based
 * development, continuous integration and delivery, deployment and test automation, test data.
 * Guidance written by us.
 */
import { type Capability, defineCapability } from './capability.js';

/** The technical capabilities of the delivery pipeline. */
export const deliveryPipelineCapabilities: readonly Capability[] = [
  defineCapability({
    slug: 'version-control',
    name: 'Version control',
    classicCategory: 'technical',
    grouping: 'fast-flow',
    inAiCapabilitiesModel: true,
    introduced: 'classic',
    movesKeys: ['leadTime', 'changeFailureRate', 'timeToRestore', 'deploymentFrequency'],
    guidance: {
      summary:
        'Everything needed to build, configure, test and deploy the system lives in version control: not only ' +
        'the application code, but system configuration, application configuration and the scripts of the ' +
        'build and deployment. Any environment can then be rebuilt from a known revision, and every change ' +
        'has an author, a reason and a way back.',
      implement: [
        'List what lives outside today (settings edited on servers, scripts on laptops, pipeline steps typed into a web form) and move it into the repository of the code it belongs to.',
        'Describe environments as code (infrastructure definitions, container images, pipeline files) so a change to an environment is reviewed like a change to the application.',
        'Keep secrets out of the repository and version references to a secrets store instead, so that the whole configuration can be versioned safely.',
        'Make the repository the only way to change production: a change made by hand on a server is either committed at once or undone.',
      ],
      obstacles: [
        'Configuration edited in consoles and admin screens, which silently drifts from what the repository says.',
        'Large binaries and generated files committed with the code, making the repository slow; keep them in an artefact store and version their references.',
        'Secrets committed by accident, after which teams become afraid of versioning configuration at all.',
      ],
      measure: [
        'Which of the four are versioned: application code, system configuration, application configuration, build and deployment scripts (aim for all four).',
        'Whether a fresh environment can be rebuilt from the repository alone, and how long that takes.',
        'Production changes made outside the repository, found by comparing live settings with the versioned ones.',
      ],
    },
  }),
  defineCapability({
    slug: 'trunk-based-development',
    name: 'Trunk-based development',
    classicCategory: 'technical',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['leadTime', 'deploymentFrequency', 'changeFailureRate'],
    guidance: {
      summary:
        'Developers merge small changes into one shared branch (trunk or main) at least daily, keep very few ' +
        'branches open, and let no branch live longer than about a day. Nobody drifts far from the shared ' +
        'code, so merging stays painless and trunk stays close to releasable. DORA Core v2 no longer lists ' +
        'it and lists working in small batches instead, of which it is one expression.',
      implement: [
        'Agree a team rule: every branch is merged within a day, and no more than two or three branches are open at any time.',
        'Merge unfinished features safely by hiding incomplete behaviour behind feature flags or by branching by abstraction.',
        'Make review fast (small pull requests, a reviewer on duty, or pairing) so that a change waits minutes rather than days.',
        'Protect trunk with the CI build instead of long-lived develop or release branches; when trunk breaks, fixing it comes before new work.',
      ],
      obstacles: [
        'Review queues that push people to batch many changes into one large branch.',
        'Release branches and code freezes left over from a manual release process.',
        'Too little test automation, so merging feels risky and people hold changes back.',
      ],
      measure: [
        'Age of open branches and pull requests: the median and the oldest.',
        'Number of active branches per repository.',
        'How often code freezes or painful merge conflicts happen, and merges into trunk per developer per day.',
      ],
    },
  }),
  defineCapability({
    slug: 'continuous-integration',
    name: 'Continuous integration',
    classicCategory: 'technical',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['leadTime', 'changeFailureRate', 'deploymentFrequency'],
    guidance: {
      summary:
        'Every commit to trunk triggers an automated build and a fast set of automated tests, and a failing ' +
        "build is the whole team's first priority. Problems surface minutes after they were introduced, " +
        "while the change is fresh in its author's mind, and there is always a working build to test or deploy.",
      implement: [
        'Build and run the unit tests automatically on every commit, in a clean environment, and tell the author the result within about ten minutes.',
        'Integrate into trunk at least daily: running CI on long-lived branches only postpones the real integration.',
        'Adopt the rule that a red build is fixed or the change reverted within minutes, not hours.',
        'Run slower acceptance and performance tests in later stages that still run every day, with results every developer can see.',
        'Publish each green build as an artefact that testers and the deployment pipeline use unchanged.',
      ],
      obstacles: [
        'Slow or flaky tests that teach people to ignore red builds or to rerun until green.',
        'A build that only works on one machine or needs manual steps.',
        'A CI server running on feature branches while nobody actually integrates into trunk.',
      ],
      measure: [
        'Time from commit to build result; share of red builds and how long trunk stays red.',
        'Commits reaching trunk per developer per day.',
        'Share of flaky test runs (the same code both passing and failing).',
      ],
    },
  }),
  defineCapability({
    slug: 'continuous-delivery',
    name: 'Continuous delivery',
    classicCategory: 'technical',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'timeToRestore'],
    guidance: {
      summary:
        'The software is kept deployable throughout its life, so that any version on trunk can go to users ' +
        'on demand, quickly and safely, whenever the business chooses. It is the result of many practices ' +
        'working together (version control, CI, test and deployment automation, loose coupling) and of a ' +
        'team priority: keeping the system releasable comes before new features.',
      implement: [
        'Build one deployment pipeline that every change passes through from commit to production, and close the side doors.',
        'Show everyone, all the time, whether the current version is deployable (pipeline status visible to the whole team).',
        'When the pipeline says the software is not deployable, stop and fix that before starting anything new.',
        'Separate deploying from releasing with feature flags or dark launches, so deploying is routine and releasing is a business decision.',
        'Deploy during working hours; if that feels dangerous, the reason is the next thing to fix.',
      ],
      obstacles: [
        'Manual gates and hand-offs (test sign-off, change boards, operations tickets) in the middle of the path.',
        'Test environments unlike production, so that a green pipeline means little.',
        'Tightly coupled services that have to be released together.',
      ],
      measure: [
        'Deployment frequency and lead time, always together with change failure rate.',
        'Share of the time trunk is deployable, and how quickly the team learns that it is not.',
        'Whether a release can happen on demand in business hours without heroics.',
      ],
    },
  }),
  defineCapability({
    slug: 'deployment-automation',
    name: 'Deployment automation',
    classicCategory: 'technical',
    grouping: 'fast-flow',
    introduced: 'classic',
    movesKeys: ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'timeToRestore'],
    guidance: {
      summary:
        'Deploying to any environment, production included, is done by a tool at the push of a button or on ' +
        'merge, with the same process and the same artefact everywhere. Manual steps are where deployments ' +
        'go wrong and where they slow down; automation makes deploying boring, repeatable and auditable.',
      implement: [
        "Write down every step of today's deployment, including the checks people do by eye, then automate them one at a time, the most error-prone first.",
        'Build once and promote the same artefact through every environment; only configuration differs.',
        'Use the same deployment mechanism for test environments and production, so it has been exercised many times before it matters.',
        'Make deployments repeatable without side effects, with health checks afterwards and an automated way back (rollback or roll forward).',
      ],
      obstacles: [
        'Hand-built servers that differ from each other in ways no script knows about.',
        'Database changes and similar steps still done by a specialist by hand.',
        'Deployment knowledge held by one person or one team.',
      ],
      measure: [
        'Share of the deployment that is manual: count the manual steps and the time they take.',
        'Duration of a deployment and how often the deployment itself fails.',
        'How many people can deploy without help.',
      ],
    },
  }),
  defineCapability({
    slug: 'test-automation',
    name: 'Test automation',
    formerNames: ['Continuous testing'],
    classicCategory: 'technical',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['changeFailureRate', 'leadTime', 'deploymentFrequency'],
    guidance: {
      summary:
        'Automated tests run throughout delivery rather than in a phase at the end, and they are trusted: a ' +
        'green run means the software can be released, a red run means a real defect. Developers write and ' +
        'maintain the tests, with testers working alongside them, and people still explore the product by ' +
        'hand for what automation cannot judge.',
      implement: [
        'Make developers responsible for the automated tests, acceptance tests included, so that tests change together with the code.',
        'Aim for fast feedback: most checks as unit tests, fewer at service and UI level, with the suite answering within ten minutes.',
        'Quarantine and fix flaky tests quickly: a test nobody trusts is worse than no test.',
        'Let developers run any failing acceptance test on their own machine, so that fixing it is easy.',
        'Review the suite regularly: remove tests that never catch anything and add tests where defects escaped.',
      ],
      obstacles: [
        'A separate QA group writing slow, brittle UI suites after the code is done.',
        'Tests that depend on shared environments and data, and fail for reasons unrelated to the change.',
        'Coverage targets chased for their own sake instead of confidence.',
      ],
      measure: [
        'Time for the suite to give feedback; share of flaky runs.',
        'Defects found in production that a test should have caught (escape rate).',
        'Whether a green run is enough to release, or manual regression testing still follows.',
      ],
    },
  }),
  defineCapability({
    slug: 'test-data-management',
    name: 'Test data management',
    classicCategory: 'technical',
    grouping: 'fast-feedback',
    introduced: 'classic',
    movesKeys: ['leadTime', 'changeFailureRate'],
    guidance: {
      summary:
        'Automated tests have the data they need when they need it, without waiting for someone to prepare ' +
        'or refresh it. Good test data is small and self-contained, created by the tests themselves where ' +
        'possible, and sensitive production data stays out of test environments.',
      implement: [
        "Prefer tests that create and remove their own data through the application's interfaces, so that they can run in parallel and in any order.",
        'Keep a small, versioned set of reference data for what tests cannot create, and load it automatically.',
        'Where realistic volumes are needed, generate synthetic data or mask production data automatically; never copy it by hand.',
        'Keep the data each test needs small: a test that needs a full production copy is usually testing too much at once.',
      ],
      obstacles: [
        "Shared test databases in which tests spoil each other's data.",
        'Waiting for a database refresh or for another team to provide data.',
        'Personal data in test environments, bringing legal risk and restricted access.',
      ],
      measure: [
        'Time developers spend waiting for or preparing test data.',
        'Share of test failures caused by data rather than by defects.',
        'Whether the suite runs in any environment without manual data preparation.',
      ],
    },
  }),
];
