-- Where an event took place, to the point: coordinates and the GeoNames id of its place
-- (a city from the gazetteer), beside the place name and country it already has.
ALTER TABLE events ADD COLUMN location_lat DOUBLE;
ALTER TABLE events ADD COLUMN location_lon DOUBLE;
ALTER TABLE events ADD COLUMN location_geonames INTEGER;
