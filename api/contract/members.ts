import { z } from 'zod';

/**
 * How far from their assigned grids (their union; their community while they have none) a
 * member's reported position may lie, metres: a patrol crosses the boundary street or visits a
 * neighbouring grid, and phones err by tens of metres. Beyond it the report is refused (422),
 * so nobody sees a member kilometres from where they work.
 */
export const MEMBER_REACH_M = 1000;

/** Body of `POST /api/v1/members/me/position`: where the signed-in grid member is now. */
export const PositionReportSchema = z
  .object({
    lng: z.number().min(-180).max(180).meta({ description: '经度 Longitude, WGS84' }),
    lat: z.number().min(-90).max(90).meta({ description: '纬度 Latitude, WGS84' }),
    at: z.iso.datetime({ offset: true }).optional().meta({
      description: '定位时间 When the fix was taken; default now',
    }),
    onDuty: z.boolean().optional().meta({ description: '在岗 Going on or off duty' }),
  })
  .strict();
export type PositionReport = z.infer<typeof PositionReportSchema>;

/** The member's stored position after a report. */
export const MemberPositionSchema = z.object({
  id: z.string(),
  lng: z.number(),
  lat: z.number(),
  positionAt: z.iso.datetime(),
  onDuty: z.boolean(),
});
export type MemberPosition = z.infer<typeof MemberPositionSchema>;
