import { z } from 'zod';
import { ReadinessSchema } from '../contract/health';
import type { ApiOperation } from './operation';

/** `/healthz` answers this while the process is up. */
export const HealthSchema = z.object({ status: z.literal('ok') });

/** Health probes (api/routes/health.ts) and this documentation (api/openapi/routes.ts). */
export const SYSTEM_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'getHealth',
    tag: 'system',
    permission: 'public',
    summary: { zh: '进程存活', en: 'Process is up' },
    responses: [{ status: 200, description: { zh: '运行中', en: 'Up' }, schema: HealthSchema }],
  },
  {
    method: 'GET',
    path: '/readyz',
    operationId: 'getReadiness',
    tag: 'system',
    permission: 'public',
    summary: { zh: '服务就绪', en: 'Ready to serve' },
    description: {
      zh: '数据库可用、已迁移并已加载数据时返回 200 及图层数量；否则 503。',
      en: 'The database answers, is migrated and seeded: 200 with layer counts; otherwise 503.',
    },
    responses: [
      { status: 200, description: { zh: '就绪', en: 'Ready' }, schema: ReadinessSchema },
      {
        status: 503,
        description: {
          zh: '启动中或数据库不可用',
          en: 'Starting (seeding, stopping) or the database is unavailable',
        },
        schema: ReadinessSchema,
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    tag: 'system',
    permission: 'public',
    summary: { zh: '接口描述文档', en: 'This OpenAPI document' },
    responses: [
      {
        status: 200,
        description: { zh: 'OpenAPI 3.1 文档', en: 'The OpenAPI 3.1 document' },
        schema: z.record(z.string(), z.unknown()),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/docs',
    operationId: 'getDocsPage',
    tag: 'system',
    permission: 'public',
    summary: { zh: '接口文档页面', en: 'API documentation page' },
    responses: [
      {
        status: 200,
        description: { zh: '可离线使用的文档页面', en: 'The documentation page (works offline)' },
        schema: z.string(),
        contentType: 'text/html',
      },
    ],
  },
];
