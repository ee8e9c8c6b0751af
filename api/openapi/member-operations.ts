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
      zh: '账号须关联网格员（memberId）。更新位置与在岗状态，并写入实时事件流（members 主题）。比已存位置更早的定位返回 409。',
      en: 'The account must be linked to a grid member (memberId). Updates the position and duty and appends a members event to the live stream. A fix older than the stored one gives 409.',
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
