-- add author
--
-- Revision ID: a2
-- Revises: a1
-- Create Date: 2025-10-24 17:41:00.123456

-- migrate:upgrade
ALTER TABLE note ADD COLUMN author VARCHAR(100);

-- migrate:downgrade
ALTER TABLE note DROP COLUMN author;
