-- Where a grid member's position report may lie: the distance in metres from the union of the
-- member's assigned grids (0 inside one), or from the member's community when no grid is
-- assigned yet; NULL for a member the caller's scope does not show. A member's own scope may not
-- cover every grid they are assigned, hence SECURITY DEFINER; the scope check keeps it from
-- measuring anyone else's grids.
CREATE FUNCTION member_area_distance_m(member text, lng double precision, lat double precision)
  RETURNS double precision
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH pt AS (SELECT ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography AS geog),
  m AS (SELECT id, community_code FROM grid_members
         WHERE id = member AND yiping_in_scope(community_code))
  SELECT coalesce(
    (SELECT min(ST_Distance(g.geom::geography, pt.geog))
       FROM m JOIN grid_member_grids mg ON mg.member_id = m.id
       JOIN grids g ON g.code = mg.grid_code, pt),
    (SELECT ST_Distance(c.geom::geography, pt.geog)
       FROM m JOIN admin_areas c ON c.code = m.community_code, pt))
$$;
GRANT EXECUTE ON FUNCTION member_area_distance_m(text, double precision, double precision)
  TO yiping_app;
