import { MemberPositionSchema, PositionReportSchema } from '../contract/members';
import type { ApiOperation } from './operation';

/** `/api/v1/members` (api/routes/members.ts). */
export const MEMBER_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'POST',
    path: '/api/v1/members/me/position',
    operationId: 'reportPosition',
    tag: 'incidents',
    permission: 'members:report-position',
    summary: { zh: '网格员上报位置', en: 'A grid member reports their position' },
    description: {
      zh: '账号须关联网格员（memberId），否则返回 422。更新位置与在岗状态，并在同一事务中写入实时事件流（members 主题：position，在岗状态改变时为 duty）。位置须在其负责网格（尚未分配网格时为所在社区）1 公里以内（422）；比已存位置更早的定位返回 409，超前一分钟以上的定位返回 422。',
      en: 'The account must be linked to a grid member (memberId), else 422. Updates the position and duty and, in the same transaction, appends a members event to the live stream (position, or duty when the duty changes). The point must lie within 1 km of the member’s assigned grids (of their community while they have none), else 422; a fix older than the stored one gives 409, one more than a minute ahead of the server clock 422.',
    },
    body: PositionReportSchema,
    responses: [
      {
        status: 200,
        description: { zh: '已记录', en: 'Recorded' },
        schema: MemberPositionSchema,
      },
    ],
    errors: [404, 409, 422],
  },
];
