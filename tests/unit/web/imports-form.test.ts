import { describe, expect, it } from 'vitest';
import { ImportOptionsSchema } from '../../../api/contract/imports';
import { optionsOfForm } from '../../../api/routes/imports';
import {
  DEFAULT_IMPORT_DRAFT,
  importFormFields,
  importOptionsOf,
  withMapping,
} from '../../../web/domain/import-form';

const formOf = (fields: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
};

describe('importOptionsOf', () => {
  it('leaves the encoding out when it is to be detected, and sends a chosen one', () => {
    expect(importOptionsOf(DEFAULT_IMPORT_DRAFT, true)).not.toHaveProperty('encoding');
    const gbk = importOptionsOf({ ...DEFAULT_IMPORT_DRAFT, encoding: 'gbk' }, false);
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.dryRun).toBe(false);
  });

  it('gives options the contract accepts, with the admin mapping', () => {
    const draft = withMapping({ ...DEFAULT_IMPORT_DRAFT, crs: 'gcj02' }, '名称X', 'name');
    const options = importOptionsOf({ ...draft, skipInvalid: true }, true);
    expect(ImportOptionsSchema.strict().parse(options)).toEqual(options);
    expect(options.mapping).toEqual({ 名称X: 'name' });
  });
});

describe('importFormFields', () => {
  it('is read back by the upload route as the same options', () => {
    const draft = withMapping(
      { ...DEFAULT_IMPORT_DRAFT, collection: 'cameras', crs: 'bd09', encoding: 'utf-8' },
      '视角',
      'fov',
    );
    const options = importOptionsOf({ ...draft, replace: true, repair: true }, true);
    expect(optionsOfForm(formOf(importFormFields(options)))).toEqual(options);
  });

  it('sends booleans as true/false and the mapping as JSON', () => {
    const fields = new Map(
      importFormFields(importOptionsOf(withMapping(DEFAULT_IMPORT_DRAFT, 'a', 'code'), false)),
    );
    expect(fields.get('dryRun')).toBe('false');
    expect(fields.get('skipInvalid')).toBe('false');
    expect(JSON.parse(fields.get('mapping') ?? '')).toEqual({ a: 'code' });
  });
});
