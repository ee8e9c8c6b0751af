import { z } from 'zod';
import { STREAM_TOPICS, StreamEventSchema } from '../contract/stream';
import type { ApiOperation } from './operation';

/** `/api/v1/stream` (api/stream/routes.ts). */
export const STREAM_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/stream',
    operationId: 'stream',
    tag: 'incidents',
    permission: 'stream:read',
    summary: { zh: '实时事件流（SSE）', en: 'Live event stream (Server-Sent Events)' },
    description: {
      zh: '每条消息的 id 是事件流水号，event 是主题，data 是 StreamEvent。断线重连时带上 Last-Event-ID（或 lastEventId 参数），只补发错过的事件，按序且不重复。注释行心跳保持代理连接；读得太慢的客户端会被断开，重连后从日志补齐。按管辖范围过滤。',
      en: "Each message's id is the event sequence number, its event the topic, its data a StreamEvent. Reconnect with Last-Event-ID (or ?lastEventId=) to receive exactly the missed events, in order, once. Comment heartbeats keep proxies open; a client that stops reading is disconnected and catches up from the log when it reconnects. Area scopes apply.",
    },
    query: z.object({
      topics: z
        .string()
        .optional()
        .meta({ description: `Comma list of ${STREAM_TOPICS.join(', ')}; default all` }),
      lastEventId: z
        .string()
        .regex(/^\d{1,15}$/)
        .optional()
        .meta({ description: 'Resume after this sequence number (as the Last-Event-ID header)' }),
    }),
    responses: [
      {
        status: 200,
        description: {
          zh: '事件流，data 为 StreamEvent JSON',
          en: 'An event stream; each data line is a StreamEvent',
        },
        contentType: 'text/event-stream',
        schema: StreamEventSchema,
      },
    ],
  },
];
