import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES } from '../../../api/contract/codes';
import { INCIDENT_CATEGORY_LABELS } from '../../../api/contract/labels';
import { serviceList } from '../../../api/open311/services';
import { CATEGORY_LABELS } from '../../../web/domain/labels';

/** Category names are declared once; Open311 and the wall must show the same ones. */
describe('incident category labels', () => {
  it('name every category, in both languages', () => {
    expect(Object.keys(INCIDENT_CATEGORY_LABELS).sort()).toEqual([...INCIDENT_CATEGORIES].sort());
    for (const label of Object.values(INCIDENT_CATEGORY_LABELS)) {
      expect(label.zh).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(label.en).toMatch(/^[A-Z]/);
    }
  });

  it.each(INCIDENT_CATEGORIES)('%s: Open311 and the wall use the contract label', (category) => {
    const service = serviceList().find((s) => s.service_code === category);
    expect(service?.service_name).toBe(INCIDENT_CATEGORY_LABELS[category].zh);
    expect(CATEGORY_LABELS[category]).toEqual(INCIDENT_CATEGORY_LABELS[category]);
  });
});
