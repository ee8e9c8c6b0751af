-- Compound lanes and footpaths (小区内部道路、步道) join the road network as class 'path'.
ALTER TABLE roads DROP CONSTRAINT roads_class_check;
ALTER TABLE roads ADD CONSTRAINT roads_class_check
  CHECK (class IN ('arterial', 'street', 'alley', 'path'));
