-- h2 only
--
-- Revision ID: v1h2
-- Revises:
-- Create Date: 2025-10-24 17:40:00.123456

-- migrate:upgrade
CREATE TABLE only_on_h2 (id INT);

-- migrate:downgrade
DROP TABLE only_on_h2;
