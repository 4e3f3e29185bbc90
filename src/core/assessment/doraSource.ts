/** Where a published figure or model comes from. */
export interface SourceReference {
  /** Who published it. */
  publisher: 'DORA';
  /** What it is: a Quick Check edition, a report, the capability catalog. */
  title: string;
  url: string;
}

/** DORA (DevOps Research and Assessment, dora.dev): the source of the whole assessment model. */
export const doraSource: SourceReference = {
  publisher: 'DORA',
  title: 'DORA research programme: the Quick Check, the State of DevOps reports and the capabilities',
  url: 'https://dora.dev',
};

/** A reference to one page of dora.dev (`path` without the leading slash). */
export function doraReference(title: string, path = ''): SourceReference {
  return { publisher: 'DORA', title, url: path === '' ? doraSource.url : `${doraSource.url}/${path}` };
}
