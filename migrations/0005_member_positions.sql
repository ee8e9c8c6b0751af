-- Where a member's position report may lie, whatever the caller's scope: the distance in metres
-- from the district (0 inside it; NULL when no district is loaded). A grid member's own scope
-- may be one community, which cannot see the district's outline, hence SECURITY DEFINER.
CREATE FUNCTION district_distance_m(lng double precision, lat double precision)
  RETURNS double precision
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH pt AS (SELECT ST_SetSRID(ST_MakePoint(lng, lat), 4326) AS geom)
  SELECT min(CASE WHEN ST_Intersects(d.geom, pt.geom) THEN 0
                  ELSE ST_Distance(d.geom::geography, pt.geom::geography) END)
    FROM admin_areas d, pt
   WHERE d.level = 'district'
$$;
GRANT EXECUTE ON FUNCTION district_distance_m(double precision, double precision) TO yiping_app;
