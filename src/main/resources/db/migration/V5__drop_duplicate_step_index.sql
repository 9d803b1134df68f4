-- uq_approval_step_position already indexes (approval_id, round_no, position_no); a second index on
-- the same columns only made every step written cost one more index update.
DROP INDEX ix_approval_step_approval;
