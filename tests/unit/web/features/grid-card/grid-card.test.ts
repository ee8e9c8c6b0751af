import { describe, expect, it } from 'vitest';
import type { MemberPoint } from '../../../../../web/domain/wall-data';
import { formatShare, orderMembers } from '../../../../../web/features/grid-card/grid-card';

function member(id: string, name: string, role: MemberPoint['role']): MemberPoint {
  return {
    id,
    name,
    role,
    streetCode: '330106001000',
    communityCode: '330106001001',
    onDuty: true,
    positionAt: null,
    lng: 120.1,
    lat: 30.2,
  };
}

describe('grid card', () => {
  it("lists the grid's own leader first, then members by role", () => {
    const members = [
      member('m1', '王五', 'helper'),
      member('m2', '李四', 'leader'),
      member('m3', '赵六', 'full_time'),
      member('m4', '张三', 'leader'),
    ];
    expect(orderMembers(members, 'm4').map((m) => m.id)).toEqual(['m4', 'm2', 'm3', 'm1']);
  });

  it('shows SLA compliance as a percentage, or a dash when nothing closed', () => {
    expect(formatShare(0.934)).toBe('93%');
    expect(formatShare(null)).toBe('—');
  });
});
