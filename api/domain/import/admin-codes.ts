import type { AdminLevel } from '../../contract/codes';

/**
 * The code rules of admin areas and grids (DESIGN §1, GB/T 2260): an admin code is 12 digits —
 * 6 of the county, 3 of the street, 3 of the community — and a grid code 15: its community's 12
 * and a 3-digit sequence.
 */

/** Province prefixes of GB/T 2260 (the first two digits of every county code). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Why `code` is not a 12-digit admin code, in Chinese and English; null when it is one. */
export function adminCodeFault(code: string): { zh: string; en: string } | null {
  if (!/^[0-9]{12}$/.test(code))
    return {
      zh: `行政区划代码应为 12 位数字：“${code}”。`,
      en: `An admin code is 12 digits: "${code}".`,
    };
  if (!PROVINCES.has(code.slice(0, 2)) || code.slice(4, 6) === '00')
    return {
      zh: `前 6 位不是 GB/T 2260 县级代码：“${code.slice(0, 6)}”。`,
      en: `The first 6 digits are not a GB/T 2260 county code: "${code.slice(0, 6)}".`,
    };
  return null;
}

/** The level a 12-digit code's shape says: ...000000 a district, ...000 a street, else a community. */
export function levelOfCode(code: string): AdminLevel {
  if (code.endsWith('000000')) return 'district';
  if (code.endsWith('000')) return 'street';
  return 'community';
}

/** The code of the area one level up, by prefix (null for a district). */
export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === 'district') return null;
  if (level === 'street') return `${code.slice(0, 6)}000000`;
  return `${code.slice(0, 9)}000`;
}

/** Why `code` is not a 15-digit grid code, or null. */
export function gridCodeFault(code: string): { zh: string; en: string } | null {
  if (/^[0-9]{15}$/.test(code)) return null;
  return { zh: `网格编码应为 15 位数字：“${code}”。`, en: `A grid code is 15 digits: "${code}".` };
}

/** The community (12 digits) a grid code begins with. */
export function communityOfGrid(code: string): string {
  return code.slice(0, 12);
}

/** A community is a village when its name says so (…村), else urban. */
export function communityKindOfName(name: string): 'urban' | 'village' {
  return /村(委会)?$/.test(name) ? 'village' : 'urban';
}
