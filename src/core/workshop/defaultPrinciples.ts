/**
 * The meeting principles a checkpoint starts with, in our words. The facilitator may edit them
 * before the group agrees to them by a show of hands.
 */

/** The default principles, in the order they are shown. */
export const defaultPrinciples: readonly string[] = [
  'Every voice counts the same: we leave room for those who speak less.',
  'We speak plainly and explain any jargon or acronym we use.',
  'We talk about what we have seen and done ourselves, not about what we heard.',
  'Laptops and phones are for the checkpoint only; the rest can wait.',
  'We keep to the agenda and park what does not belong in it.',
  'We question ideas, never people; everyone did their best with what they knew.',
  'We enjoy it: getting better together should feel good.',
];
