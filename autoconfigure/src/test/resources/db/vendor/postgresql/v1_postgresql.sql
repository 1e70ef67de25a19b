-- postgresql only
--
-- Revision ID: v1postgresql
-- Revises:
-- Create Date: 2025-10-24 17:40:00.123456

-- migrate:upgrade
CREATE TABLE only_on_postgresql (id INT);

-- migrate:downgrade
DROP TABLE only_on_postgresql;
