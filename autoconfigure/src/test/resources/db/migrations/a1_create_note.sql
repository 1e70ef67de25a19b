-- create note table
--
-- Revision ID: a1
-- Revises:
-- Create Date: 2025-10-24 17:40:00.123456

-- migrate:upgrade
CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(255));

-- migrate:downgrade
DROP TABLE note;
