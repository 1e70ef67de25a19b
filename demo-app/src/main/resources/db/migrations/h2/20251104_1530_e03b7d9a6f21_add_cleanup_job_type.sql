-- add cleanup job type
--
-- Revision ID: e03b7d9a6f21
-- Revises: 7d41a3e90c58
-- Create Date: 2025-11-04 15:30:52.640381

-- migrate:upgrade
ALTER DOMAIN job_type DROP CONSTRAINT ck_job_type;
ALTER DOMAIN job_type ADD CONSTRAINT ck_job_type CHECK (VALUE IN ('build', 'test', 'deploy', 'cleanup'));

-- migrate:downgrade
DELETE FROM job WHERE type = 'cleanup';
ALTER DOMAIN job_type DROP CONSTRAINT ck_job_type;
ALTER DOMAIN job_type ADD CONSTRAINT ck_job_type CHECK (VALUE IN ('build', 'test', 'deploy'));
