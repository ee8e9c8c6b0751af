import { IotAlarmResultSchema, IotAlarmSchema } from '../contract/iot';
import type { ApiOperation } from './operation';

/** `/api/v1/iot/alarms` (api/routes/iot.ts). */
export const IOT_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'POST',
    path: '/api/v1/iot/alarms',
    operationId: 'receiveIotAlarm',
    tag: 'incidents',
    permission: 'incidents:report',
    summary: { zh: '物联设备告警', en: 'Report an IoT device alarm' },
    description: {
      zh: '智能井盖、高空抛物、独居老人水表、一键呼叫、健康手环、烟感、楼道电动车充电告警按类型映射为事件类别与等级；未给位置时使用设备登记位置。同一设备同类告警在 YIPING_IOT_REPEAT_MINUTES（默认 30 分钟）内重复时，不新建事件，而在未结事件上记录 alarm_repeat 告警并使版本加一（200, repeat: true）。告警类型须与设备类型一致，未知设备或范围外设备返回 422。',
      en: 'Smart manhole cover, falling object, lone-elderly water meter, one-key call, health bracelet, smoke detector and corridor e-bike charging alarms map to an incident category and severity; without a location the device’s registered one is used. A repeat from the same device and alarm type within YIPING_IOT_REPEAT_MINUTES (30 by default) of an open incident’s report creates nothing: it records an alarm_repeat alert on that incident and raises its version by one (200, repeat: true). The alarm type must be the device’s kind; an unknown device, or one outside the caller’s area, gives 422.',
    },
    body: IotAlarmSchema,
    responses: [
      {
        status: 201,
        description: { zh: '新建事件', en: 'A new incident' },
        schema: IotAlarmResultSchema,
      },
      {
        status: 200,
        description: { zh: '重复告警，已更新未结事件', en: 'A repeat: the open incident, updated' },
        schema: IotAlarmResultSchema,
      },
    ],
    errors: [422],
  },
];
