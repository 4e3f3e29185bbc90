/**
 * Statements for the measurement, process and cultural capabilities and documentation quality, in our
 * words, keeping the meaning and number of DORA's items (dora.dev). The generative culture statements
 * are the six in use since 2023 (the seventh, on failures causing inquiry, was retired).
 */
import type { CapabilityStatement } from './capabilityStatement.js';
import { defineStatements } from './capabilityStatement.js';

/** Statements of the measurement, process and cultural capabilities. */
export const practiceStatements: readonly CapabilityStatement[] = [
  ...defineStatements('generative-organizational-culture', [
    'People here actively look for the information they need.',
    'People who bring bad news or report problems are not blamed for it.',
    'Responsibilities are shared rather than pushed onto others.',
    'Working across functions and teams is encouraged and rewarded.',
    'When something fails, we look at how to improve the system, not at whom to blame.',
    'New ideas are welcome here.',
  ]),
  ...defineStatements('monitoring-and-observability', [
    'We can see the overall health of our systems at a glance.',
    'We know how our systems are behaving as our customers experience them.',
    'We track the key business and system measures of our service.',
    'We have tools that help us understand and debug our systems in production.',
    'Our tools let us discover and investigate problems nobody anticipated.',
    'We can follow an infrastructure problem across services to find its cause and its effects.',
  ]),
  ...defineStatements('working-in-small-batches', [
    'We cut features into small pieces that can be released often.',
    'We break work down into pieces a developer can finish in a week or less.',
    'We build minimal versions of an idea to learn from users before building more.',
  ]),
  ...defineStatements('learning-culture', [
    'Here, learning is seen as the key to getting better.',
    'People here believe that if we stopped learning, our future would be at risk.',
    'Learning is treated as an investment, not as a cost.',
  ]),
  ...defineStatements('wip-limits', [
    'We are good at keeping the amount of work in progress low.',
    'We have an agreed way of limiting work in progress.',
    'Our limits on work in progress show us where the flow of work gets stuck.',
    'Reaching a work-in-progress limit leads us to improve how we work.',
    'Limiting work in progress has increased how much we deliver.',
  ]),
  ...defineStatements('streamlining-change-approval', [
    'Everyone understands how our change approval process works.',
    'Our changes get through approval without undue delay.',
    { text: 'Significant changes need the approval of a senior manager.', reverse: true },
    { text: 'Changes need formal approval before they can be released.', reverse: true },
    {
      text: 'Changes must be approved by a body outside the team, such as a change advisory board.',
      reverse: true,
    },
    'We know the steps a change goes through from being submitted to being accepted.',
  ]),
  ...defineStatements('customer-feedback', [
    'We regularly collect measures of customer satisfaction.',
    'We actively ask customers what they think of the quality of our products and features.',
    'We use customer feedback when we design products and features.',
    'Customer feedback regularly leads us to change what we build.',
  ]),
  ...defineStatements('team-experimentation', [
    'We can work on new ideas without asking permission from outside the team.',
    'We can change the specification while we build, without approval from outside the team.',
    'We decide for ourselves how to reach the goals of our work.',
    'We make time to try new ideas out and learn from the results.',
  ]),
  ...defineStatements('documentation-quality', [
    'I can rely on our technical documentation being accurate.',
    'It is easy to find the right document when I need it.',
    'Our documentation is updated when the system changes.',
    'Our documentation helps when we have to deal with a problem or an incident.',
    'Each important document has someone responsible for keeping it current.',
    'A newcomer can get started from our documentation with little extra help.',
  ]),
  ...defineStatements('transformational-leadership', [
    'Our leader can say clearly where the organisation is heading and what that means for us.',
    'Our leader talks about our work in a way that makes us proud of it and keen to do more.',
    'Our leader encourages us to rethink long-standing problems and try different approaches.',
    "Our leader takes people's needs and feelings into account before making decisions.",
    'Our leader notices when someone does especially good work, and says so.',
  ]),
];
