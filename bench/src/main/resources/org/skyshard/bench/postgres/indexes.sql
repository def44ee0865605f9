-- What a competent DBA runs after COPY, one statement per line, each timed as a load step:
-- q3c indexes on every position, CLUSTER on the index the point queries use, btree keys, VACUUM
-- ANALYZE (statistics and the visibility map for index-only scans).
ALTER TABLE dp02_dc2_catalogs.object ADD PRIMARY KEY (objectid);
CREATE INDEX object_q3c ON dp02_dc2_catalogs.object (q3c_ang2ipix(coord_ra, coord_dec));
CLUSTER dp02_dc2_catalogs.object USING object_q3c;
CREATE INDEX forcedsource_objectid ON dp02_dc2_catalogs.forcedsource (objectid);
CREATE INDEX forcedsource_ccdvisitid ON dp02_dc2_catalogs.forcedsource (ccdvisitid);
CREATE INDEX forcedsource_q3c ON dp02_dc2_catalogs.forcedsource (q3c_ang2ipix(coord_ra, coord_dec));
CLUSTER dp02_dc2_catalogs.forcedsource USING forcedsource_objectid;
CREATE INDEX matchestruth_match_objectid ON dp02_dc2_catalogs.matchestruth (match_objectid);
CREATE INDEX matchestruth_id_truth_type ON dp02_dc2_catalogs.matchestruth (id_truth_type);
CREATE INDEX truthsummary_id_truth_type ON dp02_dc2_catalogs.truthsummary (id_truth_type);
CREATE INDEX truthsummary_q3c ON dp02_dc2_catalogs.truthsummary (q3c_ang2ipix(ra, dec));
CLUSTER dp02_dc2_catalogs.truthsummary USING truthsummary_q3c;
VACUUM ANALYZE;
