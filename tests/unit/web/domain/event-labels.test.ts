import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_TYPES } from '../../../../api/contract/codes';
import { INCIDENT_WORKFLOW_EVENT_TYPES } from '../../../../api/contract/incidents';
import { EVENT_TYPE_LABELS, eventTypeLabel } from '../../../../web/domain/event-labels';

describe('event type labels', () => {
  it('name every event type the log and the workflow write, in both languages', () => {
    for (const type of [...INCIDENT_EVENT_TYPES, ...INCIDENT_WORKFLOW_EVENT_TYPES]) {
      expect(eventTypeLabel(type)).toBe(EVENT_TYPE_LABELS[type]);
      expect(eventTypeLabel(type).zh).not.toBe(type);
      expect(eventTypeLabel(type).en).not.toBe('');
    }
  });

  it('show an event type this client does not know as itself', () => {
    expect(eventTypeLabel('translate')).toEqual({ zh: 'translate', en: 'translate' });
    expect(eventTypeLabel('toString')).toEqual({ zh: 'toString', en: 'toString' });
  });
});
