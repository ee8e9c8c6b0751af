import type {
  FileCrs,
  ImportCollection,
  ImportOptions,
  TextEncoding,
} from '../../api/contract/imports';

/** What the admin has chosen on the import page, before a file is sent. */
export interface ImportDraft {
  collection: ImportCollection;
  crs: FileCrs;
  /** `auto` lets the server detect it (UTF-8 unless the bytes are not, then GBK). */
  encoding: TextEncoding | 'auto';
  skipInvalid: boolean;
  replace: boolean;
  repair: boolean;
  allowOutside: boolean;
  /** The admin's changes to the detected mapping: source field → our field ('' = not imported). */
  mapping: Record<string, string>;
}

/** The page's starting choices: service points in WGS84, encoding detected, all or nothing. */
export const DEFAULT_IMPORT_DRAFT: ImportDraft = {
  collection: 'service-points',
  crs: 'wgs84',
  encoding: 'auto',
  skipInvalid: false,
  replace: false,
  repair: false,
  allowOutside: false,
  mapping: {},
};

/** The contract's options for a draft: a dry run (the preview) or the real import. */
export function importOptionsOf(draft: ImportDraft, dryRun: boolean): ImportOptions {
  const { encoding, mapping, collection, crs, skipInvalid, replace, repair, allowOutside } = draft;
  return {
    collection,
    crs,
    ...(encoding === 'auto' ? {} : { encoding }),
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
    dryRun,
    skipInvalid,
    replace,
    repair,
    allowOutside,
  };
}

/**
 * The multipart fields of `POST /api/v1/imports` besides the file: every option as its own
 * form field (booleans as `true`/`false`, the mapping as JSON), as the brief of the route says.
 */
export function importFormFields(options: ImportOptions): [string, string][] {
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    fields.push([name, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
  }
  return fields;
}

/** The draft with one source field mapped to `target` (an empty target leaves it out). */
export function withMapping(draft: ImportDraft, source: string, target: string): ImportDraft {
  return { ...draft, mapping: { ...draft.mapping, [source]: target } };
}
