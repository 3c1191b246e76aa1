import type { Page } from '../../operation/pagination.js';

/** The `IsTruncated` and `Marker` members of a list response; `Marker` only when there is more to list. */
export function pageFields(page: Page<unknown>): { IsTruncated: boolean; Marker?: string } {
  return page.Marker === undefined
    ? { IsTruncated: page.IsTruncated }
    : { IsTruncated: page.IsTruncated, Marker: page.Marker };
}
