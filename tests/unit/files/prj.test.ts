import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { interpretPrj } from '../../../api/files/prj';

const GEOG_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",' +
  'SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** ESRI WKT as `gdalsrsinfo -o wkt_esri EPSG:n` prints it, with a projected parameter block. */
function projected(name: string, geog: string, projection: string, fe: number, k: number): string {
  return (
    `PROJCS["${name}",${geog},PROJECTION["${projection}"],PARAMETER["False_Easting",${fe}],` +
    'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],' +
    `PARAMETER["Scale_Factor",${k}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}

const GEOG_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** OGC WKT1 of EPSG:4527 (`gdalsrsinfo -o wkt1`), with its northing-first AXIS lines. */
const OGC_4527 =
  'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 39",GEOGCS["China Geodetic Coordinate System 2000",' +
  'DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],' +
  'UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",117],PARAMETER["scale_factor",1],' +
  'PARAMETER["false_easting",39500000],PARAMETER["false_northing",0],UNIT["metre",1],' +
  'AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","4527"]]';

/** 泉城广场 (117.019941, 36.661549) projected by GDAL's gdaltransform into each system. */
const PROJECTED = [
  {
    prj: projected('CGCS2000_3_Degree_GK_CM_117E', GEOG_CGCS2000, 'Gauss_Kruger', 500000, 1),
    xy: [501782.81782363, 4058951.73815252],
    crs: 'cgcs2000',
  },
  {
    prj: projected('CGCS2000_GK_Zone_20', GEOG_CGCS2000, 'Gauss_Kruger', 20500000, 1),
    xy: [20501782.8178236, 4058951.73815252],
    crs: 'cgcs2000',
  },
  { prj: OGC_4527, xy: [39501782.8178236, 4058951.73815252], crs: 'cgcs2000' },
  {
    prj: projected('WGS_1984_UTM_Zone_50N', GEOG_WGS84, 'Transverse_Mercator', 500000, 0.9996),
    xy: [501782.10469649, 4057328.15756594],
    crs: 'wgs84',
  },
] as const;

describe('interpreting a .prj', () => {
  it('takes geographic CGCS2000 and WGS84 as they are', () => {
    expect(interpretPrj(GEOG_CGCS2000, 'a.zip')).toEqual({
      declaredCrs: 'GCS_China_Geodetic_Coordinate_System_2000',
      impliedCrs: 'cgcs2000',
      unproject: null,
    });
    expect(interpretPrj(GEOG_WGS84, 'a.zip').impliedCrs).toBe('wgs84');
  });

  it.each(PROJECTED)(
    'unprojects $crs $xy to within 1 m of where GDAL put it',
    ({ prj, xy, crs }) => {
      const meaning = interpretPrj(prj, 'a.zip');
      expect(meaning.impliedCrs).toBe(crs);
      const back = meaning.unproject!([...xy]);
      expect(distance(back, [117.019941, 36.661549], { units: 'meters' })).toBeLessThan(1);
    },
  );

  it('names a CRS it cannot place, in Chinese then English', () => {
    const xian =
      'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]]]';
    expect(() => interpretPrj(xian, 'a.zip')).toThrow(
      /坐标系“GCS_Xian_1980”无法识别.* \/ .*unknown coordinate system "GCS_Xian_1980"/,
    );
  });
});
