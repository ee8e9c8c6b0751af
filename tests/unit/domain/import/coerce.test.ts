import { describe, expect, it } from 'vitest';
import { SERVICE_CATEGORIES } from '../../../../api/contract/codes';
import { coerceValue, splitList } from '../../../../api/domain/import/coerce';
import {
  CAMERA_KIND_WORDS,
  MEMBER_ROLE_WORDS,
  SERVICE_CATEGORY_WORDS,
} from '../../../../api/domain/import/value-aliases';
import { nearestCode } from '../../../../api/domain/import/suggest';

const count = { type: 'integer', min: 0 } as const;

describe('coerceValue', () => {
  it('reads CSV strings and typed values alike', () => {
    expect(coerceValue('1,200', count)).toEqual({ ok: true, value: 1200 });
    expect(coerceValue(' 35 ', count)).toEqual({ ok: true, value: 35 });
    expect(coerceValue(35, count)).toEqual({ ok: true, value: 35 });
    expect(coerceValue('是', { type: 'boolean' })).toEqual({ ok: true, value: true });
    expect(coerceValue('否', { type: 'boolean' })).toEqual({ ok: true, value: false });
    expect(coerceValue(370811001001001, { type: 'text' })).toEqual({
      ok: true,
      value: '370811001001001',
    });
  });

  it('refuses what is not of the type or out of range, saying so in Chinese and English', () => {
    expect(coerceValue('12.5', count)).toMatchObject({
      ok: false,
      en: 'Not a whole number: "12.5".',
    });
    expect(coerceValue('-1', count)).toMatchObject({ ok: false });
    expect(coerceValue('abc', count)).toMatchObject({ ok: false, zh: '不是数字：“abc”。' });
    const heading = { type: 'number', min: 0, max: 360, maxExclusive: true } as const;
    expect(coerceValue('360', heading)).toMatchObject({ ok: false });
    expect(coerceValue('359.5', heading)).toEqual({ ok: true, value: 359.5 });
    expect(coerceValue('maybe', { type: 'boolean' })).toMatchObject({ ok: false });
  });

  it('maps Chinese and English names of codes to the code', () => {
    const kind = { type: 'code', words: CAMERA_KIND_WORDS } as const;
    expect(coerceValue('天网', kind)).toEqual({ ok: true, value: 'skynet' });
    expect(coerceValue('E-Police', kind)).toEqual({ ok: true, value: 'e_police' });
    const role = { type: 'code', words: MEMBER_ROLE_WORDS } as const;
    expect(coerceValue('网格长', role)).toEqual({ ok: true, value: 'leader' });
    const category = { type: 'code', words: SERVICE_CATEGORY_WORDS } as const;
    expect(coerceValue('幼儿园', category)).toEqual({ ok: true, value: 'kindergarten' });
    expect(coerceValue('Convenience store', category)).toEqual({
      ok: true,
      value: 'convenience_store',
    });
  });

  it('suggests the nearest code for a misspelt value, and none for a far one', () => {
    const category = { type: 'code', words: SERVICE_CATEGORY_WORDS } as const;
    expect(coerceValue('幼儿圆', category)).toMatchObject({
      ok: false,
      suggestion: 'kindergarten',
    });
    expect(coerceValue('pharmacie', category)).toMatchObject({ ok: false, suggestion: 'pharmacy' });
    expect(coerceValue('火箭发射场', category)).toMatchObject({ ok: false, suggestion: null });
  });

  it('knows a Chinese name for every service category of the contract', () => {
    for (const code of SERVICE_CATEGORIES)
      expect(SERVICE_CATEGORY_WORDS[code].length).toBeGreaterThan(0);
    expect(nearestCode('小学校', SERVICE_CATEGORY_WORDS)).toBe('primary_school');
  });
});

describe('splitList', () => {
  it('splits the separators people type in a cell', () => {
    expect(splitList('a;b；c，d、e')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(splitList(' a , a ')).toEqual(['a']);
  });
});
