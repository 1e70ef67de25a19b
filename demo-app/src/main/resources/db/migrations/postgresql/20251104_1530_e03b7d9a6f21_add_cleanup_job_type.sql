-- add cleanup job type
--
-- Revision ID: e03b7d9a6f21
-- Revises: 7d41a3e90c58
-- Create Date: 2025-11-04 15:30:52.640381
-- Transactional: false

-- migrate:upgrade
-- A value added by ALTER TYPE ... ADD VALUE can't be used before its transaction commits, and the seed revision
-- of the same run inserts a cleanup job: so this revision runs, and commits, on its own.
ALTER TYPE job_type ADD VALUE IF NOT EXISTS 'cleanup';

-- migrate:downgrade
-- PostgreSQL can't drop a value from an enum type: rebuild the type without it.
DELETE FROM job WHERE type = 'cleanup';
ALTER TYPE job_type RENAME TO job_type_old;
CREATE TYPE job_type AS ENUM ('build', 'test', 'deploy');
ALTER TABLE job ALTER COLUMN type TYPE job_type USING type::text::job_type;
DROP TYPE job_type_old;
