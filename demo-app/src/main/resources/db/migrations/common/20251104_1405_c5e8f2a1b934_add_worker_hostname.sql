-- add worker hostname
--
-- Revision ID: c5e8f2a1b934
-- Revises: 7d41a3e90c58
-- Create Date: 2025-11-04 14:05:19.027736

-- migrate:upgrade
ALTER TABLE worker ADD COLUMN hostname VARCHAR(255);

CREATE UNIQUE INDEX uq_worker_hostname ON worker (hostname);

-- migrate:downgrade
DROP INDEX uq_worker_hostname;

ALTER TABLE worker DROP COLUMN hostname;
