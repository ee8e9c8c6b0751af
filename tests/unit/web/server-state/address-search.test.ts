import { describe, expect, it } from 'vitest';
import { addressFilter } from '../../../../web/server-state/address-search';

describe('addressFilter', () => {
  it('matches the text anywhere in the address', () => {
    expect(addressFilter('洸河路')).toBe("address LIKE '%洸河路%'");
  });

  it('keeps quotes and LIKE wildcards in the text literal', () => {
    expect(addressFilter("O'Brien 50%_off\\")).toBe("address LIKE '%O''Brien 50\\%\\_off\\\\%'");
  });
});
