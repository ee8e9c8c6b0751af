import type { SeedProgress } from './seed';

const TABLE_LABELS: Record<string, string> = {
  admin_areas: '行政区划 admin areas',
  grid_members: '网格员 members',
  grids: '网格 grids',
  grid_member_grids: '网格分工 assignments',
  water_areas: '水系 water',
  roads: '道路 roads',
  buildings: '建筑 buildings',
  cameras: '摄像头 cameras',
  service_points: '服务点 service points',
  iot_devices: '物联设备 IoT devices',
  incidents: '事件 incidents',
  incident_events: '事件流水 incident events',
};

/**
 * A progress display for seeding: a redrawn bar on a terminal, a line per table and per 10%
 * otherwise (CI logs stay short).
 */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stdout) {
  let lastTable = '';
  let lastTenth = -1;
  return (p: SeedProgress) => {
    const share = p.total ? Math.min(1, p.rows / p.total) : 1;
    const label = TABLE_LABELS[p.table] ?? p.table;
    const counts = `${p.tableRows.toLocaleString('en')}/${p.tableTotal.toLocaleString('en')}`;
    if (stream.isTTY) {
      const filled = Math.round(share * 30);
      const bar = '█'.repeat(filled) + '░'.repeat(30 - filled);
      stream.write(`\r  ${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${label} ${counts}\x1b[K`);
      if (share >= 1) stream.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (p.table !== lastTable || tenth !== lastTenth) {
      stream.write(`  ${(share * 100).toFixed(0).padStart(3)}%  ${label} ${counts}\n`);
      lastTable = p.table;
      lastTenth = tenth;
    }
  };
}
